package io.obconsole.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * Every state-changing request a browser can send is checked for a {@link CsrfTokens} token of
 * the person's own session, whatever its Content-Type (a form field, or the {@code X-CSRF-Token}
 * header for scripts in the page). Only requests that authenticate with their own
 * {@code Authorization: Bearer} token on the API are exempt: a browser never adds that header to
 * a forged request, and the API accepts no session cookie.
 */
@ApplicationScoped
public class CsrfGuard {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    /** Before routing and authentication, after {@link SecurityHeaders}. */
    private static final int PRIORITY = 19_000;

    @CheckedTemplate(basePath = "errors")
    static class Templates {
        static native TemplateInstance csrf();
    }

    @Inject
    CsrfTokens tokens;

    @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
    boolean secureCookies;

    /** Gives every page visit a nonce cookie to bind its form tokens to; APIs, assets and health get none. */
    void issueNonces(@Observes Filters filters) {
        filters.register(context -> {
            Cookie held = context.request().getCookie(CsrfTokens.COOKIE);
            if (SAFE.contains(context.request().method()) && (held == null || held.getValue().isEmpty())
                    && wantsNonce(context.normalizedPath())) {
                String nonce = CsrfTokens.newNonce();
                context.put(CsrfTokens.ISSUED_NONCE, nonce);
                context.response().addCookie(Cookie.cookie(CsrfTokens.COOKIE, nonce).setPath("/").setHttpOnly(true)
                        .setSameSite(CookieSameSite.STRICT).setSecure(secureCookies || context.request().isSSL()));
            }
            context.next();
        }, PRIORITY);
    }

    @ServerRequestFilter
    @WithFormRead
    public void verify(ResteasyReactiveContainerRequestContext request, RoutingContext routing) {
        if (SAFE.contains(routing.request().method()) || isBearerApiCall(routing)) {
            return;
        }
        String token = request.getHeaderString(CsrfTokens.HEADER);
        if (token == null && isForm(request.getMediaType())) {
            Object field = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                    .getFormParameter(CsrfTokens.FIELD, true, false);
            token = field == null ? null : field.toString();
        }
        if (!tokens.verify(routing, identity(routing), token)) {
            throw new CsrfRefusedException();
        }
    }

    @ServerExceptionMapper
    public Response refused(CsrfRefusedException e) {
        return Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.csrf().render()).build();
    }

    private static boolean isBearerApiCall(RoutingContext routing) {
        String authorization = routing.request().getHeader("Authorization");
        return routing.normalizedPath().startsWith("/api/") && authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static boolean wantsNonce(String path) {
        return !(path.startsWith("/api/") || path.startsWith("/q/") || path.startsWith("/assets/")
                || path.startsWith("/ws/") || path.equals("/favicon.ico"));
    }

    private static boolean isForm(MediaType type) {
        return type != null && ("application".equals(type.getType()) && "x-www-form-urlencoded".equals(type.getSubtype())
                || "multipart".equals(type.getType()) && "form-data".equals(type.getSubtype()));
    }

    private static SecurityIdentity identity(RoutingContext routing) {
        return routing.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
    }

    /** A state-changing request without a token of the person's own session. */
    public static final class CsrfRefusedException extends RuntimeException {
        CsrfRefusedException() {
            super("CSRF token missing or not of this session", null, false, false);
        }
    }
}
