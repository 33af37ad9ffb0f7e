package io.obconsole.urls;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The console's page addresses, spelled once: redirects after a form, links in alert messages.
 * Cluster and tenant names are encoded as path segments or query values, so a name never changes
 * the shape of an address. Every feature may use this; it uses nothing of them.
 */
public final class PageUrls {

    private PageUrls() {
    }

    public static String overview() {
        return "/";
    }

    /** The overview scrolled to one cluster's tenants. */
    public static String overviewCluster(String cluster) {
        return "/#cluster-" + segment(cluster);
    }

    public static String tenant(String cluster, String tenant) {
        return "/clusters/" + segment(cluster) + "/tenants/" + segment(tenant);
    }

    public static String tenantSetup(String cluster, String tenant) {
        return tenant(cluster, tenant) + "/setup";
    }

    public static String tenantPolicy(String cluster, String tenant) {
        return tenant(cluster, tenant) + "/policy";
    }

    /** The jobs page, filtered: {@code tenant} and {@code status} may be null (not filtered). */
    public static String jobs(String cluster, String tenant, String status) {
        return "/jobs" + query("cluster", cluster, "tenant", tenant, "status", status);
    }

    /** The restore drill policies the reader may see. */
    public static String drillPolicies() {
        return "/drills";
    }

    /** A tenant's (or with {@code *} a cluster's) restore drill policy. */
    public static String drillPolicy(String cluster, String tenant) {
        return "/drills/" + segment(cluster) + "/" + segment(tenant);
    }

    public static String newBackup() {
        return "/backups/new";
    }

    public static String backupReview(String token) {
        return "/backups/review/" + segment(token);
    }

    public static String audit() {
        return "/audit";
    }

    public static String alertChannels() {
        return "/alerts/channels";
    }

    /** A page address with the one-line message ({@code msg}) the page shows after a redirect. */
    public static URI withMessage(String page, String message) {
        int hash = page.indexOf('#');
        String path = hash < 0 ? page : page.substring(0, hash);
        String fragment = hash < 0 ? "" : page.substring(hash);
        return URI.create(path + (path.contains("?") ? "&" : "?") + "msg=" + value(message) + fragment);
    }

    /** {@code ?name=value&...} of the pairs whose value is not null; empty when none is. */
    static String query(String... pairs) {
        StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                query.add(pairs[i] + "=" + value(pairs[i + 1]));
            }
        }
        return query.toString();
    }

    private static String value(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A path segment: as a query value, but a space is {@code %20} (a {@code +} is literal in a path). */
    private static String segment(String value) {
        return value(value).replace("+", "%20");
    }
}
