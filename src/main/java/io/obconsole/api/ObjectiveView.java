package io.obconsole.api;

import io.obconsole.alert.Objective;
import io.obconsole.alert.ObjectiveCheck;
import io.obconsole.alert.TenantObjective;
import java.util.List;

/**
 * A tenant against its recovery-point objective, as the API shows it. Durations are ISO-8601;
 * times are cluster time without a zone, as OceanBase reports them.
 *
 * @param secondsToBreach time left before the first limit is passed, negative once passed; null when no time applies
 *                        ({@code distance} says why: no breach due, or it cannot be met as is)
 */
public record ObjectiveView(String cluster, String tenant, String state, List<String> reasons, String recoveryPoint,
        String recoveryPointSource, Long recoveryPointAgeSeconds, Long secondsToBreach, String distance,
        Limits objective, List<Check> checks, String evaluatedAt) {

    /**
     * The limits in force and where they came from (tenant, policy, cluster or default): {@code origin}
     * the most specific source, {@code origins} each figure's.
     */
    public record Limits(String maxBackupAge, String maxFullAge, String maxArchiveLag, String origin, Objective.Origins origins) {
    }

    public record Check(String figure, String state, Long actualSeconds, String limit, String reason) {
    }

    static ObjectiveView of(TenantObjective o) {
        return new ObjectiveView(o.cluster(), o.tenant(), o.state().name(), o.reasons(),
                o.recoveryPoint() == null ? null : o.recoveryPoint().toString(), o.source().name(),
                o.recoveryPointAge() == null ? null : o.recoveryPointAge().getSeconds(),
                o.distance().seconds(), o.distance().words(),
                new Limits(o.objective().maxBackupAge().toString(), o.objective().maxFullAge().toString(),
                        o.objective().maxArchiveLag().toString(), o.objective().origin(), o.objective().origins()),
                o.checks().stream().map(ObjectiveView::check).toList(), o.evaluatedAt().toString());
    }

    private static Check check(ObjectiveCheck c) {
        return new Check(c.figure().name(), c.state().name(), c.actual() == null ? null : c.actual().getSeconds(),
                c.limit().toString(), c.reason());
    }
}
