package io.obconsole.audit;

import io.obconsole.access.Operator;
import java.util.List;
import java.util.Map;

/**
 * An action an operator asked for, recorded before anything runs on a cluster.
 *
 * @param action         what was asked for; the trail holds no other kinds than {@link AuditAction}'s
 * @param tenants        tenant names, or {@code ["*"]} for every tenant
 * @param parameters     options as shown to people; a password only as {@code set}/{@code not set}
 * @param idempotencyKey the submit's token: a second submit with the same key is refused
 */
public record ActionIntent(Operator actor, AuditAction action, String cluster, List<String> tenants,
        Map<String, String> parameters, String idempotencyKey) {
}
