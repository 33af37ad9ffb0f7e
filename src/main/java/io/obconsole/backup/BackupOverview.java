package io.obconsole.backup;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.cluster.BackupJob;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterSnapshot;
import io.obconsole.cluster.ClusterStatus;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.TenantState;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What an operator may see of the clusters: their tenants with backup state and their jobs,
 * cut down to the operator's view scope. Pages and the API read through it alike.
 */
@ApplicationScoped
public class BackupOverview {

    private static final int HISTORY = 200;

    private final ClusterGateway gateway;
    private final Permissions permissions;

    public BackupOverview(ClusterGateway gateway, Permissions permissions) {
        this.gateway = gateway;
        this.permissions = permissions;
    }

    /** Every cluster (names are not secret), reachable or not, with only the tenants {@code who} may view. */
    public List<ClusterStatus> clusters(Operator who) {
        return gateway.overview().stream().map(status -> status instanceof ClusterStatus.Reachable up
                ? new ClusterStatus.Reachable(up.cluster(), visible(who, up.snapshot())) : status).toList();
    }

    /** One cluster's visible tenants; {@link ClusterUnreachableException} when it does not answer. */
    public ClusterSnapshot tenants(Operator who, String cluster) {
        return visible(who, gateway.snapshot(cluster));
    }

    /** Running and recent jobs of the visible tenants, newest first, and which clusters could not be read. */
    public JobList jobs(Operator who, JobFilter filter) {
        List<ClusterJob> jobs = new ArrayList<>();
        List<ClusterStatus.Unreachable> unreachable = new ArrayList<>();
        List<String> clusters = filter.cluster() == null ? List.copyOf(gateway.clusters()) : List.of(filter.cluster());
        for (String cluster : clusters) {
            gateway.settings(cluster);
            try {
                gateway.jobs(cluster, HISTORY).stream()
                        .filter(j -> permissions.canView(who, cluster, j.tenantName()))
                        .filter(j -> matches(filter, j))
                        .forEach(j -> jobs.add(new ClusterJob(cluster, j)));
            } catch (ClusterUnreachableException e) {
                unreachable.add(new ClusterStatus.Unreachable(cluster, e.reason()));
            }
        }
        jobs.sort(Comparator.comparing((ClusterJob j) -> j.job().start(), Comparator.nullsLast(Comparator.reverseOrder())));
        return new JobList(jobs, unreachable);
    }

    private static boolean matches(JobFilter filter, BackupJob job) {
        return (filter.tenant() == null || filter.tenant().equals(job.tenantName()))
                && (filter.type() == null || filter.type().equalsIgnoreCase(job.backupType()))
                && (filter.status() == null || filter.status().equalsIgnoreCase(job.status()))
                && (filter.since() == null || job.start() != null && !job.start().isBefore(filter.since()));
    }

    private ClusterSnapshot visible(Operator who, ClusterSnapshot snapshot) {
        List<TenantState> tenants = snapshot.tenants().stream()
                .filter(t -> permissions.canView(who, snapshot.cluster(), t.name())).toList();
        return new ClusterSnapshot(snapshot.cluster(), snapshot.mode(), snapshot.version(), snapshot.clusterNow(), tenants,
                snapshot.sysJobs());
    }

    /** A job and the cluster it runs on. */
    public record ClusterJob(String cluster, BackupJob job) {
    }

    /** Jobs across clusters, newest first, with the clusters that could not be read. */
    public record JobList(List<ClusterJob> jobs, List<ClusterStatus.Unreachable> unreachable) {
    }
}
