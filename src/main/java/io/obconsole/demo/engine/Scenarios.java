package io.obconsole.demo.engine;

import io.obconsole.demo.DemoConfig;
import java.time.Duration;
import java.time.Instant;

/**
 * The tenants a demo cluster starts with. DEMO covers the three preflight situations of the docs:
 * ready with a full backup, ready without one, and not ready at all; LEGACY is an older cluster's
 * own tenants; SELF_SERVICE is a cluster whose tenants back themselves up.
 */
final class Scenarios {

    private static final long GIB = 1024L * 1024 * 1024;

    /** The backup password of payroll's seeded full set (the README names it): a restore from it needs it. */
    static final String PAYROLL_BACKUP_PASSWORD = "payroll-demo";

    private Scenarios() {
    }

    static void seed(Cluster cluster, DemoConfig.Scenario scenario) {
        Instant now = cluster.clock.instant();
        Instant created = now.minus(Duration.ofDays(120));
        cluster.tenants.add(new Tenant(1, "sys", Tenant.Type.SYS, "MYSQL", created, 2 * GIB, 1_200));
        switch (scenario) {
            case DEMO, FRESH -> demo(cluster, scenario, now, created);
            case LEGACY -> legacy(cluster, now, created);
            case SELF_SERVICE -> selfService(cluster, now, created);
            case DR -> {
                // no user tenant: its servers' capacity is free for the tenants restored into it
            }
            case GENERATED -> generated(cluster, now, created);
            default -> throw new IllegalArgumentException("no scenario " + scenario);
        }
    }

    private static void demo(Cluster cluster, DemoConfig.Scenario scenario, Instant now, Instant created) {
        Tenant mysql = userTenant(cluster, 1002, "mysql_tenant", "MYSQL", created.plus(Duration.ofDays(1)), 48 * GIB, 3_612);
        Tenant oracle = userTenant(cluster, 1004, "oracle_tenant", "ORACLE", created.plus(Duration.ofDays(2)), 32 * GIB, 2_410);
        Tenant analytics = userTenant(cluster, 1006, "analytics", "MYSQL", created.plus(Duration.ofDays(30)), 64 * GIB, 5_120);
        archiveDestinations(cluster);
        if (scenario == DemoConfig.Scenario.FRESH) {
            return;
        }
        ready(cluster, now, mysql, oracle);
        analytics.dataBackupDest = "";
        seedCompletedFullBackup(cluster, mysql, now.minus(Duration.ofHours(20)), true, null);
    }

    /** An older cluster (4.2.0 in the demo fleet) with its own tenants: one with last week's full backup, one without. */
    private static void legacy(Cluster cluster, Instant now, Instant created) {
        Tenant erp = userTenant(cluster, 1002, "erp", "MYSQL", created.plus(Duration.ofDays(3)), 40 * GIB, 3_020);
        Tenant hr = userTenant(cluster, 1004, "hr", "ORACLE", created.plus(Duration.ofDays(9)), 12 * GIB, 960);
        archiveDestinations(cluster);
        ready(cluster, now, erp, hr);
        // erp's archive stopped for a day between two rounds: its window is two intervals, one per full backup
        ArchiveRound current = erp.archiveRounds.remove(0);
        ArchiveRound stopped = new ArchiveRound(1, now.minus(Duration.ofDays(7)), erp.logArchiveDest, "DOING");
        stopped.advanceTo(now.minus(Duration.ofDays(4)));
        stopped.status = "STOP";
        erp.archiveRounds.add(stopped);
        erp.archiveRounds.add(new ArchiveRound(2, current.start, current.path, current.status));
        erp.archive().advanceTo(now);
        seedCompletedFullBackup(cluster, erp, now.minus(Duration.ofDays(6)), true, null);
        seedCompletedFullBackup(cluster, erp, now.minus(Duration.ofHours(26)), true, null);
    }

    /** Tenants whose own administrators back them up ({@code ALTER SYSTEM BACKUP DATABASE} inside the tenant). */
    private static void selfService(Cluster cluster, Instant now, Instant created) {
        Tenant payroll = userTenant(cluster, 1002, "payroll", "MYSQL", created.plus(Duration.ofDays(5)), 24 * GIB, 1_840);
        Tenant billing = userTenant(cluster, 1004, "billing", "MYSQL", created.plus(Duration.ofDays(7)), 16 * GIB, 1_210);
        archiveDestinations(cluster);
        ready(cluster, now, payroll, billing);
        seedCompletedFullBackup(cluster, payroll, now.minus(Duration.ofHours(30)), false, PAYROLL_BACKUP_PASSWORD);
    }

    /**
     * A generated fleet's cluster: {@code userTenants} ready tenants with yesterday's full backup;
     * every fifth in the middle of a full backup it started itself (it takes {@link #LONG_BACKUP}),
     * started an hour or more ago and minutes apart, so they copy data and their progress differs. A tenant's own backup leaves sys free to
     * start one for every tenant.
     */
    private static void generated(Cluster cluster, Instant now, Instant created) {
        int count = cluster.config.userTenants();
        Tenant[] tenants = new Tenant[count];
        for (int i = 0; i < count; i++) {
            long id = 1002 + 2L * i;
            tenants[i] = userTenant(cluster, id, String.format(java.util.Locale.ROOT, "tenant_%02d", i + 1),
                    i % 4 == 3 ? "ORACLE" : "MYSQL", created.plus(Duration.ofDays(1 + i % 30)), (8 + i % 17) * GIB,
                    600 + 37L * i);
        }
        archiveDestinations(cluster);
        ready(cluster, now, tenants);
        for (int i = 0; i < count; i++) {
            seedCompletedFullBackup(cluster, tenants[i], now.minus(Duration.ofHours(20)).plus(Duration.ofMinutes(i)), true,
                    null);
            if (i % 5 == 0) {
                seedRunningFullBackup(cluster, tenants[i], now.minus(Duration.ofMinutes(60L + 9 * (i / 5))));
            }
        }
        // brings the running backups from their starts up to now, as the cluster would have
        cluster.backups.advance(now.minus(LONG_BACKUP), now);
    }

    /** How long a generated tenant's running backup takes at the default concurrency. */
    static final Duration LONG_BACKUP = Duration.ofHours(12);

    private static void seedRunningFullBackup(Cluster cluster, Tenant tenant, Instant start) {
        BackupJob job = new BackupJob(tenant.id, tenant.nextJobId++, tenant.nextBackupSetId++, tenant.id, 0,
                BackupJob.USER_TENANT, "FULL", false, "NONE", BackupEngine.passwd(null), "generated fleet: long full",
                tenant.dataBackupDest, start);
        job.executorTenantIds = String.valueOf(tenant.id);
        job.tabletCount = tenant.tabletCount;
        job.macroBlockCount = tenant.macroBlockCount();
        job.totalUnits = LONG_BACKUP.toNanos() * BackupEngine.DEFAULT_WEIGHT;
        cluster.jobs.add(job);
    }

    private static void archiveDestinations(Cluster cluster) {
        for (Tenant tenant : cluster.tenants) {
            if (tenant.isUser()) {
                tenant.logArchiveDest = "file:///data/archive/" + tenant.name;
                cluster.storage.seed(tenant.logArchiveDest, tenant.id, BackupStorage.Use.ARCHIVE);
            }
        }
        // a shared directory someone filled by hand: OceanBase refuses it as a destination (9080)
        cluster.storage.putForeignFiles("file:///data/shared");
    }

    /** Archiving DOING for three days and a backup destination set. */
    private static void ready(Cluster cluster, Instant now, Tenant... tenants) {
        Instant archiveStart = now.minus(Duration.ofDays(3));
        for (Tenant tenant : tenants) {
            ArchiveRound round = new ArchiveRound(1, archiveStart, tenant.logArchiveDest, "DOING");
            round.advanceTo(now);
            tenant.archiveRounds.add(round);
            tenant.dataBackupDest = "file:///data/backup/" + tenant.name;
            cluster.storage.seed(tenant.dataBackupDest, tenant.id, BackupStorage.Use.DATA);
        }
    }

    private static Tenant userTenant(Cluster cluster, long id, String name, String mode, Instant created, long bytes,
            long tablets) {
        cluster.tenants.add(new Tenant(id - 1, "META$" + id, Tenant.Type.META, "MYSQL", created, GIB / 2, 300));
        Tenant tenant = new Tenant(id, name, Tenant.Type.USER, mode, created, bytes, tablets);
        cluster.tenants.add(tenant);
        return tenant;
    }

    /**
     * A completed full backup, as the operator's history shows it: started from sys (a CLUSTER row
     * plus the tenant's row) or by the tenant itself (its own row only); encrypted with
     * {@code password} unless it is null.
     */
    private static void seedCompletedFullBackup(Cluster cluster, Tenant tenant, Instant start, boolean fromSys,
            String password) {
        Tenant sys = cluster.sys();
        Statement.Backup full = new Statement.Backup(false, null, false, "nightly full");
        BackupJob parent = fromSys ? new BackupJob(sys.id, sys.nextJobId++, 0, sys.id, 0, BackupJob.CLUSTER, "FULL", false,
                "NONE", "", full.description(), "", start) : null;
        if (parent != null) {
            parent.executorTenantIds = String.valueOf(tenant.id);
        }
        BackupJob job = new BackupJob(tenant.id, tenant.nextJobId++, tenant.nextBackupSetId++,
                fromSys ? sys.id : tenant.id, fromSys ? parent.jobId : 0,
                BackupJob.USER_TENANT, "FULL", false, password == null ? "NONE" : "PASSWORD", BackupEngine.passwd(password),
                full.description(), tenant.dataBackupDest, start);
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
        if (parent != null) {
            parent.children.add(job);
            parent.status = "COMPLETED";
            parent.end = end;
            cluster.jobs.add(parent);
        }
        cluster.jobs.add(job);
    }
}
