package io.obconsole.alert;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 as receivers check it. Our webhook: {@code sha256=} + hex of HMAC(key, timestamp + "." + body),
 * in {@code X-OBConsole-Signature}, the timestamp (epoch seconds) in {@code X-OBConsole-Timestamp}.
 * DingTalk's "sign": base64 of HMAC(secret, millis + "\n" + secret).
 */
public final class Signatures {

    public static final String SIGNATURE_HEADER = "X-OBConsole-Signature";
    public static final String TIMESTAMP_HEADER = "X-OBConsole-Timestamp";

    private Signatures() {
    }

    public static String webhook(String key, long epochSeconds, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(key, epochSeconds + "." + body));
    }

    static String dingTalk(String secret, long epochMillis) {
        return Base64.getEncoder().encodeToString(hmac(secret, epochMillis + "\n" + secret));
    }

    private static byte[] hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
