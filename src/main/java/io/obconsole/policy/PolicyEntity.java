package io.obconsole.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * What every scheduled policy stores alike (a backup policy, a restore drill policy): the tenant it
 * covers (or {@value #ALL_TENANTS}), the zone its schedule reads in, paused or active, its owner
 * with the roles and scopes they saved it with, and when it was made and changed. Each kind keeps
 * its own table; the columns here have the same names in each.
 */
@MappedSuperclass
public abstract class PolicyEntity extends PanacheEntityBase {

    /** The tenant name of a policy over every user tenant of a cluster. */
    public static final String ALL_TENANTS = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cluster_name", nullable = false)
    public String cluster;

    @Column(name = "tenant_name", nullable = false)
    public String tenant;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "paused", nullable = false)
    public boolean paused;

    @Embedded
    public PolicyOwner ownership;

    @Column(name = "created_at", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false, columnDefinition = "DATETIME(6)")
    public LocalDateTime updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    /** Whether the policy covers every user tenant of its cluster. */
    public boolean allTenants() {
        return ALL_TENANTS.equals(tenant);
    }
}
