package io.obconsole.api;

import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.BackupDestination;
import io.obconsole.window.InvalidRestorePointException;
import io.obconsole.restore.PoolChoice;
import io.obconsole.restore.RestorePoint;
import io.obconsole.restore.RestoreRequest;
import io.obconsole.window.Scn;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotEmpty;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON of a restore (or its plan). Passwords become {@link EncryptionPassword}s at once; {@code toString} hides them.
 * Its shape is declared here and checked where the request is read; the point's text is parsed into a time or an SCN.
 */
@Schema(description = "A restore of a tenant into a new tenant")
public record RestoreBody(
        @Schema(description = "Cluster of the tenant to restore from") String sourceCluster,
        @Schema(description = "The tenant to restore from (one you may see)") String sourceTenant,
        @Schema(description = "Or: the data backup destination URI of a tenant (e.g. one that no longer exists); "
                + "credentials in it are never stored or shown") String sourceDataUri,
        @Schema(description = "With sourceDataUri: the log archive destination URI") String sourceArchiveUri,
        @Schema(description = "Cluster to restore into (one where you may restore)", required = true) String targetCluster,
        @Schema(description = "Name of the new tenant", required = true) String newTenant,
        @Schema(description = "An existing free resource pool of the target cluster") String pool,
        @Schema(description = "Or: a new pool to create, sized like the source's") String newPool,
        @Schema(description = "The new pool's new resource unit (with newPool)") String newUnit,
        @Schema(description = "Units per zone of the new pool; default the source's") Integer unitNum,
        @Schema(description = "Restore to this time (ISO-8601 with offset, e.g. 2024-05-20T09:00:00Z); omit both for the latest point")
        String untilTime,
        @Schema(description = "Or restore to this SCN") String untilScn,
        @Schema(description = "Backup passwords when the sets are encrypted (the full backup's first); never stored or shown")
        List<@NotEmpty(message = "{restore.password.empty}") String> decryptionPasswords,
        @Schema(description = "OceanBase's restore concurrency, 0-100") Integer concurrency,
        @Schema(description = "Shown in OceanBase's DESCRIPTION column") String description) {

    /** One pool: an existing one, or a new one. */
    @AssertTrue(message = "{restore.pool}")
    boolean isOnePool() {
        return given(pool) != given(newPool);
    }

    /** A new pool names the unit to create for it. */
    @AssertTrue(message = "{restore.unit}")
    boolean isUnitNamed() {
        return given(pool) || !given(newPool) || given(newUnit);
    }

    @AssertTrue(message = "{restore.point}")
    boolean isOnePoint() {
        return !(given(untilTime) && given(untilScn));
    }

    /** The request of a body whose shape is valid. */
    RestoreRequest toRequest(String idempotencyKey) {
        return new RestoreRequest(sourceCluster, sourceTenant,
                RestoreRequest.sourceUris(sourceDataUri, sourceArchiveUri), targetCluster, newTenant, poolChoice(), point(),
                decryptionPasswords == null ? List.of() : decryptionPasswords.stream().map(EncryptionPassword::of).toList(),
                concurrency, description, idempotencyKey);
    }

    private PoolChoice poolChoice() {
        return given(pool) ? new PoolChoice.Existing(pool.trim())
                : new PoolChoice.Create(newPool.trim(), newUnit.trim(), unitNum);
    }

    private RestorePoint point() {
        try {
            if (given(untilTime)) {
                return new RestorePoint.AtTime(OffsetDateTime.parse(untilTime.trim()).toInstant());
            }
            return given(untilScn) ? new RestorePoint.AtScn(Scn.parse(untilScn.trim())) : new RestorePoint.Latest();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("untilTime is an ISO-8601 time with its offset, e.g. 2024-05-20T09:00:00Z",
                    "untilTime is an ISO-8601 time with its offset");
        } catch (InvalidRestorePointException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    @Override
    public String toString() {
        return "RestoreBody[" + (sourceDataUri == null ? sourceCluster + "/" + sourceTenant
                : BackupDestination.mask(sourceDataUri) + "," + BackupDestination.mask(String.valueOf(sourceArchiveUri))) + " -> " + targetCluster + "/" + newTenant
                + ", decryptionPasswords=" + (decryptionPasswords == null ? "not set" : "***") + "]";
    }
}
