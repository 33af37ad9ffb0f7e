package io.obconsole.alert;

import java.time.Instant;
import java.time.LocalDateTime;

/**
 * Something to notify, with what an on-call operator needs: what, where (cluster, tenant; null
 * when not about one), since when, OceanBase's code and text where there is one, the next step and
 * a link to the console page. {@code key} makes it exactly-once across console instances.
 *
 * @param since   when the condition began (cluster time for backup facts), or null
 * @param repeats how many times the condition came and went meanwhile without a message of its own
 */
public record AlertEvent(Long id, String key, AlertKind kind, String cluster, String tenant, String summary,
        String detail, Integer obCode, String obText, String nextStep, String link, LocalDateTime since, int repeats,
        Instant occurredAt) {

    /** A new event (not stored yet) with the kind's own next step. */
    public static AlertEvent of(String key, AlertKind kind, String cluster, String tenant, String summary, String detail,
            LocalDateTime since) {
        return new AlertEvent(null, key, kind, cluster, tenant, summary, detail, null, null, kind.nextStep(), null,
                since, 0, null);
    }

    public AlertEvent withOceanBase(Integer code, String text) {
        return new AlertEvent(id, key, kind, cluster, tenant, summary, detail, code, text, nextStep, link, since, repeats,
                occurredAt);
    }

    public AlertEvent withNextStep(String step) {
        return new AlertEvent(id, key, kind, cluster, tenant, summary, detail, obCode, obText, step, link, since, repeats,
                occurredAt);
    }

    public AlertEvent withRepeats(int count) {
        return new AlertEvent(id, key, kind, cluster, tenant, summary, detail, obCode, obText, nextStep, link, since,
                count, occurredAt);
    }

    AlertEvent stored(long newId, String newLink, Instant at) {
        return new AlertEvent(newId, key, kind, cluster, tenant, summary, detail, obCode, obText, nextStep, newLink, since,
                repeats, at);
    }

    /** Where it happened in words: {@code demo/mysql_tenant}, {@code demo} or "the console". */
    public String where() {
        if (cluster == null) {
            return "the console";
        }
        return tenant == null ? cluster : cluster + "/" + tenant;
    }
}
