package io.obconsole.progress;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watchers who may see exactly the same jobs (same roles, same scopes), so each change is
 * filtered, rendered and written as JSON once per audience rather than once per socket. What one of them
 * may see is asked of {@link Permissions} and remembered per tenant.
 */
final class Audience {

    final Key key;
    private final Operator operator;
    private final Permissions permissions;
    private final Map<String, Boolean> visible = new ConcurrentHashMap<>();
    private final Map<String, Boolean> operable = new ConcurrentHashMap<>();
    /** Open sockets of this audience, counted by the hub under its lock (it lets the audience go at zero). */
    int watchers;

    private final Watch watch;

    Audience(Operator operator, Permissions permissions, Watch watch) {
        this.key = key(operator, watch);
        this.operator = operator;
        this.permissions = permissions;
        this.watch = watch;
    }

    /**
     * Who shares an audience: {@link Permissions} decides by roles and scopes, not by name; and
     * the page decides what it shows (the readers of the same overview view share one).
     */
    static Key key(Operator operator, Watch watch) {
        return new Key(Set.copyOf(operator.roles()), List.copyOf(operator.scopes()), watch);
    }

    boolean mayView(JobProgress job) {
        return mayView(job.cluster(), job.tenant());
    }

    /** Whether the page shows the tenant and its person may see it. */
    boolean mayView(String cluster, String tenant) {
        return watch.covers(cluster, tenant) && visible.computeIfAbsent(cluster + "/" + tenant, k -> permissions.canView(operator, cluster, tenant));
    }

    /** Whether this audience may cancel the job (its rows then carry a Cancel button while it runs); for a restore, restore. */
    boolean mayOperate(JobProgress job) {
        if (job.kind() == JobProgress.Kind.RESTORE) {
            return operable.computeIfAbsent("restore:" + job.cluster() + "/" + job.tenant(),
                    k -> permissions.canRestore(operator, job.cluster(), job.tenant()));
        }
        return operable.computeIfAbsent(job.cluster() + "/" + job.tenant(),
                k -> permissions.canOperate(operator, job.cluster(), job.tenant()));
    }

    List<JobProgress> filter(List<JobProgress> jobs) {
        return jobs.stream().filter(this::mayView).toList();
    }

    record Key(Set<String> roles, List<String> scopes, Watch watch) {
    }
}
