package io.obconsole.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Every word the pages show, in one place (English; keys ready for more locales). Templates use {@code msg:key}. */
@MessageBundle("msg")
public interface Messages {

    // ---- layout and navigation
    @Message("OB Backup Console")
    String app_name();

    @Message("Skip to content")
    String skip_to_content();

    @Message("Main")
    String nav_label();

    @Message("Overview")
    String nav_overview();

    @Message("Jobs")
    String nav_jobs();

    @Message("Start backup")
    String nav_start();

    @Message("Audit")
    String nav_audit();

    @Message("Sign out")
    String sign_out();

    @Message("Administrator")
    String role_admin();

    @Message("Operator")
    String role_operator();

    @Message("Viewer")
    String role_viewer();

    @Message("No console role")
    String role_none();

    @Message("Back to the overview")
    String back_to_overview();

    @Message("Signed out")
    String signed_out_title();

    @Message("You are signed out of the console and of the sign-in service.")
    String signed_out_text();

    @Message("Sign in again")
    String sign_in_again();

    @Message("Not allowed")
    String forbidden_title();

    @Message("You are not allowed to see this page or do this action. Nothing was sent to any cluster.")
    String forbidden_text();

    // ---- flash messages after a redirect
    @Message("The backup was started. Its progress is shown below.")
    String flash_started();

    @Message("The cancellation was sent. The job ends as CANCELED once OceanBase has stopped it.")
    String flash_canceled();

    @Message("Your session had expired, so nothing was sent. Please check the form and submit it again.")
    String flash_session_expired();

    @Message("The review waited too long and was discarded, so nothing was sent. Please fill in the form again.")
    String flash_review_expired();

    // ---- overview
    @Message("Overview")
    String overview_title();

    @Message("Start backup")
    String start_backup();

    @Message("Cluster {name}")
    String cluster_heading(String name);

    @Message("Unreachable: {reason}")
    String cluster_unreachable(String reason);

    @Message("OceanBase {version}")
    String cluster_version(String version);

    @Message("None of this cluster's tenants are in your scope.")
    String no_tenants_in_scope();

    @Message("Cluster")
    String col_cluster();

    @Message("Tenant")
    String col_tenant();

    @Message("Log archive")
    String col_archive();

    @Message("Backup destination")
    String col_dest();

    @Message("Last FULL")
    String col_last_full();

    @Message("Last INCREMENTAL")
    String col_last_inc();

    @Message("Running job")
    String col_running();

    @Message("Preflight")
    String col_preflight();

    @Message("lag {lag}")
    String archive_lag(String lag);

    @Message("Set")
    String dest_set();

    @Message("Not set")
    String dest_not_set();

    @Message("No FULL backup")
    String no_full();

    @Message("none yet")
    String no_inc();

    @Message("none")
    String none();

    @Message("unknown")
    String unknown();

    @Message("{#when f}{#is FRESH}Recent{#is AGING}Getting old{#is STALE}Too old{#else}Missing{/when}")
    String freshness(Freshness f);

    @Message("Tenant NORMAL")
    String badge_tenant_normal();

    @Message("Tenant {status}")
    String badge_tenant_not_normal(String status);

    @Message("Archive DOING")
    String badge_archive_doing();

    @Message("Archive not running ({status})")
    String badge_archive_not_doing(String status);

    @Message("Destination set")
    String badge_dest_set();

    @Message("No backup destination")
    String badge_dest_missing();

    @Message("A backup is running")
    String badge_backup_running();

    @Message("Backup progress of {tenant}")
    String progress_label(String tenant);

    // ---- tenant
    @Message("{tenant} on {cluster}")
    String tenant_title(String tenant, String cluster);

    @Message("State")
    String tenant_state();

    @Message("Backup concurrency (ha_low_thread_score)")
    String concurrency();

    @Message("(built-in default)")
    String concurrency_default();

    @Message("ended")
    String ended();

    @Message("Running job")
    String running_job();

    @Message("No backup is running.")
    String no_running_job();

    @Message("Job {id}, {type}")
    String job_heading(long id, String type);

    @Message("started")
    String started_at();

    @Message("Task")
    String col_task();

    @Message("Phase")
    String col_phase();

    @Message("Tablets done")
    String col_tablets();

    @Message("Macro blocks done")
    String col_macro_blocks();

    @Message("Read")
    String col_input();

    @Message("Written")
    String col_output();

    @Message("No tasks reported yet.")
    String no_tasks_yet();

    @Message("Last backups: duration and size")
    String chart_title();

    @Message("No completed backups yet.")
    String chart_empty();

    @Message("The last {count} completed backups, oldest on the left; bar height is the duration (highest: {max}).")
    String chart_caption(int count, String max);

    @Message("Dots show the size written (largest: {max}).")
    String chart_size_caption(String max);

    @Message("History")
    String history_title();

    @Message("No ended jobs.")
    String no_history();

    // ---- jobs
    @Message("Jobs")
    String jobs_title();

    @Message("Filters")
    String filters();

    @Message("any")
    String any();

    @Message("From")
    String from();

    @Message("To")
    String to();

    @Message("Apply filters")
    String apply_filters();

    @Message("Running")
    String running_jobs();

    @Message("No backup is running.")
    String no_running_jobs();

    @Message("Job")
    String col_job();

    @Message("Type")
    String col_type();

    @Message("Status")
    String col_status();

    @Message("Started")
    String col_started();

    @Message("Duration")
    String col_duration();

    @Message("Description")
    String col_description();

    @Message("Result")
    String col_result();

    @Message("Actions")
    String col_actions();

    @Message("+ archive log")
    String plus_archivelog_short();

    @Message("encrypted")
    String encrypted_short();

    @Message("RESULT {result}")
    String job_result(long result);

    @Message("Cancel backup")
    String cancel_backup();

    // ---- failed jobs in plain words
    @Message("OceanBase could not reach the backup destination. Check that the destination (NFS mount, object storage) is reachable from every OceanBase server and writable, then start the backup again.")
    String failure_9070();

    @Message("Reading or writing the backup files failed. Check the destination's free space and health, then start the backup again.")
    String failure_4009();

    @Message("The tenant's log archive stopped, and a data backup needs it running. Ask an administrator to restart archiving (ALTER SYSTEM ARCHIVELOG), then start the backup again.")
    String failure_9029();

    @Message("The tenant's log archive was interrupted. Ask an administrator to check the archive destination and restart archiving, then start the backup again.")
    String failure_9027();

    @Message("The archived log and the backup data do not line up, so this backup could not be used for a restore. Start a new FULL backup.")
    String failure_9064();

    @Message("The backup took too long and timed out. Try again with a higher backup concurrency or outside busy hours.")
    String failure_4012();

    @Message("OceanBase ended the job with this error. Its COMMENT says why; the OceanBase documentation lists the code.")
    String failure_other();
}
