package io.obconsole.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The words of the recovery-point and alert pages (templates use {@code amsg:key}); a bundle of its own to keep lanes apart. */
@MessageBundle("amsg")
public interface AlertMessages {

    @Message("Alerts")
    String nav_alerts();

    // ---- recovery points (overview and tenant page)
    @Message("Recovery points, worst first")
    String rp_title();

    @Message("Each tenant against its recovery-point objective: the newest moment it can be restored to and how far that is from the objective.")
    String rp_intro();

    @Message("No tenant evaluated yet; the first round runs shortly after the console starts.")
    String rp_none();

    @Message("Tenant")
    String col_tenant();

    @Message("Objective")
    String col_state();

    @Message("Recovery point")
    String col_point();

    @Message("Distance to objective")
    String col_distance();

    @Message("Why")
    String col_reason();

    @Message("{#when state}{#is 'OK'}OK{#is 'AT_RISK'}At risk{#else}Breached{/when}")
    String state(String state);

    @Message("{#when source}{#is 'ARCHIVE'}archive checkpoint{#else}end of the last good backup set{/when}")
    String source(String source);

    @Message("Objectives")
    String objective_title();

    @Message("Recovery-point timeline (30 days)")
    String timeline_title();

    @Message("Not evaluated yet.")
    String objective_pending();

    @Message("Newest good backup at most")
    String max_backup_age();

    @Message("Newest good FULL at most")
    String max_full_age();

    @Message("Log archive at most behind")
    String max_archive_lag();

    @Message("Restore of the last proven drill at most")
    String max_restore_time();

    @Message("Proven restorable by a drill within")
    String proven_within();

    @Message("Objective from")
    String objective_from();

    @Message("{#when origin}{#is 'tenant'}this tenant’s own setting{#is 'policy'}its backup policy{#is 'cluster'}the cluster’s configuration{#else}the console’s configuration{/when}")
    String origin(String origin);

    @Message("Change this tenant’s objective")
    String objective_edit();

    @Message("ISO-8601 durations such as PT12H, P1D, P7D; empty keeps the default; PT0S means no objective for that figure. All empty removes the tenant’s own setting.")
    String objective_help();

    @Message("Save objective")
    String objective_save();

    @Message("The objective was not saved: {reason}")
    String objective_rejected(String reason);

    @Message("backup sets")
    String legend_sets();

    @Message("FULL")
    String legend_full();

    @Message("INCREMENTAL")
    String legend_inc();

    @Message("failed")
    String legend_failed();

    @Message("archive DOING")
    String legend_doing();

    @Message("archive gap")
    String legend_gap();

    @Message("objective")
    String legend_limit();

    @Message("age of the recovery point")
    String axis_age();

    // ---- channels
    @Message("Alert channels")
    String channels_title();

    @Message("Where alerts go. A webhook is signed with HMAC-SHA256 using a key from the console’s configuration (chosen here by name; the key is never stored or shown). A DingTalk channel posts to a custom robot’s incoming webhook.")
    String channels_intro();

    @Message("No channel yet.")
    String channels_none();

    @Message("Name")
    String col_name();

    @Message("Format")
    String col_format();

    @Message("Receiver")
    String col_url();

    @Message("Clusters / tenants")
    String col_routes();

    @Message("Events")
    String col_kinds();

    @Message("every kind")
    String all_kinds();

    @Message("Enabled")
    String col_enabled();

    @Message("New channel")
    String channel_new();

    @Message("Channel {name}")
    String channel_title(String name);

    @Message("Receiver URL")
    String field_url();

    @Message("Signing key name")
    String field_key();

    @Message("none (DingTalk without signing only)")
    String key_none();

    @Message("{name} (not configured)")
    String key_missing(String name);

    @Message("A webhook is always signed: pick the key its receiver checks. A DingTalk robot: none, or the key that holds its “sign” secret.")
    String key_hint();

    @Message("No signing key is configured (console.alerts.keys.<name>): a webhook channel cannot be saved until one is; a DingTalk channel can, unsigned.")
    String key_hint_none_configured();

    @Message("{#when format}{#is 'WEBHOOK'}Webhook (signed JSON){#is 'DINGTALK'}DingTalk robot{#else}{format}{/when}")
    String format(String format);

    @Message("Secret parts of the address show as ***. Leave it as it is to keep the stored address, or type the whole new one.")
    String field_url_hint();

    @Message("Cluster pattern (* and ? wildcards)")
    String field_clusters();

    @Message("Tenant pattern (* and ? wildcards)")
    String field_tenants();

    @Message("Event kinds (none ticked: every kind)")
    String field_kinds();

    @Message("Send alerts to this channel")
    String field_enabled();

    @Message("Create channel")
    String create();

    @Message("Save channel")
    String save();

    @Message("Delete channel")
    String delete();

    @Message("Delete channel {name}?")
    String delete_title(String name);

    @Message("Channel {name} ({url}) will receive no more alerts, and its page with its delivery log goes. This cannot be undone.")
    String delete_question(String name, String url);

    @Message("Keep the channel")
    String delete_keep();

    @Message("Send a test")
    String test();

    @Message("Delivery log")
    String log_title();

    @Message("Nothing sent yet.")
    String log_none();

    @Message("{#when outcome}{#is 'SENT'}Sent{#is 'RETRIED'}Not delivered, will retry{#is 'GAVE_UP'}Gave up{#is 'HELD'}Held by grouping{#is 'NOT_SENT'}Not sent{#is 'TEST_SENT'}Test sent{#is 'TEST_FAILED'}Test not delivered{#else}{outcome}{/when}")
    String outcome(String outcome);

    @Message("until")
    String held_until();

    @Message("next attempt")
    String retry_at();

    @Message("{count} held")
    String held_badge(int count);

    @Message("Grouping holds these messages back: the condition came back within the group window after its recovery was sent. Each goes at the time shown if its condition still holds then, and is logged as not sent if it has cleared. A recovery-point objective’s breach is never held.")
    String held_intro();

    @Message("goes at")
    String held_goes();

    @Message("When")
    String col_when();

    @Message("Event")
    String col_event();

    @Message("Outcome")
    String col_outcome();

    @Message("Attempt")
    String col_attempt();

    @Message("Receiver status")
    String col_status();

    @Message("Detail")
    String col_detail();

    @Message("Instance")
    String col_instance();

    @Message("{#when key}{#is 'created'}Channel created.{#is 'saved'}Channel saved.{#is 'deleted'}Channel deleted.{#is 'test-sent'}Test sent: the receiver accepted it.{#is 'test-failed'}Test not delivered: see the delivery log.{/when}")
    String flash(String key);

    @Message("The channel was not saved: {reason}")
    String rejected(String reason);
}
