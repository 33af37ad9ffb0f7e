package io.obconsole.web;

import io.obconsole.access.Operator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The signed-in person as the layout's header shows them ({@code inject:header} in {@code main.html}). */
@Named("header")
@RequestScoped
public class PageHeader {

    @Inject
    PageAccess access;

    @Inject
    Messages msg;

    @Inject
    io.obconsole.access.Permissions permissions;

    @Inject
    io.obconsole.fleet.Fleet fleet;

    private Operator who;

    private Operator who() {
        if (who == null) {
            who = access.who();
        }
        return who;
    }

    public boolean signedIn() {
        return who().subject() != null || !"anonymous".equals(who().username());
    }

    public String name() {
        return who().username();
    }

    /** The strongest console role, in words. */
    public String role() {
        if (access.isAdmin(who())) {
            return msg.role_admin();
        }
        if (who().roles().contains("backup-operator")) {
            return msg.role_operator();
        }
        if (who().roles().contains("backup-viewer")) {
            return msg.role_viewer();
        }
        return who().roles().contains(io.obconsole.access.ConsoleRole.RESTORE_OPERATOR) ? msg.role_restore_operator()
                : msg.role_none();
    }

    public boolean canStart() {
        return access.operatesSomewhere(who());
    }

    /** Whether the person may restore into some cluster (the navigation then offers the restore wizard). */
    public boolean canRestore() {
        return fleet.clusters().stream().anyMatch(c -> permissions.canRestoreInCluster(who(), c.cluster()));
    }

    public boolean admin() {
        return access.isAdmin(who());
    }
}
