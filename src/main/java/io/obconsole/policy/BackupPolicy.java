package io.obconsole.policy;

import io.obconsole.access.Operator;
import io.obconsole.cluster.BackupType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * A tenant's backup policy as the console stores it: its schedules, options, the NAME of its
 * encryption secret, the recovery-point objective it sets, paused or active, and its owner with the roles and scopes they had when they
 * last saved it (a run acts on their behalf and within them).
 */
@Entity
@Table(name = "backup_policy")
public class BackupPolicy extends PolicyEntity {

    @Column(name = "full_cron")
    public String fullCron;

    @Column(name = "incremental_cron")
    public String incrementalCron;

    @Column(name = "concurrency")
    public Integer concurrency;

    @Column(name = "plus_archivelog", nullable = false)
    public boolean plusArchivelog;

    @Column(name = "description_template")
    public String descriptionTemplate;

    @Column(name = "secret_name")
    public String secretName;

    /** The objective the policy sets for its tenants, figure by figure (null: not set by the policy). */
    @Column(name = "max_backup_age_s")
    @Convert(converter = Seconds.class)
    public Duration maxBackupAge;

    @Column(name = "max_full_age_s")
    @Convert(converter = Seconds.class)
    public Duration maxFullAge;

    @Column(name = "max_archive_lag_s")
    @Convert(converter = Seconds.class)
    public Duration maxArchiveLag;

    /** UTC: slots before it are not owed. */
    @Column(name = "schedule_since", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime scheduleSince;

    public static Optional<BackupPolicy> of(String cluster, String tenant) {
        return find("cluster = ?1 and tenant = ?2", cluster, tenant).firstResultOptional();
    }

    public static List<BackupPolicy> all() {
        return list("order by cluster, tenant");
    }

    /** The objective the policy sets ({@link ObjectiveOverride#NONE} when it sets none). */
    public ObjectiveOverride objective() {
        return new ObjectiveOverride(maxBackupAge, maxFullAge, maxArchiveLag);
    }

    void objective(ObjectiveOverride objective) {
        maxBackupAge = objective.maxBackupAge();
        maxFullAge = objective.maxFullAge();
        maxArchiveLag = objective.maxArchiveLag();
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The schedule of that kind of backup, if the policy has one. */
    public Optional<Schedule> schedule(BackupType kind) {
        String cron = kind == BackupType.FULL ? fullCron : incrementalCron;
        return cron == null ? Optional.empty() : Optional.of(new Schedule(cron, zone()));
    }

    /** The person a run acts for: the owner, with the roles and scopes they had when they saved the policy. */
    public Operator owner() {
        return ownership.actingAs("policy " + id + " on behalf of " + ownership.username);
    }

    public java.time.Instant since() {
        return scheduleSince.toInstant(ZoneOffset.UTC);
    }
}
