package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.obconsole.api.ApiFixture;
import io.obconsole.demo.DemoControl;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 21 in real Chromium: the wizard restores a tenant given by its backup's destination URIs
 * (backed up on demo) into dr, the point checked by dr's RESTORE PREVIEW; a storage key typed in a
 * URI is never shown back; a target without PREVIEW (demo, 4.2.1) is refused in plain words and
 * nothing reaches it.
 */
@QuarkusTest
class CrossClusterRestoreBrowserTest {

    private static final String DATA = Demo.MYSQL_DATA_URI;
    private static final String ARCHIVE = Demo.MYSQL_ARCHIVE_URI;

    @TestHTTPResource("/")
    URL console;

    @BeforeEach
    @AfterEach
    void fresh() {
        ApiFixture.resetCluster();
        Demo.resetDr();
    }


    /** A free pool an administrator made at a terminal, for a restore given by URIs (which cannot size one). */
    private static void freePool(String cluster, String pool) {
        Demo.sqlOn(cluster, "root@sys", "CREATE RESOURCE UNIT " + pool + "_unit MAX_CPU = 2, MEMORY_SIZE = '8G'");
        Demo.sqlOn(cluster, "root@sys", "CREATE RESOURCE POOL " + pool + " UNIT = '" + pool + "_unit', UNIT_NUM = 1");
    }

    /** mysql_tenant's latest restorable SCN on demo, as its tenant page's window says. */
    private static String latestScn() {
        return ApiFixture.as("ada").get("/api/v1/clusters/demo/tenants/mysql_tenant/recoverable-window").then()
                .statusCode(200).extract().path("latest.scn");
    }

    private static List<String> received(DemoControl cluster, String prefix) {
        return cluster.statementsReceived().stream().filter(s -> s.startsWith(prefix)).toList();
    }

    /** Fills the wizard for a restore from URIs into {@code target}'s free pool, up to {@code scn}. */
    private void fillFromUris(Page page, String data, String archive, String target, String newTenant, String pool,
            String scn) {
        page.locator("#r-source-uris").check();
        page.locator("#r-data-uri").fill(data);
        page.locator("#r-archive-uri").fill(archive);
        page.locator("#r-target").selectOption(target);
        page.locator("#r-name").fill(newTenant);
        page.locator("#r-pool-existing").check();
        page.locator("#r-pool").selectOption(pool);
        page.locator("#r-point-scn").check();
        page.locator("#r-scn").fill(scn);
    }

    @Test
    void adaRestoresDemosTenantFromItsUrisIntoDrWatchesItToTheEndAndFindsItOnTheOverview() {
        freePool("dr", "wiz_pool");
        String scn = latestScn();
        String key = "WizardKey" + System.nanoTime();
        String oss = "oss://gone-bucket/%s?host=oss.example.com&access_id=AKID&access_key=" + key;
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "restores/new", "ada");
            // a bucket that holds no backup: dr's preview refuses it, the key is neither shown nor typed back in
            fillFromUris(page, oss.formatted("backup"), oss.formatted("archive"), "dr", "wiz_copy", "wiz_pool", scn);
            page.locator("#review").click();
            assertThat(page.locator("#restore-error")).isVisible();
            assertThat(page.locator("body")).not().containsText(key);
            assertThat(page.locator("#r-data-uri")).hasValue("");
            assertThat(page.locator("#r-source-uris")).isChecked();
            assertThat(received(Demo.dr(), "ALTER SYSTEM RESTORE wiz_copy")).isEmpty();

            page.locator("#r-data-uri").fill(DATA);
            page.locator("#r-archive-uri").fill(ARCHIVE);
            page.locator("#review").click();
            page.waitForURL(Pattern.compile(".*/restores/review/.*"));
            assertThat(page.locator("#review-source")).hasText(DATA + "," + ARCHIVE);
            assertThat(page.locator("#review-window")).containsText("cluster dr's RESTORE PREVIEW found");
            assertThat(page.locator("#review-preview")).containsText("BACKUP_SET");
            assertThat(page.locator("#review-preview")).containsText("BACKUP_PIECE");
            assertThat(page.locator("#statements")).hasText("ALTER SYSTEM RESTORE wiz_copy FROM '" + DATA + "," + ARCHIVE
                    + "' UNTIL SCN=" + scn + " WITH 'pool_list=wiz_pool';");
            assertThat(received(Demo.dr(), "ALTER SYSTEM RESTORE wiz_copy")).as("nothing runs before the confirmation").isEmpty();

            page.locator("#confirm-name").fill("wiz_copy");
            page.locator("#confirm").click();
            page.waitForURL(Pattern.compile(".*/jobs\\?type=RESTORE.*"));
            // the RESTORE goes on until its tenant exists, which dr's clock brings
            Demo.clock().advanceSeconds(10);
            page.evaluate("() => { window.sameDocument = 'yes'; }");
            Locator row = page.locator("#restores tr[data-job-key]").filter(new Locator.FilterOptions().setHasText("wiz_copy"));
            assertThat(row).hasCount(1);
            await().atMost(Duration.ofSeconds(90)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if ("SUCCESS".equals(row.getAttribute("data-status"))) {
                            return true;
                        }
                        Demo.clock().advanceSeconds(30);
                        Demo.fleetRead("dr");
                        return false;
                    });
            assertThat(row.locator("[data-restore-data]")).hasText("100.0%");
            assertThat(row.locator("[data-restore-result]")).containsText("STANDBY");
            assertThat(page.evaluate("() => window.sameDocument")).as("no reload happened").isEqualTo("yes");

            page.navigate(console.toString());
            assertThat(page.locator("#cluster-dr tr[data-tenant='dr/wiz_copy']")).hasCount(1);
        }
        assertThat(received(Demo.dr(), "ALTER SYSTEM RESTORE wiz_copy")).containsExactly("ALTER SYSTEM RESTORE wiz_copy FROM '"
                + DATA + "," + ARCHIVE + "' UNTIL SCN=" + scn + " WITH 'pool_list=wiz_pool'");
    }

    @Test
    void aTargetWithoutPreviewIsRefusedInPlainWordsWithItsVersionAndNothingReachesIt() {
        freePool("demo", "wiz_nopreview_pool");
        Demo.cluster().control().resetStatements();
        String scn = latestScn();
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "restores/new", "ada");
            fillFromUris(page, DATA, ARCHIVE, "demo", "wiz_nopreview", "wiz_nopreview_pool", scn);
            page.locator("#review").click();

            assertThat(page.locator("#restore-error")).containsText(
                    "Cluster demo runs OceanBase 4.2.1.0, which has no RESTORE PREVIEW");
            assertThat(page).hasURL(Pattern.compile(".*/restores/review$"));
            assertThat(page.locator("#statements")).hasCount(0);
            // URIs without a key are kept for another try
            assertThat(page.locator("#r-data-uri")).hasValue(DATA);
        }
        assertThat(Demo.cluster().control().statementsReceived()).noneMatch(s -> s.startsWith("ALTER SYSTEM RESTORE"));
    }
}
