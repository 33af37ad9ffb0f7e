package io.obconsole.web;

import io.obconsole.access.EndedSessions;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * CSRF tokens bound to the sign-in session (OWASP's signed double-submit cookie): a random nonce
 * in a {@code SameSite=Strict} cookie, and in every form {@code nonce.HMAC(key, session|nonce)}.
 * Someone who can plant a cookie in the browser still cannot make a token for another person's
 * session, because the MAC covers Keycloak's session id ({@code sid}) and needs the console's key.
 * Templates read it as {@code inject:csrf}.
 */
@ApplicationScoped
@Named("csrf")
public class CsrfTokens {

    static final String FIELD = "csrf-token";
    static final String HEADER = "X-CSRF-Token";
    static final String COOKIE = "csrf-nonce";
    /** Where {@link CsrfGuard} leaves a nonce it has just issued (the browser sends the cookie from the next request on). */
    static final String ISSUED_NONCE = CsrfTokens.class.getName() + ".nonce";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    @Inject
    CurrentVertxRequest request;

    @Inject
    SecurityIdentity identity;

    public CsrfTokens(WebConfig config) {
        this.key = config.csrfKey().map(k -> k.getBytes(StandardCharsets.UTF_8)).orElseGet(CsrfTokens::randomKey);
    }

    public String getParameterName() {
        return FIELD;
    }

    /** The token for the current request's session, for the hidden field of a form. */
    public String getToken() {
        String nonce = nonce(request.getCurrent());
        String session = sessionOf(identity);
        return nonce == null || session == null ? "" : nonce + "." + mac(session, nonce);
    }

    /** Whether {@code token} was made by this console for the session and the nonce cookie of this request. */
    boolean verify(RoutingContext context, SecurityIdentity who, String token) {
        Cookie cookie = context.request().getCookie(COOKIE);
        String session = sessionOf(who);
        if (token == null || cookie == null || session == null) {
            return false;
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || !token.substring(0, dot).equals(cookie.getValue())) {
            return false;
        }
        byte[] expected = mac(session, cookie.getValue()).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII));
    }

    static String newNonce() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * Keycloak's session id: stable while the session lives (token refreshes keep it), new at
     * every sign-in. A token without one (not issued by a browser sign-in) binds to its subject.
     */
    static String sessionOf(SecurityIdentity who) {
        if (who == null || who.isAnonymous() || !(who.getPrincipal() instanceof JsonWebToken jwt)) {
            return null;
        }
        String sid = EndedSessions.sessionId(who);
        return sid != null ? "sid:" + sid : "sub:" + jwt.getSubject();
    }

    private static String nonce(RoutingContext context) {
        if (context == null) {
            return null;
        }
        String issued = context.get(ISSUED_NONCE);
        if (issued != null) {
            return issued;
        }
        Cookie cookie = context.request().getCookie(COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    private String mac(String session, String nonce) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] out = hmac.doFinal((session + "|" + nonce).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
