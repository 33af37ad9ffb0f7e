package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.ClusterStatus;
import io.obconsole.cluster.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/** Reads every cluster once and keeps, per cluster, only the tenants the reader may see. */
@ApplicationScoped
public class OverviewModel {

    @Inject
    ClusterGateway gateway;

    @Inject
    PageAccess access;

    @Inject
    WebConfig config;

    @Inject
    Messages msg;

    @Inject
    FailureExplanations explanations;

    public List<ClusterView> clusters(Operator who) {
        List<ClusterView> views = new ArrayList<>();
        for (ClusterStatus status : gateway.overview()) {
            if (status instanceof ClusterStatus.Reachable reachable) {
                views.add(reachable(who, reachable.snapshot()));
            } else if (status instanceof ClusterStatus.Unreachable unreachable) {
                views.add(new ClusterView(unreachable.cluster(), false, unreachable.reason(), null, List.of()));
            }
        }
        return views;
    }

    ClusterView reachable(Operator who, ClusterSnapshot snapshot) {
        List<TenantRow> rows = new ArrayList<>();
        for (TenantState tenant : snapshot.tenants()) {
            if (access.canView(who, snapshot.cluster(), tenant.name())) {
                rows.add(row(who, snapshot, tenant));
            }
        }
        return new ClusterView(snapshot.cluster(), true, null, snapshot.version(), rows);
    }

    TenantRow row(Operator who, ClusterSnapshot snapshot, TenantState tenant) {
        List<JobView> running = tenant.running().stream()
                .map(job -> JobView.of(snapshot.cluster(), job, snapshot.clusterNow(), explanations.of(job.result())))
                .toList();
        return new TenantRow(snapshot.cluster(), tenant,
                Freshness.of(age(tenant.lastFull()), config.fullAmberAfter(), config.fullRedAfter()),
                Freshness.of(age(tenant.lastInc()), config.incAmberAfter(), config.incRedAfter()),
                running, badges(tenant), access.canOperate(who, snapshot.cluster(), tenant.name()));
    }

    /** The facts a backup needs, shown before anyone tries one. */
    List<TenantRow.Badge> badges(TenantState tenant) {
        List<TenantRow.Badge> badges = new ArrayList<>();
        badges.add(tenant.tenant().normal() ? new TenantRow.Badge(msg.badge_tenant_normal(), true)
                : new TenantRow.Badge(msg.badge_tenant_not_normal(tenant.tenant().status()), false));
        badges.add(tenant.archive().doing() ? new TenantRow.Badge(msg.badge_archive_doing(), true)
                : new TenantRow.Badge(msg.badge_archive_not_doing(tenant.archive().status()), false));
        badges.add(tenant.backupDestSet() ? new TenantRow.Badge(msg.badge_dest_set(), true)
                : new TenantRow.Badge(msg.badge_dest_missing(), false));
        if (!tenant.running().isEmpty()) {
            badges.add(new TenantRow.Badge(msg.badge_backup_running(), false));
        }
        return badges;
    }

    private static java.time.Duration age(BackupSet set) {
        return set == null ? null : set.age();
    }
}
