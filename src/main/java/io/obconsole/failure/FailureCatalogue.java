package io.obconsole.failure;

import io.obconsole.audit.AuditUnavailableException;
import io.obconsole.audit.DuplicateActionException;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.ActionInterruptedException;
import io.obconsole.backup.AlreadyRunningException;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.JobNotRunningException;
import io.obconsole.backup.SetupRefusedException;
import io.obconsole.backup.OceanBaseRejectedException;
import io.obconsole.backup.PreflightFinding;
import io.obconsole.backup.PreflightRefusedException;
import io.obconsole.backup.PreflightReport;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.ObError;
import io.obconsole.cluster.UnknownClusterException;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.policy.UnknownPolicyException;
import io.obconsole.restore.PointNotRestorableException;
import io.obconsole.restore.RestoreRejectedException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/**
 * Turns what went wrong into a {@link Failure} with the words of {@link FailureMessages}: the one
 * place that knows what each failure kind and each OceanBase code means to a person. Pages and the
 * API both render what it returns.
 */
@ApplicationScoped
public class FailureCatalogue {

    @Inject
    FailureMessages msg;

    /** The failure for an exception the console raises; null for one it does not know (a bug: 500). */
    public Failure describe(Throwable e) {
        Failure failure = entry(e);
        return failure == null ? null : failure.withPageText(pageText(e));
    }

    /**
     * What a page says of it: the console's own sentence, except for a refused preflight with findings,
     * which the page lists itself: then where to look, or the tick that lets it go ahead.
     */
    private String pageText(Throwable e) {
        if (e instanceof PreflightRefusedException refused && refused.report() != null) {
            PreflightReport report = refused.report();
            return report.needsAcknowledgement() && !report.blocked() ? msg.review_needs_acknowledgement()
                    : msg.review_preflight_failed();
        }
        return e.getMessage();
    }

    private Failure entry(Throwable e) {
        if (e instanceof RestoreRejectedException rejected) {
            String[] words = explainRestore(rejected.error());
            return new Failure(FailureKind.OCEANBASE_ERROR, FailureKind.OCEANBASE_ERROR.status(),
                    title(FailureKind.OCEANBASE_ERROR), rejected.getMessage(), null, rejected.error().code(),
                    rejected.error().text(), words[0], words[1], null);
        }
        if (e instanceof PointNotRestorableException) {
            return of(FailureKind.POINT_NOT_RESTORABLE, e.getMessage(), msg.restore_point(), msg.restore_point_next(), null);
        }
        if (e instanceof OceanBaseRejectedException rejected) {
            return oceanBase(FailureKind.OCEANBASE_ERROR, rejected.getMessage(), rejected.error());
        }
        if (e instanceof AlreadyRunningException running) {
            ObError error = running.error();
            return new Failure(FailureKind.ALREADY_RUNNING, 409, title(FailureKind.ALREADY_RUNNING), e.getMessage(), null,
                    error == null ? null : error.code(), error == null ? null : error.text(), msg.ob_9036(),
                    msg.ob_9036_next(), null);
        }
        if (e instanceof PreflightRefusedException refused) {
            return of(FailureKind.PREFLIGHT_FAILED, e.getMessage(), null, msg.preflight_next(),
                    refused.report() == null ? null : refused.report().findings());
        }
        if (e instanceof InvalidRequestException) {
            return of(FailureKind.INVALID_REQUEST, e.getMessage(), null, msg.invalid_next(), null);
        }
        if (e instanceof InvalidIdentifierException) {
            return of(FailureKind.INVALID_NAME, e.getMessage(), null, msg.invalid_next(), null);
        }
        if (e instanceof ActionForbiddenException) {
            return of(FailureKind.FORBIDDEN, e.getMessage(), msg.forbidden_explanation(), msg.forbidden_next(), null);
        }
        if (e instanceof UnknownClusterException) {
            return of(FailureKind.UNKNOWN_CLUSTER, e.getMessage(), null, msg.unknown_cluster_next(), null);
        }
        if (e instanceof UnknownTenantException) {
            return of(FailureKind.UNKNOWN_TENANT, e.getMessage(), null, msg.unknown_tenant_next(), null);
        }
        if (e instanceof UnknownPolicyException) {
            return of(FailureKind.UNKNOWN_POLICY, e.getMessage(), null, null, null);
        }
        if (e instanceof JobNotRunningException) {
            return of(FailureKind.JOB_NOT_RUNNING, e.getMessage(), null, msg.job_not_running_next(), null);
        }
        if (e instanceof SetupRefusedException) {
            return of(FailureKind.SETUP_REFUSED, e.getMessage(), null, msg.setup_refused_next(), null);
        }
        if (e instanceof DuplicateActionException duplicate) {
            return of(FailureKind.DUPLICATE_SUBMIT, "This request was already submitted (audit record "
                    + duplicate.originalIntentId() + "); it was not run again.", null, msg.duplicate_next(), null);
        }
        if (e instanceof ActionInterruptedException interrupted) {
            return of(FailureKind.CLUSTER_UNREACHABLE, e.getMessage(), msg.unreachable_explanation(interrupted.reason()),
                    msg.unreachable_next(), null);
        }
        if (e instanceof ClusterUnreachableException unreachable) {
            return of(FailureKind.CLUSTER_UNREACHABLE, e.getMessage(), msg.unreachable_explanation(unreachable.reason()),
                    msg.unreachable_next(), null);
        }
        if (e instanceof AuditUnavailableException) {
            return of(FailureKind.AUDIT_UNAVAILABLE, msg.audit_down_explanation(), null, msg.audit_down_next(), null);
        }
        return null;
    }

    /** A failure of the given kind, with the kind's title and status. */
    public Failure of(FailureKind kind, String detail, String explanation, String nextStep,
            List<PreflightFinding> findings) {
        return new Failure(kind, kind.status(), title(kind), detail, detail, null, null, explanation, nextStep, findings);
    }

    /** Sign-in missing or not valid (the security layer's 401). */
    public Failure unauthenticated(String detail) {
        return of(FailureKind.UNAUTHENTICATED, detail, null, msg.unauthenticated_next(), null);
    }

    /** The security layer's 403. */
    public Failure forbidden(String detail) {
        return of(FailureKind.FORBIDDEN, detail, msg.forbidden_explanation(), msg.forbidden_next(), null);
    }

    public Failure notFound() {
        return of(FailureKind.NOT_FOUND, msg.not_found_detail(), null, null, null);
    }

    /** A refusal by the HTTP layer (405, 406, 415, ...) with its own status and reason. */
    public Failure http(int status, String reason) {
        return new Failure(FailureKind.HTTP_ERROR, status, reason, reason, reason, null, null, null, null, null);
    }

    public String invalidNext() {
        return msg.invalid_next();
    }

    public String title(FailureKind kind) {
        return msg.title(kind);
    }

    /** OceanBase's code and text kept as sent, with what it means and what to do. */
    Failure oceanBase(FailureKind kind, String detail, ObError error) {
        String[] words = explain(error);
        return new Failure(kind, kind.status(), title(kind), detail, detail, error.code(), error.text(), words[0], words[1], null);
    }

    /** Explanation and next step of a statement OceanBase refused; 9040 is told apart by its text. */
    String[] explain(ObError error) {
        String text = error.text() == null ? "" : error.text();
        return switch (error.code()) {
            case 9036 -> new String[] {msg.ob_9036(), msg.ob_9036_next()};
            case 9040 -> text.contains("log archive status is not doing") ? new String[] {msg.ob_9040_archive(),
                msg.ob_9040_archive_next()}
                    : text.contains("tenant status is not normal") ? new String[] {msg.ob_9040_tenant(),
                        msg.ob_9040_tenant_next()}
                    : text.contains("no tenant meets the backup condition") ? new String[] {msg.ob_9040_none(),
                        msg.ob_9040_none_next()}
                    // "backup dest is not set", and the bare "backup can not start" a user tenant gets for it
                    : new String[] {msg.ob_9040_dest(), msg.ob_9040_dest_next()};
            case 5160 -> new String[] {msg.ob_5160(), msg.unknown_tenant_next()};
            case 1235 -> text.contains("policy name is not 'default'") ? new String[] {msg.ob_1235_policy_name(),
                msg.ob_1235_policy_name_next()}
                    : text.contains("tenant names specified") ? new String[] {msg.ob_1235_policy_tenants(),
                        msg.ob_1235_policy_tenants_next()}
                    : new String[] {msg.ob_1235(), msg.ob_wrong_mode_next()};
            case 9026 -> new String[] {msg.ob_9026(), msg.ob_9026_next()};
            case 9080 -> new String[] {msg.ob_9080(), msg.ob_9080_next()};
            case 9081 -> new String[] {msg.ob_9081(), msg.ob_9081_next()};
            case 9091 -> new String[] {msg.ob_9091(), msg.ob_archive_mode_next()};
            case 9092 -> new String[] {msg.ob_9092(), msg.ob_archive_mode_next()};
            case 4179 -> new String[] {msg.ob_4179(), msg.ob_4179_next()};
            case 4011, 4018 -> new String[] {msg.ob_policy_changed(), msg.ob_policy_changed_next()};
            case 1146 -> new String[] {msg.ob_1146(), msg.ob_wrong_mode_next()};
            case 1227 -> new String[] {msg.ob_1227(), msg.ob_1227_next()};
            case 4147 -> new String[] {msg.ob_4147(), msg.ob_4147_next()};
            case 1064 -> new String[] {msg.ob_1064(), msg.ob_1064_next()};
            default -> new String[] {msg.ob_other(), msg.ob_other_next(error.code())};
        };
    }

    /** Explanation and next step of a restore statement OceanBase refused (ob-restore-spec section 4). */
    String[] explainRestore(ObError error) {
        String text = error.text() == null ? "" : error.text();
        return switch (error.code()) {
            case 4179 -> text.contains("different tenants") ? new String[] {msg.restore_4179_mixed(), msg.restore_4179_mixed_next()}
                    : text.contains("not standby") ? new String[] {msg.restore_4179_not_standby(), msg.restore_not_standby_next()}
                    : text.contains("not in restore") ? new String[] {msg.restore_4179_not_restoring(), msg.restore_not_restoring_next()}
                    : text.contains("higher") ? new String[] {msg.restore_4179_version(), msg.restore_4179_version_next()}
                    : new String[] {msg.restore_4179_exists(), msg.restore_4179_exists_next()};
            case 9014 -> new String[] {msg.restore_9014(), msg.restore_9014_next()};
            case 4650 -> new String[] {msg.restore_4650(), msg.restore_pool_next()};
            case 4626 -> new String[] {msg.restore_4626(), msg.restore_pool_next()};
            case 4733 -> new String[] {msg.restore_4733(), msg.restore_4733_next()};
            case 9047 -> new String[] {msg.restore_9047(), msg.restore_9047_next()};
            case 9026 -> new String[] {msg.restore_9026(), msg.restore_9026_next()};
            case 9119, 4018, 4016 -> new String[] {msg.restore_9119(), msg.restore_point_next()};
            case 1210 -> new String[] {msg.restore_1210(), msg.restore_1210_next()};
            case 1235 -> new String[] {msg.restore_1235(), msg.restore_1235_next()};
            case 5157 -> new String[] {msg.restore_5157(), msg.unknown_tenant_next()};
            case 4012 -> new String[] {msg.restore_4012(), msg.restore_4012_next()};
            default -> explain(error);
        };
    }

    /** What an ended restore means to a person, read with OceanBase's COMMENT where it names the cause. */
    public String restoreEnd(boolean succeeded, boolean cancelled, String comment) {
        if (succeeded) {
            return msg.restore_ended_success();
        }
        if (cancelled) {
            return msg.restore_ended_cancelled();
        }
        return missingArchivePiece(comment) ? msg.restore_ended_missing_piece() : msg.restore_ended_failed();
    }

    private static boolean missingArchivePiece(String comment) {
        String text = comment == null ? "" : comment.toLowerCase(java.util.Locale.ROOT);
        return text.contains("piece") && (text.contains("not exist") || text.contains("missing"));
    }

    /** What a job's RESULT code means and what to do; null for success. */
    public String jobResult(long result) {
        if (result == 0) {
            return null;
        }
        return switch ((int) Math.abs(result)) {
            case 9070 -> msg.job_9070();
            case 4009 -> msg.job_4009();
            case 9029 -> msg.job_9029();
            case 9027 -> msg.job_9027();
            case 9064 -> msg.job_9064();
            case 4012 -> msg.job_4012();
            case 4072 -> msg.job_4072();
            default -> msg.job_other();
        };
    }
}
