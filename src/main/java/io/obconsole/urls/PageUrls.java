package io.obconsole.urls;

import io.quarkus.qute.TemplateExtension;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.StringJoiner;

/**
 * The console's page addresses, spelled once: redirects after a form, links in alert messages, and
 * every {@code href} and {@code action} of the templates, as {@code {url:tenant(cluster, tenant)}}.
 * Cluster and tenant names are encoded as path segments or query values, so a name never changes
 * the shape of an address. Every feature may use this; it uses nothing of them.
 */
@TemplateExtension(namespace = "url")
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

    /** A tenant's page scrolled to its recovery-point objective. */
    public static String tenantObjective(String cluster, String tenant) {
        return tenant(cluster, tenant) + "#objective";
    }

    /** Where a tenant's recovery-point objective form posts. */
    public static String tenantObjectiveForm(String cluster, String tenant) {
        return tenant(cluster, tenant) + "/objective";
    }

    /** A tenant's setup page opened on one fix ({@code archive} or {@code dest}). */
    public static String tenantSetupFix(String cluster, String tenant, String fix) {
        return tenantSetup(cluster, tenant) + query("fix", fix);
    }

    public static String tenantSetupReview(String cluster, String tenant) {
        return tenantSetup(cluster, tenant) + "/review";
    }

    public static String tenantSetupConfirm(String cluster, String tenant) {
        return tenantSetup(cluster, tenant) + "/confirm";
    }

    /** A backup policy's action: {@code pause}, {@code resume} or {@code delete}. */
    public static String tenantPolicyAction(String cluster, String tenant, String action) {
        return tenantPolicy(cluster, tenant) + "/" + segment(action);
    }

    /** The jobs page, filtered: {@code tenant} and {@code status} may be null (not filtered). */
    public static String jobs(String cluster, String tenant, String status) {
        return "/jobs" + query("cluster", cluster, "tenant", tenant, "status", status);
    }

    /** Every job of the jobs page. */
    public static String jobsPage() {
        return "/jobs";
    }

    /** The jobs page showing restores, of one tenant when {@code tenant} is not null. */
    public static String restoreJobs(String tenant) {
        return "/jobs" + query("type", "RESTORE", "tenant", tenant);
    }

    /** Where a backup job is cancelled (a confirmation page, then its form). */
    public static String jobCancel(String cluster, String tenant, long jobId) {
        return "/jobs/" + segment(cluster) + "/" + segment(tenant) + "/" + jobId + "/cancel";
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

    /** The start form with a cluster (and a tenant, when not null) chosen. */
    public static String newBackupFor(String cluster, String tenant) {
        return newBackup() + query("cluster", cluster, "tenant", tenant);
    }

    /** Where the start form posts for its review. */
    public static String backupReviewForm() {
        return "/backups/review";
    }

    public static String backupReview(String token) {
        return backupReviewForm() + "/" + segment(token);
    }

    public static String backupConfirm(String token) {
        return backupReview(token) + "/confirm";
    }

    public static String newRestore() {
        return "/restores/new";
    }

    /** The restore form with its source tenant chosen. */
    public static String newRestoreFrom(String cluster, String tenant) {
        return newRestore() + "?source=" + segment(cluster) + "/" + segment(tenant);
    }

    /** Where the restore form posts for its review. */
    public static String restoreReviewForm() {
        return "/restores/review";
    }

    public static String restoreReview(String token) {
        return restoreReviewForm() + "/" + segment(token);
    }

    public static String restoreConfirm(String token) {
        return restoreReview(token) + "/confirm";
    }

    /** A running restore's action: {@code cancel}, or {@code activate} for a standby. */
    public static String restoreAction(String cluster, String tenant, String action) {
        return "/restores/" + segment(cluster) + "/" + segment(tenant) + "/" + segment(action);
    }

    public static String newDrillPolicy() {
        return "/drills/new";
    }

    /** A drill policy's action: {@code run}, {@code pause}, {@code resume} or {@code delete}. */
    public static String drillPolicyAction(String cluster, String tenant, String action) {
        return drillPolicy(cluster, tenant) + "/" + segment(action);
    }

    public static String audit() {
        return "/audit";
    }

    /** The audit trail as CSV, filtered by {@code query} (already a query string, encoded). */
    public static String auditExport(String query) {
        return "/audit/export.csv?" + query;
    }

    public static String alertChannels() {
        return "/alerts/channels";
    }

    public static String alertChannel(long id) {
        return alertChannels() + "/" + id;
    }

    /** An alert channel's action: {@code delete} or {@code test}. */
    public static String alertChannelAction(long id, String action) {
        return alertChannel(id) + "/" + segment(action);
    }

    public static String signOut() {
        return "/sign-out";
    }

    /** A page address with the one-line message ({@code msg}) the page shows after a redirect. */
    public static URI withMessage(String page, String message) {
        int hash = page.indexOf('#');
        String path = hash < 0 ? page : page.substring(0, hash);
        String fragment = hash < 0 ? "" : page.substring(hash);
        return URI.create(path + (path.contains("?") ? "&" : "?") + "msg=" + value(message) + fragment);
    }

    /** {@code ?name=value&...} of the pairs whose value is not null; empty when none is. */
    private static String query(String... pairs) {
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
