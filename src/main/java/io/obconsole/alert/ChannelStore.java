package io.obconsole.alert;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The channels in the console database: the list, one by id, and the admin's changes. */
@ApplicationScoped
public class ChannelStore {

    private static final String COLUMNS = "id, name, format, url, key_name, cluster_pattern, tenant_pattern, kinds, "
            + "enabled, updated_by, updated_at";

    private final AgroalDataSource db;

    public ChannelStore(AgroalDataSource db) {
        this.db = db;
    }

    public List<Channel> list() {
        return Transactions.run(db, "channels not read", ChannelStore::list);
    }

    static List<Channel> list(Connection c) throws SQLException {
        List<Channel> channels = new ArrayList<>();
        try (ResultSet rs = c.createStatement().executeQuery("SELECT " + COLUMNS + " FROM alert_channel ORDER BY name")) {
            while (rs.next()) {
                channels.add(channel(rs));
            }
        }
        return channels;
    }

    public Optional<Channel> find(long id) {
        return Transactions.run(db, "channel not read", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT " + COLUMNS + " FROM alert_channel WHERE id = ?")) {
                s.setLong(1, id);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(channel(rs)) : Optional.<Channel>empty();
                }
            }
        });
    }

    /** Inserts (id 0) or updates the channel; a name already taken is {@link ChannelRejectedException}. */
    public Channel save(Channel channel) {
        try {
            long id = Transactions.run(db, "channel not saved", c -> channel.id() == 0 ? insert(c, channel) : update(c, channel));
            return find(id).orElseThrow();
        } catch (AlertStoreException e) {
            if (Transactions.duplicate(e)) {
                throw new ChannelRejectedException("A channel named '" + channel.name() + "' exists already",
                        "A channel of that name exists already");
            }
            throw e;
        }
    }

    public boolean delete(long id) {
        return Transactions.run(db, "channel not deleted", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM alert_channel WHERE id = ?")) {
                s.setLong(1, id);
                return s.executeUpdate() == 1;
            }
        });
    }

    private static long insert(Connection c, Channel ch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO alert_channel (name, format, url, key_name, "
                + "cluster_pattern, tenant_pattern, kinds, enabled, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            bind(s, ch);
            s.executeUpdate();
            try (ResultSet keys = s.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static long update(Connection c, Channel ch) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("UPDATE alert_channel SET name = ?, format = ?, url = ?, "
                + "key_name = ?, cluster_pattern = ?, tenant_pattern = ?, kinds = ?, enabled = ?, updated_by = ?, "
                + "updated_at = ? WHERE id = ?")) {
            bind(s, ch);
            s.setLong(11, ch.id());
            if (s.executeUpdate() != 1) {
                throw new ChannelNotFoundException(ch.id());
            }
            return ch.id();
        }
    }

    private static void bind(PreparedStatement s, Channel ch) throws SQLException {
        s.setString(1, ch.name());
        s.setString(2, ch.format().name());
        s.setString(3, ch.url());
        s.setString(4, ch.keyName());
        s.setString(5, ch.clusterPattern());
        s.setString(6, ch.tenantPattern());
        s.setString(7, ch.kinds().stream().map(Enum::name).sorted().collect(Collectors.joining(",")));
        s.setBoolean(8, ch.enabled());
        s.setString(9, ch.updatedBy());
        s.setTimestamp(10, Transactions.ts(Instant.now()));
    }

    private static Channel channel(ResultSet rs) throws SQLException {
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        Arrays.stream(rs.getString("kinds").split(",")).filter(k -> !k.isBlank()).forEach(k -> kinds.add(AlertKind.valueOf(k)));
        return new Channel(rs.getLong("id"), rs.getString("name"), ChannelFormat.valueOf(rs.getString("format")),
                rs.getString("url"), rs.getString("key_name"), rs.getString("cluster_pattern"),
                rs.getString("tenant_pattern"), Set.copyOf(kinds), rs.getBoolean("enabled"), rs.getString("updated_by"),
                Transactions.instant(rs.getTimestamp("updated_at")));
    }
}
