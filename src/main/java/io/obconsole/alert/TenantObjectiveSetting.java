package io.obconsole.alert;

import io.obconsole.policy.ObjectiveOverride;
import io.obconsole.policy.Seconds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/** An admin's own objective for one tenant; a null figure keeps the policy's, cluster's or console's. */
@Entity
@Table(name = "alert_tenant_objective")
@IdClass(TenantObjectiveSetting.Key.class)
public class TenantObjectiveSetting extends PanacheEntityBase {

    @Id
    @Column(name = "cluster_name", nullable = false)
    public String cluster;

    @Id
    @Column(name = "tenant_name", nullable = false)
    public String tenant;

    @Convert(converter = Seconds.class)
    @Column(name = "max_backup_age_s")
    public Duration maxBackupAge;

    @Convert(converter = Seconds.class)
    @Column(name = "max_full_age_s")
    public Duration maxFullAge;

    @Convert(converter = Seconds.class)
    @Column(name = "max_archive_lag_s")
    public Duration maxArchiveLag;

    @Convert(converter = Seconds.class)
    @Column(name = "max_restore_time_s")
    public Duration maxRestoreTime;

    @Convert(converter = Seconds.class)
    @Column(name = "proven_within_s")
    public Duration provenWithin;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Convert(converter = UtcTime.class)
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    static void store(String cluster, String tenant, ObjectiveOverride values, String by) {
        TenantObjectiveSetting setting = new TenantObjectiveSetting();
        setting.cluster = cluster;
        setting.tenant = tenant;
        setting.maxBackupAge = values.maxBackupAge();
        setting.maxFullAge = values.maxFullAge();
        setting.maxArchiveLag = values.maxArchiveLag();
        setting.maxRestoreTime = values.maxRestoreTime();
        setting.provenWithin = values.provenWithin();
        setting.updatedBy = by;
        setting.updatedAt = Instant.now();
        setting.persist();
    }

    ObjectiveOverride values() {
        return new ObjectiveOverride(maxBackupAge, maxFullAge, maxArchiveLag, maxRestoreTime, provenWithin);
    }

    /** The table's key: cluster and tenant. */
    public static class Key implements Serializable {

        public String cluster;
        public String tenant;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(cluster, k.cluster) && Objects.equals(tenant, k.tenant);
        }

        @Override
        public int hashCode() {
            return Objects.hash(cluster, tenant);
        }
    }
}
