package io.obconsole.api;

import io.obconsole.alert.Channel;
import java.util.List;

/** A channel as the API shows it: the URL with its query values masked, the key's name only. */
public record ChannelView(long id, String name, String format, String url, String keyName, String clusterPattern,
        String tenantPattern, List<String> kinds, boolean enabled, String updatedBy, String updatedAt) {

    static ChannelView of(Channel c) {
        return new ChannelView(c.id(), c.name(), c.format().name(), c.displayUrl(), c.keyName(), c.clusterPattern(),
                c.tenantPattern(), c.kinds().stream().map(Enum::name).sorted().toList(), c.enabled(), c.updatedBy(),
                c.updatedAt() == null ? null : c.updatedAt().toString());
    }
}
