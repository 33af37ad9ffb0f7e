package io.obconsole.web;

import io.obconsole.backup.BackupRequest;
import io.obconsole.backup.BackupScope;
import io.obconsole.cluster.BackupType;
import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.WholeNumber;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * The start form's fields as typed, so a refused form comes back filled in. The passwords are
 * not kept here: a refused form asks for them again rather than sending them back to the browser.
 * The shape of each field is declared here and checked where the request is read.
 */
public record BackupForm(String cluster, List<String> tenants, boolean allTenants,
        @Pattern(regexp = "FULL|INCREMENTAL", message = "{backup.form.type}") String type,
        @WholeNumber(what = "Backup concurrency", min = 0, max = 100, message = "{backup.form.concurrency}") String concurrency,
        boolean plusArchivelog, String description, boolean acknowledge) {

    static BackupForm empty(String cluster, String tenant) {
        return new BackupForm(cluster, tenant == null ? List.of() : List.of(tenant), false, "FULL", "", false, "", false);
    }

    public BackupForm {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
        type = type == null || type.isBlank() ? "FULL" : type;
        concurrency = concurrency == null ? "" : concurrency.trim();
        description = description == null ? "" : description;
    }

    public boolean selected(String tenant) {
        return tenants.contains(tenant);
    }

    public boolean incremental() {
        return "INCREMENTAL".equals(type);
    }

    BackupScope scope() {
        return allTenants ? BackupScope.allTenants() : BackupScope.of(tenants);
    }

    /** The request for preflight only (no password, no key), of a form whose fields keep their declared rules. */
    BackupRequest forPreflight() {
        return new BackupRequest(cluster, scope(), BackupType.valueOf(type), null, null, null,
                plusArchivelog && !incremental(), description, acknowledge, null);
    }

    /**
     * The request to start, with the passwords as typed (empty = no encryption) and the submit's key, of
     * a form whose fields keep their declared rules.
     */
    BackupRequest toRequest(String password, String confirmation, String idempotencyKey) {
        boolean encrypted = !(blank(password) && blank(confirmation));
        return new BackupRequest(cluster, scope(), BackupType.valueOf(type), WholeNumber.Check.read(concurrency),
                encrypted ? EncryptionPassword.of(password == null ? "" : password) : null,
                encrypted ? EncryptionPassword.of(confirmation == null ? "" : confirmation) : null,
                plusArchivelog, description.isBlank() ? null : description, acknowledge, idempotencyKey);
    }

    private static boolean blank(String text) {
        return text == null || text.isEmpty();
    }
}
