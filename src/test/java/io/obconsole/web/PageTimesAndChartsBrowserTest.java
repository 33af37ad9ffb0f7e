package io.obconsole.web;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import io.obconsole.alert.ObjectiveWatch;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * In real Chromium, what the pages write and draw reads one way for every reader: times year first
 * with their zone, settings by their meaning (the OceanBase parameter only as a hint), chart labels
 * that neither run into each other nor off the chart, colours that tell a failed set from an
 * archive gap, and an empty list as a sentence without a bare table header.
 */
@QuarkusTest
class PageTimesAndChartsBrowserTest {

    private static final Pattern WRITTEN_TIME = Pattern.compile("^\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\S+$");

    @TestHTTPResource("/")
    URL console;

    @Inject
    ObjectiveWatch objectives;

    @BeforeEach
    void demoAsItStarts() {
        Demo.reset();
        objectives.round();
    }

    @Test
    void theSetupPagesArchiveCheckpointIsATimeInTheReadersZone() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPageIn("America/New_York", "en-US");
            Browser.signIn(page, console + "clusters/demo/tenants/mysql_tenant/setup", "vera", "vera");
            assertThat(page.locator("html")).hasAttribute("data-ready", "true");
            Locator checkpoint = page.locator("#archive-checkpoint time");
            assertThat(checkpoint).hasText(WRITTEN_TIME);
            Instant instant = Instant.parse(checkpoint.getAttribute("datetime"));
            assertThat(checkpoint).containsText(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(instant.atZone(ZoneId.of("America/New_York"))));
            assertThat(checkpoint).hasAttribute("title", Pattern.compile(" UTC$"));
        }
    }

    @Test
    void backupConcurrencyIsNamedByItsMeaningWithTheParameterAsAHint() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "clusters/demo/tenants/mysql_tenant", "ada");
            Locator label = page.locator("dl.facts dt", new Page.LocatorOptions().setHasText("concurrency"));
            assertThat(label).hasText("Backup concurrency");
            assertThat(label).hasAttribute("title", Pattern.compile("ha_low_thread_score"));
            assertThat(page.locator("main")).not().containsText("ha_low_thread_score");

            page.navigate(console + "backups/new?cluster=demo&tenant=mysql_tenant");
            assertThat(page.locator("label[for=concurrency]")).hasText("Backup concurrency");
            assertThat(page.locator("#concurrency-hint")).containsText("ha_low_thread_score");
        }
    }

    @Test
    void chartLabelsNeitherOverlapNorLeaveTheChart() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "clusters/demo/tenants/mysql_tenant", "vera");
            assertThat(page.locator("svg.chart rect.bar").first()).isAttached();
            assertThat(page.locator("svg#recovery-timeline text.tick").first()).isAttached();
            for (Locator chart : page.locator("svg.chart").all()) {
                @SuppressWarnings("unchecked")
                List<Map<String, Object>> labels = (List<Map<String, Object>>) chart.evaluate("svg => {"
                        + " const box = svg.viewBox.baseVal;"
                        + " return [...svg.querySelectorAll('text')].map(t => { const b = t.getBBox();"
                        + "   return { text: t.textContent, x: b.x, y: b.y, right: b.x + b.width, bottom: b.y + b.height,"
                        + "            width: box.width, height: box.height }; }); }");
                assertThat(labels).isNotEmpty();
                for (Map<String, Object> label : labels) {
                    assertThat(number(label, "x")).as("left end of '%s'", label.get("text")).isGreaterThanOrEqualTo(0);
                    assertThat(number(label, "right")).as("right end of '%s'", label.get("text"))
                            .isLessThanOrEqualTo(number(label, "width"));
                    assertThat(number(label, "y")).as("top of '%s'", label.get("text")).isGreaterThanOrEqualTo(0);
                    assertThat(number(label, "bottom")).as("bottom of '%s'", label.get("text"))
                            .isLessThanOrEqualTo(number(label, "height"));
                }
                for (int i = 0; i < labels.size(); i++) {
                    for (int j = i + 1; j < labels.size(); j++) {
                        Map<String, Object> a = labels.get(i);
                        Map<String, Object> b = labels.get(j);
                        boolean apart = number(a, "right") <= number(b, "x") || number(b, "right") <= number(a, "x")
                                || number(a, "bottom") <= number(b, "y") || number(b, "bottom") <= number(a, "y");
                        assertThat(apart).as("'%s' and '%s' in %s", a.get("text"), b.get("text"), chart.getAttribute("id"))
                                .isTrue();
                    }
                }
            }
        }
    }

    @Test
    void aFailedSetAndAnArchiveGapHaveColoursOfTheirOwnInTheLegends() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "clusters/demo/tenants/mysql_tenant", "vera");
            String failed = background(page.locator("#timeline-caption .legend .key.failed"));
            String gap = background(page.locator("#timeline-caption .legend .key.gap"));
            String doing = background(page.locator("#timeline-caption .legend .key.doing"));
            assertThat(List.of(failed, gap, doing)).doesNotHaveDuplicates();
            // the backup-set chart has a legend too: the kinds of bar, and the size dots
            assertThat(page.locator("#chart-legend")).containsText("FULL");
            assertThat(page.locator("#chart-legend")).containsText("size written");
        }
    }

    @Test
    void anEmptyListIsASentenceWithoutATableHeader() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.signedIn(console + "jobs?cluster=demo&tenant=analytics", "vera");
            assertThat(page.locator("#no-running-jobs")).isVisible();
            assertThat(page.locator("#running-jobs")).isHidden();
            assertThat(page.locator("#running-jobs thead")).isHidden();
        }
    }

    private static String background(Locator key) {
        return (String) key.evaluate("el => getComputedStyle(el).backgroundColor");
    }

    private static double number(Map<String, Object> label, String key) {
        return ((Number) label.get(key)).doubleValue();
    }
}
