package io.obconsole.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** The overview's words for a large fleet (templates: {@code omsg:key}), a bundle of their own beside {@code msg}. */
@MessageBundle("omsg")
public interface OverviewMessages {

    @Message("Tenants by state")
    String counts_label();

    @Message("{#when health}{#is UNREACHABLE}Unreachable{#is BREACHED}Objective breached{#is FAILED}Backup failed{#is DRILL_FAILED}Drill failed"
            + "{#is STALLED}Stalled{#is WARNING}Warning{#else}Healthy{/when}")
    String state(TenantHealth health);

    @Message("Find and filter")
    String filters();

    @Message("Cluster or tenant name (or cluster/tenant)")
    String search_label();

    @Message("State")
    String state_label();

    @Message("Any")
    String any();

    @Message("Show")
    String apply();

    @Message("Clear")
    String clear();

    @Message("No cluster or tenant matches this search and filter.")
    String nothing_matches();

    @Message("{count} {#if count == 1}tenant{#else}tenants{/if}, folded: nothing here needs anyone now.")
    String folded(int count);

    @Message("Show its tenants")
    String open();
}
