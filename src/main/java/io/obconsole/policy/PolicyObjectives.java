package io.obconsole.policy;

import java.util.Optional;

/**
 * What backup policies say about objectives: a policy may set any of the three figures for the
 * tenants it covers. The policy feature provides the bean. An admin's own tenant setting wins over
 * the policy's, which wins over the cluster's default.
 */
public interface PolicyObjectives {

    /** Reads every policy's objective now (once per objective round: another instance may have changed a policy). */
    Lookup read();

    /** The objective a tenant's backup policy sets, if it sets any figure. */
    @FunctionalInterface
    interface Lookup {

        Lookup NONE = (cluster, tenant) -> Optional.empty();

        Optional<ObjectiveOverride> forTenant(String cluster, String tenant);
    }
}
