package io.obconsole.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** The 403 page: says the action is not allowed, and nothing about what is behind it. */
@Provider
public class ForbiddenPage implements ExceptionMapper<PageForbiddenException> {

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance forbidden();
    }

    @Override
    public Response toResponse(PageForbiddenException exception) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.forbidden().render()).build();
    }
}
