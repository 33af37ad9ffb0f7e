package io.obconsole.alert;

import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Where alerts go and which ones: a receiver URL in a format, the name of its signing key (the key
 * is configuration, never stored here), the clusters and tenants it covers (glob patterns, {@code *}
 * and {@code ?}) and the event kinds (empty = every kind).
 */
public record Channel(long id, String name, ChannelFormat format, String url, String keyName, String clusterPattern,
        String tenantPattern, Set<AlertKind> kinds, boolean enabled, String updatedBy, Instant updatedAt) {

    /** What stands for a query value in a shown URL. */
    static final String MASK = "***";

    /**
     * Whether this channel wants the event: a kind it routes (or the recovery of one), a cluster and
     * tenant its patterns match.
     */
    public boolean routes(AlertEvent event) {
        if (!enabled || event.kind() != AlertKind.TEST && !kinds.isEmpty() && !kinds.contains(event.kind())
                && event.kind().ends().stream().noneMatch(kinds::contains)) {
            return false;
        }
        // an event about a whole cluster (or the console) concerns every tenant pattern
        return (event.cluster() == null || glob(clusterPattern).matcher(event.cluster()).matches())
                && (event.tenant() == null || glob(tenantPattern).matcher(event.tenant()).matches());
    }

    /** The URL as pages and the API show it: no user info, query values masked (chat robots carry their token there). */
    public String displayUrl() {
        return maskedUrl(url);
    }

    static String maskedUrl(String url) {
        try {
            URI uri = URI.create(url);
            StringBuilder shown = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
            if (uri.getPort() >= 0) {
                shown.append(':').append(uri.getPort());
            }
            shown.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                shown.append('?').append(uri.getRawQuery().replaceAll("=[^&]*", "=" + java.util.regex.Matcher.quoteReplacement(MASK)));
            }
            return shown.toString();
        } catch (IllegalArgumentException e) {
            return "(invalid URL)";
        }
    }

    /**
     * An address as a person typed it, shown back after the form was refused: any {@code user:password@} part
     * dropped and query values masked as {@link #displayUrl()} does, whether or not the rest is a valid URL
     * (a fragment goes too). Host and path are no secret; credentials and tokens are never echoed.
     */
    public static String shownUrl(String typed) {
        if (typed == null) {
            return "";
        }
        String shown = typed.replaceFirst("^((?:[A-Za-z][A-Za-z0-9+.-]*:)?//)?[^/?#@]*@", "$1");
        int hash = shown.indexOf('#');
        if (hash >= 0) {
            shown = shown.substring(0, hash);
        }
        int query = shown.indexOf('?');
        return query < 0 ? shown : shown.substring(0, query + 1)
                + shown.substring(query + 1).replaceAll("=[^&]*", "=" + java.util.regex.Matcher.quoteReplacement(MASK));
    }

    static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        return Pattern.compile(regex.toString());
    }
}
