package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.backup.BackupType;
import io.obconsole.backup.Preflight;
import io.obconsole.backup.PreflightFinding;
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

    @Inject
    Preflight preflight;

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
                running, badges(snapshot, tenant), access.canOperate(who, snapshot.cluster(), tenant.name()));
    }

    /**
     * The backup service's own preflight of the tenant, as badges: asked as for an INCREMENTAL
     * backup, so a missing FULL shows as a warning too.
     */
    List<TenantRow.Badge> badges(ClusterSnapshot snapshot, TenantState tenant) {
        var dialect = gateway.dialect(snapshot.cluster());
        var name = dialect.tenant(tenant.name(), snapshot.tenantNames());
        var report = preflight.check(snapshot, dialect, List.of(name), false, BackupType.INCREMENTAL, false);
        List<TenantRow.Badge> badges = new ArrayList<>();
        for (PreflightFinding finding : report.findings()) {
            badges.add(new TenantRow.Badge(msg.badge(finding.check()), !finding.blocking(), finding.problem(),
                    SetupFixes.setupFix(finding, snapshot.cluster())));
        }
        if (badges.isEmpty()) {
            badges.add(new TenantRow.Badge(msg.badge_ready(), true, null, null));
        }
        return badges;
    }

    private static java.time.Duration age(BackupSet set) {
        return set == null ? null : set.age();
    }
}
