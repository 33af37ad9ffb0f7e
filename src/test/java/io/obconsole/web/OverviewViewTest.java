package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.alert.ObjectiveWatch;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overview as its address asks for it, on the demo fleet: counts per state at the top, the
 * worst first, a search by cluster or tenant name, a filter by state, and what its socket is told
 * to watch (only the rows shown). The small fleet folds nothing: every tenant has its row.
 */
@QuarkusTest
class OverviewViewTest {

    private static final Pattern ROW = Pattern.compile("<tr data-tenant=\"([^\"]+)\" id=\"[^\"]+\" data-health=\"([a-z-]+)\"");
    private static final Pattern COUNT = Pattern.compile("data-state=\"([a-z-]+)\" data-count=\"(\\d+)\"");
    private static final Pattern WATCH = Pattern.compile("data-live-watch=\"([^\"]*)\"");

    @Inject
    ObjectiveWatch watch;

    @BeforeEach
    void scenarioState() {
        Demo.reset();
    }

    @Test
    void theCountsAtTheTopAreTheTenantsShownPerState() {
        String page = WebSession.signIn("ada").open("/").asString();

        Map<String, String> rows = rows(page);
        Map<String, Integer> counts = counts(page);
        assertThat(rows).as("every user tenant of the demo fleet has its row").containsKeys("demo/mysql_tenant",
                "demo/oracle_tenant", "demo/analytics").doesNotContainKey("dr/sys");
        assertThat(counts.keySet()).containsExactly("unreachable", "breached", "failed", "drill-failed", "stalled", "warning",
                "healthy");
        for (var count : counts.entrySet()) {
            assertThat(rows.values().stream().filter(count.getKey()::equals).count()).as(count.getKey())
                    .isEqualTo(count.getValue().longValue());
        }
        assertThat(page).doesNotContain("class=\"cluster folded\"");
    }

    @Test
    void anUnreachableClusterComesFirstAndItsTenantsCountAsUnreachable() {
        Demo.cluster().control().refuseConnections();
        try {
            Demo.fleetRead();
            String page = WebSession.signIn("ada").open("/").asString();

            assertThat(page.indexOf("id=\"cluster-demo\"")).as("demo before every other cluster")
                    .isLessThan(page.indexOf("id=\"cluster-legacy\""));
            assertThat(rows(page)).containsEntry("demo/mysql_tenant", "unreachable")
                    .containsEntry("demo/oracle_tenant", "unreachable");
            assertThat(counts(page).get("unreachable")).isEqualTo(3);
        } finally {
            Demo.cluster().control().recover();
            Demo.fleetRead();
        }
    }

    @Test
    void aFailedBackupPutsItsTenantFirstAndTheFilterShowsOnlyIt() {
        // backed up just now: its objectives hold, whatever time the classes before let pass on the demo's clock
        Demo.freshFullBackup("mysql_tenant");
        watch.round();
        Demo.cluster().control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
        Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(10);
        Demo.fleetRead();
        WebSession ada = WebSession.signIn("ada");

        String all = ada.open("/").asString();
        assertThat(rows(all)).containsEntry("demo/mysql_tenant", "failed");
        List<String> demo = rows(all).entrySet().stream().filter(r -> r.getKey().startsWith("demo/"))
                .map(r -> r.getKey() + "=" + r.getValue()).toList();
        int failedAt = demo.indexOf("demo/mysql_tenant=failed");
        assertThat(failedAt).as("in %s", demo).isNotNegative();
        assertThat(demo.subList(0, failedAt)).as("only the breached before it").allMatch(r -> r.endsWith("=breached"));
        assertThat(demo.subList(failedAt + 1, demo.size())).as("only the failed or better after it")
                .allMatch(r -> r.matches(".*=(failed|stalled|warning|healthy)"));

        String failed = ada.open("/?state=failed").asString();
        assertThat(rows(failed)).containsOnlyKeys("demo/mysql_tenant");
        assertThat(failed).contains("Backup failed");
        assertThat(watch(failed)).isEqualTo("demo/mysql_tenant");
        assertThat(counts(failed).get("failed")).isEqualTo(1);
    }

    @Test
    void aTenantWhoseLastDrillFailedStandsAsDrillFailedUntilADrillProvesItAgain() {
        // oracle_tenant, with a full backup just taken: nothing worse than a failed drill ranks it first (the demo's
        // clock has moved on by every class before, so its scenario backup may be older than its objectives allow)
        String tenant = "oracle_tenant";
        Demo.freshFullBackup(tenant);
        watch.round();
        WebSession ada = WebSession.signIn("ada");
        assertThat(rows(ada.open("/").asString()).get("demo/" + tenant)).as("oracle_tenant after a fresh full backup")
                .isIn("stalled", "warning", "healthy");
        AuditSql.update("DELETE FROM drill_run WHERE cluster_name = 'demo'");
        try {
            drillEnded(tenant, "PROVEN", "NOW(6) - INTERVAL 2 DAY");
            drillEnded(tenant, "FAILED", "NOW(6) - INTERVAL 1 DAY");

            String failed = ada.open("/?state=drill-failed").asString();
            assertThat(rows(failed)).containsOnlyKeys("demo/" + tenant);
            assertThat(failed).contains("Drill failed");
            assertThat(counts(failed).get("drill-failed")).isEqualTo(1);

            drillEnded(tenant, "PROVEN", "NOW(6)");
            String proven = ada.open("/").asString();
            assertThat(rows(proven).get("demo/" + tenant)).isNotEqualTo("drill-failed");
            assertThat(counts(proven).get("drill-failed")).isZero();
        } finally {
            AuditSql.update("DELETE FROM drill_run WHERE cluster_name = 'demo'");
        }
    }

    /** A drill run of demo's {@code tenant} that ended at {@code endedAt} (SQL) in {@code state}. */
    private static void drillEnded(String tenant, String state, String endedAt) {
        AuditSql.update("INSERT INTO drill_run (policy_id, slot, cluster_name, tenant_name, drill_cluster, state, claimed_at, "
                + "ended_at, failure) VALUES (0, " + endedAt + ", 'demo', '" + tenant + "', 'dr', '" + state + "', " + endedAt
                + ", " + endedAt + ", " + ("FAILED".equals(state) ? "'the restore failed in its background phase'" : "NULL")
                + ")");
    }

    @Test
    void aSearchByTenantNameShowsItsRowsAndTheSocketWatchesOnlyThose() {
        String page = WebSession.signIn("ada").open("/?q=ORACLE").asString();

        assertThat(rows(page)).containsOnlyKeys("demo/oracle_tenant");
        assertThat(watch(page)).isEqualTo("demo/oracle_tenant");
        assertThat(page).contains("value=\"ORACLE\"");
    }

    @Test
    void aSearchForClusterSlashTenantShowsThatTenantOnly() {
        String page = WebSession.signIn("ada").open("/?q=demo/mysql").asString();

        assertThat(rows(page)).containsOnlyKeys("demo/mysql_tenant");
        assertThat(watch(page)).isEqualTo("demo/mysql_tenant");
    }

    @Test
    void aSearchByClusterNameShowsTheWholeCluster() {
        String page = WebSession.signIn("ada").open("/?q=legacy").asString();

        assertThat(rows(page).keySet()).isNotEmpty().allMatch(t -> t.startsWith("legacy/"));
        assertThat(watch(page)).isEqualTo("legacy");
    }

    @Test
    void aScopedReaderSeesCountsOfTheirScopeOnly() {
        String page = WebSession.signIn("otto").open("/").asString();

        assertThat(rows(page)).containsOnlyKeys("demo/mysql_tenant");
        assertThat(counts(page).values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(1);
        assertThat(page).doesNotContain("oracle_tenant");
    }

    @Test
    void aStateThatIsNotOneIsRefusedWithTheChoices() {
        Response page = WebSession.signIn("ada").get("/?state=sleepy");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.asString()).contains("Filter by one of the states unreachable, breached, failed, drill-failed, stalled, warning, healthy");
    }

    private static Map<String, String> rows(String page) {
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(page);
        while (m.find()) {
            rows.put(m.group(1), m.group(2));
        }
        return rows;
    }

    private static Map<String, Integer> counts(String page) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = COUNT.matcher(page);
        while (m.find()) {
            counts.put(m.group(1), Integer.parseInt(m.group(2)));
        }
        return counts;
    }

    private static String watch(String page) {
        Matcher m = WATCH.matcher(page);
        assertThat(m.find()).as("the page names what its socket watches").isTrue();
        return m.group(1);
    }
}
