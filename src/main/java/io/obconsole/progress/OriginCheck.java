package io.obconsole.progress;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;

/**
 * Refuses a socket opened from another site. Browsers attach the session cookie to a WebSocket
 * whatever page opens it and apply no same-origin rule to it (cross-site WebSocket hijacking), so
 * the upgrade's {@code Origin} must be the console's own or one configured. Clients without an
 * Origin (scripts, the API) are not browsers and carry their own bearer token.
 */
@ApplicationScoped
public class OriginCheck {

    private final List<String> allowed;

    public OriginCheck(ProgressConfig config) {
        this.allowed = config.allowedOrigins().orElse(List.of()).stream().map(OriginCheck::normalize).toList();
    }

    /** Whether the upgrade may go on: no Origin (not a browser), or the console's own or a configured one. */
    public boolean permits(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        return origin == null || permitted(normalize(origin), request);
    }

    private boolean permitted(String origin, HttpServerRequest request) {
        if (!allowed.isEmpty()) {
            return allowed.contains(origin);
        }
        String host = request.getHeader("Host");
        return host != null && origin.equals(normalize(request.scheme() + "://" + host));
    }

    /** Lower case, no trailing slash, default ports left out, as browsers send Origin. */
    static String normalize(String origin) {
        String text = origin.trim().toLowerCase(Locale.ROOT);
        if (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        if (text.startsWith("http://") && text.endsWith(":80")) {
            text = text.substring(0, text.length() - 3);
        } else if (text.startsWith("https://") && text.endsWith(":443")) {
            text = text.substring(0, text.length() - 4);
        }
        return text;
    }
}
