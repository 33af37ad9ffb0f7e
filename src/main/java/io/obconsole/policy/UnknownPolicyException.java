package io.obconsole.policy;

/** No policy exists for that tenant (or it is not one the person may see). */
public class UnknownPolicyException extends RuntimeException {

    public UnknownPolicyException(String cluster, String tenant) {
        super("Tenant " + tenant + " of cluster " + cluster + " has no backup policy");
    }
}
