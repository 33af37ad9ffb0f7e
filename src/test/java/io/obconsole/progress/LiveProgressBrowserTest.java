package io.obconsole.progress;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.WebSocketRoute;
import io.obconsole.testing.Browser;
import io.obconsole.testing.Demo;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Live progress in real Chromium: the Jobs page follows a backup started elsewhere without a
 * reload, shows a failure's OceanBase code and comment, a stall, and its connection state.
 */
@QuarkusTest
class LiveProgressBrowserTest {

    @TestHTTPResource("/jobs")
    URL jobsPage;

    @Inject
    ProgressPoller poller;

    @BeforeEach
    void scenarioState() {
        Demo.reset();
    }

    @AfterEach
    void idleMysqlTenant() throws SQLException {
        Demo.cluster().control().unstall("mysql_tenant");
        sys("ALTER SYSTEM CANCEL BACKUP TENANT = mysql_tenant");
        Demo.clock().advanceSeconds(30);
    }

    @Test
    void aBackupStartedElsewhereMovesFromBelowHundredToCompletedWithoutReload() throws Exception {
        try (Browser browser = Browser.launch()) {
            Page page = signedInOnJobs(browser);
            page.evaluate("() => { window.sameDocument = 'yes'; }");

            Locator row = page.locator(jobRow(startMysqlTenantBackup())).first();
            assertThat(row).isVisible();

            // half of a full backup's 60 s of demo time: the bar is on its way
            advanceAndPoll(30);
            page.waitForCondition(() -> percentOf(row) > 0 && percentOf(row) < 100);
            advanceAndPoll(60);

            assertThat(row).hasAttribute("data-status", "COMPLETED");
            assertThat(row.locator("span.status")).hasText("Completed");
            assertThat(page.evaluate("() => window.sameDocument")).as("no reload happened").isEqualTo("yes");
        }
    }

    @Test
    void anInjectedFailureShowsFailedWithTheOceanBaseCodeAndComment() throws Exception {
        try (Browser browser = Browser.launch()) {
            Page page = signedInOnJobs(browser);
            Demo.cluster().control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
            Locator row = page.locator(jobRow(startMysqlTenantBackup())).first();
            assertThat(row).isVisible();

            for (int step = 0; step < 20 && !"FAILED".equals(row.getAttribute("data-status")); step++) {
                advanceAndPoll(5);
            }

            assertThat(row).hasAttribute("data-status", "FAILED");
            assertThat(row.locator("[data-field=failure]")).containsText("-9070");
            assertThat(row.locator("[data-field=failure]")).containsText("can not connect to backup destination");
        }
    }

    @Test
    void aStalledJobShowsTheBadge() throws Exception {
        try (Browser browser = Browser.launch()) {
            Page page = signedInOnJobs(browser);
            Locator row = page.locator(jobRow(startMysqlTenantBackup())).first();
            assertThat(row).isVisible();
            advanceAndPoll(8);
            Demo.cluster().control().stallJob("mysql_tenant");

            // console.progress.stall-after is 60 s of cluster time without a moving counter
            for (int step = 0; step < 12 && row.locator("[data-field=stalled]").count() == 0; step++) {
                advanceAndPoll(10);
            }

            assertThat(row.locator("[data-field=stalled]")).hasText("stalled");
        }
    }

    @Test
    void whenTheSocketGoesAwayThePageSaysReconnectingThenLiveAgain() {
        try (Browser browser = Browser.launch()) {
            Page page = browser.newPage();
            AtomicBoolean down = new AtomicBoolean();
            List<WebSocketRoute> sockets = new CopyOnWriteArrayList<>();
            page.routeWebSocket(Pattern.compile(".*/ws/progress.*"), socket -> {
                if (down.get()) {
                    socket.close();
                    return;
                }
                socket.connectToServer();
                sockets.add(socket);
            });
            Browser.signIn(page, jobsPage.toString(), "ada", "ada");
            Locator indicator = page.locator("#live-indicator");
            assertThat(indicator).hasText("Live");

            down.set(true);
            sockets.forEach(WebSocketRoute::close);
            assertThat(indicator).hasText("Reconnecting\u2026");

            down.set(false);
            assertThat(indicator).hasText("Live", new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions()
                    .setTimeout(45_000));
        }
    }

    /**
     * Moves demo time and has the console poll the cluster once, so the next thing the page shows
     * is the cluster's state at that time (Playwright's assertions then wait for it to arrive).
     */
    private void advanceAndPoll(long seconds) throws Exception {
        Demo.clock().advanceSeconds(seconds);
        poller.pollNow("demo").get(30, TimeUnit.SECONDS);
    }

    private Page signedInOnJobs(Browser browser) {
        Page page = browser.signedIn(jobsPage.toString(), "ada");
        assertThat(page.locator("#live-indicator")).hasText("Live");
        return page;
    }

    /**
     * Starts a backup outside the console, as another operator at a terminal would; returns the
     * job's key as the console names it (a job id alone repeats when a cluster starts over).
     */
    private static String startMysqlTenantBackup() throws SQLException {
        sys("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        try (Connection c = sysConnection();
                java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT JOB_ID, INCARNATION, START_TIMESTAMP "
                        + "FROM oceanbase.CDB_OB_BACKUP_JOBS WHERE TENANT_ID = 1002 ORDER BY START_TIMESTAMP DESC LIMIT 1")) {
            assertThat(rs.next()).as("the cluster lists the new job").isTrue();
            return new io.obconsole.fleet.JobKey("demo", 1002, rs.getLong("INCARNATION"), rs.getLong("JOB_ID"),
                    java.time.LocalDateTime.parse(rs.getString("START_TIMESTAMP").replace(' ', 'T'))).text();
        }
    }

    private static String jobRow(String key) {
        return "main [data-fragment=row][data-job-key='" + key + "']";
    }

    private static double percentOf(Locator row) {
        if (row.locator("progress[data-field=percent]").count() == 0) {
            return "COMPLETED".equals(row.getAttribute("data-status")) ? 100.0 : 0.0;
        }
        Object value = row.locator("progress[data-field=percent]").evaluate("bar => bar.value");
        return ((Number) value).doubleValue();
    }

    private static void sys(String sql) throws SQLException {
        try (Connection c = sysConnection()) {
            c.createStatement().execute(sql);
        }
    }

    private static Connection sysConnection() throws SQLException {
        Properties account = new Properties();
        account.setProperty("user", "root@sys");
        account.setProperty("password", "demo");
        return new com.mysql.cj.jdbc.Driver().connect(
                "jdbc:mysql://127.0.0.1:" + Demo.cluster().port() + "/oceanbase?sslMode=DISABLED", account);
    }
}
