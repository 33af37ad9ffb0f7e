package io.obconsole.progress;

import io.quarkus.oidc.TenantResolver;
import io.quarkus.oidc.runtime.OidcUtils;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Picks how a socket upgrade on {@code /ws/*} is signed in: a bearer token (API clients) goes to
 * the {@code api} tenant, a browser session cookie to the default code-flow tenant. An upgrade with
 * neither also goes to {@code api}, so it is answered 401 instead of a redirect to the sign-in page
 * that a socket cannot follow. Every other path keeps the configured resolution.
 */
@ApplicationScoped
public class SocketTenantResolver implements TenantResolver {

    static final String API_TENANT = "api";

    /**
     * The code flow's session cookie as Quarkus OIDC names it for the default tenant (its own
     * constant plus the configured suffix); split tokens add suffixes, the ID token keeps this name.
     */
    private final String sessionCookie;

    SocketTenantResolver(@ConfigProperty(name = "quarkus.oidc.authentication.cookie-suffix") Optional<String> cookieSuffix) {
        this.sessionCookie = OidcUtils.SESSION_COOKIE_NAME + cookieSuffix.map(suffix -> "_" + suffix).orElse("");
    }

    @Override
    public String resolve(RoutingContext context) {
        if (!context.normalizedPath().startsWith("/ws/")) {
            return null;
        }
        String authorization = context.request().getHeader("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return API_TENANT;
        }
        for (Cookie cookie : context.request().cookies()) {
            if (cookie.getName().startsWith(sessionCookie)) {
                return null;
            }
        }
        return API_TENANT;
    }
}
