package io.obconsole.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The demo cluster's control surface from outside the JVM ({@code CALL demo.*} as root@sys),
 * through mysql-connector-j and the mariadb CLI: each fault is seen in OceanBase's own views.
 */
class DemoControlSurfaceTest {

    private ManualClock clock;
    private DemoCluster cluster;
    private Connection sys;

    @BeforeEach
    void start() throws SQLException {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoCluster.start(DemoConfig.builder().port(0).clock(clock).fullBackupDuration(Duration.ofSeconds(60))
                .build());
        sys = DemoSql.connect(cluster, "root@sys");
    }

    @AfterEach
    void stop() throws SQLException {
        sys.close();
        cluster.close();
    }

    private List<Map<String, Object>> history(long tenantId) throws SQLException {
        return DemoSql.rows(sys, "SELECT STATUS, RESULT, COMMENT FROM CDB_OB_BACKUP_JOB_HISTORY WHERE TENANT_ID = "
                + tenantId + " AND JOB_LEVEL = 'USER_TENANT' ORDER BY JOB_ID DESC LIMIT 1");
    }

    @Test
    void failNextBackupWithACodeEndsTheJobFailedWithThatResult() throws SQLException {
        DemoSql.exec(sys, "CALL demo.fail_next_backup('oracle_tenant', -9070)");
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        clock.advanceSeconds(10);

        assertThat(history(1004)).singleElement().satisfies(job -> {
            assertThat(job.get("STATUS")).isEqualTo("FAILED");
            assertThat(job.get("RESULT")).isEqualTo("-9070");
            assertThat(job.get("COMMENT")).isEqualTo("can not connect to backup destination");
        });
    }

    @Test
    void receivedListsTheStatementsThatContainTheTextAndReceivedCountCountsThemAllButDemoCalls() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");

        assertThat(DemoSql.rows(sys, "CALL demo.received('alter system backup')")).singleElement()
                .satisfies(row -> {
                    assertThat(row.get("ACCOUNT")).isEqualTo("root@sys");
                    assertThat(row.get("STATEMENT")).isEqualTo("ALTER SYSTEM BACKUP TENANT = oracle_tenant");
                });
        // calls to the demo schema are left out of both
        List<Map<String, Object>> all = DemoSql.rows(sys, "CALL demo.received('')");
        assertThat(all).isNotEmpty().noneMatch(row -> ((String) row.get("STATEMENT")).startsWith("CALL demo."));
        assertThat(Long.parseLong(DemoSql.one(sys, "CALL demo.received_count()"))).isEqualTo(all.size());
    }

    @Test
    void stallAndResumeAJob() throws SQLException {
        DemoSql.exec(sys, "ALTER SYSTEM BACKUP TENANT = oracle_tenant");
        clock.advanceSeconds(10);
        DemoSql.exec(sys, "CALL demo.stall_backup('oracle_tenant')");
        String before = DemoSql.one(sys, "SELECT FINISH_MACRO_BLOCK_COUNT FROM CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1004");
        clock.advanceSeconds(30);
        assertThat(DemoSql.one(sys, "SELECT FINISH_MACRO_BLOCK_COUNT FROM CDB_OB_BACKUP_TASKS WHERE TENANT_ID = 1004"))
                .isEqualTo(before);

        DemoSql.exec(sys, "CALL demo.resume_backup('oracle_tenant')");
        clock.advanceSeconds(120);
        assertThat(history(1004)).singleElement().satisfies(job -> assertThat(job.get("STATUS")).isEqualTo("COMPLETED"));
    }

    @Test
    void unreachableRefusesConnectionsForThatLongThenTheClusterIsBack() throws SQLException {
        DemoSql.exec(sys, "CALL demo.unreachable(2)");

        await().atMost(Duration.ofSeconds(5)).until(() -> !connects());
        await().atMost(Duration.ofSeconds(10)).until(this::connects);
    }

    @Test
    void slowMakesEveryLaterStatementAnswerThatMuchLaterUntilSlowZero() throws SQLException {
        java.util.Properties props = new java.util.Properties();
        props.setProperty("user", "root@sys");
        props.setProperty("password", cluster.config().passwordOf("root@sys"));
        props.setProperty("sslMode", "DISABLED");
        props.setProperty("socketTimeout", "1000");
        try (Connection impatient = java.sql.DriverManager.getConnection(cluster.jdbcUrl(), props)) {
            DemoSql.exec(sys, "CALL demo.slow(5000)");
            assertThatThrownBy(() -> DemoSql.one(impatient, "SELECT 1")).isInstanceOf(SQLException.class)
                    .hasRootCauseInstanceOf(java.net.SocketTimeoutException.class);
        }
        DemoSql.exec(sys, "CALL demo.slow(0)");
        try (Connection impatient = java.sql.DriverManager.getConnection(cluster.jdbcUrl(), props)) {
            assertThat(DemoSql.one(impatient, "SELECT 1")).isEqualTo("1");
        }
        assertThatThrownBy(() -> DemoSql.exec(sys, "CALL demo.slow(-1)"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1210));
    }

    private boolean connects() {
        try (Connection c = DemoSql.connect(cluster, "root@sys")) {
            return DemoSql.one(c, "SELECT 1").equals("1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void longHistoryGivesATenantThatManySetsAndHourlyPiecesWithOneGapInItsArchive() throws SQLException {
        DemoSql.exec(sys, "CALL demo.long_history('mysql_tenant', 500, 5000)");

        assertThat(DemoSql.one(sys, "SELECT COUNT(*) FROM CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1002"
                + " AND STATUS = 'SUCCESS' AND FILE_STATUS = 'AVAILABLE'")).isEqualTo("500");
        assertThat(DemoSql.one(sys, "SELECT COUNT(*) FROM CDB_OB_BACKUP_SET_FILES WHERE TENANT_ID = 1002"
                + " AND BACKUP_TYPE = 'FULL'")).isEqualTo("50");
        List<Map<String, Object>> pieces = DemoSql.rows(sys, "SELECT ROUND_ID, START_SCN, END_SCN FROM"
                + " CDB_OB_ARCHIVELOG_PIECE_FILES WHERE TENANT_ID = 1002 ORDER BY PIECE_ID");
        assertThat(pieces).hasSize(5000);
        long breaks = 0;
        for (int i = 1; i < pieces.size(); i++) {
            if (!pieces.get(i).get("START_SCN").equals(pieces.get(i - 1).get("END_SCN"))) {
                breaks++;
            }
        }
        assertThat(breaks).as("places where the archive log does not go on").isEqualTo(1);
        assertThat(DemoSql.one(sys, "SELECT PIECE_SWITCH_INTERVAL FROM CDB_OB_ARCHIVELOG WHERE TENANT_ID = 1002"
                + " AND ROUND_ID = 2")).isEqualTo("3600000000");

        assertThatThrownBy(() -> DemoSql.exec(sys, "CALL demo.long_history('mysql_tenant', 10, 5)"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1210));
    }

    @Test
    void onlyTheSysTenantHasTheDemoSchemaAndMistakesAreClearErrors() throws SQLException {
        try (Connection tenant = DemoSql.connect(cluster, "root@mysql_tenant")) {
            assertThatThrownBy(() -> DemoSql.exec(tenant, "CALL demo.stall_backup('mysql_tenant')"))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1049));
        }
        assertThatThrownBy(() -> DemoSql.exec(sys, "CALL demo.stall_backup('nope')"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(5160));
        assertThatThrownBy(() -> DemoSql.exec(sys, "CALL demo.explode()"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1305));
        assertThatThrownBy(() -> DemoSql.exec(sys, "CALL demo.unreachable()"))
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getErrorCode()).isEqualTo(1318));
    }

    @Test
    void theMariadbCliListsAndUsesTheProcedures() throws Exception {
        MariadbCli.requireInstalled();
        String help = mariadb("CALL demo.help();");
        assertThat(help).contains("fail_next_backup", "stall_backup", "resume_backup", "unreachable");

        mariadb("CALL demo.fail_next_backup('mysql_tenant', 4009, 'disk full'); ALTER SYSTEM BACKUP TENANT = mysql_tenant;");
        clock.advanceSeconds(600);
        assertThat(history(1002)).singleElement().satisfies(job -> {
            assertThat(job.get("RESULT")).isEqualTo("-4009");
            assertThat(job.get("COMMENT")).isEqualTo("disk full");
        });
    }

    private String mariadb(String sql) throws IOException, InterruptedException {
        MariadbCli.Run run = MariadbCli.run(cluster, sql);
        assertThat(run.exit()).as(run.err()).isZero();
        return run.out();
    }
}
