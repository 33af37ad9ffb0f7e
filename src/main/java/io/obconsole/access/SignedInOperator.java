package io.obconsole.access;

import io.quarkus.oidc.IdToken;
import io.quarkus.oidc.IdTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Builds the {@link Operator} behind the current request from what Keycloak vouched for. The
 * access token is read for both sign-in kinds (a bearer token on the API, the code flow's
 * access token on pages): in the code flow Quarkus takes roles from the ID token, which
 * Keycloak does not fill with realm roles or {@code ob_scopes} unless told to, so the access
 * token's claims are merged in.
 */
@ApplicationScoped
public class SignedInOperator {

    static final String SCOPES_CLAIM = "ob_scopes";

    @Inject
    SecurityIdentity identity;

    /** The access token of a bearer call or of a code-flow session. */
    @Inject
    Instance<JsonWebToken> accessToken;

    @Inject
    @IdToken
    Instance<JsonWebToken> idToken;

    @Inject
    CurrentVertxRequest request;

    /** The person behind the current request; anonymous (no roles, no scopes) when not signed in. */
    public Operator operator() {
        try {
            if (identity == null || identity.isAnonymous()) {
                return anonymous();
            }
            return signedIn();
        } catch (ContextNotActiveException outsideARequest) {
            // a scheduled task or a background thread has no person behind it
            return anonymous();
        }
    }

    private Operator anonymous() {
        return new Operator("anonymous", null, Set.of(), List.of(), clientAddress());
    }

    private Operator signedIn() {
        JsonWebToken access = token(accessToken);
        // a bearer call has no ID token; asking Quarkus for one anyway logs a warning on every call and socket
        JsonWebToken id = identity.getCredential(IdTokenCredential.class) == null ? null : token(idToken);
        Set<String> roles = new TreeSet<>(identity.getRoles());
        roles.addAll(realmRoles(access));
        roles.addAll(realmRoles(id));
        List<String> scopes = strings(claim(access, SCOPES_CLAIM));
        if (scopes.isEmpty()) {
            scopes = strings(claim(id, SCOPES_CLAIM));
        }
        return new Operator(username(access, id), subject(access, id), Set.copyOf(roles), List.copyOf(scopes),
                clientAddress());
    }

    private String username(JsonWebToken access, JsonWebToken id) {
        for (JsonWebToken token : new JsonWebToken[] { access, id }) {
            Object name = claim(token, "preferred_username");
            if (name != null) {
                return text(name);
            }
        }
        return identity.getPrincipal().getName();
    }

    private static String subject(JsonWebToken access, JsonWebToken id) {
        if (access != null && access.getSubject() != null) {
            return access.getSubject();
        }
        return id == null ? null : id.getSubject();
    }

    /**
     * The peer address of the HTTP request. Quarkus already replaces it with the forwarded
     * client address when {@code quarkus.http.proxy.proxy-address-forwarding} is on, and only
     * then, so a client cannot spoof it with its own X-Forwarded-For header.
     */
    private String clientAddress() {
        RoutingContext context;
        try {
            context = request == null ? null : request.getCurrent();
        } catch (ContextNotActiveException outsideARequest) {
            return null;
        }
        if (context == null) {
            return null;
        }
        SocketAddress remote = context.request().remoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.hostAddress() != null ? remote.hostAddress() : remote.host();
    }

    private static JsonWebToken token(Instance<JsonWebToken> instance) {
        if (instance == null || !instance.isResolvable()) {
            return null;
        }
        try {
            JsonWebToken token = instance.get();
            // the producers hand out a placeholder without claims when there is no such token
            return token == null || token.getClaimNames() == null ? null : token;
        } catch (RuntimeException notInThisRequest) {
            return null;
        }
    }

    private static Object claim(JsonWebToken token, String name) {
        return token == null ? null : token.getClaim(name);
    }

    private static Set<String> realmRoles(JsonWebToken token) {
        Object realmAccess = claim(token, "realm_access");
        if (realmAccess instanceof JsonObject object && object.containsKey("roles")) {
            return new LinkedHashSet<>(strings(object.get("roles")));
        }
        return Set.of();
    }

    /** A claim holding strings: a JSON array, a Java collection, or one space/comma separated string. */
    static List<String> strings(Object claim) {
        List<String> out = new ArrayList<>();
        if (claim instanceof JsonArray array) {
            for (JsonValue value : array) {
                out.add(text(value));
            }
        } else if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> out.add(text(value)));
        } else if (claim != null) {
            for (String part : text(claim).split("[\\s,]+")) {
                if (!part.isEmpty()) {
                    out.add(part);
                }
            }
        }
        return out;
    }

    private static String text(Object value) {
        if (value instanceof JsonString string) {
            return string.getString();
        }
        return String.valueOf(value);
    }
}
