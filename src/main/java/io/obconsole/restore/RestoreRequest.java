package io.obconsole.restore;

import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.ObDialect;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's restore: from a tenant they may see into a new tenant of a cluster where they may
 * restore. Decryption passwords are {@link EncryptionPassword}s: never shown, cleared after use.
 *
 * @param concurrency OceanBase's {@code concurrency} option, 0-100; null: the tenant's MAX_CPU
 */
public record RestoreRequest(String sourceCluster, String sourceTenant, String targetCluster, String newTenant,
        PoolChoice pool, RestorePoint point, List<EncryptionPassword> decryption, Integer concurrency,
        String description, String idempotencyKey) {

    public RestoreRequest {
        decryption = decryption == null ? List.of() : List.copyOf(decryption);
    }

    /** Checks what can be checked without a cluster: names, numbers, passwords. */
    public void validate() {
        if (sourceCluster == null || sourceTenant == null || targetCluster == null || newTenant == null || pool == null
                || point == null) {
            throw new InvalidRequestException("A restore needs sourceCluster, sourceTenant, targetCluster, newTenant, "
                    + "a pool and a point");
        }
        ObDialect.checkTenantName(sourceTenant);
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
        return List.of(sourceTenant == null ? "" : sourceTenant, newTenant == null ? "" : newTenant);
    }

    /** What the audit trail keeps of the options; passwords only as how many were given. */
    public Map<String, String> auditedParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("source", sourceCluster + "/" + sourceTenant);
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
