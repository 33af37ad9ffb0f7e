package io.obconsole.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The 503 page for a trail that cannot be read now: what happened and what to do, no stack trace. */
final class AuditUnavailablePage {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance auditUnavailable();
    }

    private AuditUnavailablePage() {
    }

    static Response response() {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE).type(MediaType.TEXT_HTML_TYPE)
                .header("Retry-After", "10").entity(Templates.auditUnavailable().render()).build();
    }
}
