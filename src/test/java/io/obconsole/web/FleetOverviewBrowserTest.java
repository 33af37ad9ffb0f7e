package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.obconsole.progress.ProgressClient;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The overview of a fleet of 100 generated clusters (5 user tenants each, every cluster's
 * tenant_01 in the middle of a long full backup) beside the demo's four, in real Chromium: the
 * counts at the top, an unreachable cluster and a failed backup first, the clusters that need no
 * one folded and opened on demand, a search down to one tenant, a filter, and a socket that
 * carries only the rows the page shows.
 */
@QuarkusTest
@TestProfile(FleetOverviewBrowserTest.HundredClusters.class)
class FleetOverviewBrowserTest {

    /** 100 clusters × 5 tenants on ports 3600-3699 (20 tenants each start too slowly for a test on 2 cores). */
    public static class HundredClusters implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("console.embedded.demo.fleet.clusters", "100", "console.embedded.demo.fleet.tenants", "5",
                    "console.embedded.demo.fleet.port", "3600");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final String DOWN = "fleet-007";
    private static final String FAILING = "fleet-010";
    private static final String HEALTHY = "fleet-050";
    private static boolean prepared;

    @TestHTTPResource("/")
    URL overview;

    /**
     * Every cluster read once (tenants known); fleet-007 then does not answer; fleet-010's tenant_02
     * has a failed backup (made once: it stays its newest ended backup).
     */
    @BeforeEach
    void oneClusterDownAndOneBackupFailed() {
        if (!prepared) {
            for (int i = 1; i <= 100; i++) {
                Demo.fleetRead(String.format(java.util.Locale.ROOT, "fleet-%03d", i));
            }
            Demo.cluster(FAILING).control().failNextJob("tenant_02", -9070, "can not connect to backup destination");
            Demo.sqlOn(FAILING, "root@sys", "ALTER SYSTEM BACKUP TENANT = tenant_02");
            Demo.clock().advanceSeconds(10);
            Demo.fleetRead(FAILING);
            prepared = true;
        }
        Demo.cluster(DOWN).control().refuseConnections();
        Demo.fleetRead(DOWN);
    }

    @AfterEach
    void clusterBack() {
        Demo.cluster(DOWN).control().recover();
    }

    @Test
    void theWorstComeFirstWithTheirCountsAndTheRestIsFoldedPerCluster() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(overview.toString(), "ada");

            assertThat(page.locator("[data-state=unreachable]")).hasAttribute("data-count", "5");
            assertThat(page.locator("[data-state=failed]")).hasAttribute("data-count", "1");
            @SuppressWarnings("unchecked")
            List<String> counts = (List<String>) page.locator("[data-count]").evaluateAll("els => els.map(e => e.dataset.count)");
            int counted = counts.stream().mapToInt(Integer::parseInt).sum();
            assertThat(counted).as("every tenant counted once").isGreaterThanOrEqualTo(500);

            List<String> order = sectionIds(page);
            assertThat(order).first().isEqualTo("cluster-" + DOWN);
            int firstFolded = order.indexOf(page.locator("section.cluster.folded").first().getAttribute("id"));
            assertThat(order.indexOf("cluster-" + FAILING)).isPositive().isLessThan(firstFolded);
            assertThat(page.locator("#tenant-" + FAILING + "-tenant_02")).hasAttribute("data-health", "failed");
            assertThat(page.locator("#tenant-" + FAILING + "-tenant_02")).containsText("Backup failed");
            assertThat(page.locator("#cluster-" + DOWN + "-unreachable")).isVisible();

            Locator folded = page.locator("#cluster-" + HEALTHY);
            assertThat(folded).hasClass("cluster folded");
            assertThat(folded).containsText("5 tenants, folded");
            assertThat(page.locator("tr[data-tenant^='" + HEALTHY + "/']")).hasCount(0);
            assertThat(page.locator("section.cluster.folded").count()).isGreaterThanOrEqualTo(90);

            folded.locator("a.open-cluster").click();
            assertThat(page.locator("tr[data-tenant^='" + HEALTHY + "/']")).hasCount(5);
            assertThat(page).hasURL(java.util.regex.Pattern.compile("open=" + HEALTHY));
        }
    }

    @Test
    void aSearchNarrowsToOneTenantAndAFilterToOneState() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(overview.toString(), "ada");

            page.locator("#o-search").fill("fleet-042/tenant_03");
            page.locator("#overview-filters button[type=submit]").click();
            assertThat(page.locator("tr[data-tenant]")).hasCount(1);
            assertThat(page.locator("tr[data-tenant]")).hasAttribute("data-tenant", "fleet-042/tenant_03");

            page.locator("#o-search").fill("");
            page.locator("#o-state").selectOption("failed");
            page.locator("#overview-filters button[type=submit]").click();
            assertThat(page).hasURL(java.util.regex.Pattern.compile("state=failed"));
            assertThat(page.locator("tr[data-tenant]")).hasCount(1);
            assertThat(page.locator("tr[data-tenant]")).hasAttribute("data-tenant", FAILING + "/tenant_02");
            assertThat(page.locator("[data-live-watch]")).hasAttribute("data-live-watch", FAILING + "/tenant_02");
        }
    }

    @Test
    void theSocketCarriesTheRowsShownAndNothingOfTheFoldedClusters() {
        try (Browser browser = Browser.launch();
                ProgressClient everything = ProgressClient.connect(Tokens.accessToken("ada"), null)) {
            Page page = browser.signedIn(overview.toString(), "ada");
            assertThat(page.locator("#live-indicator")).hasText("Live");
            assertThat(page.locator("#cluster-" + HEALTHY)).hasClass("cluster folded");
            String watch = page.locator("[data-live-watch]").getAttribute("data-live-watch");
            assertThat(watch.split(",")).contains(FAILING).doesNotContain(HEALTHY);
            await().atMost(WAIT).until(() -> everything.types().contains("snapshot"));
            int before = everything.messages.size();
            // the snapshot already told of the running backup; what follows is a live update
            int heardBefore = times(page, FAILING + "/tenant_01");

            // the long backups of fleet-010's and fleet-050's tenant_01 move on
            Demo.clock().advanceSeconds(120);
            Demo.fleetRead(FAILING);
            Demo.fleetRead(HEALTHY);

            await().atMost(WAIT).until(() -> times(page, FAILING + "/tenant_01") > heardBefore);
            await().atMost(WAIT).until(() -> everything.messages.subList(before, everything.messages.size()).stream()
                    .filter(m -> "delta".equals(m.getString("type"))).flatMap(m -> m.getJsonArray("jobs").stream())
                    .anyMatch(j -> HEALTHY.equals(((JsonObject) j).getString("cluster"))));
            List<String> shown = Arrays.asList(watch.split(","));
            assertThat(heard(page).keySet()).as("what the page's socket delivered")
                    .allMatch(key -> shown.contains(key.substring(0, key.indexOf('/'))) || shown.contains(key))
                    .noneMatch(key -> key.startsWith(HEALTHY + "/"));
            assertThat(page.locator("#tenant-" + FAILING + "-tenant_01 [data-fragment=progress]")).hasCount(1);
        }
    }

    private static int times(Page page, String tenant) {
        Object times = heard(page).get(tenant);
        return times == null ? 0 : ((Number) times).intValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> heard(Page page) {
        return (Map<String, Object>) page.evaluate("() => window.obconsoleLive.heard");
    }

    @SuppressWarnings("unchecked")
    private static List<String> sectionIds(Page page) {
        return (List<String>) page.locator("section.cluster").evaluateAll("els => els.map(e => e.id)");
    }
}
