package io.obconsole.backup;

/**
 * What an operator asks for when cancelling the running backups of some tenants, or of all.
 *
 * @param jobId the job the person confirmed cancelling (the page's cancel of one job), or null;
 *              when set, the cancel is refused unless that job of the one tenant is running
 */
public record CancelRequest(String cluster, BackupScope scope, String idempotencyKey, Long jobId) {

    public CancelRequest(String cluster, BackupScope scope, String idempotencyKey) {
        this(cluster, scope, idempotencyKey, null);
    }

    public void validate() {
        RequestChecks.idempotencyKey(idempotencyKey);
        if (cluster == null || cluster.isBlank()) {
            throw new InvalidRequestException("Choose a cluster");
        }
        if (scope == null || (!scope.all() && scope.tenants().isEmpty())) {
            throw new InvalidRequestException("Choose at least one tenant, or all tenants");
        }
        RequestChecks.tenants(scope);
        if (jobId != null && (scope.all() || scope.tenants().size() != 1 || jobId <= 0)) {
            throw new InvalidRequestException("A job is cancelled by its tenant and its id (a positive number)");
        }
    }
}
