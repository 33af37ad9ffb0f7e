package io.obconsole.demo.wire;

import java.util.regex.Pattern;

/** Makes statement texts safe to log: secrets after IDENTIFIED BY and storage keys in destination URIs never reach the log, long texts are cut. */
final class LogText {

    private static final Pattern SECRET = Pattern.compile("(?is)(\\bIDENTIFIED\\s+BY\\b).*");
    private static final Pattern STORAGE_KEY = Pattern.compile("(?i)((?:access_key|encrypt_key|secret_key)=)[^&'\\s]*");
    private static final int MAX_LENGTH = 500;

    private LogText() {
    }

    static String statement(String sql) {
        if (sql == null) {
            return "";
        }
        // Redact before cutting, so a cut can never leave half a password behind.
        String safe = SECRET.matcher(sql).replaceFirst("$1 ***");
        safe = STORAGE_KEY.matcher(safe).replaceAll("$1***");
        safe = safe.replaceAll("\\s+", " ").strip();
        return safe.length() <= MAX_LENGTH ? safe : safe.substring(0, MAX_LENGTH) + "...";
    }
}
