package io.obconsole.alert;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** A channel as the console database keeps it; its name is UNIQUE. */
@Entity
@Table(name = "alert_channel")
public class StoredChannel extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "name", nullable = false)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(name = "format", nullable = false)
    public ChannelFormat format;

    @Column(name = "url", nullable = false)
    public String url;

    /** The name of the signing key in configuration, never the key. */
    @Column(name = "key_name")
    public String keyName;

    @Column(name = "cluster_pattern", nullable = false)
    public String clusterPattern;

    @Column(name = "tenant_pattern", nullable = false)
    public String tenantPattern;

    /** The kinds it routes, comma-separated names in order; empty for every kind. */
    @Column(name = "kinds", nullable = false)
    public String kinds;

    @Column(name = "enabled", nullable = false)
    public boolean enabled;

    @Column(name = "updated_by", nullable = false)
    public String updatedBy;

    @Convert(converter = UtcTime.class)
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Every channel, by name. */
    static List<Channel> channels() {
        return StoredChannel.<StoredChannel>listAll(Sort.by("name")).stream().map(StoredChannel::channel).toList();
    }

    /** Takes the channel's settings (all but its id), changed now. */
    void take(Channel channel) {
        name = channel.name();
        format = channel.format();
        url = channel.url();
        keyName = channel.keyName();
        clusterPattern = channel.clusterPattern();
        tenantPattern = channel.tenantPattern();
        kinds = channel.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        enabled = channel.enabled();
        updatedBy = channel.updatedBy();
        updatedAt = Instant.now();
    }

    Channel channel() {
        Set<AlertKind> routed = EnumSet.noneOf(AlertKind.class);
        Arrays.stream(kinds.split(",")).filter(k -> !k.isBlank()).forEach(k -> routed.add(AlertKind.valueOf(k)));
        return new Channel(id, name, format, url, keyName, clusterPattern, tenantPattern, Set.copyOf(routed), enabled,
                updatedBy, updatedAt);
    }
}
