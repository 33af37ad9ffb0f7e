package io.obconsole.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The restore drill pages' words (templates: {@code dmsg:key}), a bundle of their own beside {@code msg}. */
@MessageBundle("dmsg")
public interface DrillMessages {

    @Message("Drills")
    String nav_drills();

    @Message("Restore drill policies")
    String list_title();

    @Message("A drill restores a tenant's backup into a scratch tenant on the drill cluster, checks it, measures how "
            + "long the restore took and drops the scratch tenant again: proof that the backups restore. Admins "
            + "manage drill policies; everyone reads them.")
    String list_intro();

    @Message("No drill policy yet: no tenant's backups are proven restorable on a schedule.")
    String list_none();

    @Message("New drill policy")
    String new_policy();

    @Message("Tenant")
    String col_tenant();

    @Message("Schedule")
    String col_schedule();

    @Message("Drill cluster and pool")
    String col_where();

    @Message("Point")
    String col_point();

    @Message("Time limit")
    String col_limit();

    @Message("Next drill")
    String col_next();

    @Message("Owner")
    String col_owner();

    @Message("{cluster} › every tenant (*)")
    String target_all(String cluster);

    @Message("Restore drills of {tenant} on {cluster}")
    String policy_title(String tenant, String cluster);

    @Message("New restore drill policy")
    String create_title();

    @Message("{tenant} has no drill policy.")
    String policy_none(String tenant);

    @Message("Tenant to drill")
    String field_target();

    @Message("Schedule")
    String field_schedule();

    @Message("Drill cluster (where the scratch tenant is restored)")
    String field_cluster();

    @Message("Free resource pool (empty: each drill creates its own unit and pool, sized like the tenant's)")
    String field_pool();

    @Message("Point to restore")
    String field_point();

    @Message("The latest point of the recoverable window")
    String point_latest();

    @Message("A random point inside the recoverable window (exercises older sets and the archive)")
    String point_random();

    @Message("Decryption secret's name (empty: the backups are not encrypted)")
    String field_secret();

    @Message("Restore concurrency (0-100, empty: OceanBase's default)")
    String field_concurrency();

    @Message("Time limit in minutes (the drill is stopped and failed after it)")
    String field_limit();

    @Message("Save drill policy")
    String save();

    @Message("Paused")
    String paused();

    @Message("Pause")
    String pause();

    @Message("Resume")
    String resume();

    @Message("Run now")
    String run_now();

    @Message("Delete…")
    String delete();

    @Message("Delete the drill policy")
    String delete_confirm();

    @Message("Keep it")
    String delete_keep();

    @Message("Delete the restore drill policy of {tenant} on {cluster}?")
    String delete_title(String tenant, String cluster);

    @Message("No more drills will run for {tenant} on {cluster}. The drills it ran stay in the tenant's history.")
    String delete_question(String tenant, String cluster);

    @Message("created per drill")
    String pool_per_drill();

    @Message("none")
    String none();

    @Message("{minutes} min")
    String minutes(long minutes);

    @Message("paused")
    String next_paused();

    @Message("The drill policy is saved.")
    String flash_saved();

    @Message("The drill policy is paused.")
    String flash_paused();

    @Message("The drill policy is resumed.")
    String flash_resumed();

    @Message("The drill policy is deleted.")
    String flash_deleted();

    @Message("The drill is started; it is watched here live to its end.")
    String flash_started();

    @Message("Drill policy")
    String policy_link();

    // ---- the drills' history and chart

    @Message("Drills")
    String history_title();

    @Message("No drill has run yet.")
    String history_none();

    @Message("Started")
    String col_started();

    @Message("State")
    String col_state();

    @Message("Point restored")
    String col_point_restored();

    @Message("Restore took")
    String col_restore_took();

    @Message("Drill took")
    String col_drill_took();

    @Message("Backup size")
    String col_size();

    @Message("What was checked, and why it failed")
    String col_checks();

    @Message("{age} old")
    String point_age(String age);

    @Message("scratch tenant {tenant} on {cluster}")
    String scratch(String tenant, String cluster);

    @Message("Restore time against backup size")
    String chart_title();

    @Message("No drill has measured a restore with its size yet.")
    String chart_empty();

    @Message("backup size")
    String chart_size_axis();

    @Message("restore time")
    String chart_time_axis();

    @Message("{count} drill restores: the longest took {maxTime}, the largest read {maxSize}.")
    String chart_caption(int count, String maxTime, String maxSize);

    @Message("proven")
    String legend_proven();

    @Message("failed")
    String legend_failed();

    // ---- the overview's column

    @Message("Proven restorable")
    String col_proven();

    @Message("never")
    String never();

    @Message("no drill policy")
    String no_policy();

    @Message("drilling now: {state}")
    String drilling(io.obconsole.drill.DrillState state);
}
