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

    // ---- security: CSRF refusals, signing out, TLS to clusters
    @Message("Request refused")
    String csrf_title();

    @Message("This request did not come from a page of your current session, so it was refused and nothing was sent to any cluster. Reload the page and try again.")
    String csrf_text();

    @Message("Warning: the connection to this cluster is not encrypted (TLS), so the encryption password would cross the network in clear text. Ask the cluster's administrators to enable TLS and set console.clusters.NAME.tls in the console.")
    String review_password_in_clear();

    @Message("The connection to this cluster is not encrypted (TLS), and its settings forbid sending an encryption password over it: confirming will be refused and nothing will be sent.")
    String review_password_in_clear_refused();

    @Message("Sign out?")
    String sign_out_title();

    @Message("Signing out ends your session in the console and at the sign-in service; open pages stop updating.")
    String sign_out_text();

    // ---- flash messages after a redirect
    @Message("The backup was started. Its progress is shown below.")
    String flash_started();

    @Message("The cancellation was sent. The job reads Cancelled once OceanBase has stopped it.")
    String flash_canceled();

    @Message("Your session had expired, so nothing was sent. Please check the form, enter the encryption password again if you use one, and submit it again.")
    String flash_session_expired();

    @Message("The review waited too long and was discarded, so nothing was sent. Please fill in the form again.")
    String flash_review_expired();

    // ---- overview
    @Message("Overview")
    String overview_title();

    // ---- fleet read model: how fresh a page is, live progress words
    @Message("Read from the cluster {ago} ago")
    String read_ago(String ago);

    @Message("not read yet: the console reads each cluster within seconds of starting")
    String not_read_yet();

    @Message("showing what was read before")
    String showing_last_read();

    @Message("{eta} to go")
    String eta(String eta);

    @Message("stalled")
    String stalled();

    @Message("all tenants")
    String all_tenants_word();

    @Message("Now:")
    String concurrency_now();

    @Message("was")
    String concurrency_was();

    /** A job as every page names it: the tenant's own job number, with the tenant where the page is not the tenant's. */
    @Message("Job {id}{#if tenant} of {tenant}{/if}")
    String job_name(long id, String tenant);

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

    @Message("Ready for backup")
    String badge_ready();

    @Message("{#when check}{#is TENANT_NORMAL}Tenant not NORMAL{#is ARCHIVE_DOING}Archive not running{#is BACKUP_DEST_SET}No backup destination{#is FULL_BACKUP_EXISTS}No FULL yet: INCREMENTAL would be FULL{#is NOT_RUNNING}Backup running{#is SYS_JOB_OPEN}Backup from sys still open{#else}{check}{/when}")
    String badge(io.obconsole.backup.PreflightFinding.Check check);

    @Message("Backup progress of {tenant}")
    String progress_label(String tenant);

    // ---- tenant
    @Message("{tenant} on {cluster}")
    String tenant_title(String tenant, String cluster);

    @Message("State")
    String tenant_state();

    @Message("Backup concurrency")
    String concurrency();

    @Message("OceanBase's parameter ha_low_thread_score")
    String concurrency_parameter();

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

    @Message("Started by {who} at")
    String job_started_by(String who);

    @Message("Started outside the console at")
    String job_started_outside();

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

    @Message("Last backup sets: duration and size")
    String chart_title();

    @Message("No backup sets yet.")
    String chart_empty();

    @Message("The last {count} backup sets along their start time (UTC); bar height is the duration on the left axis (longest: {max}).")
    String chart_caption(int count, String max);

    @Message("Dots show the size written on the right axis (largest: {max}).")
    String chart_size_caption(String max);

    @Message("Red bars are sets that failed.")
    String chart_failed_caption();

    @Message("Grey bars are sets that were cancelled.")
    String chart_cancelled_caption();

    @Message("cancelled")
    String chart_legend_cancelled();

    @Message("size written (right axis)")
    String chart_legend_size();

    @Message("Start (UTC)")
    String chart_time_axis();

    @Message("Duration")
    String chart_duration_axis();

    @Message("Size")
    String chart_size_axis();

    @Message("Backup sets")
    String sets_title();

    @Message("The newest {count} backup sets of this tenant, newest first. A restore can use the succeeded ones whose files are available.")
    String sets_intro(int count);

    @Message("No backup sets yet.")
    String no_sets();

    // ---- recoverable window (issue 21)
    @Message("Recoverable window")
    String window_title();

    @Message("Not computed yet: the console reads the tenant's backup sets and archive pieces with the cluster's state.")
    String window_not_computed();

    @Message("Restorable from")
    String window_from();

    @Message("to")
    String window_to();

    @Message("latest {ago}")
    String window_latest(String ago);

    @Message("Restorable in {count} intervals, with a gap in the archive log between them; latest {ago}:")
    String window_intervals(int count, String ago);

    @Message("Not restorable: {reason}")
    String window_not_restorable(String reason);

    @Message("not restorable")
    String window_not_restorable_short();

    @Message("Encrypted backup sets: a restore needs their backup password (SET DECRYPTION IDENTIFIED BY).")
    String window_needs_decryption();

    @Message("Backup sets")
    String window_lane_sets();

    @Message("Archive log")
    String window_lane_archive();

    @Message("Restorable")
    String window_lane_restorable();

    @Message("Backup set #{id} ({type}), restorable from {utc}")
    String window_set_title(long id, String type, String utc);

    @Message("{count} backup sets ({full} full), #{firstId} to #{lastId}, restorable from {from} to {to}")
    String window_sets_title(int count, long full, long firstId, long lastId, String from, String to);

    @Message("(encrypted)")
    String window_encrypted();

    @Message("Archive log from {from} to {to}")
    String window_archive_title(String from, String to);

    @Message("Restorable from {from} to {to}")
    String window_interval_title(String from, String to);

    @Message("Gap: not restorable after {from} until {to}")
    String window_gap_title(String from, String to);

    @Message("Times in UTC. Each backup set reaches from where its restore starts replaying the archive log to the first point it restores; the window runs from there as far as the log continues without a break.")
    String window_caption();

    @Message("restorable")
    String window_legend_restorable();

    @Message("archive log")
    String window_legend_archive();

    @Message("gap")
    String window_legend_gap();

    @Message("Restorable to")
    String col_window();

    @Message("archive gap")
    String window_gap_short();

    @Message("Set")
    String col_set();

    @Message("Ended")
    String col_ended();

    @Message("Builds on")
    String col_chain();

    /**
     * A backup set's or an ended job's status in words, one word for a cancellation in both (a job's
     * CANCELED, a set's CANCELLED), and the Jobs page's status filter (RUNNING) in the same words. One
     * message for all: with one more method in msg, Qute generates a resolver the JVM refuses
     * (VerifyError), which is why the restore pages' words live in rmsg.
     */
    @Message("{#when status}{#is 'RUNNING'}Running{#is 'SUCCESS'}Succeeded{#is 'COMPLETED'}Completed{#is 'FAILED'}Failed{#is 'CANCELLED'}Cancelled{#is 'CANCELED'}Cancelled{#else}{status}{/when}")
    String status_word(String status);

    @Message("{#when fileStatus}{#is 'AVAILABLE'}files available{#is 'COPYING'}files being written{#is 'DELETING'}files being deleted{#is 'EXPIRED'}files expired{#is 'INCOMPLETE'}files incomplete{#is 'BROKEN'}files broken{#is 'DELETED'}files deleted{#else}files {fileStatus}{/when}")
    String set_file_status(String fileStatus);

    @Message("{#if inc != 0 && inc != full}FULL #{full}, then #{inc}{#else}FULL #{full}{/if}")
    String set_chain(long full, long inc);

    @Message("starts a chain")
    String set_chain_start();

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

    // how a job or its set ended (tags/jobend.html): the one wording on every page and record

    @Message("Completed")
    String job_completed();

    @Message("Failed: OceanBase error {code}")
    String job_failed(long code);

    @Message("Cancelled (OceanBase {code}); not a failure.")
    String job_cancelled(long code);

    @Message("Cancel backup")
    String cancel_backup();

    // ---- start, cancel, audit
    @Message("Start backup")
    String start_title();

    @Message("You may not start backups on any cluster.")
    String start_no_clusters();

    @Message("Tenants")
    String tenants();

    @Message("Tick one or more.")
    String tenants_hint();

    @Message("All tenants")
    String all_tenants();

    @Message("Every user tenant of the cluster, as one BACKUP DATABASE; tenants that cannot be backed up are skipped, but while a backup started from sys is still open OceanBase refuses it as a whole.")
    String all_tenants_hint();

    @Message("OceanBase's parameter ha_low_thread_score. Leave empty to keep the current value; 0 means OceanBase's built-in default, up to 100.")
    String concurrency_hint();

    @Message("Encryption password")
    String password();

    @Message("Encryption password again")
    String password_confirmation();

    @Message("Optional. A restore of this backup will need it; the console does not keep it anywhere.")
    String password_hint();

    @Message("set (not shown)")
    String password_set();

    @Message("not set")
    String password_not_set();

    @Message("PLUS ARCHIVELOG")
    String plus_archivelog();

    @Message("FULL backups only: include the archive log needed to restore to the backup's end.")
    String plus_archivelog_hint();

    @Message("Take a FULL backup where none exists")
    String acknowledge();

    @Message("OceanBase silently turns an INCREMENTAL backup into a FULL one for a tenant without a FULL backup. Tick this to agree.")
    String acknowledge_hint();

    @Message("Review")
    String review();

    @Message("Choose a cluster and tenants to see the preflight.")
    String preflight_choose();

    @Message("Ready: nothing stands in the way")
    String preflight_passed();

    @Message("Blocked: fix the problems below first")
    String preflight_blocked();

    @Message("Needs your agreement (see below)")
    String preflight_needs_ack();

    @Message("ready")
    String preflight_tenant_ok();

    @Message("will be skipped")
    String preflight_skipped();

    @Message("Problem")
    String preflight_blocking();

    @Message("Warning")
    String preflight_warning();

    @Message("Fix:")
    String preflight_fix();

    @Message("Review and confirm")
    String review_title();

    @Message("Nothing has been sent yet. These are exactly the statements that will run, in this order, when you confirm.")
    String review_intro();

    @Message("Statements")
    String review_statements();

    @Message("OceanBase will skip these tenants:")
    String review_skipped();

    @Message("OceanBase will take a FULL backup for tenants without one.")
    String review_full_instead();

    @Message("Confirm and start")
    String confirm_and_start();

    @Message("Back to the form")
    String back_to_form();

    @Message("unchanged")
    String unchanged();

    @Message("yes")
    String yes();

    @Message("no")
    String no();

    @Message("This cluster is not configured.")
    String unknown_cluster();








    @Message("Cancel a backup")
    String cancel_title();

    @Message("Cancel the running backup of {tenant} on {cluster} (job {jobId}, {type})?")
    String cancel_question(String tenant, String cluster, long jobId, String type);

    @Message("OceanBase cancels every running backup of this tenant. The job ends Cancelled; its backup set cannot be used for a restore.")
    String cancel_effect();

    @Message("This job is not running any more.")
    String cancel_not_running();

    @Message("Keep it running")
    String keep_running();


    @Message("Nothing was cancelled. Open the tenant's jobs to see what runs now, and cancel that job if you mean to.")
    String cancel_not_running_next();

    @Message("The audit trail cannot be read right now")
    String audit_unavailable();

    @Message("The console's audit database does not answer. Nothing is lost; try again in a moment. Actions are refused until it is back.")
    String audit_unavailable_next();

    @Message("Audit trail")
    String audit_title();

    @Message("Actor")
    String actor();

    @Message("Action")
    String action();

    @Message("Outcome")
    String outcome();

    @Message("Time")
    String time();

    @Message("Statements")
    String statements();

    @Message("Details")
    String details();

    @Message("Export CSV")
    String csv_export();

    @Message("Audit chain")
    String chain_title();

    @Message("Verify chain")
    String verify_chain();

    @Message("Intact: all {checked} records link up")
    String chain_intact(long checked);

    @Message("Broken at record {at}: {problem}")
    String chain_broken(Long at, String problem);

    @Message("{#if total == 0}No records{#else if first == 0}No records on this page; {total} in all{#else}Records {first}–{last} of {total}{/if}")
    String audit_range(long first, long last, long total);

    @Message("Audit trail pages")
    String audit_pages();

    @Message("Previous {size} records")
    String previous_page(int size);

    @Message("Next {size} records")
    String next_page(int size);

    @Message("No records match.")
    String audit_empty();

    @Message("OceanBase error {code}:")
    String ob_error(Integer code);

    @Message("Next step:")
    String failure_next_step();

    // ---- backup set-up of a tenant
    @Message("The change was made. OceanBase's values are shown below.")
    String flash_setup_done();

    @Message("Backup setup of {tenant} ({cluster})")
    String setup_title(String tenant, String cluster);

    @Message("Backup setup")
    String setup_link();

    @Message("Fix")
    String fix();

    @Message("Read from OceanBase just now. Only administrators (backup-admin) change it; every change is confirmed first and recorded in the audit trail.")
    String setup_intro();

    @Message("You can read this set-up; changing it is for administrators.")
    String setup_read_only();

    @Message("Data backup destination")
    String setup_data_dest();

    @Message("Log archive")
    String setup_archive();

    @Message("Archive destination")
    String setup_archive_dest();

    @Message("Archive status")
    String setup_archive_status();

    @Message("Retention (delete policy)")
    String setup_retention();

    @Message("not set")
    String not_set();

    @Message("Destination URI")
    String setup_uri();

    @Message("file:///path, or oss://, cos://, s3:// with host=, access_id= and access_key=. Access keys are sent to OceanBase only and shown masked everywhere.")
    String setup_uri_hint();

    @Message("Review the change")
    String setup_review_button();

    @Message("Start archiving")
    String setup_start_archiving();

    @Message("Stop archiving")
    String setup_stop_archiving();

    @Message("The archive destination can be changed only while archiving is stopped.")
    String setup_archive_dest_locked();

    @Message("Keep backup sets for (days)")
    String setup_window_days();

    @Message("Drop the delete policy")
    String setup_drop_policy();

    @Message("No delete policy: OceanBase keeps every backup set until someone deletes it.")
    String setup_no_policy();

    @Message("OceanBase deletes backup sets not needed to restore within the last {window} and always keeps the newest usable one.")
    String setup_policy(String window);

    @Message("Archiving was never started for this tenant.")
    String archive_never();

    @Message("Archiving is starting (BEGINNING); it becomes DOING by itself. This status refreshes.")
    String archive_beginning();

    @Message("Archiving runs (DOING): backups may start, and point-in-time recovery is possible up to the checkpoint.")
    String archive_doing();

    @Message("Archiving is stopping (STOPPING); it becomes STOP by itself. This status refreshes.")
    String archive_stopping();

    @Message("Archiving is stopped (STOP): OceanBase refuses new backups and point-in-time recovery ends at the last archived log.")
    String archive_stop();

    @Message("Archiving is {status}.")
    String archive_other(String status);

    @Message("checkpoint")
    String archive_checkpoint();

    @Message("The preflight's fix: set the destination below (suggested value filled in), then review and confirm.")
    String setup_fix_dest();

    @Message("The preflight's fix: start log archiving below, then review and confirm.")
    String setup_fix_archive();

    @Message("Confirm the change to {tenant}")
    String setup_review_title(String tenant);

    @Message("Change")
    String setup_change();

    @Message("Now")
    String setup_before();

    @Message("After")
    String setup_after();

    @Message("Statements that will run")
    String setup_statements();

    @Message("What this means")
    String setup_means();

    @Message("Confirm and run")
    String setup_confirm();

    @Message("Back, change nothing")
    String setup_back();

    @Message("The set-up change did not go through")
    String setup_failed();

    @Message("Back to the backup setup")
    String back_to_setup();

    @Message("{#when action}{#is DATA_BACKUP_DEST}Set the data backup destination{#is LOG_ARCHIVE_DEST}Set the log archive destination{#is ARCHIVELOG}Start log archiving{#is NOARCHIVELOG}Stop log archiving{#is DELETE_POLICY}Set the delete policy{#is DROP_DELETE_POLICY}Drop the delete policy{/when}")
    String setup_action(io.obconsole.backup.SetupAction action);

    // ---- backup policies
    @Message("Backup policy of {tenant} on {cluster}")
    String policy_title(String tenant, String cluster);

    @Message("Backup policy")
    String policy_link();

    @Message("A policy runs this tenant's backups on schedule, through the same preflight, audit and live progress as a "
            + "backup you start yourself, on behalf of its owner. A slot whose preflight fails, or that finds a backup "
            + "running, is skipped and listed below with the reason.")
    String policy_intro();

    @Message("This tenant has no backup policy yet.")
    String policy_none();

    @Message("Paused: nothing runs until the policy is resumed.")
    String policy_paused();

    @Message("Owner")
    String policy_owner();

    @Message("Full backups")
    String policy_full();

    @Message("Incremental backups")
    String policy_incremental();

    @Message("not scheduled")
    String policy_not_scheduled();

    @Message("Time zone")
    String policy_zone();

    @Message("Encryption password from secret")
    String policy_secret();

    @Message("Next runs (your time)")
    String policy_next_runs();

    @Message("None while the policy is paused: resume it to schedule its backups again.")
    String policy_next_runs_paused();

    @Message("Runs")
    String policy_runs();

    @Message("No runs yet.")
    String policy_no_runs();

    @Message("Slot")
    String policy_slot();

    @Message("Type")
    String policy_type();

    @Message("Outcome")
    String policy_outcome();

    @Message("Reason")
    String policy_reason();

    @Message("Jobs")
    String policy_jobs();

    @Message("starting")
    String policy_starting();

    @Message("Days")
    String policy_days();

    @Message("At (HH:MM)")
    String policy_time();

    @Message("or a Quartz cron expression (seconds first), e.g. 0 0 2 ? * *")
    String policy_cron();

    @Message("Backup concurrency (0-100, empty = leave as is)")
    String policy_concurrency();

    @Message("PLUS ARCHIVELOG (full backups)")
    String policy_plus_archivelog();

    @Message("Description ({|{policy}, {type} and {slot}|} are filled in)")
    String policy_description();

    @Message("Name of the secret holding the encryption password (empty = not encrypted)")
    String policy_secret_hint();

    @Message("Recovery-point objective")
    String policy_objective();

    @Message("not set by the policy (the cluster’s default applies)")
    String policy_objective_none();

    @Message("The objective this policy sets for {#if tenant == '*'}every tenant of the cluster that has no policy of its own{#else}the tenant{/if}: "
            + "ISO-8601 durations such as PT12H, P1D, P7D; empty keeps the cluster’s default; PT0S means no objective for "
            + "that figure. A tenant’s own objective, set by an admin on its page, still wins.")
    String policy_objective_help(String tenant);

    @Message("Save policy")
    String policy_save();

    @Message("Pause")
    String policy_pause();

    @Message("Resume")
    String policy_resume();

    @Message("Delete policy")
    String policy_delete();

    @Message("Policy saved.")
    String flash_policy_saved();

    @Message("Policy paused.")
    String flash_policy_paused();

    @Message("Policy resumed.")
    String flash_policy_resumed();

    @Message("Policy deleted.")
    String flash_policy_deleted();

    @Message("Objective saved.")
    String flash_objective_saved();

    // ---- restores (issue 21)

    @Message("OceanBase accepted the restore; it creates the tenant, then restores data and replays the log.")
    String flash_restore_started();

    @Message("OceanBase cancelled the restore: it dropped the tenant being restored and kept its pools.")
    String flash_restore_canceled();

    @Message("restore operator")
    String role_restore_operator();
}
