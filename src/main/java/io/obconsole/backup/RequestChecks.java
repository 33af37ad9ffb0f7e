package io.obconsole.backup;

import io.obconsole.cluster.ObDialect;

/** Bounds every request shares, checked before anything is recorded or sent. */
final class RequestChecks {

    /** As long as the audit trail's key column; printable ASCII, as RFC 9110 header values are. */
    static final int MAX_IDEMPOTENCY_KEY = 191;

    private RequestChecks() {
    }

    static void idempotencyKey(String key) {
        if (key == null) {
            return;
        }
        if (key.length() > MAX_IDEMPOTENCY_KEY) {
            throw new InvalidRequestException("An idempotency key may have at most " + MAX_IDEMPOTENCY_KEY
                    + " characters; got " + key.length());
        }
        if (!key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw new InvalidRequestException("An idempotency key is printable ASCII without spaces");
        }
    }

    /** Every named tenant is a tenant name at all (null, empty or over-long names are refused here). */
    static void tenants(BackupScope scope) {
        if (scope != null && !scope.all()) {
            scope.tenants().forEach(ObDialect::checkTenantName);
        }
    }
}
