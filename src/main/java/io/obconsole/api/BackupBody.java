package io.obconsole.api;

import io.obconsole.backup.BackupRequest;
import io.obconsole.backup.BackupScope;
import io.obconsole.cluster.BackupType;
import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.Quote;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of a backup (or preflight) request. The passwords are turned into
 * {@link EncryptionPassword} at once; {@code toString} never shows them, and no constraint quotes
 * them. Its shape is declared here and checked where the request is read.
 */
@Schema(description = "A backup to start or to preflight")
public record BackupBody(
        @Schema(description = "Tenant names; leave empty and set allTenants for every user tenant")
        List<@NotNull(message = "{backup.tenants.null}") String> tenants,
        @Schema(description = "Every user tenant of the cluster (needs a cluster/* scope)") boolean allTenants,
        @NotBlank(message = "{backup.type}")
        @Pattern(regexp = "(?i)\\s*(?:FULL|INCREMENTAL)?\\s*", message = "{backup.type}", payload = Quote.InQuotes.class)
        @Schema(description = "FULL or INCREMENTAL", required = true) String type,
        @Schema(description = "ha_low_thread_score to set first, 0-100; omit to leave it") Integer concurrency,
        @Schema(description = "Backup encryption password; never stored or shown") String encryptionPassword,
        @Schema(description = "The same password again") String encryptionPasswordConfirmation,
        @Schema(description = "PLUS ARCHIVELOG (full backups only)") boolean plusArchivelog,
        @Schema(description = "Shown in OceanBase's DESCRIPTION column") String description,
        @Schema(description = "Agree that tenants without a full backup get a FULL one instead of an incremental one")
        boolean acknowledgeFullInsteadOfIncremental) {

    BackupRequest toRequest(String cluster, String idempotencyKey) {
        return new BackupRequest(cluster, scope(allTenants, tenants), backupType(), concurrency,
                EncryptionPassword.of(blankToNull(encryptionPassword)),
                EncryptionPassword.of(blankToNull(encryptionPasswordConfirmation)), plusArchivelog, description,
                acknowledgeFullInsteadOfIncremental, idempotencyKey);
    }

    static BackupScope scope(boolean all, List<String> tenants) {
        if (all && tenants != null && !tenants.isEmpty()) {
            throw new InvalidRequestException("Give either tenants or allTenants, not both");
        }
        return all ? BackupScope.allTenants() : BackupScope.of(tenants == null ? List.of() : tenants);
    }

    private BackupType backupType() {
        return BackupType.valueOf(type.trim().toUpperCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public String toString() {
        return "BackupBody[tenants=" + tenants + ", allTenants=" + allTenants + ", type=" + type + ", concurrency="
                + concurrency + ", encryptionPassword=" + (encryptionPassword == null ? "not set" : "***")
                + ", plusArchivelog=" + plusArchivelog + ", description=" + description + "]";
    }
}
