package io.obconsole.cluster;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A backup or archive destination URI someone typed, checked before it reaches a statement:
 * scheme {@code file://}, {@code oss://}, {@code cos://} or {@code s3://}; object storage with its
 * {@code host=} and its {@code access_id}/{@code access_key}. The access key is a secret: only
 * {@link ObDialect} reads the clear text; everything else (pages, API, logs, audit) sees
 * {@link #masked()}, which is also what {@link #toString()} gives.
 */
public final class BackupDestination {

    /** Hard bound on what a person may type (OceanBase's own limit is larger). */
    public static final int MAX_LENGTH = 1024;

    private static final Set<String> SCHEMES = Set.of("file", "oss", "cos", "s3");
    /** Query parameters that carry a credential, as OceanBase writes them (clear or encrypted). */
    private static final Pattern SECRET_PARAMETER = Pattern.compile(
            "(?i)((?:access_key|encrypt_key|secret_key|secret_access_key|sts_token|session_token)=)([^&'\"\\s]*)");
    private static final String MASK = "***";

    private final String uri;

    private BackupDestination(String uri) {
        this.uri = uri;
    }

    /**
     * @throws InvalidIdentifierException with a message that never repeats a credential
     */
    public static BackupDestination of(String raw) {
        String uri = raw == null ? "" : raw.trim();
        if (uri.isEmpty()) {
            throw new InvalidIdentifierException("The destination is empty: give a URI such as file:///data/backup/<tenant>");
        }
        if (uri.length() > MAX_LENGTH) {
            throw new InvalidIdentifierException("A destination may have at most " + MAX_LENGTH + " characters");
        }
        if (uri.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c) || c == '\'' || c == '"'
                || c == '\\')) {
            throw new InvalidIdentifierException("A destination may not contain spaces, quotes, backslashes or control "
                    + "characters");
        }
        int colon = uri.indexOf("://");
        String scheme = colon <= 0 ? "" : uri.substring(0, colon).toLowerCase(Locale.ROOT);
        if (!SCHEMES.contains(scheme)) {
            String rule = "it must start with file://, oss://, cos:// or s3://";
            throw new InvalidIdentifierException("'" + shorten(mask(uri)) + "' is not a destination OceanBase can use: " + rule,
                    "Not a destination OceanBase can use: " + rule);
        }
        int query = uri.indexOf('?');
        String path = uri.substring(colon + 3, query < 0 ? uri.length() : query);
        if (path.replace("/", "").isEmpty()) {
            throw new InvalidIdentifierException("The destination names no directory or bucket after " + scheme + "://");
        }
        if (!scheme.equals("file")) {
            String parameters = query < 0 ? "" : "&" + uri.substring(query + 1);
            for (String required : new String[] {"host", "access_id", "access_key"}) {
                if (!parameters.toLowerCase(Locale.ROOT).contains("&" + required + "=")) {
                    throw new InvalidIdentifierException("An " + scheme + ":// destination needs " + required + "=... "
                            + "(e.g. " + scheme + "://bucket/path?host=<endpoint>&access_id=<id>&access_key=<key>)");
                }
            }
        } else if (query >= 0) {
            throw new InvalidIdentifierException("A file:// destination takes no parameters after '?'");
        }
        return new BackupDestination(uri);
    }

    /** Every credential in {@code text} (a URI, a statement, an error message) replaced by {@code ***}. */
    public static String mask(String text) {
        if (text == null) {
            return null;
        }
        return SECRET_PARAMETER.matcher(text).replaceAll("$1" + MASK);
    }

    /** Whether the URI carries a credential (then statements with it run on a connection of their own). */
    public boolean hasCredentials() {
        return SECRET_PARAMETER.matcher(uri).find();
    }

    public String masked() {
        return mask(uri);
    }

    /** The clear text, for the statement only. */
    String uri() {
        return uri;
    }

    private static String shorten(String text) {
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackupDestination d && d.uri.equals(uri);
    }

    @Override
    public int hashCode() {
        return uri.hashCode();
    }

    @Override
    public String toString() {
        return masked();
    }
}
