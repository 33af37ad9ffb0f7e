package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.obconsole.testing.AuditSql;
import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.obconsole.testing.WebSession;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /ws/progress as watchers see it: snapshot then changes, only in scope, and only for the console's own pages. */
@QuarkusTest
class ProgressSocketTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    ProgressPoller poller;

    @Inject
    ProgressHub hub;

    @BeforeEach
    void scenarioState() {
        Demo.reset();
    }

    @Test
    void aTenantsChangedStateIsToldOnlyToThoseWhoMaySeeTheTenant() {
        try (ProgressClient ada = ProgressClient.connect(Tokens.accessToken("ada"), null);
                ProgressClient otto = ProgressClient.connect(Tokens.accessToken("otto"), null)) {
            await().atMost(WAIT).until(() -> ada.types().contains("snapshot") && otto.types().contains("snapshot"));

            // two tenants' state changes on the cluster (Demo.reset puts both back)
            Demo.cluster().control().setThreadScore("oracle_tenant", 7);
            Demo.cluster().control().setThreadScore("mysql_tenant", 7);
            Demo.fleetRead();
            await().atMost(WAIT).until(() -> changedTenants(ada, "demo").containsAll(List.of("mysql_tenant", "oracle_tenant")));
            await().atMost(WAIT).until(() -> changedTenants(otto, "demo").contains("mysql_tenant"));
            assertThat(otto.messages.stream().filter(m -> "changed".equals(m.getString("type"))))
                    .as("otto's scope is demo/mysql_tenant").allSatisfy(m -> {
                        assertThat(m.getString("cluster")).isEqualTo("demo");
                        assertThat(m.getJsonArray("tenants").getList()).containsOnly("mysql_tenant");
                    });
        }
    }

    private static List<String> changedTenants(ProgressClient client, String cluster) {
        return client.messages.stream().filter(m -> "changed".equals(m.getString("type")) && cluster.equals(m.getString("cluster")))
                .flatMap(m -> m.getJsonArray("tenants").stream().map(String::valueOf)).distinct().toList();
    }

    @Test
    void aWatcherGetsASnapshotThenTheChangesOfABackupStartedOnTheCluster() {
        try (ProgressClient ada = ProgressClient.connect(Tokens.accessToken("ada"), null)) {
            await().atMost(WAIT).until(() -> !ada.messages.isEmpty());
            assertThat(ada.messages.get(0).getString("type")).isEqualTo("snapshot");

            Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            Demo.clock().advanceSeconds(20);

            JsonObject doing = await().atMost(WAIT).until(() -> lastOf(ada, "mysql_tenant"),
                    job -> job != null && "DOING".equals(job.getString("status")) && job.getDouble("percent") != null);
            // jobs come in deltas; "changed" (a tenant's state to read again) carries no job
            assertThat(ada.messages.stream().filter(m -> m.containsKey("jobs")).reduce((a, b) -> b).orElseThrow()
                    .getString("type")).isEqualTo("delta");
            assertThat(doing.getDouble("percent")).isBetween(0.0, 99.9);
            assertThat(doing.getString("key")).startsWith("demo/1002/" + doing.getLong("incarnation") + "/" + doing.getLong("jobId") + "/");
            assertThat(doing.getString("phase")).startsWith("BACKUP_");

            Demo.clock().advanceSeconds(120);
            JsonObject completed = await().atMost(WAIT).until(() -> lastOf(ada, "mysql_tenant"),
                    job -> job != null && "COMPLETED".equals(job.getString("status")));
            assertThat(completed.getDouble("percent")).isEqualTo(100.0);
            assertThat(completed.getLong("result")).isZero();
            assertThat(java.time.LocalDateTime.parse(completed.getString("endedAt")))
                    .isAfter(java.time.LocalDateTime.parse(completed.getString("startedAt")));
        }
    }

    @Test
    void aFailedJobArrivesWithItsOceanBaseCodeAndComment() {
        Demo.cluster().control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
        try (ProgressClient vera = ProgressClient.connect(Tokens.accessToken("vera"), null)) {
            Demo.sql("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
            Demo.clock().advanceSeconds(10);
            JsonObject failed = await().atMost(WAIT).until(() -> lastOf(vera, "mysql_tenant"),
                    job -> job != null && "FAILED".equals(job.getString("status")));
            assertThat(failed.getLong("result")).isEqualTo(-9070);
            assertThat(failed.getString("comment")).isEqualTo("can not connect to backup destination");
        }
    }

    @Test
    void ottoNeverReceivesAnythingAboutOracleTenant() throws Exception {
        try (ProgressClient otto = ProgressClient.connect(Tokens.accessToken("otto"), null);
                ProgressClient ada = ProgressClient.connect(Tokens.accessToken("ada"), null)) {
            Demo.sql("ALTER SYSTEM BACKUP DATABASE");
            // each step is seen by one poll round of its own (the jobs end within the advanced time)
            for (int i = 0; i < 4; i++) {
                Demo.clock().advanceSeconds(30);
                poller.pollNow("demo").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            await().atMost(WAIT).until(() -> lastOf(ada, "oracle_tenant"),
                    job -> job != null && "COMPLETED".equals(job.getString("status")));
            await().atMost(WAIT).until(() -> lastOf(otto, "mysql_tenant"),
                    job -> job != null && "COMPLETED".equals(job.getString("status")));

            assertThat(otto.jobs()).extracting(job -> job.getString("tenant")).containsOnly("mysql_tenant");
            assertThat(otto.messages).allSatisfy(m -> assertThat(m.encode()).doesNotContain("oracle_tenant", "1004"));
        }
    }

    @Test
    void aPageWatchingOneTenantHearsOfNoOther() throws Exception {
        try (ProgressClient page = ProgressClient.watching(Tokens.accessToken("ada"), "demo/mysql_tenant");
                ProgressClient all = ProgressClient.connect(Tokens.accessToken("ada"), null)) {
            await().atMost(WAIT).until(() -> page.types().contains("snapshot") && all.types().contains("snapshot"));
            Demo.sql("ALTER SYSTEM BACKUP DATABASE");
            Demo.cluster().control().setThreadScore("oracle_tenant", 7);
            for (int i = 0; i < 4; i++) {
                Demo.clock().advanceSeconds(30);
                poller.pollNow("demo").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            Demo.fleetRead();
            await().atMost(WAIT).until(() -> lastOf(all, "oracle_tenant"),
                    job -> job != null && "COMPLETED".equals(job.getString("status")));
            await().atMost(WAIT).until(() -> changedTenants(all, "demo").contains("oracle_tenant"));
            await().atMost(WAIT).until(() -> lastOf(page, "mysql_tenant"),
                    job -> job != null && "COMPLETED".equals(job.getString("status")));

            assertThat(page.jobs()).extracting(job -> job.getString("tenant")).containsOnly("mysql_tenant");
            assertThat(page.messages).allSatisfy(m -> assertThat(m.encode()).doesNotContain("oracle_tenant"));
        }
    }

    private boolean watched(String cluster) {
        return hub.watchedClusters().test(cluster);
    }

    @Test
    void aClusterIsWatchedWhileAnOpenPageShowsOneOfItsTenantsAndNoLonger() throws Exception {
        // the test starts as a console that no page watches: a socket a class before left open (a client that went
        // away without closing it stays until its sign-in expires) is closed here, as the console closes an expired one
        List.copyOf(hub.watchers()).forEach(watcher -> hub.leave(watcher.id));
        await().atMost(WAIT).until(() -> !watched("payroll") && !watched("demo"));
        try (ProgressClient page = ProgressClient.watching(Tokens.accessToken("ada"), "demo/mysql_tenant")) {
            await().atMost(WAIT).until(() -> page.types().contains("snapshot"));
            assertThat(watched("demo")).as("the page shows demo/mysql_tenant").isTrue();
            assertThat(watched("payroll")).as("nothing of payroll is shown").isFalse();
            try (ProgressClient jobs = ProgressClient.connect(Tokens.accessToken("otto"), null)) {
                await().atMost(WAIT).until(() -> jobs.types().contains("snapshot"));
                assertThat(watched("payroll")).as("a page without a watch shows everything in scope").isTrue();
            }
        }
        await().atMost(WAIT).until(() -> !watched("demo") && !watched("payroll"));
    }

    @Test
    void aWatchNarrowsThePersonsScopeAndNeverWidensIt() throws Exception {
        try (ProgressClient otto = ProgressClient.watching(Tokens.accessToken("otto"), "demo")) {
            Demo.sql("ALTER SYSTEM BACKUP DATABASE");
            for (int i = 0; i < 4; i++) {
                Demo.clock().advanceSeconds(30);
                poller.pollNow("demo").get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            await().atMost(WAIT).until(() -> lastOf(otto, "mysql_tenant"),
                    job -> job != null && "COMPLETED".equals(job.getString("status")));
            assertThat(otto.messages).allSatisfy(m -> assertThat(m.encode()).doesNotContain("oracle_tenant", "1004"));
        }
    }

    @Test
    void aWatchThatNamesNoClusterOrTenantIsRefused() {
        assertThatThrownBy(() -> ProgressClient.watching(Tokens.accessToken("ada"), "demo/mysql_tenant/x"))
                .hasMessageContaining("400");
        io.restassured.RestAssured.given().auth().oauth2(Tokens.accessToken("ada")).header("Upgrade", "websocket")
                .header("Connection", "Upgrade").header("Sec-WebSocket-Version", "13")
                .header("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==").queryParam("watch", "demo,'; drop")
                .get("/ws/progress").then().statusCode(400)
                .body(org.hamcrest.Matchers.containsString("comma-separated list of cluster or cluster/tenant names"));
    }

    @Test
    void aBrowserOfferingCompressionGetsItsUpdatesUncompressed() throws Exception {
        // compression would keep a deflater per socket and compress every change once per watcher. The handshake is
        // written by hand, as every browser writes it (offering permessage-deflate), so its answer can be read whole.
        int port = org.eclipse.microprofile.config.ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (java.net.Socket raw = new java.net.Socket("localhost", port)) {
            raw.setSoTimeout((int) WAIT.toMillis());
            raw.getOutputStream().write(("GET /ws/progress HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                    + "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                    + "Authorization: Bearer " + Tokens.accessToken("ada") + "\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            java.io.InputStream in = raw.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                assertThat(b).as("the handshake's answer ended early: %s", head).isNotNegative();
                head.append((char) b);
            }
            String answer = head.toString().toLowerCase(java.util.Locale.ROOT);
            assertThat(answer).startsWith("http/1.1 101").contains("upgrade: websocket")
                    .as("extensions the console agreed to").doesNotContain("sec-websocket-extensions");
            // the first frame, the snapshot: a final text frame with RSV1 clear (RSV1 marks a compressed message)
            int first = in.read();
            assertThat(first).as("FIN, RSV1-3 and opcode of the first frame").isEqualTo(0x81);
        }
    }

    @Test
    void anUpgradeWithoutSessionOrTokenIsRefused() {
        assertThatThrownBy(() -> ProgressClient.connect(null, null)).hasMessageContaining("401");
    }

    @Test
    void aPlainRequestToTheSocketsAddressIsToldItServesAWebSocket() {
        io.restassured.RestAssured.given().auth().oauth2(Tokens.accessToken("ada")).get("/ws/progress")
                .then().statusCode(400).body(org.hamcrest.Matchers.containsString("WebSocket"));
    }

    @Test
    void aClientSendingMoreThanAPageEverWouldIsDisconnected() {
        try (ProgressClient ada = ProgressClient.connect(Tokens.accessToken("ada"), null)) {
            await().atMost(WAIT).until(() -> ada.types().contains("snapshot"));

            ada.send("x".repeat(64 * 1024));

            await().atMost(WAIT).until(ada::isClosed);
        }
    }

    @Test
    void anUpgradeWithAnInvalidTokenIsRefused() {
        assertThatThrownBy(() -> ProgressClient.connect("not-a-token", null)).hasMessageContaining("401");
    }

    @Test
    void anUpgradeFromAForeignOriginIsRefusedEvenWithAValidToken() {
        // wes (dba-leads, like ada) is one of the tests' own people: no other class is refused as wes, so
        // the per-person limit of recorded refusals leaves room for this one
        String refusals = "SELECT id FROM audit_record WHERE actor_username = 'wes' AND outcome = 'REFUSED_FORBIDDEN'"
                + " AND action_name = 'WATCH_PROGRESS'";
        int before = AuditSql.rows(refusals).size();

        assertThatThrownBy(() -> ProgressClient.connect(Tokens.accessToken("wes"), "https://evil.example"))
                .hasMessageContaining("403");

        await().atMost(WAIT).until(() -> AuditSql.rows(refusals).size() == before + 1);
    }

    @Test
    void anUpgradeFromTheConsolesOwnOriginIsAccepted() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (ProgressClient ada = ProgressClient.connect(Tokens.accessToken("ada"), "http://localhost:" + port)) {
            await().atMost(WAIT).until(() -> !ada.messages.isEmpty());
            assertThat(ada.types()).first().isEqualTo("snapshot");
        }
    }

    @Test
    void aBrowserSessionOpensTheSocketFromTheConsolesOwnPageButNotFromAForeignSite() {
        WebSession ada = WebSession.signIn("ada");
        try (ProgressClient page = ProgressClient.connectWithSession(ada.cookieHeader(), WebSession.consoleUrl())) {
            await().atMost(WAIT).until(() -> page.types().contains("snapshot"));
        }
        // cross-site WebSocket hijacking: the browser would attach ada's cookies to evil.example's socket too
        assertThatThrownBy(() -> ProgressClient.connectWithSession(ada.cookieHeader(), "https://evil.example"))
                .hasMessageContaining("403");
    }

    /** The newest state of a tenant's newest job this client has received. */
    static JsonObject lastOf(ProgressClient client, String tenant) {
        List<JsonObject> jobs = client.jobs().stream().filter(j -> tenant.equals(j.getString("tenant"))).toList();
        // the newest start, not the highest id: a recreated cluster numbers its jobs from the start again
        JsonObject newest = null;
        for (JsonObject job : jobs) {
            if (newest == null || !started(job).isBefore(started(newest))) {
                newest = job;
            }
        }
        return newest;
    }

    private static java.time.LocalDateTime started(JsonObject job) {
        String at = job.getString("startedAt");
        return at == null ? java.time.LocalDateTime.MIN : java.time.LocalDateTime.parse(at);
    }
}
