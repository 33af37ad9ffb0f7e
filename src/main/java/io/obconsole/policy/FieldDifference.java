package io.obconsole.policy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What changed in a policy, field by field, as the audit trail shows it: the value for a new
 * policy, "before → after" for a change, "before → (deleted)" for a deletion. Backup and drill
 * policies are audited alike.
 */
public final class FieldDifference {

    private FieldDifference() {
    }

    /** {@code before} or {@code after} is empty for a created or a deleted policy. */
    public static Map<String, String> between(Map<String, String> before, Map<String, String> after) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String field : (before.isEmpty() ? after : before).keySet()) {
            String was = before.get(field);
            String now = after.get(field);
            if (!Objects.equals(was, now)) {
                out.put(field, before.isEmpty() ? String.valueOf(now) : after.isEmpty() ? was + " → (deleted)"
                        : was + " → " + now);
            }
        }
        return out;
    }
}
