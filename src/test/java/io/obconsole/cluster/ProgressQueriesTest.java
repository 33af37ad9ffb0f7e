package io.obconsole.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.obconsole.demo.DemoCluster;
import io.obconsole.demo.ManualClock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The progress poller's round against a demo cluster over JDBC, from sys and from inside a tenant. */
class ProgressQueriesTest {

    private ManualClock clock;
    private DemoCluster cluster;
    private ClusterGateway gateway;

    @BeforeEach
    void start() {
        clock = ManualClock.startingAtDemoEpoch();
        cluster = DemoClusters.start(clock);
        gateway = new ClusterGateway(new ClusterPools(List.of(DemoClusters.sys("demo", cluster).withPoolSize(1),
                DemoClusters.tenant("own", cluster, "root@mysql_tenant").withPoolSize(1))));
    }

    @AfterEach
    void stop() {
        gateway.close();
        cluster.close();
    }

    @Test
    void aRoundFromSysIsSevenStatementsAndShowsRunningJobsWithTheirTaskCounters() {
        gateway.run("demo", List.of(ObStatement.plain("ALTER SYSTEM BACKUP TENANT = mysql_tenant")));
        clock.advanceSeconds(20);
        ProgressQueries queries = new ProgressQueries(gateway);
        ProgressRound first = queries.poll("demo", null, 10);
        cluster.control().resetStatements();

        ProgressRound round = queries.poll("demo", first.clusterNow(), 10);

        // clock, tenants, tasks, running jobs, ended jobs; restores running and ended (the demo's 4.2.1.0 view has no
        // progress columns: that was learnt on the first round, whose refused statement cost its pooled connection, so
        // this round's connection is a new one and the driver's session set-up comes first)
        assertThat(cluster.control().statementsReceived().stream().filter(sql -> sql.startsWith("SELECT")).toList()).hasSize(7)
                .anyMatch(sql -> sql.contains("CDB_OB_RESTORE_PROGRESS")).anyMatch(sql -> sql.contains("CDB_OB_RESTORE_HISTORY"));
        BackupJob job = round.running().get(0);
        assertThat(job.tenantName()).isEqualTo("mysql_tenant");
        assertThat(job.status()).isEqualTo("DOING");
        assertThat(job.tasks()).hasSize(1);
        assertThat(job.tasks().get(0).macroBlocks()).isPositive();
        assertThat(round.retries()).containsEntry(ProgressRound.jobId(1002, job.jobId()), 0);
    }

    @Test
    void jobsEndedSinceTheWatermarkComeFromTheHistoryWithResultAndComment() {
        cluster.control().failNextJob("mysql_tenant", -9070, "can not connect to backup destination");
        ProgressQueries queries = new ProgressQueries(gateway);
        ProgressRound before = queries.poll("demo", null, 10);
        gateway.run("demo", List.of(ObStatement.plain("ALTER SYSTEM BACKUP TENANT = mysql_tenant")));
        clock.advanceSeconds(10);

        ProgressRound after = queries.poll("demo", before.clusterNow(), 10);

        assertThat(after.ended()).singleElement().satisfies(job -> {
            assertThat(job.status()).isEqualTo("FAILED");
            assertThat(job.result()).isEqualTo(-9070);
            assertThat(job.comment()).isEqualTo("can not connect to backup destination");
        });
        assertThat(queries.poll("demo", after.clusterNow().plusSeconds(1), 10).ended()).isEmpty();
    }

    @Test
    void insideATenantTheRoundReadsTheDbaViewsOfThatTenant() {
        gateway.run("own", List.of(ObStatement.plain("ALTER SYSTEM BACKUP DATABASE")));
        clock.advanceSeconds(5);

        ProgressRound round = new ProgressQueries(gateway).poll("own", null, 10);

        assertThat(round.running()).singleElement().satisfies(job -> {
            assertThat(job.tenantId()).isEqualTo(1002);
            assertThat(job.tasks()).hasSize(1);
        });
    }
}
