package io.obconsole.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The restore pages' words (templates: {@code rmsg:key}), a bundle of their own beside {@code msg}. */
@MessageBundle("rmsg")
public interface RestoreMessages {

    @Message("Restore a tenant")
    String restore_title();

    @Message("Restore")
    String restore_link();

    @Message("Restore from (a tenant you may see)")
    String restore_source();

    @Message("Restore from")
    String restore_source_legend();

    @Message("A backup's destination URIs (e.g. of a tenant that no longer exists, backed up on any cluster)")
    String restore_source_uris();

    @Message("Data backup destination URI")
    String restore_data_uri();

    @Message("Log archive destination URI")
    String restore_archive_uri();

    @Message("Storage keys in the URIs (access_key=...) are never stored or shown. The target cluster checks the point with RESTORE PREVIEW (OceanBase 4.2.3 and later 4.2, 4.3.2 and later) before anything runs: give a time or an SCN, and choose an existing free pool.")
    String restore_uris_hint();

    @Message("Into cluster")
    String restore_target();

    @Message("New tenant's name")
    String restore_new_tenant();

    @Message("Resource pool")
    String restore_pool();

    @Message("An existing free pool")
    String restore_pool_existing();

    @Message("Create a unit and pool sized like the source's")
    String restore_pool_create();

    @Message("New pool")
    String restore_new_pool();

    @Message("New unit")
    String restore_new_unit();

    @Message("Restore point")
    String restore_point();

    @Message("The latest restorable point")
    String restore_point_latest();

    @Message("A time, in your zone (UTC beside it)")
    String restore_point_time();

    @Message("No free pool on {cluster}: create a unit and pool instead.")
    String restore_no_free_pool(String cluster);

    @Message("Your time zone")
    String restore_zone();

    @Message("An SCN")
    String restore_point_scn();

    @Message("Backup passwords, if the backup is encrypted (full backup's first; never stored or shown)")
    String restore_passwords();

    @Message("Restore concurrency (0-100; empty: the tenant's MAX_CPU)")
    String restore_concurrency();

    @Message("Review the restore")
    String restore_review_button();

    @Message("Review the restore")
    String restore_review_title();

    @Message("Nothing has run yet. These statements run in this order when you confirm (passwords masked):")
    String restore_review_intro();

    @Message("Restore point")
    String restore_review_point();

    @Message("To confirm, type the new tenant's name")
    String restore_confirm_label();

    @Message("Confirm and restore")
    String restore_confirm();

    @Message("Restore…")
    String restore_from_tenant();

    @Message("Restore into this tenant")
    String tenant_restores_title();

    @Message("Restores")
    String restores_title();

    @Message("No restore in view.")
    String no_restores();

    @Message("Data")
    String col_data();

    @Message("Log replay")
    String col_log();

    @Message("Rate")
    String col_rate();

    @Message("ETA")
    String col_eta();

    @Message("Cancel a restore")
    String restore_cancel_title();

    @Message("OceanBase drops the tenant {tenant} on {cluster} while it is being restored (ALTER SYSTEM CANCEL RESTORE); its resource pools are kept for another restore. The restore cannot be resumed.")
    String restore_cancel_effect(String tenant, String cluster);

    @Message("To confirm, type the tenant's name")
    String restore_cancel_label();

    @Message("Cancel the restore and drop the tenant")
    String restore_cancel_button();

    @Message("Activate a restored tenant")
    String restore_activate_title();

    @Message("ALTER SYSTEM ACTIVATE STANDBY TENANT makes the STANDBY {tenant} on {cluster} a PRIMARY that takes writes. It cannot be undone.")
    String restore_activate_effect(String tenant, String cluster);

    @Message("TENANT_ROLE now")
    String restore_role_now();

    @Message("TENANT_ROLE before")
    String restore_role_before();

    @Message("TENANT_ROLE after")
    String restore_role_after();

    @Message("Activate")
    String restore_activate_button();

    @Message("Restore drills")
    String drills_title();

    @Message("The last drill failed")
    String drills_last_failed();
}
