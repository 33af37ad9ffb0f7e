package io.obconsole.backup;

import io.obconsole.cluster.BackupType;
import io.obconsole.audit.AuditTrail;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.TenantName;
import io.obconsole.cluster.TenantState;
import io.obconsole.fleet.JobStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The checks OceanBase makes before a backup, made first by the console so the operator sees
 * every problem with its fix before confirming (and again at submit): tenant NORMAL, archive
 * DOING, backup destination set, a FULL set before an INCREMENTAL one, and OceanBase's admission
 * rule (spec section 6): open jobs count per (tenant, initiator), so from sys an open job sys
 * started refuses every new backup whichever tenants it names, while a backup a tenant started
 * itself may run beside one from sys.
 */
@ApplicationScoped
public class Preflight {

    private static final long SYS_TENANT_ID = 1;

    private final AuditTrail audit;

    public Preflight(AuditTrail audit) {
        this.audit = audit;
    }

    /** Checks {@code tenants} (already validated against the cluster's list) of {@code snapshot}. */
    public PreflightReport check(ClusterSnapshot snapshot, ObDialect dialect, List<TenantName> tenants,
            boolean allTenants, BackupType type, boolean acknowledged) {
        Optional<BackupJob> sysJob = dialect.mode() == ClusterMode.SYS
                ? snapshot.sysJobs().stream().filter(JobStatus::running).findFirst()
                : Optional.empty();
        List<TenantPreflight> results = new ArrayList<>();
        for (TenantName name : tenants) {
            TenantState state = snapshot.tenant(name.value()).orElseThrow();
            List<PreflightFinding> findings = check(snapshot, state, name, dialect, type, allTenants, sysJob);
            boolean blocked = findings.stream().anyMatch(PreflightFinding::blocking);
            // OceanBase refuses the whole statement while the sys job is open: nobody is "skipped"
            results.add(new TenantPreflight(name.value(), findings, allTenants && blocked && sysJob.isEmpty()));
        }
        return new PreflightReport(snapshot.cluster(), type, allTenants, results, acknowledged);
    }

    private List<PreflightFinding> check(ClusterSnapshot snapshot, TenantState state, TenantName name,
            ObDialect dialect, BackupType type, boolean allTenants, Optional<BackupJob> sysJob) {
        List<PreflightFinding> findings = new ArrayList<>();
        String tenant = name.value();
        if (!state.tenant().normal()) {
            findings.add(new PreflightFinding(tenant, PreflightFinding.Check.TENANT_NORMAL, true,
                    "Tenant " + tenant + " is " + state.tenant().status() + ", not NORMAL: OceanBase backs up only "
                            + "NORMAL tenants.",
                    "Wait until the tenant's " + state.tenant().status().toLowerCase() + " has finished and it is NORMAL."));
        }
        if (!state.archive().doing()) {
            boolean never = state.archive().status().equals("NONE");
            findings.add(new PreflightFinding(tenant, PreflightFinding.Check.ARCHIVE_DOING, true,
                    never ? "Log archiving was never started for " + tenant + "; a data backup needs it running (DOING)."
                            : "Log archiving of " + tenant + " is " + state.archive().status()
                                    + "; a data backup needs it running (DOING).",
                    (never ? dialect.logArchiveDestFix(name) + " " : "") + dialect.archivelogFix(name)));
        }
        if (!state.backupDestSet()) {
            findings.add(new PreflightFinding(tenant, PreflightFinding.Check.BACKUP_DEST_SET, true,
                    "No backup destination (data_backup_dest) is set for " + tenant + ".", dialect.backupDestFix(name)));
        }
        if (type == BackupType.INCREMENTAL && state.lastFull() == null) {
            findings.add(new PreflightFinding(tenant, PreflightFinding.Check.FULL_BACKUP_EXISTS, false,
                    tenant + " has no successful full backup: OceanBase will take a FULL backup instead of an "
                            + "incremental one (it takes longer and uses more space).",
                    "Acknowledge that a full backup will be taken, or choose a full backup."));
        }
        sysJob.ifPresent(job -> findings.add(sysJobOpen(snapshot, job, tenant)));
        long ours = dialect.mode() == ClusterMode.SYS ? SYS_TENANT_ID : state.tenant().id();
        for (BackupJob job : state.running()) {
            boolean sameInitiator = job.initiatorTenantId() == ours;
            if (sameInitiator && sysJob.isEmpty()) {
                BlockingJob running = blockingJob(snapshot.cluster(), job);
                findings.add(new PreflightFinding(tenant, PreflightFinding.Check.NOT_RUNNING, true,
                        "A backup of " + tenant + " is already running (" + running.name() + ", " + job.status() + ").",
                        "Wait for it to finish, or cancel it first.", running));
            } else if (!sameInitiator && allTenants && dialect.mode() == ClusterMode.SYS) {
                // BACKUP DATABASE from sys leaves out a tenant busy with a backup it started itself
                BlockingJob running = blockingJob(snapshot.cluster(), job);
                findings.add(new PreflightFinding(tenant, PreflightFinding.Check.NOT_RUNNING, true,
                        tenant + " is running a backup it started itself (" + running.name() + ", " + job.status() + ").",
                        "Wait for it to finish, or name the tenants to back up (a backup from sys may run beside it).",
                        running));
            }
        }
        return findings;
    }

    /**
     * The finding every tenant gets while sys has an open job: named by the tenant's own part of
     * it when that still runs, else by the part still running elsewhere (the job the pages show),
     * with sys's job as its parent; who started it, since when.
     */
    private PreflightFinding sysJobOpen(ClusterSnapshot snapshot, BackupJob sysJob, String tenant) {
        List<BackupJob> parts = snapshot.tenants().stream().flatMap(t -> t.running().stream())
                .filter(j -> j.initiatorTenantId() == SYS_TENANT_ID && j.initiatorJobId() == sysJob.jobId()).toList();
        Optional<BackupJob> part = parts.stream().filter(j -> j.tenantName().equals(tenant)).findFirst()
                .or(() -> parts.stream().findFirst());
        BlockingJob job = part.map(p -> blockingJob(snapshot.cluster(), p))
                .orElseGet(() -> new BlockingJob(null, null, sysJob.jobId(), sysJob.status(), null, sysJob.start()));
        return new PreflightFinding(tenant, PreflightFinding.Check.SYS_JOB_OPEN, true,
                "A backup started from sys is already running (" + job.name() + ", " + job.status() + "): while it is "
                        + "open OceanBase refuses every new backup from sys (error 9036), whichever tenants it names, "
                        + "also for a tenant whose own part has already ended.",
                "Wait until sys job " + sysJob.jobId() + " has ended on every tenant, or cancel it.", job);
    }

    /** A tenant's running job as findings and refusals name it, with who started it (from the audit trail). */
    BlockingJob blockingJob(String cluster, BackupJob job) {
        Long parent = job.initiatorTenantId() == SYS_TENANT_ID && job.tenantId() != SYS_TENANT_ID
                ? job.initiatorJobId() : null;
        return new BlockingJob(job.tenantName(), job.jobId(), parent, job.status(), starter(cluster, job), job.start());
    }

    /** Who started the job through the console, from the audit trail; null when it was started outside the console. */
    private String starter(String cluster, BackupJob job) {
        try {
            return audit.startOf(new AuditTrail.JobRef(cluster, job.tenantId(), job.tenantName(), job.incarnation(),
                    job.jobId(), job.start())).map(AuditTrail.StartedBy::username).orElse(null);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
