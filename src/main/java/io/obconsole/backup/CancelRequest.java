package io.obconsole.backup;

/** What an operator asks for when cancelling the running backups of some tenants, or of all. */
public record CancelRequest(String cluster, BackupScope scope, String idempotencyKey) {

    public void validate() {
        if (cluster == null || cluster.isBlank()) {
            throw new InvalidRequestException("Choose a cluster");
        }
        if (scope == null || (!scope.all() && scope.tenants().isEmpty())) {
            throw new InvalidRequestException("Choose at least one tenant, or all tenants");
        }
    }
}
