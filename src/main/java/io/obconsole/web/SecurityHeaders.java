package io.obconsole.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Security headers on every response the console sends: pages, assets, errors and the sign-in
 * redirects alike. The policy allows no inline script or style; forms may post only to the
 * console and, because sign-out ends at Keycloak, to the Keycloak origin. Nothing but the static
 * assets may be stored by a browser or proxy cache.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Runs before routing and authentication, so redirects to Keycloak carry the headers too. */
    private static final int PRIORITY = 20_000;

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    String authServerUrl;

    void register(@Observes Filters filters) {
        String policy = contentSecurityPolicy(origin(authServerUrl));
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> {
                var headers = context.response().headers();
                headers.set("Content-Security-Policy", policy);
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "same-origin");
                headers.set("X-Frame-Options", "DENY");
                if (!context.normalizedPath().startsWith("/assets/")) {
                    // pages, CSV exports and API answers name tenants, people and jobs: no copy in any cache
                    headers.set("Cache-Control", "no-store");
                }
            });
            context.next();
        }, PRIORITY);
    }

    static String contentSecurityPolicy(String keycloakOrigin) {
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'; form-action 'self'"
                + (keycloakOrigin.isEmpty() ? "" : " " + keycloakOrigin);
    }

    /** {@code http://host:8180/realms/x} → {@code http://host:8180}. */
    static String origin(String url) {
        try {
            URI uri = URI.create(url);
            if (uri.getScheme() == null || uri.getHost() == null) {
                return "";
            }
            return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
