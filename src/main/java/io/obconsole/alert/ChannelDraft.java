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

    /**
     * This draft as a change of {@code stored}: a URL left empty, or left as the pages and the API
     * show it (secret parts masked), keeps the stored address, which is never sent out whole.
     */
    ChannelDraft changing(Channel stored) {
        if (url != null && !url.isBlank() && !url.trim().equals(stored.displayUrl())) {
            return this;
        }
        return new ChannelDraft(name, format, stored.url(), keyName, clusterPattern, tenantPattern, kinds, enabled);
    }
}
