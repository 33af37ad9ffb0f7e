package io.obconsole.api;

import io.obconsole.backup.CancelRequest;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON of a cancel request: some tenants, or all. */
@Schema(description = "Backups to cancel")
public record CancelBody(
        @Schema(description = "Tenant names; leave empty and set allTenants for every user tenant")
        List<@NotNull(message = "{backup.tenants.null}") String> tenants,
        @Schema(description = "Every user tenant of the cluster (needs a cluster/* scope)") boolean allTenants) {

    CancelRequest toRequest(String cluster, String idempotencyKey) {
        return new CancelRequest(cluster, BackupBody.scope(allTenants, tenants), idempotencyKey);
    }
}
