package io.obconsole.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import io.obconsole.access.Operator;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.testing.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit page in real Chromium on a 1,280 px wide screen: the table fits its box, long
 * statements and parameters wrap, and every column (Statements and Details last) is on screen.
 */
@QuarkusTest
class AuditPageBrowserTest {

    @TestHTTPResource("/audit")
    URL auditPage;

    @Inject
    AuditTrail trail;

    private String actor;

    /** The widest records the trail holds: a policy acting for its owner, a long destination, a refused preflight. */
    @BeforeEach
    void wideRecords() {
        actor = "policy 4711 on behalf of wide" + System.nanoTime();
        Operator policy = new Operator(actor, "sub-wide", Set.of("backup-admin"), List.of("demo/*"), "127.0.0.1");
        String destination = "oss://backup-bucket-of-the-payments-department/obconsole/demo/mysql_tenant/data"
                + "?host=oss-eu-central-1-internal.aliyuncs.com&access_id=LTAI5tExampleAccessIdentifier&access_key=***";
        long setup = trail.recordIntent(new ActionIntent(policy, AuditAction.SETUP_DATA_BACKUP_DEST, "demo",
                List.of("mysql_tenant", "oracle_tenant"), Map.of("before", "file:///data/backup/mysql_tenant/data",
                        "after", destination, "acknowledgeFullInsteadOfIncremental", "false"), null));
        trail.recordOutcome(setup, AuditOutcome.REFUSED_BY_PREFLIGHT,
                List.of("ALTER SYSTEM SET DATA_BACKUP_DEST = '" + destination + "' TENANT = mysql_tenant"), -9040,
                "backup can not start, because log archive status is not doing and the destination " + destination
                        + " was never checked",
                List.of());
    }

    @Test
    void theTableFitsItsBoxAtA1280PixelViewportWithEveryColumnOnScreen() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(auditPage.toString(), "ada");
            page.setViewportSize(1280, 900);
            page.navigate(auditPage + "?actor=" + java.net.URLEncoder.encode(actor, java.nio.charset.StandardCharsets.UTF_8));
            page.locator("#audit-records tbody tr[data-audit-id]").first().waitFor();

            @SuppressWarnings("unchecked")
            Map<String, Object> box = (Map<String, Object>) page.evaluate("() => {"
                    + " const table = document.getElementById('audit-records');"
                    + " const box = table.parentElement;"
                    + " const heads = [...table.querySelectorAll('thead th')].map(th => th.getBoundingClientRect().right);"
                    + " return { table: table.getBoundingClientRect().width, scroll: table.scrollWidth,"
                    + "   box: box.clientWidth, boxScroll: box.scrollWidth, boxRight: box.getBoundingClientRect().right,"
                    + "   lastHead: Math.max(...heads), page: document.documentElement.scrollWidth, view: window.innerWidth };"
                    + "}");

            double boxWidth = number(box, "box");
            assertThat(number(box, "table")).as("table width within its %s px box", boxWidth).isLessThanOrEqualTo(boxWidth);
            assertThat(number(box, "boxScroll")).as("nothing scrolls out of the box").isLessThanOrEqualTo(boxWidth);
            assertThat(number(box, "lastHead")).as("the Details column ends inside the box")
                    .isLessThanOrEqualTo(number(box, "boxRight") + 0.5);
            assertThat(number(box, "page")).as("the page does not scroll sideways").isLessThanOrEqualTo(number(box, "view"));
            com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(
                    page.locator("#audit-records thead th").last()).isInViewport();
        }
    }

    private static double number(Map<String, Object> values, String key) {
        return ((Number) values.get(key)).doubleValue();
    }
}
