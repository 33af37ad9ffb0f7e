package io.obconsole.web;

import io.obconsole.alert.AlertKind;
import io.obconsole.alert.Channel;
import io.obconsole.alert.ChannelDraft;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the channel form shows: a stored channel as it is (its receiver URL as the pages show it, secret parts
 * masked), a new channel's defaults, or what a person submitted and the console refused, so that a refusal
 * never blanks what was typed (a receiver URL's secret parts come back masked, as they are everywhere).
 *
 * @param id      the channel being edited, or null for a new one
 * @param url     the receiver URL as shown; for a stored channel, leaving it as shown keeps the stored address
 * @param keyName the chosen signing key's name, or null for none
 */
public record ChannelFormValues(Long id, String name, String format, String url, String keyName, String clusterPattern,
        String tenantPattern, Set<String> kinds, boolean enabled) {

    /** A new channel: a signed webhook for every cluster and tenant, every kind, with the first configured key. */
    static ChannelFormValues fresh(List<String> keyNames) {
        return new ChannelFormValues(null, "", "WEBHOOK", "", keyNames.isEmpty() ? null : keyNames.get(0), "*", "*",
                Set.of(), true);
    }

    static ChannelFormValues of(Channel channel) {
        return new ChannelFormValues(channel.id(), channel.name(), channel.format().name(), channel.displayUrl(),
                channel.keyName(), channel.clusterPattern(), channel.tenantPattern(),
                channel.kinds().stream().map(Enum::name).collect(Collectors.toSet()), channel.enabled());
    }

    /** What was submitted for channel {@code id} (null: a new one), shown again after a refusal. */
    static ChannelFormValues submitted(Long id, ChannelDraft draft) {
        return new ChannelFormValues(id, blankIfNull(draft.name()), blankIfNull(draft.format()),
                draft.url() == null ? "" : Channel.shownUrl(draft.url().trim()), blank(draft.keyName()) ? null : draft.keyName().trim(),
                blankIfNull(draft.clusterPattern()), blankIfNull(draft.tenantPattern()),
                draft.kinds() == null ? Set.of() : Set.copyOf(draft.kinds()), draft.enabled() == null || draft.enabled());
    }

    public boolean isNew() {
        return id == null;
    }

    public boolean formatIs(Object format) {
        return String.valueOf(format).equals(this.format);
    }

    public boolean keyIs(String name) {
        return name.equals(keyName);
    }

    public boolean kindTicked(AlertKind kind) {
        return kinds.contains(kind.name());
    }

    /** A key the channel names that the configuration no longer has: shown as such, so that saving says what is wrong. */
    public boolean keyMissingFrom(List<String> keyNames) {
        return keyName != null && !keyNames.contains(keyName);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankIfNull(String value) {
        return value == null ? "" : value;
    }
}
