package io.obconsole.failure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Renders a {@link Failure} for whoever asked: {@code application/problem+json} for the API
 * ({@code /api/...}), the console's failure page for a browser. The one rendering of every failure.
 */
@ApplicationScoped
public class FailureResponses {

    private final ObjectMapper json;

    FailureResponses(ObjectMapper json) {
        this.json = json;
    }

    @CheckedTemplate(basePath = "FailurePages")
    static class Templates {
        /** A failure inside the console's layout, for requests that reached a page resource. */
        static native TemplateInstance page(Failure failure);

        /** A page that needs nothing of the request (no signed-in header), for the HTTP layer's own refusals. */
        static native TemplateInstance bare(Failure failure);
    }

    /** Whether a request path belongs to the API (JSON) rather than the pages. */
    public static boolean api(String path) {
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }

    public Response respond(Failure failure, String path) {
        if (api(path)) {
            return problem(failure);
        }
        // nobody is signed in on a 401, and the layout's header would resolve the identity (on the IO
        // thread for a socket upgrade): the bare page says the same without it
        TemplateInstance page = failure.status() == 401 ? Templates.bare(failure) : Templates.page(failure);
        return Response.status(failure.status()).type(MediaType.TEXT_HTML_TYPE).entity(page.render()).build();
    }

    public Response problem(Failure failure) {
        return Response.status(failure.status()).type(Problem.MEDIA_TYPE).entity(problemJson(failure)).build();
    }

    /** The problem document as text: written here so no message-body writer has to know the media type. */
    public String problemJson(Failure failure) {
        try {
            return json.writeValueAsString(Problem.of(failure));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document could not be written", e);
        }
    }

    /** The page as plain HTML text, for handlers outside the REST layer. */
    public String barePage(Failure failure) {
        return Templates.bare(failure).render();
    }
}
