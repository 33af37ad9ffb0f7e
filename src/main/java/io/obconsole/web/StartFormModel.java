package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.backup.BackupService;
import io.obconsole.backup.PreflightReport;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterStatus;
import io.obconsole.cluster.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the start form for a reader: only what they may act on, with the preflight already filled in. */
@ApplicationScoped
public class StartFormModel {

    @Inject
    ClusterGateway gateway;

    @Inject
    PageAccess access;

    @Inject
    BackupService backups;

    StartForm of(Operator who, BackupForm typed) {
        List<String> clusters = gateway.clusters().stream().filter(c -> access.canOperateInCluster(who, c)).toList();
        String cluster = typed.cluster() != null && clusters.contains(typed.cluster()) ? typed.cluster()
                : clusters.isEmpty() ? null : clusters.get(0);
        BackupForm form = new BackupForm(cluster, typed.tenants(), typed.allTenants(), typed.type(), typed.concurrency(),
                typed.plusArchivelog(), typed.description(), typed.acknowledge());
        if (cluster == null) {
            return new StartForm(form, clusters, List.of(), false, null, null, null, Map.of());
        }
        ClusterStatus status = gateway.status(cluster);
        if (status instanceof ClusterStatus.Unreachable unreachable) {
            return new StartForm(form, clusters, List.of(), false, unreachable.reason(), null, null, Map.of());
        }
        List<TenantState> offered = ((ClusterStatus.Reachable) status).snapshot().tenants().stream()
                .filter(t -> access.canOperate(who, cluster, t.name())).toList();
        List<String> tenants = offered.stream().map(TenantState::name).toList();
        Map<String, Integer> concurrencyNow = new LinkedHashMap<>();
        offered.forEach(t -> concurrencyNow.put(t.name(), t.threadScore()));
        boolean canAll = access.canOperateAllTenants(who, cluster);
        List<String> chosen = form.tenants().stream().filter(tenants::contains).toList();
        form = new BackupForm(cluster, chosen, form.allTenants() && canAll, form.type(), form.concurrency(),
                form.plusArchivelog(), form.description(), form.acknowledge());
        PreflightReport report = null;
        String error = null;
        if (form.allTenants() || !chosen.isEmpty()) {
            try {
                report = backups.preflight(who, form.forPreflight());
            } catch (RuntimeException e) {
                error = e.getMessage();
            }
        }
        return new StartForm(form, clusters, tenants, canAll, null, report, error, concurrencyNow);
    }
}
