package io.obconsole.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** One stretch of one archive status of a tenant, as the console saw it (cluster time). */
@Entity
@Table(name = "alert_archive_interval")
public class ArchiveInterval extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cluster_name", nullable = false)
    public String cluster;

    @Column(name = "tenant_name", nullable = false)
    public String tenant;

    /** OceanBase's word for the archive (DOING, STOP, INTERRUPTED, ...), as the cluster said it. */
    @Column(name = "archive_status", nullable = false)
    public String status;

    @Column(name = "from_time", nullable = false)
    public LocalDateTime fromTime;

    @Column(name = "to_time", nullable = false)
    public LocalDateTime toTime;
}
