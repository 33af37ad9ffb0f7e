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
import io.obconsole.fleet.JobEnd;
import io.obconsole.fleet.FleetView.VisibleCluster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.obconsole.alert.ObjectiveBoard;
import io.obconsole.drill.DrillService;
import io.obconsole.alert.ObjectiveState;
import io.obconsole.alert.TenantObjective;
import io.obconsole.web.ClusterView.StateCount;

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

    @Inject
    ObjectiveBoard board;

    @Inject
    DrillService drills;

    /**
     * The overview of one view: the clusters with tenants the search and the filter keep, worst
     * first (unreachable, breached, failed, stalled, then the rest); when more than
     * {@link WebConfig#overviewRows()} rows would show, the clusters that need no one are folded to
     * a line with their counts (those the view opened aside). Counts per state at the top are of
     * the tenants the search finds, whatever the filter.
     */
    public OverviewPage page(Operator who, OverviewQuery query) {
        Map<TenantHealth, Integer> counts = new EnumMap<>(TenantHealth.class);
        List<ClusterView> found = new ArrayList<>();
        for (ClusterView cluster : clusters(who)) {
            boolean named = query.matchesCluster(cluster.name());
            List<TenantRow> matching = cluster.tenants().stream().filter(r -> named || query.search().isEmpty()
                    || query.matchesTenant(cluster.name(), r.name())).toList();
            if (!named && !query.search().isEmpty() && matching.isEmpty()) {
                continue;
            }
            matching.forEach(r -> counts.merge(r.health(), 1, Integer::sum));
            List<TenantRow> rows = query.state() == null ? matching
                    : matching.stream().filter(r -> r.health() == query.state()).toList();
            // a cluster never read has no rows: it stays when the filter asks for its state
            boolean kept = query.state() == null || !rows.isEmpty()
                    || cluster.tenants().isEmpty() && query.state() == cluster.health();
            if (kept) {
                found.add(cluster.showing(rows, rows.size() == cluster.tenants().size(), counts(rows, query)));
            }
        }
        boolean fold = found.stream().mapToInt(c -> c.tenants().size()).sum() > config.overviewRows();
        List<ClusterView> shown = new ArrayList<>();
        List<ClusterView> folded = new ArrayList<>();
        for (ClusterView cluster : found) {
            if (fold && !cluster.health().needsSomeone() && !query.open().contains(cluster.name())) {
                folded.add(cluster.folded(query.opening(cluster.name())));
            } else {
                shown.add(cluster);
            }
        }
        List<StateCount> top = new ArrayList<>();
        for (TenantHealth health : TenantHealth.values()) {
            top.add(new StateCount(health, counts.getOrDefault(health, 0),
                    query.withState(health == query.state() ? null : health), health == query.state()));
        }
        shown.addAll(folded);
        Set<String> rows = OverviewPage.shown(shown);
        return new OverviewPage(query, top, shown, OverviewPage.watch(shown),
                board.visible(who, null).stream().filter(o -> rows.contains(o.cluster() + "/" + o.tenant())).toList());
    }

    private static List<StateCount> counts(List<TenantRow> rows, OverviewQuery query) {
        Map<TenantHealth, Integer> counts = new EnumMap<>(TenantHealth.class);
        rows.forEach(r -> counts.merge(r.health(), 1, Integer::sum));
        return counts.entrySet().stream().map(e -> new StateCount(e.getKey(), e.getValue(), query.withState(e.getKey()),
                e.getKey() == query.state())).toList();
    }

    /** Every cluster the reader may see, the worst first, tenants likewise. */
    List<ClusterView> clusters(Operator who) {
        Map<String, TenantObjective> objectives = new HashMap<>();
        board.all().forEach(o -> objectives.put(o.cluster() + "/" + o.tenant(), o));
        Set<String> drillsFailed = drills.lastFailed();
        return fleet.clusters(who).stream().map(visible -> view(who, visible, objectives, drillsFailed))
                .sorted(Comparator.comparing(ClusterView::health)
                        .thenComparing(Comparator.comparingInt(ClusterView::severity).reversed())).toList();
    }

    ClusterView view(Operator who, VisibleCluster visible) {
        // the jobs page asks for clusters without their tenants: no drill standings to read for them
        return view(who, visible, Map.of(), visible.tenants().isEmpty() ? Set.of() : drills.lastFailed());
    }

    private ClusterView view(Operator who, VisibleCluster visible, Map<String, TenantObjective> objectives,
            Set<String> drillsFailed) {
        ClusterState state = visible.state();
        String reason = state.problem() != null ? state.problem().reason() : state.read() ? null : msg.not_read_yet();
        List<TenantRow> rows = new ArrayList<>();
        if (state.read()) {
            for (TenantState tenant : visible.tenants()) {
                String key = state.cluster() + "/" + tenant.name();
                rows.add(row(who, state, tenant, objectives.get(key), drillsFailed.contains(key)));
            }
            rows.sort(Comparator.comparing(TenantRow::health)
                    .thenComparing(Comparator.comparingInt((TenantRow r) -> r.severity()).reversed()));
        }
        int severity = reason != null ? 3 : rows.stream().mapToInt(r -> r.severity()).max().orElse(0);
        TenantHealth health = !state.reachable() ? TenantHealth.UNREACHABLE
                : !state.read() ? TenantHealth.WARNING
                : rows.stream().map(TenantRow::health).reduce(TenantHealth.HEALTHY, TenantHealth::worse);
        return new ClusterView(state.cluster(), reason == null, reason, state.version(), rows, readAgo(state), severity,
                health, true, List.of(), null);
    }

    /** How long ago the older of the cluster's two reads happened, in words; null before any. */
    String readAgo(ClusterState state) {
        Instant read = state.oldestRead();
        return read == null ? null : Formats.human(Duration.between(read, Instant.now()));
    }

    TenantRow row(Operator who, ClusterState state, TenantState tenant) {
        return row(who, state, tenant, board.of(state.cluster(), tenant.name()).orElse(null),
                drills.lastFailed().contains(state.cluster() + "/" + tenant.name()));
    }

    private TenantRow row(Operator who, ClusterState state, TenantState tenant, TenantObjective objective,
            boolean drillFailed) {
        List<JobView> running = state.running().stream().filter(job -> job.job().tenantId() == tenant.tenant().id())
                .map(job -> JobView.of(job, state.clusterNow(), explanations)).toList();
        Freshness full = Freshness.of(age(tenant.lastFull()), config.fullAmberAfter(), config.fullRedAfter());
        Freshness inc = Freshness.of(age(tenant.lastInc()), config.incAmberAfter(), config.incRedAfter());
        List<TenantRow.Badge> badges = badges(state, tenant);
        TenantHealth health = health(state, tenant, objective, running, drillFailed,
                TenantRow.severity(full, inc, badges));
        return new TenantRow(state.cluster(), tenant, full, inc, running, badges,
                access.canOperate(who, state.cluster(), tenant.name()),
                RecoverableWindowSection.of(state, tenant.tenant().id(), msg, false), health);
    }

    /**
     * The tenant's state on the overview: its cluster, then its objectives, its newest ended backup,
     * its last drill, its running backups.
     */
    private TenantHealth health(ClusterState state, TenantState tenant, TenantObjective objective, List<JobView> running,
            boolean drillFailed, int severity) {
        if (!state.reachable()) {
            return TenantHealth.UNREACHABLE;
        }
        if (objective != null && objective.state() == ObjectiveState.BREACHED) {
            return TenantHealth.BREACHED;
        }
        boolean failed = state.jobs().stream().filter(j -> !j.running() && j.job().tenantId() == tenant.tenant().id())
                .findFirst().map(j -> JobEnd.of(j.status().name(), j.job().result(), j.job().comment()).failed())
                .orElse(false);
        if (failed) {
            return TenantHealth.FAILED;
        }
        if (drillFailed) {
            return TenantHealth.DRILL_FAILED;
        }
        if (running.stream().anyMatch(job -> job.progress().stalled())) {
            return TenantHealth.STALLED;
        }
        return severity > 0 || objective != null && objective.state() != ObjectiveState.OK ? TenantHealth.WARNING
                : TenantHealth.HEALTHY;
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
