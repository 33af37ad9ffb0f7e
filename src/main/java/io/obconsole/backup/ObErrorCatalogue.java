package io.obconsole.backup;

import io.obconsole.cluster.ObError;

/**
 * The OceanBase errors an operator meets when starting or cancelling a backup or changing a tenant's set-up
 * (spec section 4, docs/ob-backup-spec-additions.md),
 * each with a plain explanation and the next step. Keyed by code, and for 9040 by its text.
 */
public final class ObErrorCatalogue {

    private ObErrorCatalogue() {
    }

    public static ObExplanation explain(ObError error) {
        String text = error.text() == null ? "" : error.text();
        return switch (error.code()) {
            case 9040 -> explain9040(text);
            case 9036 -> new ObExplanation("A backup of this tenant is already running (INIT or DOING).",
                    "Wait for the running backup to finish, or cancel it, then start again.");
            case 5160 -> new ObExplanation("OceanBase does not know one of the tenant names.",
                    "Reload the tenant list; the tenant may have been dropped or renamed.");
            case 1235 -> explain1235(text);
            case 9026 -> new ObExplanation("OceanBase cannot use this destination: the scheme or its parameters are not "
                    + "what it expects.", "Use file://, oss://, cos:// or s3:// with host=, access_id= and access_key= for "
                    + "object storage.");
            case 9080 -> new ObExplanation("The destination already holds files that OceanBase did not write (it finds "
                    + "no format file there), so it will not mix backups into them.",
                    "Choose an empty directory or bucket path, or empty this one.");
            case 9081 -> new ObExplanation("The destination already belongs to another tenant, cluster or use (data "
                    + "backups and log archives need separate paths).",
                    "Choose a path of this tenant's own, e.g. one ending in the tenant's name.");
            case 9091 -> new ObExplanation("Log archiving of the tenant is already on (BEGINNING or DOING).",
                    "Nothing to do; reload the set-up page to see the archive's status.");
            case 9092 -> new ObExplanation("Log archiving of the tenant is already off (STOPPING or STOP).",
                    "Nothing to do; reload the set-up page to see the archive's status.");
            case 4179 -> new ObExplanation("OceanBase does not allow this while the tenant's log archiving runs.",
                    "Stop log archiving first, make the change, then start archiving again.");
            case 4011, 4018 -> new ObExplanation("The tenant's delete policy changed meanwhile (someone else added or "
                    + "dropped it).", "Reload the set-up page and make the change again.");
            case 1146 -> new ObExplanation("The console cannot read OceanBase's backup views: its account signs in to a "
                    + "user tenant, which has no CDB_ views.",
                    "Configure this cluster with mode=tenant, or give the console a sys-tenant account (root@sys).");
            case 1227 -> new ObExplanation("The console's database account lacks the ALTER SYSTEM privilege.",
                    "Grant ALTER SYSTEM to the account in console.clusters.<name>.user, or use an administrator account.");
            case 4147 -> new ObExplanation("OceanBase refused the backup concurrency (ha_low_thread_score): it must be "
                    + "a whole number from 0 to 100.", "Choose a concurrency between 0 and 100.");
            case 1064 -> new ObExplanation("OceanBase did not understand a statement the console sent; this OceanBase "
                    + "version may use a different form.",
                    "Note the statement and the cluster version and report it; run the backup by hand meanwhile.");
            default -> new ObExplanation("OceanBase refused the statement.",
                    "Look up error " + error.code() + " in the OceanBase documentation.");
        };
    }

    private static ObExplanation explain1235(String text) {
        if (text.contains("policy name is not 'default'")) {
            return new ObExplanation("OceanBase has one delete policy per tenant, named 'default'.",
                    "Use the policy name 'default'.");
        }
        if (text.contains("tenant names specified")) {
            return new ObExplanation("From the sys tenant a delete policy names exactly one tenant.",
                    "Name one tenant (TENANT = <tenant>).");
        }
        return new ObExplanation("The console's account signs in to a user tenant, which may act only on "
                + "itself and may not name tenants.",
                "Configure this cluster with mode=tenant, or give the console a sys-tenant account (root@sys).");
    }

    private static ObExplanation explain9040(String text) {
        if (text.contains("log archive status is not doing")) {
            return new ObExplanation("Log archiving of the tenant is not running; OceanBase starts a data backup only "
                    + "while the archive is DOING.", "Start log archiving (ALTER SYSTEM ARCHIVELOG TENANT = <tenant>;) "
                    + "and wait until its status is DOING.");
        }
        if (text.contains("tenant status is not normal")) {
            return new ObExplanation("The tenant is not NORMAL (it is being created, restored or dropped).",
                    "Wait until the tenant is NORMAL.");
        }
        if (text.contains("no tenant meets the backup condition")) {
            return new ObExplanation("No tenant of the cluster can be backed up now: each is not NORMAL, not archiving, "
                    + "has no backup destination or is already being backed up.",
                    "Run the preflight to see what each tenant lacks, fix it, then start again.");
        }
        // "backup dest is not set", and the bare "backup can not start" a user tenant gets for the same cause
        return new ObExplanation("No backup destination (data_backup_dest) is set for the tenant.",
                "Set it: ALTER SYSTEM SET DATA_BACKUP_DEST = '<uri>' TENANT = <tenant>; then start again.");
    }
}
