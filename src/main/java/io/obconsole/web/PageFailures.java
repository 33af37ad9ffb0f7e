package io.obconsole.web;

import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.failure.Failure;
import io.obconsole.failure.FailureCatalogue;
import io.obconsole.failure.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import java.util.Set;

/**
 * The one path from a console failure to what a page shows: {@link FailureCatalogue} gives the
 * status and the sentence, as it does for the API. A page names only the kinds it shows in its own
 * layout (beside the form it sends back); everything else takes the common way out, so that a new
 * failure kind is one exception and one catalogue entry.
 */
@ApplicationScoped
public class PageFailures {

    @Inject
    FailureCatalogue catalogue;

    /**
     * The failure, when its kind is one the page shows. A refusal of authority is the 403 page; any
     * other kind goes on to the failure mappers, which render the catalogue's failure page; and what
     * the catalogue does not know goes on as it is (a bug).
     */
    public Failure shown(RuntimeException e, Set<FailureKind> shown) {
        return shown(e, shown, Set.of());
    }

    /**
     * As {@link #shown(RuntimeException, Set)}, where the page's address names what the failure is
     * about: a kind in {@code missing} (a cluster, tenant or policy that does not exist here) is the
     * 404 page.
     */
    public Failure shown(RuntimeException e, Set<FailureKind> shown, Set<FailureKind> missing) {
        Failure failure = catalogue.describe(e);
        if (failure == null || !shown.contains(failure.kind())) {
            throw thrown(failure, e, missing);
        }
        return failure;
    }

    /** For a step that shows no failure itself: what to throw, the 403 page for a refusal of authority. */
    public RuntimeException thrown(RuntimeException e) {
        return thrown(e, Set.of());
    }

    /** As {@link #thrown(RuntimeException)}, with the kinds that are the 404 page here. */
    public RuntimeException thrown(RuntimeException e, Set<FailureKind> missing) {
        return thrown(catalogue.describe(e), e, missing);
    }

    private static RuntimeException thrown(Failure failure, RuntimeException e, Set<FailureKind> missing) {
        if (failure == null) {
            return e;
        }
        if (failure.kind() == FailureKind.FORBIDDEN) {
            return new PageForbiddenException();
        }
        return missing.contains(failure.kind()) ? new NotFoundException() : e;
    }

    /**
     * As {@link #shown}, for a page that sends its form back with the refusal: a cluster or tenant
     * that does not exist is a refused input there (400), not a missing page.
     */
    public Failure refusedInForm(RuntimeException e, Set<FailureKind> shown) {
        Failure failure = shown(e, shown);
        return failure.kind() == FailureKind.UNKNOWN_CLUSTER || failure.kind() == FailureKind.UNKNOWN_TENANT
                ? failure.withStatus(FailureKind.INVALID_REQUEST.status())
                : failure;
    }

    /** The driver's own words for a cluster that did not answer, for pages that say it in a sentence of their own. */
    public static String unreachableReason(RuntimeException e) {
        return e instanceof ClusterUnreachableException unreachable ? unreachable.reason() : e.getMessage();
    }
}
