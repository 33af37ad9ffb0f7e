package io.obconsole.backup;

import io.obconsole.cluster.BackupType;
import io.obconsole.cluster.ObDialect;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What an operator asks for when starting a backup. The password arrives twice (entered twice)
 * and is wrapped so that printing the request prints no secret.
 *
 * @param concurrency     ha_low_thread_score to set before the backup (0-100), or null to leave it
 * @param acknowledgeFullInsteadOfIncremental the operator has read that OceanBase will take a FULL
 *                        backup for tenants without one, and wants that
 * @param idempotencyKey  the submit's token: the same key again never starts a second backup
 */
public record BackupRequest(String cluster, BackupScope scope, BackupType type, Integer concurrency,
        EncryptionPassword encryptionPassword, EncryptionPassword encryptionPasswordConfirmation,
        boolean plusArchivelog, String description, boolean acknowledgeFullInsteadOfIncremental,
        String idempotencyKey) {

    /**
     * Checks the request on its own (no cluster needed), every field bounded, before anything is
     * recorded; throws {@link InvalidRequestException} or {@code InvalidIdentifierException}.
     */
    public void validate() {
        RequestChecks.idempotencyKey(idempotencyKey);
        RequestChecks.tenants(scope);
        ObDialect.checkDescription(description);
        if (encryptionPassword != null) {
            encryptionPassword.check();
        }
        if (cluster == null || cluster.isBlank()) {
            throw new InvalidRequestException("Choose a cluster");
        }
        if (type == null) {
            throw new InvalidRequestException("Choose FULL or INCREMENTAL");
        }
        if (scope == null || (!scope.all() && scope.tenants().isEmpty())) {
            throw new InvalidRequestException("Choose at least one tenant, or all tenants");
        }
        if (concurrency != null && (concurrency < 0 || concurrency > 100)) {
            String rule = "Backup concurrency must be a whole number from 0 to 100 (0 = OceanBase's default)";
            throw new InvalidRequestException(rule + "; got " + concurrency, rule);
        }
        if (plusArchivelog && type == BackupType.INCREMENTAL) {
            throw new InvalidRequestException("PLUS ARCHIVELOG exists only for a full backup");
        }
        if (encryptionPassword != null || encryptionPasswordConfirmation != null) {
            if (encryptionPassword == null || encryptionPassword.isEmpty()) {
                throw new InvalidRequestException("The encryption password is empty");
            }
            if (!encryptionPassword.sameAs(encryptionPasswordConfirmation)) {
                throw new InvalidRequestException("The two encryption passwords differ");
            }
        }
    }

    public boolean encrypted() {
        return encryptionPassword != null;
    }

    /**
     * The options as the audit trail shows them: the password only as set / not set, the
     * acknowledgement only on an INCREMENTAL (the one kind it can turn into a FULL).
     */
    public Map<String, String> auditedParameters() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("type", type.name());
        parameters.put("concurrency", concurrency == null ? "unchanged" : concurrency.toString());
        parameters.put("encryptionPassword", encrypted() ? "set" : "not set");
        parameters.put("plusArchivelog", String.valueOf(plusArchivelog));
        parameters.put("description", description == null ? "" : description);
        if (type == BackupType.INCREMENTAL) {
            // the acknowledgement lets an INCREMENTAL become a FULL; a FULL has nothing to acknowledge
            parameters.put("acknowledgeFullInsteadOfIncremental", String.valueOf(acknowledgeFullInsteadOfIncremental));
        }
        return parameters;
    }

    /** Wipes both password copies once the statement is sent (or refused). */
    void clearSecrets() {
        if (encryptionPassword != null) {
            encryptionPassword.clear();
        }
        if (encryptionPasswordConfirmation != null) {
            encryptionPasswordConfirmation.clear();
        }
    }
}
