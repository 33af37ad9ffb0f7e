package io.obconsole.audit;

import io.obconsole.cluster.BackupDestination;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps backup encryption passwords out of the trail. Callers redact already; this is the
 * second line: a password-like parameter must read "set" or "not set", and any
 * {@code IDENTIFIED BY '...'} left in SQL, OceanBase text or a parameter value is masked before
 * it is stored, as is a storage credential of a destination URI ({@code access_key=...}).
 */
final class SecretGuard {

    static final String MASK = "'******'";

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(passw|secret|pwd|identified|encryption_key).*");
    private static final Pattern IDENTIFIED_BY = Pattern.compile(
            "(?is)(IDENTIFIED\\s+BY\\s+)('(?:[^'\\\\]|\\\\.|'')*'|\"(?:[^\"\\\\]|\\\\.|\"\")*\"|[^\\s;]+)");

    private SecretGuard() {
    }

    /** Refuses a parameter map that seems to carry a password value; the message never shows it. */
    static void checkParameters(Map<String, String> parameters) {
        if (parameters == null) {
            return;
        }
        parameters.forEach((name, value) -> {
            if (name != null && SECRET_NAME.matcher(name).matches() && !isSetOrNotSet(value)) {
                throw new IllegalArgumentException("Audit parameter '" + name
                        + "' looks like a secret: record it only as 'set' or 'not set'");
            }
        });
    }

    /** The parameters with any {@code IDENTIFIED BY <secret>} in their values masked (a description may quote one). */
    static Map<String, String> redactValues(Map<String, String> parameters) {
        if (parameters == null) {
            return null;
        }
        Map<String, String> out = new TreeMap<>();
        parameters.forEach((name, value) -> out.put(name, redact(value)));
        return out;
    }

    /** The text with every {@code IDENTIFIED BY <secret>} masked. */
    static String redact(String text) {
        return text == null ? null : BackupDestination.mask(
                IDENTIFIED_BY.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK)));
    }

    private static boolean isSetOrNotSet(String value) {
        if (value == null) {
            return true;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return v.equals("set") || v.equals("not set") || v.isEmpty();
    }
}
