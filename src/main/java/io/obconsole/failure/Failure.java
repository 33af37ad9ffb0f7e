package io.obconsole.failure;

import io.obconsole.backup.PreflightFinding;
import java.util.List;

/**
 * One failure as people read it, whatever renders it (a page or problem+json): what happened, and
 * when OceanBase answered, its own code and text next to a plain explanation and the next step.
 *
 * @param status   the HTTP status (the kind's, or the framework's for {@link FailureKind#HTTP_ERROR})
 * @param pageText the sentence a page shows for it in its own layout (beside the form it sends back):
 *                 the console's own words for what happened, which the API's {@code detail} may put otherwise
 * @param findings the preflight's findings with their fixes, for {@link FailureKind#PREFLIGHT_FAILED}
 */
public record Failure(FailureKind kind, int status, String title, String detail, String pageText, Integer obCode, String obText,
        String explanation, String nextStep, List<PreflightFinding> findings) {

    public Failure {
        findings = findings == null ? null : List.copyOf(findings);
    }

    /** The same failure, with the status a page answers it with. */
    public Failure withStatus(int pageStatus) {
        return new Failure(kind, pageStatus, title, detail, pageText, obCode, obText, explanation, nextStep, findings);
    }

    Failure withPageText(String text) {
        return new Failure(kind, status, title, detail, text, obCode, obText, explanation, nextStep, findings);
    }
}
