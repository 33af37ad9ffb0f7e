package io.obconsole.alert;

import java.util.List;

/**
 * A channel as an admin submits it (page form or API body), unchecked.
 *
 * @param keyName name of a signing key in {@code console.alerts.keys}; required for WEBHOOK
 * @param kinds   event kinds to send; empty or null = every kind
 */
public record ChannelDraft(String name, String format, String url, String keyName, String clusterPattern,
        String tenantPattern, List<String> kinds, Boolean enabled) {
}
