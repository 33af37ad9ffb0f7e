package io.obconsole.api;

import io.obconsole.alert.Objective;
import io.obconsole.alert.ObjectiveCheck;
import io.obconsole.alert.ObjectiveKind;
import io.obconsole.alert.TenantObjective;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant against its objectives, as the API shows it. Durations are ISO-8601; times are cluster
 * time without a zone, as OceanBase reports them. {@code state}, {@code secondsToBreach} and
 * {@code distance} are over every objective; {@code objectives} gives each one's state:
 * OK, AT_RISK, BREACHED, NO_DATA (a drill objective of a tenant that no drill policy covers and no
 * drill proved) or NONE (no limit set).
 *
 * @param recoveryPoint   the upper end of the tenant's recoverable window; null when there is none, and then
 *                        {@code noRecoveryPoint} says why ("no successful backup set")
 * @param secondsToBreach time left before the first limit is passed, negative once passed; null when no time applies
 *                        ({@code distance} says why: no breach due, or it cannot be met as is)
 */
public record ObjectiveView(String cluster, String tenant, String state, List<String> reasons, String recoveryPoint,
        String recoveryPointSource, String noRecoveryPoint, Long recoveryPointAgeSeconds, Long secondsToBreach, String distance,
        Limits objective, Map<String, String> objectives, List<Check> checks, String evaluatedAt) {

    /**
     * The limits in force and where they came from (tenant, policy, cluster or default): {@code origin}
     * the most specific source, {@code origins} each figure's.
     */
    public record Limits(String maxBackupAge, String maxFullAge, String maxArchiveLag, String maxRestoreTime,
            String provenWithin, String origin, Objective.Origins origins) {
    }

    public record Check(String figure, String state, Long actualSeconds, String limit, String reason) {
    }

    static ObjectiveView of(TenantObjective o) {
        return new ObjectiveView(o.cluster(), o.tenant(), o.state().name(), o.reasons(),
                o.recoveryPoint() == null ? null : o.recoveryPoint().toString(), o.source().name(),
                o.noRecoveryPoint() == null ? null : o.noRecoveryPoint().brief(),
                o.recoveryPointAge() == null ? null : o.recoveryPointAge().getSeconds(),
                o.distance().seconds(), o.distanceWords(),
                new Limits(o.objective().maxBackupAge().toString(), o.objective().maxFullAge().toString(),
                        o.objective().maxArchiveLag().toString(), o.objective().maxRestoreTime().toString(),
                        o.objective().provenWithin().toString(), o.objective().origin(), o.objective().origins()),
                objectives(o), o.checks().stream().map(ObjectiveView::check).toList(), o.evaluatedAt().toString());
    }

    /** Each objective's state by its name in camel case ({@code recoveryPoint}, {@code restoreTime}, {@code provenWithin}). */
    private static Map<String, String> objectives(TenantObjective o) {
        Map<String, String> states = new LinkedHashMap<>();
        Map<ObjectiveKind, Duration> limits = Map.of(ObjectiveKind.RESTORE_TIME, o.objective().maxRestoreTime(),
                ObjectiveKind.PROVEN_WITHIN, o.objective().provenWithin());
        for (ObjectiveKind kind : ObjectiveKind.values()) {
            String state = o.measured(kind) ? o.state(kind).name()
                    : kind == ObjectiveKind.RECOVERY_POINT ? "NONE" : Objective.set(limits.get(kind)) ? "NO_DATA" : "NONE";
            states.put(camel(kind.label()), state);
        }
        return states;
    }

    private static String camel(String label) {
        int underscore = label.indexOf('_');
        return label.substring(0, underscore) + Character.toUpperCase(label.charAt(underscore + 1))
                + label.substring(underscore + 2);
    }

    private static Check check(ObjectiveCheck c) {
        return new Check(c.figure().name(), c.state().name(), c.actual() == null ? null : c.actual().getSeconds(),
                c.limit().toString(), c.reason());
    }
}
