package io.obconsole.restore;

import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.BackupDestination;
import io.obconsole.cluster.ObDialect;
import java.util.stream.Collectors;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's restore: from a tenant they may see, or from destination URIs (a tenant that may no
 * longer exist, backed up on any cluster), into a new tenant of a cluster where they may restore.
 * Decryption passwords are {@link EncryptionPassword}s: never shown, cleared after use; URIs are
 * {@link BackupDestination}s, shown only masked.
 *
 * @param sourceUris the data and archive destinations to restore from instead of a tenant; empty
 *        when the source is {@code sourceCluster}/{@code sourceTenant}
 * @param concurrency OceanBase's {@code concurrency} option, 0-100; null: the tenant's MAX_CPU
 */
public record RestoreRequest(String sourceCluster, String sourceTenant, List<BackupDestination> sourceUris,
        String targetCluster, String newTenant, PoolChoice pool, RestorePoint point, List<EncryptionPassword> decryption,
        Integer concurrency, String description, String idempotencyKey) {

    public RestoreRequest {
        sourceUris = sourceUris == null ? List.of() : List.copyOf(sourceUris);
        decryption = decryption == null ? List.of() : List.copyOf(decryption);
    }

    /** A restore from a tenant. */
    public RestoreRequest(String sourceCluster, String sourceTenant, String targetCluster, String newTenant,
            PoolChoice pool, RestorePoint point, List<EncryptionPassword> decryption, Integer concurrency,
            String description, String idempotencyKey) {
        this(sourceCluster, sourceTenant, List.of(), targetCluster, newTenant, pool, point, decryption, concurrency,
                description, idempotencyKey);
    }

    /**
     * The source given by its destinations, as typed: none when both are blank, else both (data and
     * archive), each checked by {@link BackupDestination#of} (whose refusals never repeat a credential).
     */
    public static List<BackupDestination> sourceUris(String dataUri, String archiveUri) {
        boolean data = dataUri != null && !dataUri.isBlank();
        boolean archive = archiveUri != null && !archiveUri.isBlank();
        if (!data && !archive) {
            return List.of();
        }
        if (!data || !archive) {
            throw new InvalidRequestException("A source given by URIs needs both its data backup destination URI "
                    + "(sourceDataUri) and its log archive destination URI (sourceArchiveUri)");
        }
        return List.of(BackupDestination.of(dataUri), BackupDestination.of(archiveUri));
    }

    /** The source is destination URIs, not a tenant the console lists. */
    public boolean fromUris() {
        return !sourceUris.isEmpty();
    }

    /** The source in words, credentials masked. */
    public String sourceText() {
        return fromUris() ? sourceUris.stream().map(BackupDestination::masked).collect(Collectors.joining(","))
                : sourceCluster + "/" + sourceTenant;
    }

    /** Checks what can be checked without a cluster: names, numbers, passwords. */
    public void validate() {
        if (fromUris()) {
            if (sourceCluster != null || sourceTenant != null) {
                throw new InvalidRequestException("Give either a source tenant (sourceCluster, sourceTenant) or its "
                        + "destination URIs (sourceDataUri, sourceArchiveUri), not both");
            }
        } else if (sourceCluster == null || sourceTenant == null) {
            throw new InvalidRequestException("A restore needs a source: sourceCluster and sourceTenant, or "
                    + "sourceDataUri and sourceArchiveUri");
        }
        if (targetCluster == null || newTenant == null || pool == null || point == null) {
            throw new InvalidRequestException("A restore needs sourceCluster, sourceTenant, targetCluster, newTenant, "
                    + "a pool and a point");
        }
        if (!fromUris()) {
            ObDialect.checkTenantName(sourceTenant);
        }
        ObDialect.checkTenantName(newTenant);
        ObDialect.checkResourceName(pool.pool(), "resource pool");
        if (pool instanceof PoolChoice.Create create) {
            ObDialect.checkResourceName(create.unit(), "resource unit");
            if (create.unitNum() != null && (create.unitNum() < 1 || create.unitNum() > 64)) {
                throw new InvalidRequestException("unitNum is between 1 and 64");
            }
        }
        if (concurrency != null && (concurrency < 0 || concurrency > 100)) {
            throw new InvalidRequestException("concurrency is between 0 and 100");
        }
        ObDialect.checkDescription(description);
        decryption.forEach(EncryptionPassword::check);
    }

    /** The tenants the audit trail names: the source and the new tenant. */
    public List<String> audited() {
        return fromUris() ? List.of(newTenant == null ? "" : newTenant)
                : List.of(sourceTenant == null ? "" : sourceTenant, newTenant == null ? "" : newTenant);
    }

    /** What the audit trail keeps of the options; passwords only as how many were given. */
    public Map<String, String> auditedParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("source", sourceText());
        parameters.put("newTenant", newTenant);
        parameters.put("pool", pool instanceof PoolChoice.Create c ? "create " + c.pool() + " (unit " + c.unit() + ")"
                : pool.pool());
        parameters.put("point", String.valueOf(point));
        parameters.put("decryption", decryption.isEmpty() ? "not set" : decryption.size() + " password(s) set");
        if (concurrency != null) {
            parameters.put("concurrency", concurrency.toString());
        }
        if (description != null && !description.isEmpty()) {
            parameters.put("description", description);
        }
        return parameters;
    }

    public void clearSecrets() {
        decryption.forEach(EncryptionPassword::clear);
    }

    @Override
    public String toString() {
        return "RestoreRequest" + auditedParameters();
    }
}
