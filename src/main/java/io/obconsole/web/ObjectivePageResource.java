package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.alert.Objectives;
import io.obconsole.failure.Failure;
import io.obconsole.failure.FailureKind;
import io.obconsole.urls.PageUrls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/** The tenant page's objective form (admins): saves the tenant's own objective and returns to the tenant page, which says so. */
@Path("/clusters/{cluster}/tenants/{tenant}/objective")
public class ObjectivePageResource {

    @Inject
    PageAccess access;

    @Inject
    Objectives objectives;

    @Inject
    PageFailures failures;

    private static final Set<FailureKind> REFUSED = EnumSet.of(FailureKind.INVALID_REQUEST);

    private static final Set<FailureKind> MISSING = EnumSet.of(FailureKind.UNKNOWN_TENANT);

    /** The form as posted; its figures' rules are declared once, on {@code ObjectiveFigures}, and checked by the service. */
    public static class ObjectiveInput {
        @RestForm
        String maxBackupAge;
        @RestForm
        String maxFullAge;
        @RestForm
        String maxArchiveLag;
        @RestForm
        String maxRestoreTime;
        @RestForm
        String provenWithin;
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance rejected(String cluster, String tenant, String page, String reason);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @BeanParam ObjectiveInput input) {
        Operator who = access.who();
        access.requireAdmin(who);
        String page = PageUrls.tenant(cluster, tenant);
        try {
            objectives.set(who, cluster, tenant, input.maxBackupAge, input.maxFullAge, input.maxArchiveLag,
                    input.maxRestoreTime, input.provenWithin);
        } catch (RuntimeException e) {
            Failure failure = failures.shown(e, REFUSED, MISSING);
            return Response.status(failure.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.rejected(cluster, tenant, page, failure.pageText()).render()).build();
        }
        // the page's top, where the flash says it was saved (the section's new figures are below it)
        return Response.seeOther(PageUrls.withMessage(page, Flash.OBJECTIVE_SAVED)).build();
    }
}
