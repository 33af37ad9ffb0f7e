package io.obconsole.policy;

import static io.obconsole.api.ApiFixture.as;
import static io.obconsole.api.ApiFixture.backupsReceived;
import static io.obconsole.api.ApiFixture.control;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.api.ApiFixture;
import io.obconsole.cluster.BackupType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.Trigger;

/**
 * Policies firing on clustered Quartz against the demo cluster and the real MariaDB: a fast
 * schedule (every two seconds) stands in for the nightly one.
 */
@QuarkusTest
class PolicySchedulingTest {

    private static final String MYSQL = "/api/v1/policies/demo/mysql_tenant";
    private static final String ANALYTICS = "/api/v1/policies/demo/analytics";
    private static final Map<String, Object> EVERY_TWO_SECONDS = Map.of("full", Map.of("cron", "0/2 * * * * ?"));

    @Inject
    PolicyRunner runner;

    @Inject
    org.quartz.Scheduler quartz;

    @Inject
    DataSource database;

    @BeforeEach
    void fresh() {
        noPolicies();
        ApiFixture.resetCluster();
    }

    @AfterEach
    void putBack() throws Exception {
        noPolicies();
        if (quartz.isInStandbyMode()) {
            quartz.start();
        }
        ApiFixture.resetCluster();
    }

    private static void noPolicies() {
        for (String path : List.of(MYSQL, ANALYTICS)) {
            as("ada").delete(path);
        }
    }

    private static List<Map<String, Object>> runs(String policy) {
        return as("vera").get(policy + "/runs").then().statusCode(200).extract().path("");
    }

    private static Map<String, Object> firstRun(String policy) {
        await().atMost(Duration.ofSeconds(30)).until(() -> runs(policy).stream().anyMatch(r -> r.get("outcome") != null));
        List<Map<String, Object>> all = runs(policy);
        return all.stream().filter(r -> r.get("outcome") != null).reduce((newer, older) -> older).orElseThrow();
    }

    @Test
    void aPolicyFiresAndItsBackupReachesTheClusterOnBehalfOfItsOwner() {
        as("otto").body(Map.of("full", Map.of("cron", "0/2 * * * * ?"), "descriptionTemplate", "nightly {type}"))
                .put(MYSQL).then().statusCode(200);
        Map<String, Object> run = firstRun(MYSQL);
        as("otto").delete(MYSQL).then().statusCode(204);

        assertThat(run.get("outcome")).isEqualTo("STARTED");
        assertThat((List<?>) run.get("jobs")).hasSize(1);
        assertThat(backupsReceived()).first().asString().startsWith("ALTER SYSTEM BACKUP TENANT = mysql_tenant")
                .contains("DESCRIPTION = 'nightly FULL'");
        Map<String, Object> audit = as("ada").queryParam("action", "BACKUP_FULL").queryParam("outcome", "ACCEPTED")
                .get("/api/v1/audit").then().statusCode(200).extract().path("records[0]");
        assertThat(audit.get("actor")).asString().contains("on behalf of otto");
        assertThat(((Number) audit.get("id")).longValue()).isGreaterThan(0);
    }

    @Test
    void aSlotWhosePreflightFailsIsSkippedWithTheReason() {
        as("ada").body(EVERY_TWO_SECONDS).put(ANALYTICS).then().statusCode(200);
        Map<String, Object> run = firstRun(ANALYTICS);
        as("ada").delete(ANALYTICS);

        assertThat(run.get("outcome")).isEqualTo("SKIPPED");
        assertThat(run.get("reason")).asString().contains("Preflight failed").containsIgnoringCase("archiv");
        assertThat(backupsReceived()).isEmpty();
    }

    @Test
    void aSlotThatFindsABackupRunningIsSkipped() {
        as("ada").header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("type", "FULL", "tenants", List.of("mysql_tenant")))
                .post("/api/v1/clusters/demo/backups").then().statusCode(202);
        as("otto").body(EVERY_TWO_SECONDS).put(MYSQL).then().statusCode(200);
        Map<String, Object> run = firstRun(MYSQL);
        as("otto").delete(MYSQL);

        assertThat(run.get("outcome")).isEqualTo("SKIPPED");
        assertThat(run.get("reason")).asString().containsIgnoringCase("already running");
        assertThat(backupsReceived()).hasSize(1);
    }

    @Test
    void slotsMissedWhileNoSchedulerRanAreRecordedAndTheNewestRunsOnceWithinTheGrace() throws Exception {
        quartz.standby();
        long id = ((Number) as("otto").body(EVERY_TWO_SECONDS).put(MYSQL).then().statusCode(200)
                .extract().path("id")).longValue();
        // let three of the trigger's slots pass with no scheduler running, the last by more than the misfire
        // threshold, so Quartz finds the trigger misfired when it starts and the runner finds slots it owes
        Trigger trigger = quartz.getTrigger(PolicyTriggers.trigger(id, BackupType.FULL));
        Date third = trigger.getFireTimeAfter(trigger.getFireTimeAfter(trigger.getNextFireTime()));
        Instant misfired = third.toInstant().plus(ConfigProvider.getConfig()
                .getValue("quarkus.quartz.misfire-threshold", Duration.class));
        await().atMost(Duration.ofSeconds(20)).until(() -> Instant.now().isAfter(misfired));
        quartz.start();

        await().atMost(Duration.ofSeconds(30)).until(() -> runs(MYSQL).stream().anyMatch(r -> "STARTED".equals(r.get("outcome"))));
        as("otto").post(MYSQL + "/pause").then().statusCode(200);
        List<Map<String, Object>> runs = runs(MYSQL);
        List<Object> outcomes = runs.stream().map(r -> r.get("outcome")).toList();
        assertThat(outcomes).contains("MISSED", "STARTED");
        Map<String, Object> started = runs.stream().filter(r -> "STARTED".equals(r.get("outcome"))).findFirst().orElseThrow();
        assertThat(runs.stream().filter(r -> "MISSED".equals(r.get("outcome"))).map(r -> Instant.parse((String) r.get("slot"))))
                .allMatch(missed -> missed.isBefore(Instant.parse((String) started.get("slot"))));
        assertThat(backupsReceived()).hasSize(1);
        assertThat(id).isPositive();
    }

    @Test
    void aSlotMissedLongerAgoThanTheGraceIsRecordedMissedAndNothingStarts() {
        int hour = Instant.now().minus(2, ChronoUnit.HOURS).atZone(ZoneOffset.UTC).getHour();
        long id = ((Number) as("otto").body(Map.of("full", Map.of("cron", "0 0 " + hour + " * * ?")))
                .put(MYSQL).then().statusCode(200).extract().path("id")).longValue();
        // as if the policy had been saved three days ago and no console had run since
        QuarkusTransaction.requiringNew().run(() -> BackupPolicy.update("scheduleSince = ?1 where id = ?2",
                LocalDateTime.now(ZoneOffset.UTC).minusDays(3), id));

        runner.fire(id, BackupType.FULL, Instant.now());

        List<Map<String, Object>> runs = runs(MYSQL);
        assertThat(runs).hasSize(3).allMatch(r -> "MISSED".equals(r.get("outcome")));
        assertThat(runs.get(0).get("reason")).asString().contains("more than 1h later");
        assertThat(backupsReceived()).isEmpty();
        // Quartz firing the same slot again changes nothing: the slots are taken
        runner.fire(id, BackupType.FULL, Instant.now());
        assertThat(runs(MYSQL)).hasSize(3);
    }

    @Test
    void theSecretsPasswordReachesTheClusterAndNothingElse() throws Exception {
        String password = "Qz-" + UUID.randomUUID().toString().substring(0, 12);
        Path secrets = Path.of("target/test-secrets");
        Files.createDirectories(secrets);
        Files.writeString(secrets.resolve("nightly-key"), password + "\n");
        List<String> logLines = new java.util.concurrent.CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logLines.add(record.getMessage() + " " + java.util.Arrays.toString(record.getParameters()) + " "
                        + (record.getThrown() == null ? "" : record.getThrown()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        List<String> responses = new ArrayList<>();
        try {
            responses.add(as("otto").body(Map.of("full", Map.of("cron", "0/2 * * * * ?"), "encryptionSecret", "nightly-key"))
                    .put(MYSQL).then().statusCode(200).extract().asString());
            firstRun(MYSQL);
            responses.add(as("otto").get(MYSQL).then().extract().asString());
            responses.add(as("otto").get(MYSQL + "/runs").then().extract().asString());
            responses.add(as("otto").get("/api/v1/policies").then().extract().asString());
            responses.add(as("ada").queryParam("size", 500).get("/api/v1/audit").then().extract().asString());
            as("otto").delete(MYSQL).then().statusCode(204);
        } finally {
            root.removeHandler(capture);
            Files.deleteIfExists(secrets.resolve("nightly-key"));
        }
        assertThat(control().statementsReceived()).anyMatch(s -> s.contains(password));
        assertThat(backupsReceived()).hasSize(1);
        assertThat(responses).noneMatch(r -> r.contains(password)).anyMatch(r -> r.contains("nightly-key"));
        assertThat(logLines).isNotEmpty().noneMatch(l -> l.contains(password));
        assertThat(databaseText()).doesNotContain(password).contains("nightly-key");
    }

    /** Every value of every table of the console's database, as text. */
    private String databaseText() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SHOW TABLES")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        for (int i = 1; i <= columns; i++) {
                            byte[] bytes = rs.getBytes(i);
                            all.append(bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).append('\t');
                        }
                    }
                }
            }
        }
        return all.toString();
    }
}
