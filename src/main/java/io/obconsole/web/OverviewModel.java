package io.obconsole.web;

import io.obconsole.failure.FailureExplanations;
import io.obconsole.access.Operator;
import io.obconsole.cluster.BackupType;
import io.obconsole.backup.Preflight;
import io.obconsole.backup.PreflightFinding;
import io.obconsole.cluster.BackupSet;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.TenantState;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.FleetView;
import io.obconsole.fleet.FleetView.VisibleCluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The overview from the fleet read model (no cluster is asked): per cluster only the tenants the
 * reader may see, the fleet worst-first, and how fresh each cluster's data is.
 */
@ApplicationScoped
public class OverviewModel {

    @Inject
    FleetView fleet;

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

    /** Every cluster, the worst first (unreachable, then blocked or stale, then warnings), tenants likewise. */
    public List<ClusterView> clusters(Operator who) {
        return fleet.clusters(who).stream().map(visible -> view(who, visible))
                .sorted(Comparator.comparingInt(ClusterView::severity).reversed()).toList();
    }

    ClusterView view(Operator who, VisibleCluster visible) {
        ClusterState state = visible.state();
        String reason = state.problem() != null ? state.problem().reason() : state.read() ? null : msg.not_read_yet();
        List<TenantRow> rows = new ArrayList<>();
        if (state.read()) {
            for (TenantState tenant : visible.tenants()) {
                rows.add(row(who, state, tenant));
            }
            rows.sort(Comparator.comparingInt(TenantRow::severity).reversed());
        }
        int severity = reason != null ? 3 : rows.stream().mapToInt(TenantRow::severity).max().orElse(0);
        return new ClusterView(state.cluster(), reason == null, reason, state.version(), rows, readAgo(state), severity);
    }

    /** How long ago the older of the cluster's two reads happened, in words; null before any. */
    String readAgo(ClusterState state) {
        Instant read = state.oldestRead();
        return read == null ? null : Formats.human(Duration.between(read, Instant.now()));
    }

    TenantRow row(Operator who, ClusterState state, TenantState tenant) {
        List<JobView> running = state.running().stream().filter(job -> job.job().tenantId() == tenant.tenant().id())
                .map(job -> JobView.of(job, state.clusterNow(), explanations)).toList();
        return new TenantRow(state.cluster(), tenant,
                Freshness.of(age(tenant.lastFull()), config.fullAmberAfter(), config.fullRedAfter()),
                Freshness.of(age(tenant.lastInc()), config.incAmberAfter(), config.incRedAfter()),
                running, badges(state, tenant), access.canOperate(who, state.cluster(), tenant.name()),
                RecoverableWindowSection.of(state, tenant.tenant().id(), msg, false));
    }

    /**
     * The backup service's own preflight of the tenant on the fleet's last read, as badges: asked
     * as for an INCREMENTAL backup, so a missing FULL shows as a warning too.
     */
    List<TenantRow.Badge> badges(ClusterState state, TenantState tenant) {
        var snapshot = state.snapshot();
        var dialect = gateway.dialect(state.cluster());
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

    private static Duration age(BackupSet set) {
        return set == null ? null : set.age();
    }
}
