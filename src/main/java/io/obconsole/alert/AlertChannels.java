package io.obconsole.alert;

import io.obconsole.access.Operator;
import io.obconsole.audit.AuditAction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The admins' channel management: checks what was submitted (nothing is stored unless all of it
 * is right), stores it, sends test samples, reads the delivery log. Callers have checked that the
 * person is an admin.
 */
@ApplicationScoped
public class AlertChannels {

    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} _.-]{1,128}");
    private static final Pattern ROUTE = Pattern.compile("[A-Za-z0-9_$*?.-]{1,191}");

    private final ChannelStore store;
    private final Deliveries deliveries;
    private final AlertConfig config;
    private final AlertAudit audit;

    public AlertChannels(ChannelStore store, Deliveries deliveries, AlertConfig config, AlertAudit audit) {
        this.store = store;
        this.deliveries = deliveries;
        this.config = config;
        this.audit = audit;
    }

    public List<Channel> list() {
        return store.list();
    }

    public Channel get(long id) {
        return store.find(id).orElseThrow(() -> new ChannelNotFoundException(id));
    }

    public Channel create(ChannelDraft draft, Operator who) {
        Channel channel = valid(who, AuditAction.ALERT_CHANNEL_CREATE, 0, draft);
        return audit.change(who, AuditAction.ALERT_CHANNEL_CREATE, "", List.of(), parameters(channel), () -> store.save(channel));
    }

    /** Replaces the channel; a URL left empty or as shown (masked) keeps the stored one. */
    public Channel update(long id, ChannelDraft draft, Operator who) {
        Channel stored = get(id);
        Channel channel = valid(who, AuditAction.ALERT_CHANNEL_UPDATE, id, draft == null ? null : draft.changing(stored));
        return audit.change(who, AuditAction.ALERT_CHANNEL_UPDATE, "", List.of(), parameters(channel), () -> store.save(channel));
    }

    public void delete(long id, Operator who) {
        Channel channel = get(id);
        audit.change(who, AuditAction.ALERT_CHANNEL_DELETE, "", List.of(), parameters(channel), () -> {
            if (!store.delete(id)) {
                throw new ChannelNotFoundException(id);
            }
            return null;
        });
    }

    /** Sends a sample to the channel now; recorded on the trail like a change (it reaches a receiver outside). */
    public Notifier.Result test(long id, Operator who) {
        Channel channel = get(id);
        return audit.change(who, AuditAction.ALERT_CHANNEL_TEST, "", List.of(), parameters(channel),
                () -> deliveries.test(channel, who.username()));
    }

    private Channel valid(Operator who, AuditAction action, long id, ChannelDraft draft) {
        try {
            return checked(id, draft, who.username());
        } catch (ChannelRejectedException e) {
            audit.invalid(who, action, "", List.of(), e);
            throw e;
        }
    }

    /** What the trail keeps of a channel: never a key (there is none here) nor the receiver's token (masked). */
    private static Map<String, String> parameters(Channel c) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("id", String.valueOf(c.id()));
        p.put("name", c.name());
        p.put("format", c.format().name());
        p.put("url", c.displayUrl());
        p.put("keyName", c.keyName() == null ? "none" : c.keyName());
        p.put("routes", c.clusterPattern() + "/" + c.tenantPattern());
        p.put("kinds", c.kinds().isEmpty() ? "all" : c.kinds().stream().map(Enum::name).sorted().toList().toString());
        p.put("enabled", String.valueOf(c.enabled()));
        return p;
    }

    public List<DeliveryLogEntry> log(long id, int limit) {
        get(id);
        return deliveries.log(id, Math.max(1, Math.min(limit, 500)));
    }

    /** What grouping holds back from the channel now (each with when it goes), the soonest first. */
    public List<Deliveries.Held> held(long id) {
        get(id);
        return deliveries.held(id);
    }

    /** How many messages grouping holds back now, per channel id. */
    public Map<Long, Integer> heldCounts() {
        return deliveries.heldCounts();
    }

    /** The names of the configured signing keys (never their values), for the form's choice. */
    public List<String> keyNames() {
        return config.keys().keySet().stream().sorted().toList();
    }

    Channel checked(long id, ChannelDraft d, String by) {
        if (d == null) {
            throw new ChannelRejectedException("A channel needs a name, a format and a URL");
        }
        String name = trim(d.name());
        if (name == null || !NAME.matcher(name).matches()) {
            throw new ChannelRejectedException("Name: 1 to 128 letters, digits, spaces, '_', '.' or '-'");
        }
        ChannelFormat format = format(d.format());
        String url = url(trim(d.url()));
        String keyName = trim(d.keyName());
        if (keyName != null && !config.keys().containsKey(keyName)) {
            throw new ChannelRejectedException("No signing key named '" + keyName + "' is configured; known names: "
                    + String.join(", ", keyNames()) + " (set console.alerts.keys." + keyName + ")",
                    "No signing key of that name is configured; known names: " + String.join(", ", keyNames()));
        }
        if (format == ChannelFormat.WEBHOOK && keyName == null) {
            throw new ChannelRejectedException(keyNames().isEmpty()
                    ? "A webhook channel is always signed, and no signing key is configured: set console.alerts.keys.<name> "
                            + "(e.g. to ${ONCALL_WEBHOOK_KEY}) and restart the console, or choose the DingTalk format"
                    : "A webhook channel is always signed: choose one of the signing keys " + String.join(", ", keyNames()));
        }
        String clusters = route("Cluster pattern", d.clusterPattern());
        String tenants = route("Tenant pattern", d.tenantPattern());
        Set<AlertKind> kinds = EnumSet.noneOf(AlertKind.class);
        if (d.kinds() != null) {
            for (String kind : d.kinds()) {
                if (kind == null || kind.isBlank()) {
                    continue;
                }
                try {
                    kinds.add(AlertKind.valueOf(kind.trim().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    String known = "; known: " + List.of(AlertKind.values());
                    throw new ChannelRejectedException("Unknown event kind '" + kind + "'" + known, "Unknown event kind" + known);
                }
            }
        }
        kinds.remove(AlertKind.TEST);
        return new Channel(id, name, format, url, keyName, clusters, tenants, Set.copyOf(kinds),
                d.enabled() == null || d.enabled(), by, Instant.now());
    }

    private static ChannelFormat format(String value) {
        try {
            return ChannelFormat.valueOf(trim(value) == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ChannelRejectedException("Format must be one of " + List.of(ChannelFormat.values()));
        }
    }

    private static String url(String value) {
        if (value == null || value.length() > 2048) {
            throw new ChannelRejectedException("URL: an http or https address of at most 2048 characters");
        }
        try {
            URI uri = URI.create(value);
            if (uri.getRawQuery() != null && uri.getRawQuery().contains(Channel.MASK)) {
                throw new ChannelRejectedException("URL: " + Channel.MASK + " stands for a hidden part of the stored address; "
                        + "type the whole new address, or leave the address as shown to keep the stored one");
            }
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null
                    || uri.getUserInfo() != null) {
                throw new ChannelRejectedException("URL: an http or https address with a host and no user:password part");
            }
            return value;
        } catch (IllegalArgumentException e) {
            throw new ChannelRejectedException("URL: not a valid address");
        }
    }

    private static String route(String what, String value) {
        String pattern = trim(value) == null ? "*" : value.trim();
        if (!ROUTE.matcher(pattern).matches()) {
            throw new ChannelRejectedException(what + ": names with '*' and '?' wildcards only");
        }
        return pattern;
    }

    private static String trim(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
