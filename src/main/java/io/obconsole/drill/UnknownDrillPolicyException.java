package io.obconsole.drill;

import io.obconsole.policy.UnknownPolicyException;

/** No drill policy exists for that tenant (or it is not one the person may see): 404 like a backup policy. */
public class UnknownDrillPolicyException extends UnknownPolicyException {

    UnknownDrillPolicyException(String cluster, String tenant) {
        super("Tenant " + tenant + " of cluster " + cluster + " has no restore drill policy");
    }
}
