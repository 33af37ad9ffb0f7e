package io.obconsole.demo.engine;

import io.obconsole.demo.DemoConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The tenants the demo cluster starts with. DEMO covers the three preflight situations of the
 * docs: ready with a full backup, ready without one, and not ready at all.
 */
final class Scenarios {

    private static final long GIB = 1024L * 1024 * 1024;

    private Scenarios() {
    }

    static void seed(Cluster cluster, DemoConfig.Scenario scenario) {
        Instant now = cluster.clock.instant();
        Instant created = now.minus(Duration.ofDays(120));
        cluster.tenants.add(new Tenant(1, "sys", Tenant.Type.SYS, "MYSQL", created, 2 * GIB, 1_200));
        Tenant mysql = userTenant(cluster, 1002, "mysql_tenant", "MYSQL", created.plus(Duration.ofDays(1)), 48 * GIB, 3_612);
        Tenant oracle = userTenant(cluster, 1004, "oracle_tenant", "ORACLE", created.plus(Duration.ofDays(2)), 32 * GIB, 2_410);
        Tenant analytics = userTenant(cluster, 1006, "analytics", "MYSQL", created.plus(Duration.ofDays(30)), 64 * GIB, 5_120);
        for (Tenant tenant : cluster.tenants) {
            if (tenant.isUser()) {
                tenant.logArchiveDest = "file:///data/archive/" + tenant.name;
                cluster.storage.seed(tenant.logArchiveDest, tenant.id, BackupStorage.Use.ARCHIVE);
            }
        }
        // a shared directory someone filled by hand: OceanBase refuses it as a destination (9080)
        cluster.storage.putForeignFiles("file:///data/shared");
        if (scenario == DemoConfig.Scenario.FRESH) {
            return;
        }
        Instant archiveStart = now.minus(Duration.ofDays(3));
        for (Tenant tenant : new Tenant[] {mysql, oracle}) {
            ArchiveRound round = new ArchiveRound(1, archiveStart, tenant.logArchiveDest, "DOING");
            round.advanceTo(now);
            tenant.archiveRounds.add(round);
            tenant.dataBackupDest = "file:///data/backup/" + tenant.name;
            cluster.storage.seed(tenant.dataBackupDest, tenant.id, BackupStorage.Use.DATA);
        }
        analytics.dataBackupDest = "";
        seedCompletedFullBackup(cluster, mysql, now.minus(Duration.ofHours(20)));
    }

    private static Tenant userTenant(Cluster cluster, long id, String name, String mode, Instant created, long bytes,
            long tablets) {
        cluster.tenants.add(new Tenant(id - 1, "META$" + id, Tenant.Type.META, "MYSQL", created, GIB / 2, 300));
        Tenant tenant = new Tenant(id, name, Tenant.Type.USER, mode, created, bytes, tablets);
        cluster.tenants.add(tenant);
        return tenant;
    }

    /** Last night's full backup of mysql_tenant, started from sys, as the operator's history shows it. */
    private static void seedCompletedFullBackup(Cluster cluster, Tenant tenant, Instant start) {
        Tenant sys = cluster.sys();
        Statement.Backup full = new Statement.Backup(false, null, false, "nightly full");
        BackupJob parent = new BackupJob(sys.id, sys.nextJobId++, 0, sys.id, 0, BackupJob.CLUSTER, "FULL", false, "NONE",
                "", full.description(), "", start);
        parent.executorTenantIds = String.valueOf(tenant.id);
        BackupJob job = new BackupJob(tenant.id, tenant.nextJobId++, tenant.nextBackupSetId++, sys.id, parent.jobId,
                BackupJob.USER_TENANT, "FULL", false, "NONE", "", full.description(), tenant.dataBackupDest, start);
        job.executorTenantIds = String.valueOf(tenant.id);
        job.tabletCount = tenant.tabletCount;
        job.macroBlockCount = tenant.macroBlockCount();
        job.totalUnits = 1000;
        job.doneUnits = 1000;
        Instant doing = start.plus(BackupEngine.INIT_DELAY);
        job.task = new BackupTask(tenant.nextTaskId++, doing, BackupEngine.scn(doing));
        cluster.backups.updateTask(job);
        Instant end = start.plus(Duration.ofMinutes(41)).plusNanos(517_204_000);
        cluster.backups.end(job, "COMPLETED", 0, "", end);
        parent.children.add(job);
        parent.status = "COMPLETED";
        parent.end = end;
        cluster.jobs.add(parent);
        cluster.jobs.add(job);
    }
}
