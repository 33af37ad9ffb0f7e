package io.obconsole.failure;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * The one catalogue of failures in people's words (English; keys ready for more locales): a title
 * per failure kind, and per OceanBase code what it means and what to do next, both for statements
 * OceanBase refused and for jobs that ended with a RESULT code. Templates use {@code failure:key}.
 */
@MessageBundle("failure")
public interface FailureMessages {

    @Message("{#when kind}{#is INVALID_REQUEST}The request is not valid{#is INVALID_NAME}A name in the request is not valid"
            + "{#is UNAUTHENTICATED}Sign-in required{#is FORBIDDEN}Not allowed{#is NOT_FOUND}Not found"
            + "{#is UNKNOWN_CLUSTER}Unknown cluster{#is UNKNOWN_TENANT}Unknown tenant{#is UNKNOWN_POLICY}No such policy"
            + "{#is ALREADY_RUNNING}A backup is already running{#is JOB_NOT_RUNNING}The job is not running"
            + "{#is SETUP_REFUSED}The set-up change was refused{#is DUPLICATE_SUBMIT}This request was already submitted"
            + "{#is PREFLIGHT_FAILED}The preflight failed{#is POINT_NOT_RESTORABLE}The point cannot be restored"
            + "{#is OCEANBASE_ERROR}OceanBase refused the action"
            + "{#is CLUSTER_UNREACHABLE}The cluster does not answer{#is AUDIT_UNAVAILABLE}The audit trail is unavailable"
            + "{#else}The request failed{/when}")
    String title(FailureKind kind);

    // ---- what to do, per kind (when OceanBase's code does not say more)

    @Message("Send a bearer token from the console's sign-in service (Authorization: Bearer ...).")
    String unauthenticated_next();

    @Message("Your role or tenant scopes do not cover this. Nothing was sent to any cluster.")
    String forbidden_explanation();

    @Message("Ask an administrator for the role or scope (ob_scopes) you need.")
    String forbidden_next();

    @Message("There is no such page or resource.")
    String not_found_detail();

    @Message("Correct the request as the detail says, then send it again. Nothing was changed.")
    String invalid_next();

    @Message("Use a cluster name from GET /api/v1/clusters (or the overview).")
    String unknown_cluster_next();

    @Message("Reload the tenant list; the tenant may have been dropped or renamed, or it is outside this cluster.")
    String unknown_tenant_next();

    @Message("Look at the tenant's jobs: cancel the job that runs now, if that is what you want.")
    String job_not_running_next();

    @Message("Do what the message says first, then submit again.")
    String setup_refused_next();

    @Message("Nothing was started again. See the Jobs page (or GET /api/v1/jobs) for the jobs it started.")
    String duplicate_next();

    @Message("Fix what each finding says (its fix), or acknowledge, then submit again.")
    String preflight_next();

    @Message("OceanBase would take a FULL backup instead of an INCREMENTAL one for some tenants: tick \"Take a FULL backup where none exists\" to go ahead, or choose FULL.")
    String review_needs_acknowledgement();

    @Message("The preflight failed; see the problems and their fixes.")
    String review_preflight_failed();

    @Message("The console could not reach the cluster: {reason}")
    String unreachable_explanation(String reason);

    @Message("Check the cluster and the network, then look at the cluster's jobs before trying again: the statement may have reached OceanBase.")
    String unreachable_next();

    @Message("Nothing was sent to the cluster, because the action could not be recorded first.")
    String audit_down_explanation();

    @Message("Try again when the console's audit database is back.")
    String audit_down_next();

    // ---- statements OceanBase refused (spec section 4)

    @Message("OceanBase counts open backup jobs per tenant and initiator: a backup started the same way (from sys, or by the tenant itself) is still open. From sys, any open backup started from sys refuses every new one, whichever tenants it names.")
    String ob_9036();

    @Message("Wait for the running backup to end (the Jobs page shows it), or cancel it, then start again.")
    String ob_9036_next();

    @Message("Log archiving of the tenant is not running; OceanBase starts a data backup only while the archive is DOING.")
    String ob_9040_archive();

    @Message("Start log archiving (ALTER SYSTEM ARCHIVELOG TENANT = <tenant>;) and wait until its status is DOING.")
    String ob_9040_archive_next();

    @Message("The tenant is not NORMAL (it is being created, restored or dropped).")
    String ob_9040_tenant();

    @Message("Wait until the tenant is NORMAL.")
    String ob_9040_tenant_next();

    @Message("No tenant of the cluster can be backed up now: each is not NORMAL, not archiving, has no backup destination or is already being backed up.")
    String ob_9040_none();

    @Message("Run the preflight to see what each tenant lacks, fix it, then start again.")
    String ob_9040_none_next();

    @Message("No backup destination (data_backup_dest) is set for the tenant.")
    String ob_9040_dest();

    @Message("Set it: ALTER SYSTEM SET DATA_BACKUP_DEST = '<uri>' TENANT = <tenant>; then start again.")
    String ob_9040_dest_next();

    @Message("OceanBase does not know one of the tenant names.")
    String ob_5160();

    @Message("The console's account signs in to a user tenant, which may act only on itself and may not name tenants.")
    String ob_1235();

    @Message("OceanBase has one delete policy per tenant, named 'default'.")
    String ob_1235_policy_name();

    @Message("Use the policy name 'default'.")
    String ob_1235_policy_name_next();

    @Message("From the sys tenant a delete policy names exactly one tenant.")
    String ob_1235_policy_tenants();

    @Message("Name one tenant (TENANT = <tenant>).")
    String ob_1235_policy_tenants_next();

    @Message("OceanBase cannot use this destination: the scheme or its parameters are not what it expects.")
    String ob_9026();

    @Message("Use file://, oss://, cos:// or s3:// with host=, access_id= and access_key= for object storage.")
    String ob_9026_next();

    @Message("The destination already holds files that OceanBase did not write (it finds no format file there), so it will not mix backups into them.")
    String ob_9080();

    @Message("Choose an empty directory or bucket path, or empty this one.")
    String ob_9080_next();

    @Message("The destination already belongs to another tenant, cluster or use (data backups and log archives need separate paths).")
    String ob_9081();

    @Message("Choose a path of this tenant's own, e.g. one ending in the tenant's name.")
    String ob_9081_next();

    @Message("Log archiving of the tenant is already on (BEGINNING or DOING).")
    String ob_9091();

    @Message("Log archiving of the tenant is already off (STOPPING or STOP).")
    String ob_9092();

    @Message("Nothing to do; reload the set-up page to see the archive's status.")
    String ob_archive_mode_next();

    @Message("OceanBase does not allow this while the tenant's log archiving runs.")
    String ob_4179();

    @Message("Stop log archiving first, make the change, then start archiving again.")
    String ob_4179_next();

    @Message("The tenant's delete policy changed meanwhile (someone else added or dropped it).")
    String ob_policy_changed();

    @Message("Reload the set-up page and make the change again.")
    String ob_policy_changed_next();

    @Message("The console cannot read OceanBase's backup views: its account signs in to a user tenant, which has no CDB_ views.")
    String ob_1146();

    @Message("Configure this cluster with mode=tenant, or give the console a sys-tenant account (root@sys).")
    String ob_wrong_mode_next();

    @Message("The console's database account lacks the ALTER SYSTEM privilege.")
    String ob_1227();

    @Message("Grant ALTER SYSTEM to the account in console.clusters.<name>.user, or use an administrator account.")
    String ob_1227_next();

    @Message("OceanBase refused the backup concurrency (ha_low_thread_score): it must be a whole number from 0 to 100.")
    String ob_4147();

    @Message("Choose a concurrency between 0 and 100.")
    String ob_4147_next();

    @Message("OceanBase did not understand a statement the console sent; this OceanBase version may use a different form.")
    String ob_1064();

    @Message("Note the statement and the cluster version and report it; run the backup by hand meanwhile.")
    String ob_1064_next();

    @Message("OceanBase refused the statement.")
    String ob_other();

    @Message("Look up error {code} in the OceanBase documentation.")
    String ob_other_next(int code);

    // ---- restores (ob-restore-spec section 4)

    @Message("A restore reaches only points between a usable backup set and the end of the archived log without a gap: the tenant's recoverable window. Nothing was sent to the cluster.")
    String restore_point();

    @Message("Pick a point inside the window the tenant page shows (or \"latest\"), then submit again.")
    String restore_point_next();

    @Message("A tenant of that name already exists on the target cluster; a restore always creates a new tenant.")
    String restore_4179_exists();

    @Message("Choose another name for the new tenant.")
    String restore_4179_exists_next();

    @Message("The destinations hold backups of different tenants; a restore reads one tenant's data and archive.")
    String restore_4179_mixed();

    @Message("Restore from the source tenant's own data and archive destinations.")
    String restore_4179_mixed_next();

    @Message("The tenant is not a STANDBY (it is PRIMARY already, or still restoring), so there is nothing to activate.")
    String restore_4179_not_standby();

    @Message("Wait until its restore succeeded (TENANT_ROLE STANDBY); a PRIMARY tenant needs nothing.")
    String restore_not_standby_next();

    @Message("The tenant is not being restored; CANCEL RESTORE drops only a tenant that is.")
    String restore_4179_not_restoring();

    @Message("Nothing to cancel; the tenant page shows its state.")
    String restore_not_restoring_next();

    @Message("The backup was taken by a newer OceanBase than the target cluster runs.")
    String restore_4179_version();

    @Message("Restore into a cluster of the same or a later version.")
    String restore_4179_version_next();

    @Message("A restore into a tenant of that name is already running.")
    String restore_9014();

    @Message("Watch it on the Jobs page, or cancel it first.")
    String restore_9014_next();

    @Message("The resource pool does not exist on the target cluster.")
    String restore_4650();

    @Message("The resource pool is already granted to a tenant (or taken by another restore).")
    String restore_4626();

    @Message("Choose a free pool of the target cluster, or let the restore create a unit and pool sized like the source's.")
    String restore_pool_next();

    @Message("The target cluster has not enough free CPU, memory or log disk for the new pool.")
    String restore_4733();

    @Message("Free resources on the cluster, or create a smaller unit, then try again.")
    String restore_4733_next();

    @Message("The backup is encrypted and no password given for it is right.")
    String restore_9047();

    @Message("Give the backup password(s) the sets were taken with (the full backup's first).")
    String restore_9047_next();

    @Message("OceanBase cannot read one of the source's destinations as a backup or archive destination.")
    String restore_9026();

    @Message("Check the source tenant's data backup and archive destinations on its set-up page.")
    String restore_9026_next();

    @Message("OceanBase finds no backup set, or not enough archived log, to reach that point.")
    String restore_9119();

    @Message("OceanBase refused the concurrency or the SCN: concurrency is 0-100, an SCN a positive whole number.")
    String restore_1210();

    @Message("Correct the value and submit again.")
    String restore_1210_next();

    @Message("This OceanBase version does not support that (CANCEL RESTORE needs 4.2.0 or later; decryption and restores run from sys).")
    String restore_1235();

    @Message("Upgrade the cluster, or use obclient as root@sys.")
    String restore_1235_next();

    @Message("OceanBase does not know the tenant (it may have been dropped already).")
    String restore_5157();

    @Message("The new tenant was not created within OceanBase's ten minutes.")
    String restore_4012();

    @Message("Look at the Jobs page: the restore may still run or have failed with a comment.")
    String restore_4012_next();

    @Message("Restored: the tenant is a STANDBY and reads as of the restore point; activate it to make it a PRIMARY that takes writes.")
    String restore_ended_success();

    @Message("Cancelled: OceanBase dropped the tenant being restored and kept its resource pools for another restore.")
    String restore_ended_cancelled();

    @Message("The restore failed; OceanBase's COMMENT says why. The tenant being restored is left behind under its name: look into it, then drop it (DROP TENANT ... FORCE; its resource pools stay) before a new restore under the same name.")
    String restore_ended_failed();

    @Message("The restore failed because a piece of the source's archive log is missing from its archive destination (deleted, moved or never written): the log cannot be replayed up to the restore point. Check the archive destination, or restore to a point the recoverable window still shows; a new restore under the same name needs the failed tenant dropped first (DROP TENANT ... FORCE).")
    String restore_ended_missing_piece();

    // ---- jobs that ended with a RESULT code (seen only in the job views)

    @Message("OceanBase could not reach the backup destination. Check that the destination (NFS mount, object storage) is reachable from every OceanBase server and writable, then start the backup again.")
    String job_9070();

    @Message("Reading or writing the backup files failed. Check the destination's free space and health, then start the backup again.")
    String job_4009();

    @Message("The tenant's log archive stopped, and a data backup needs it running. Ask an administrator to restart archiving (ALTER SYSTEM ARCHIVELOG), then start the backup again.")
    String job_9029();

    @Message("The tenant's log archive was interrupted. Ask an administrator to check the archive destination and restart archiving, then start the backup again.")
    String job_9027();

    @Message("The archived log and the backup data do not line up, so this backup could not be used for a restore. Start a new FULL backup.")
    String job_9064();

    @Message("The backup took too long and timed out. Try again with a higher backup concurrency or outside busy hours.")
    String job_4012();

    @Message("The backup was cancelled; its backup set cannot be used for a restore.")
    String job_4072();

    @Message("OceanBase ended the job with this error. Its COMMENT says why; the OceanBase documentation lists the code.")
    String job_other();
}
