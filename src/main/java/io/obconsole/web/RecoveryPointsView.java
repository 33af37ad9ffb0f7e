package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.policy.ObjectiveOverride;
import io.obconsole.alert.Objectives;
import io.obconsole.alert.RecoveryTimeline;
import io.obconsole.alert.TenantObjective;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The recovery-point part of the tenant page ({@code inject:recoveryPoints} in its own tag), so
 * that the page's resource need not change: read from the objective board, in the reader's scope.
 * (The overview's table comes with its page: only the tenants whose rows it shows.)
 */
@Named("recoveryPoints")
@RequestScoped
public class RecoveryPointsView {

    @Inject
    PageAccess access;

    @Inject
    Objectives objectives;

    /** One tenant's section: its evaluation, its timeline, whether the reader may change it, the tenant's own setting. */
    public record TenantSection(TenantObjective objective, RecoveryTimeline timeline, boolean canEdit,
            ObjectiveOverride own) {

        /** The tenant's own figures as the form shows them (empty: the default applies). */
        public String ownBackupAge() {
            return own == null || own.maxBackupAge() == null ? "" : own.maxBackupAge().toString();
        }

        public String ownFullAge() {
            return own == null || own.maxFullAge() == null ? "" : own.maxFullAge().toString();
        }

        public String ownArchiveLag() {
            return own == null || own.maxArchiveLag() == null ? "" : own.maxArchiveLag().toString();
        }

        public String ownRestoreTime() {
            return own == null || own.maxRestoreTime() == null ? "" : own.maxRestoreTime().toString();
        }

        public String ownProvenWithin() {
            return own == null || own.provenWithin() == null ? "" : own.provenWithin().toString();
        }
    }

    /** The tenant's section, or null when it is not evaluated yet (or not the reader's to see). */
    public TenantSection tenant(String cluster, String tenant) {
        Operator who = access.who();
        return objectives.find(who, cluster, tenant).map(o -> new TenantSection(o, objectives.timeline(o),
                access.isAdmin(who), objectives.ownSetting(cluster, tenant).orElse(null))).orElse(null);
    }
}
