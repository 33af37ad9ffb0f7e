package io.obconsole.backup;

import io.obconsole.cluster.BackupDestination;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.RecoveryWindow;
import jakarta.validation.constraints.NotNull;

/**
 * One change an administrator asked for; its shape is declared here. The value (a destination URI
 * or a recovery window) is checked by {@link #validate()}; {@link #toString()} never shows a credential.
 *
 * @param value the destination URI for {@link SetupAction#takesDestination()}, the recovery window for
 *              {@link SetupAction#DELETE_POLICY}, ignored otherwise
 */
public record SetupChange(String cluster, String tenant,
        @NotNull(message = "{setup.action}") SetupAction action, String value) {

    /**
     * Refuses bad input with a message for people, before anyone reads the cluster: the tenant's name
     * and the value, of a change whose declared shape is valid.
     */
    public void validate() {
        ObDialect.checkTenantName(tenant);
        if (action.takesDestination()) {
            destination();
        } else if (action == SetupAction.DELETE_POLICY) {
            window();
        }
    }

    public BackupDestination destination() {
        return BackupDestination.of(value);
    }

    public RecoveryWindow window() {
        return RecoveryWindow.parse(value);
    }

    /** The value as people may see it: credentials masked. */
    public String shownValue() {
        if (value == null) {
            return null;
        }
        return action.takesDestination() ? BackupDestination.mask(value) : value;
    }

    @Override
    public String toString() {
        return "SetupChange[" + cluster + "/" + tenant + " " + action + " " + shownValue() + "]";
    }
}
