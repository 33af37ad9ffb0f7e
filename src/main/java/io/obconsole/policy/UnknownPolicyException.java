package io.obconsole.policy;

/** No policy exists for that tenant (or it is not one the person may see). */
public class UnknownPolicyException extends RuntimeException {

    public UnknownPolicyException(String cluster, String tenant) {
        this("Tenant " + tenant + " of cluster " + cluster + " has no backup policy");
    }

    /** For other kinds of policies (restore drills), answered the same way (404 UNKNOWN_POLICY). */
    protected UnknownPolicyException(String message) {
        super(message);
    }
}
