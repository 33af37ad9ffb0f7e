package io.obconsole.backup;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.ActionIntent;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditTrail;
import io.obconsole.audit.Refusals;
import io.obconsole.cluster.BackupDestination;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.ObDialect;
import io.obconsole.cluster.ObError;
import io.obconsole.cluster.ObErrorException;
import io.obconsole.cluster.ObStatement;
import io.obconsole.cluster.TenantName;
import io.obconsole.cluster.TenantSetup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A tenant's backup set-up in OceanBase (destinations, log archiving, the delete policy), changed
 * by administrators only, each change planned on a fresh read, confirmed, recorded in the audit
 * trail with its value before and after (credentials masked) before the statement runs, and sent
 * through the same gateway and error catalogue as backups.
 */
@ApplicationScoped
public class BackupSetupService {

    private static final Logger LOG = Logger.getLogger(BackupSetupService.class);
    private static final String NONE = "none";

    private final ClusterGateway gateway;
    private final AuditTrail audit;
    private final Permissions permissions;
    private final Consumer<BackupsChanged> changes;
    private final Refusals refusals;
    private final InputValidation validation;

    @Inject
    public BackupSetupService(ClusterGateway gateway, AuditTrail audit, Permissions permissions,
            Event<BackupsChanged> changes, Refusals refusals, InputValidation validation) {
        this(gateway, audit, permissions, changes::fire, refusals, validation);
    }

    public BackupSetupService(ClusterGateway gateway, AuditTrail audit, Permissions permissions,
            Consumer<BackupsChanged> changes, Refusals refusals, InputValidation validation) {
        this.validation = validation;
        this.gateway = gateway;
        this.audit = audit;
        this.permissions = permissions;
        this.changes = changes;
        this.refusals = refusals;
    }

    /** The tenant's set-up as OceanBase holds it now, for anyone who may see the tenant. */
    public TenantSetup read(Operator who, String cluster, String tenant) {
        gateway.settings(cluster);
        ObDialect.checkTenantName(tenant);
        if (!permissions.canView(who, cluster, tenant)) {
            String reason = who.username() + " may not see " + tenant + " on cluster " + cluster;
            refusals.forbidden(who, AuditAction.SETUP_READ, cluster, List.of(tenant), reason);
            throw new ActionForbiddenException(reason);
        }
        return gateway.setup(cluster, tenant);
    }

    /** Whether {@code who} may change the tenant's set-up: administrators, within their scope. */
    public boolean mayChange(Operator who, String cluster, String tenant) {
        return permissions.isAdmin(who) && permissions.canOperate(who, cluster, tenant);
    }

    /** What {@link #apply} would do now, for the confirmation; reads only. */
    public SetupPlan plan(Operator who, SetupChange change) {
        admit(who, change);
        TenantSetup now = gateway.setup(change.cluster(), change.tenant());
        return plan(change, now).shown();
    }

    /**
     * Makes the change: planned again on a fresh read, recorded, sent, recorded again.
     *
     * @param idempotencyKey the submit's token; a second submit with it is refused by the audit trail
     */
    public SetupResult apply(Operator who, SetupChange change, String idempotencyKey) {
        admit(who, change);
        String cluster = change.cluster();
        TenantSetup before = gateway.setup(cluster, change.tenant());
        Planned planned;
        try {
            planned = plan(change, before);
        } catch (SetupRefusedException e) {
            long intent = audit.recordIntent(intent(who, change, describe(change.action(), before), change.shownValue(),
                    idempotencyKey));
            outcome(intent, AuditOutcome.REFUSED_BY_PREFLIGHT, List.of(), null, e.getMessage());
            throw e;
        }
        SetupPlan shown = planned.shown();
        long intent = audit.recordIntent(intent(who, change, shown.before(), shown.after(), idempotencyKey));
        List<ObStatement> sent = new ArrayList<>();
        try {
            LOG.infof("%s changes the backup set-up of %s on cluster %s: %s", who.username(), change.tenant(), cluster,
                    shown.statements());
            for (ObStatement statement : planned.statements()) {
                sent.add(statement);
                gateway.run(cluster, List.of(statement));
            }
            changes.accept(new BackupsChanged(cluster));
            outcome(intent, AuditOutcome.ACCEPTED, redacted(sent), null, null);
        } catch (ObErrorException e) {
            ObError error = new ObError(e.error().code(), e.error().sqlState(), BackupDestination.mask(e.error().text()));
            outcome(intent, AuditOutcome.REJECTED_BY_OCEANBASE, redacted(sent), error.code(), error.text());
            throw new OceanBaseRejectedException(error);
        } catch (ClusterUnreachableException e) {
            outcome(intent, AuditOutcome.CLUSTER_UNREACHABLE, redacted(sent), null, e.reason());
            throw new ActionInterruptedException(cluster, e.reason(), true);
        }
        TenantSetup after = readBack(cluster, change.tenant());
        return new SetupResult(intent, change.action(), shown.before(), shown.after(), shown.statements(),
                shown.warnings(), after);
    }

    // ---- planning

    /** The statements with their shown form; never leaves this class with the clear text. */
    private record Planned(SetupPlan shown, List<ObStatement> statements) {
    }

    private Planned plan(SetupChange change, TenantSetup now) {
        ObDialect dialect = gateway.dialect(change.cluster());
        TenantName tenant = dialect.tenant(now.tenant().name(), List.of(now.tenant().name()));
        String name = tenant.value();
        List<ObStatement> statements = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String after;
        switch (change.action()) {
            case DATA_BACKUP_DEST -> {
                BackupDestination dest = change.destination();
                statements.add(dialect.setDataBackupDest(tenant, dest));
                after = dest.masked();
                if (now.dataBackupDestSet()) {
                    warnings.add("Backups of " + name + " go to the new destination from the next one on; the backup "
                            + "sets already taken stay at " + now.dataBackupDest() + ".");
                }
                warnings.add("OceanBase refuses a destination that holds other files (9080) or belongs to another "
                        + "tenant (9081).");
            }
            case LOG_ARCHIVE_DEST -> {
                if (now.archiving() || now.archiveSettling()) {
                    throw new SetupRefusedException("Log archiving of " + name + " is " + now.archive().status()
                            + ": OceanBase changes the archive destination only while archiving is stopped. Stop "
                            + "archiving first, then set the destination and start archiving again.");
                }
                BackupDestination dest = change.destination();
                statements.add(dialect.setLogArchiveDest(tenant, dest));
                after = dest.masked();
            }
            case ARCHIVELOG -> {
                if (!now.logArchiveDestSet()) {
                    throw new SetupRefusedException("No log archive destination is set for " + name + ": set it first, "
                            + "then start archiving.");
                }
                statements.add(dialect.archivelog(tenant));
                after = "DOING";
                warnings.add("OceanBase moves the archive through BEGINNING to DOING; data backups of " + name
                        + " can start once it is DOING.");
            }
            case NOARCHIVELOG -> {
                statements.add(dialect.noarchivelog(tenant));
                after = "STOP";
                warnings.add("Point-in-time recovery of " + name + " stops: no log is archived from now on, so a "
                        + "restore can reach only the last archived moment.");
                warnings.add("New backups of " + name + " will be refused (OceanBase starts a data backup only while "
                        + "archiving is DOING), including those of backup policies.");
            }
            case DELETE_POLICY -> {
                var window = change.window();
                if (now.recoveryWindow() != null) {
                    // OceanBase has one policy per tenant and no ALTER: a change is a drop and an add
                    statements.add(dialect.dropDeletePolicy(tenant));
                }
                statements.add(dialect.addDeletePolicy(tenant, window));
                after = window.text();
                warnings.add("OceanBase deletes backup sets no longer needed to restore within the last " + window.days()
                        + " day(s), about hourly, and always keeps the newest usable one.");
            }
            case DROP_DELETE_POLICY -> {
                if (now.recoveryWindow() == null) {
                    throw new SetupRefusedException(name + " has no delete policy to drop.");
                }
                statements.add(dialect.dropDeletePolicy(tenant));
                after = NONE;
                warnings.add("Without a delete policy OceanBase keeps every backup set of " + name
                        + " until someone deletes it.");
            }
            default -> throw new IllegalStateException("unknown set-up action " + change.action());
        }
        SetupPlan shown = new SetupPlan(change.cluster(), name, change.action(), describe(change.action(), now), after,
                redacted(statements), List.copyOf(warnings));
        return new Planned(shown, List.copyOf(statements));
    }

    /** The value an action changes, as it is now (masked). */
    private static String describe(SetupAction action, TenantSetup now) {
        return switch (action) {
            case DATA_BACKUP_DEST -> now.dataBackupDestSet() ? now.dataBackupDest() : NONE;
            case LOG_ARCHIVE_DEST -> now.logArchiveDestSet() ? now.logArchiveDest() : NONE;
            case ARCHIVELOG, NOARCHIVELOG -> now.archive().status();
            case DELETE_POLICY, DROP_DELETE_POLICY -> now.recoveryWindow() == null ? NONE : now.recoveryWindow();
        };
    }

    // ---- checks and bookkeeping

    /** Input first, then the right to it; a refusal of either is recorded as such (never the refused value). */
    private void admit(Operator who, SetupChange change) {
        AuditAction action = change.action() == null ? AuditAction.SETUP : change.action().audited();
        List<String> named = change.tenant() == null ? List.of() : List.of(change.tenant());
        gateway.settings(change.cluster());
        try {
            validation.valid(change).validate();
        } catch (InvalidRequestException | InvalidIdentifierException e) {
            refusals.invalid(who, action, change.cluster(), named, e);
            throw e;
        }
        if (!mayChange(who, change.cluster(), change.tenant())) {
            String reason = who.username() + " may not change the backup set-up of " + change.tenant() + " on cluster "
                    + change.cluster() + ": administrators (backup-admin) only";
            refusals.forbidden(who, action, change.cluster(), named, reason);
            throw new ActionForbiddenException(reason);
        }
    }

    private static ActionIntent intent(Operator who, SetupChange change, String before, String after, String key) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("before", before);
        parameters.put("after", after);
        return new ActionIntent(who, change.action().audited(), change.cluster(), List.of(change.tenant()), parameters,
                key == null || key.isBlank() ? UUID.randomUUID().toString() : key);
    }

    private void outcome(long intent, AuditOutcome outcome, List<String> statements, Integer code, String text) {
        try {
            audit.recordOutcome(intent, outcome, statements, code, text, List.of());
        } catch (RuntimeException e) {
            LOG.errorf("Audit outcome %s of record %d could not be written: %s", outcome, intent, e.getMessage());
        }
    }

    private TenantSetup readBack(String cluster, String tenant) {
        try {
            return gateway.setup(cluster, tenant);
        } catch (ClusterUnreachableException e) {
            LOG.warnf("Set-up change on cluster %s accepted, but could not be read back: %s", cluster, e.reason());
            return null;
        }
    }

    private static List<String> redacted(List<ObStatement> statements) {
        return statements.stream().map(ObStatement::redacted).toList();
    }
}
