package io.obconsole;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Browser;
import io.obconsole.testing.ConsoleProcesses;
import io.obconsole.testing.ConsoleProcesses.Console;
import io.obconsole.testing.Tokens;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Two packaged consoles on one console database and one Keycloak, behind HAProxy, as a team
 * deploys them (issue 23), and a drill across them (issue 22). One set of processes for the
 * class; the methods run in order, the kill part last. What it asserts is what the demo cluster
 * received (read over the wire with {@code CALL demo.received(...)}), what the API and the audit
 * trail answer, and what a browser shows.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoConsolesIT {

    private static final String MYSQL_POLICY = "/api/v1/policies/demo/mysql_tenant";
    private static final String DRILL_POLICY = "/api/v1/drill-policies/demo/mysql_tenant";
    private static final Duration MEASURE = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Instant began = Instant.now();
    private ConsoleProcesses processes;
    private Console first;
    private Console second;
    private double perMinuteOne;
    private double perMinuteTwo;

    // the kill part's state, shared by the methods after it
    private Browser browser;
    private Page page;
    private Console victim;
    private Console survivor;
    private Instant killedAt;
    private String stalledJobKey;
    private long drillRun;
    private int proxyLogAtKill;

    @BeforeAll
    void start() throws Exception {
        processes = new ConsoleProcesses(Path.of("target/two-consoles"));
        // backups short enough for several slots; a drill's restore long enough to be killed in
        processes.startServices("-Dconsole.embedded.demo.full-backup-duration=PT4S");
        String[] common = {"-Dconsole.policies.min-interval=PT1S",
            "-Dconsole.drills.interval=2s", "-Dconsole.drills.lease=PT10S", "-Dquarkus.log.level=WARN",
            "-Dquarkus.log.category.\"io.obconsole\".level=INFO"};
        // one after the other: two started at the same moment on a fresh database race to store Quartz's jobs
        first = processes.startConsole("c1", ConsoleProcesses.port("OBC_IT_CONSOLE1_PORT", 8086),
                ConsoleProcesses.port("OBC_IT_CONSOLE1_MANAGEMENT_PORT", 9086), common);
        processes.awaitReady(first);
        perMinuteOne = statementsPerMinute(first);
        second = processes.startConsole("c2", ConsoleProcesses.port("OBC_IT_CONSOLE2_PORT", 8087),
                ConsoleProcesses.port("OBC_IT_CONSOLE2_MANAGEMENT_PORT", 9087), common);
        processes.awaitReady(second);
        perMinuteTwo = statementsPerMinute(first, second);
        processes.startProxy(List.of(first, second));
    }

    @AfterAll
    void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
        if (processes != null) {
            processes.close();
        }
        System.out.printf("TWO-CONSOLES IT took %d s%n", Duration.between(began, Instant.now()).toSeconds());
    }

    @Test
    @Order(1)
    void eachPolicySlotStartsOneBackupAcrossBothConsoles() {
        int before = backupsReceived("mysql_tenant").size();
        as("otto", ConsoleProcesses.proxyUrl()).body(Map.of("full", Map.of("cron", "0/8 * * * * ?"))).put(MYSQL_POLICY)
                .then().statusCode(200);
        await("two slots that started a backup").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> recordedRuns(MYSQL_POLICY).stream().filter(r -> "STARTED".equals(r.get("outcome"))).count() >= 2);
        as("otto", ConsoleProcesses.proxyUrl()).post(MYSQL_POLICY + "/pause").then().statusCode(200);
        // a slot already handed out may still be recording after the pause: the counts agree once it has
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<Map<String, Object>> all = recordedRuns(MYSQL_POLICY);
            long started = all.stream().filter(r -> "STARTED".equals(r.get("outcome"))).count();
            assertThat(all.stream().map(r -> r.get("slot")).distinct().count()).as("one run per slot").isEqualTo(all.size());
            assertThat(started).as("runs: %s", all).isGreaterThanOrEqualTo(2);
            assertThat(backupsReceived("mysql_tenant").size() - before).as("BACKUP statements the cluster received")
                    .isEqualTo((int) started);
        });
    }

    @Test
    @Order(2)
    void aBackupStartedThroughOneConsoleIsWatchedLiveThroughTheOther() throws Exception {
        awaitNoBackupRunning("mysql_tenant");
        List<JsonNode> messages = new CopyOnWriteArrayList<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .header("Authorization", "Bearer " + Tokens.accessTokenFrom(realm(), "vera", "vera"))
                .buildAsync(URI.create("ws://127.0.0.1:" + second.port() + "/ws/progress"), collector(messages))
                .get();
        try {
            // held running until the other console's socket has shown it so
            onDemo("CALL demo.stall_backup('mysql_tenant')");
            String key = startBackup(first.url(), "mysql_tenant");
            await("the job running, on the other console's socket").atMost(Duration.ofSeconds(30))
                    .until(() -> jobIn(messages, key, true));
            onDemo("CALL demo.resume_backup('mysql_tenant')");
            await("the job's end, on the other console's socket").atMost(Duration.ofSeconds(60))
                    .until(() -> jobIn(messages, key, false));
        } finally {
            socket.abort();
            onDemo("CALL demo.resume_backup('mysql_tenant')");
        }
    }

    @Test
    @Order(3)
    void aSessionAndAFormOfOneConsoleAreTakenByTheOther() throws Exception {
        browser = Browser.launch();
        page = browser.signedIn(ConsoleProcesses.proxyUrl() + "/jobs", "ada");
        PlaywrightAssertions.assertThat(page.locator("#signed-in-user")).containsText("ada");
        String cookies = page.context().cookies().stream().map(c -> c.name + "=" + c.value)
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        for (Console console : List.of(first, second)) {
            given().header("Cookie", cookies).redirects().follow(false).get(console.url() + "/jobs").then()
                    .statusCode(200);
        }
        // a form rendered by the first console (its CSRF token) is posted to the second: signing out of a second session
        Page other = browser.signedIn(ConsoleProcesses.proxyUrl() + "/jobs", "vera");
        String otherCookies = other.context().cookies().stream().map(c -> c.name + "=" + c.value)
                .reduce((a, b) -> a + "; " + b).orElseThrow();
        String html = given().header("Cookie", otherCookies).get(first.url() + "/jobs").then().statusCode(200).extract().asString();
        var token = Pattern.compile("type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]+)\"").matcher(html);
        assertThat(token.find()).as("a CSRF field on the page").isTrue();
        given().header("Cookie", otherCookies).redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam(token.group(1), token.group(2)).post(second.url() + "/sign-out").then().statusCode(303);
        other.context().close();
    }

    @Test
    @Order(4)
    void oneDrillSlotRunsOnceAcrossBothConsoles() throws Exception {
        // a slot a little ahead: once a day at that second
        ZonedDateTime at = ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(12);
        String cron = at.getSecond() + " " + at.getMinute() + " " + at.getHour() + " * * ?";
        as("ada", ConsoleProcesses.proxyUrl()).body(Map.of("schedule", Map.of("cron", cron), "timeZone", "UTC",
                "drillCluster", "dr", "point", "LATEST", "timeLimit", "PT30M")).put(DRILL_POLICY).then().statusCode(200);
        await("the drill's restore sent to dr").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> !restoresReceivedOnDr().isEmpty());
        List<Map<String, String>> runs = auditDb("SELECT id, state FROM drill_run");
        assertThat(runs).as("one run for the slot").hasSize(1);
        drillRun = Long.parseLong(runs.get(0).get("id"));
        assertThat(restoresReceivedOnDr()).as("RESTORE statements dr received").hasSize(1);
    }

    @Test
    @Order(5)
    void killingTheConsoleThatRunsTheDrillAndHoldsTheSocketMidJob() throws Exception {
        String holder = auditDb("SELECT lease_owner FROM drill_run WHERE id = " + drillRun).get(0).get("lease_owner");
        victim = holder.equals(first.name()) ? first : second;
        survivor = victim == first ? second : first;
        // the browser kept on the victim by the proxy's cookie, as if the proxy had chosen it
        page.context().addCookies(List.of(new com.microsoft.playwright.options.Cookie(ConsoleProcesses.STICKY_COOKIE,
                victim.name()).setDomain("localhost").setPath("/")));
        page.reload();
        PlaywrightAssertions.assertThat(page.locator("#live-indicator")).hasAttribute("data-state", "live");
        await("the page's socket on " + victim.name()).atMost(Duration.ofSeconds(30)).until(() -> {
            List<String> sockets = processes.proxyLog().stream().filter(l -> l.contains("/ws/progress")).toList();
            return !sockets.isEmpty() && sockets.get(sockets.size() - 1).startsWith("consoles/" + victim.name() + " ");
        });
        onDemo("CALL demo.stall_backup('mysql_tenant')");
        awaitNoBackupRunning("mysql_tenant");
        stalledJobKey = startBackup(ConsoleProcesses.proxyUrl(), "mysql_tenant");
        PlaywrightAssertions.assertThat(page.locator("[data-job-key=\"" + stalledJobKey + "\"]").first()).isVisible();
        assertThat(auditDb("SELECT state FROM drill_run WHERE id = " + drillRun).get(0).get("state"))
                .as("the drill, mid-way when killed").isIn("PENDING", "RESTORING");
        proxyLogAtKill = processes.proxyLog().size();
        killedAt = Instant.now();
        ConsoleProcesses.kill(victim);
        assertThat(ConsoleProcesses.ready(survivor)).isTrue();
        onDemo("CALL demo.resume_backup('mysql_tenant')");
    }

    @Test
    @Order(6)
    void thePageReconnectsThroughTheProxyWithoutANewSignIn() throws Exception {
        PlaywrightAssertions.assertThat(page.locator("#live-indicator")).hasAttribute("data-state", "live",
                new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions().setTimeout(60_000));
        await("a new socket through the proxy, on " + survivor.name()).atMost(Duration.ofSeconds(60))
                .until(() -> processes.proxyLog().stream().skip(proxyLogAtKill)
                        .anyMatch(l -> l.startsWith("consoles/" + survivor.name() + " 101 GET /ws/progress")));
        assertThat(page.url()).startsWith(ConsoleProcesses.proxyUrl());
        PlaywrightAssertions.assertThat(page.locator("#signed-in-user")).containsText("ada");
    }

    @Test
    @Order(7)
    void theSurvivorRecordsTheJobsEndOnce() {
        await("the job's end on the trail").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                .until(() -> jobEnds(stalledJobKey), e -> e.size() >= 1);
        // and it stays one over the survivor's next rounds
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(10)).until(() -> jobEnds(stalledJobKey).size() == 1);
    }

    @Test
    @Order(8)
    void theSurvivorTakesOverThePolicySlots() {
        int before = backupsReceived("mysql_tenant").size();
        as("otto", ConsoleProcesses.proxyUrl()).post(MYSQL_POLICY + "/resume").then().statusCode(200);
        List<Map<String, Object>> after = await("a slot after the kill").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> recordedRuns(MYSQL_POLICY).stream()
                        .filter(r -> Instant.parse((String) r.get("slot")).isAfter(killedAt))
                        .filter(r -> "STARTED".equals(r.get("outcome"))).toList(), r -> !r.isEmpty());
        as("otto", ConsoleProcesses.proxyUrl()).post(MYSQL_POLICY + "/pause").then().statusCode(200);
        assertThat(backupsReceived("mysql_tenant").size() - before).isGreaterThanOrEqualTo(after.size());
    }

    @Test
    @Order(9)
    void theSurvivorFinishesTheDrillAndLeavesNoScratchTenantOrPoolOnDr() {
        Map<String, String> run = await("the drill over").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> auditDb("SELECT state, lease_owner FROM drill_run WHERE id = " + drillRun).get(0),
                        r -> List.of("PROVEN", "FAILED").contains(r.get("state")));
        // it was mid-way when the victim was killed: the survivor ended it
        assertThat(run.get("lease_owner")).as("an ended run is held by no one").isNull();
        assertThat(onDr("SELECT TENANT_NAME FROM oceanbase.DBA_OB_TENANTS WHERE TENANT_NAME LIKE 'drill%'")).isEmpty();
        assertThat(onDr("SELECT NAME FROM oceanbase.DBA_OB_RESOURCE_POOLS WHERE NAME LIKE 'drill%'")).isEmpty();
        assertThat(onDr("SELECT NAME FROM oceanbase.DBA_OB_UNIT_CONFIGS WHERE NAME LIKE 'drill%'")).isEmpty();
        assertThat(auditDb("SELECT id FROM drill_run")).as("still one run for the slot").hasSize(1);
        assertThat(restoresReceivedOnDr()).as("the restore was not sent again").hasSize(1);
    }

    @Test
    @Order(10)
    void theAuditChainHoldsWithNoRecordLostOrDoubled() {
        var report = as("ada", ConsoleProcesses.proxyUrl()).get("/api/v1/audit/verify").then().statusCode(200).extract().jsonPath();
        assertThat(report.getBoolean("intact")).as("chain: %s", report.prettify()).isTrue();
        List<Map<String, String>> ids = auditDb("SELECT id FROM audit_record ORDER BY id");
        assertThat(Long.parseLong(ids.get(ids.size() - 1).get("id")) - Long.parseLong(ids.get(0).get("id")) + 1)
                .as("no gap in the ids").isEqualTo(ids.size());
        assertThat(report.getLong("checked")).isEqualTo(ids.size());
        assertThat(auditDb("SELECT job_end_key FROM audit_record WHERE job_end_key IS NOT NULL GROUP BY job_end_key HAVING COUNT(*) > 1"))
                .as("job ends recorded twice").isEmpty();
    }

    @Test
    @Order(11)
    void eachConsoleCostsTheClusterItsOwnRounds() {
        // measured at the start, nobody watching: the first console alone, then both
        System.out.printf("TWO-CONSOLES statements per minute on cluster demo, nobody watching: one console %.0f,"
                + " two consoles %.0f (x%.2f)%n", perMinuteOne, perMinuteTwo, perMinuteTwo / perMinuteOne);
        assertThat(perMinuteTwo).as("each instance polls the cluster itself").isGreaterThan(perMinuteOne * 1.5);
    }

    // ---- helpers ----

    private static String realm() {
        return "http://localhost:" + ConsoleProcesses.KEYCLOAK_PORT + "/realms/obconsole";
    }

    private static RequestSpecification as(String user, String base) {
        return given().baseUri(base).auth().oauth2(Tokens.accessTokenFrom(realm(), user, user)).contentType("application/json");
    }

    private static List<Map<String, Object>> recordedRuns(String policy) {
        List<Map<String, Object>> all = as("vera", ConsoleProcesses.proxyUrl()).queryParam("limit", 500).get(policy + "/runs")
                .then().statusCode(200).extract().path("");
        return all.stream().filter(r -> r.get("outcome") != null).toList();
    }

    private String startBackup(String base, String tenant) {
        var started = as("ada", base).body(Map.of("tenants", List.of(tenant), "type", "FULL")).post("/api/v1/clusters/demo/backups")
                .then().log().ifValidationFails().statusCode(202).extract().jsonPath();
        long jobId = started.getLong("jobs[0].jobId");
        // the job's key as the fleet gives it (unique over time)
        return await("the job in the fleet").atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> jobs = as("vera", base).queryParam("cluster", "demo").queryParam("tenant", tenant)
                    .get("/api/v1/jobs").then().statusCode(200).extract().path("jobs");
            return jobs.stream().filter(j -> ((Number) ((Map<?, ?>) j.get("job")).get("jobId")).longValue() == jobId)
                    .map(j -> (String) j.get("key")).findFirst().orElse(null);
        }, k -> k != null);
    }

    /**
     * No backup open on the cluster (from sys, any open one refuses a new one, whichever tenant it
     * names: a slot's backup of the part before may still run), and none of the tenant shown running.
     */
    private void awaitNoBackupRunning(String tenant) {
        await("no backup open on demo, none of " + tenant + " shown running").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1)).until(() -> {
                    if (!sql(ConsoleProcesses.DEMO_PORT, "SELECT JOB_ID FROM oceanbase.CDB_OB_BACKUP_JOBS").isEmpty()) {
                        return false;
                    }
                    List<Map<String, Object>> jobs = as("vera", ConsoleProcesses.proxyUrl()).queryParam("cluster", "demo")
                            .queryParam("tenant", tenant).queryParam("status", "RUNNING").get("/api/v1/jobs").then()
                            .statusCode(200).extract().path("jobs");
                    return jobs.isEmpty();
                });
    }

    /** The trail's "job ended" records of the job (keyed by the job key, as the trail keeps them). */
    private static List<Map<String, String>> jobEnds(String key) {
        return auditDb("SELECT id FROM audit_record WHERE outcome = 'JOB_ENDED' AND job_end_key = '" + key + "'");
    }

    private static WebSocket.Listener collector(List<JsonNode> messages) {
        return new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        messages.add(JSON.readTree(partial.toString()));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    partial.setLength(0);
                }
                socket.request(1);
                return null;
            }
        };
    }

    private static boolean jobIn(List<JsonNode> messages, String key, boolean running) {
        return messages.stream().flatMap(m -> m.path("jobs").valueStream())
                .anyMatch(j -> key.equals(j.path("key").asText()) && j.path("running").asBoolean() == running);
    }

    private static List<String> backupsReceived(String tenant) {
        return receivedOn(ConsoleProcesses.DEMO_PORT, "ALTER SYSTEM BACKUP").stream()
                .filter(s -> !s.contains("CANCEL") && s.contains(tenant)).toList();
    }

    private static List<String> restoresReceivedOnDr() {
        return receivedOn(drPort(), "ALTER SYSTEM RESTORE");
    }

    private static int drPort() {
        return ConsoleProcesses.DEMO_PORT + 3;
    }

    private static List<String> receivedOn(int port, String text) {
        return sql(port, "CALL demo.received('" + text + "')").stream().map(r -> r.get("STATEMENT")).toList();
    }

    private static void onDemo(String statement) {
        sql(ConsoleProcesses.DEMO_PORT, statement);
    }

    private static List<Map<String, String>> onDr(String query) {
        return sql(drPort(), query);
    }

    /**
     * Statements per minute the cluster receives from the consoles (none watching), over
     * {@link #MEASURE}, through which every one of them must stay ready (readiness reads the
     * consoles' own model: it sends the cluster nothing), or the figure would mean nothing.
     */
    private static double statementsPerMinute(Console... running) throws Exception {
        int port = ConsoleProcesses.DEMO_PORT;
        try (Connection c = demoConnection(port)) {
            long start = count(c);
            Instant from = Instant.now();
            await().during(MEASURE).atMost(MEASURE.plusSeconds(15)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> Arrays.stream(running).allMatch(ConsoleProcesses::ready));
            long end = count(c);
            double seconds = Duration.between(from, Instant.now()).toMillis() / 1000.0;
            return (end - start) * 60 / seconds;
        }
    }

    private static long count(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("CALL demo.received_count()")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection demoConnection(int port) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", "root@sys");
        props.setProperty("password", "demo");
        props.setProperty("sslMode", "DISABLED");
        props.setProperty("allowPublicKeyRetrieval", "true");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/oceanbase", props);
    }

    private static List<Map<String, String>> sql(int port, String statement) {
        try (Connection c = demoConnection(port)) {
            return rows(c, statement);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> auditDb(String query) {
        try (Connection c = DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + ConsoleProcesses.AUDIT_DB_PORT
                + "/obconsole?user=root&sslMode=DISABLED")) {
            return rows(c, query);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static List<Map<String, String>> rows(Connection c, String query) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(query)) {
                return List.of();
            }
            try (ResultSet rs = s.getResultSet()) {
                return AuditSql.rows(rs);
            }
        }
    }
}
