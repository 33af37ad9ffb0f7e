package io.obconsole.alert;

import java.util.Optional;

/**
 * The hook for backup policies: a policy that promises a schedule (e.g. a daily INCREMENTAL, a
 * weekly FULL) can say what objective follows from it. The policy feature provides a bean of this
 * type; until then {@link NoPolicyObjectives} answers nothing. An admin's own tenant setting wins
 * over the policy's, which wins over the cluster's default.
 */
public interface PolicyObjectives {

    Optional<ObjectiveOverride> forTenant(String cluster, String tenant);
}
