package io.obconsole.web;

import io.obconsole.urls.PageUrls;
import io.obconsole.access.Operator;
import io.obconsole.backup.BackupSetupService;
import io.obconsole.backup.SetupAction;
import io.obconsole.backup.SetupChange;
import io.obconsole.backup.SetupPlan;
import io.obconsole.cluster.BackupDestination;
import io.obconsole.cluster.TenantSetup;
import io.obconsole.failure.Failure;
import io.obconsole.failure.FailureKind;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.EnumSet;
import java.util.Set;

/**
 * "Backup setup" of one tenant: what OceanBase holds (read fresh), the forms an administrator
 * changes it with, a confirmation page per change, and the archive status as a fragment the page
 * refreshes while it moves (BEGINNING, STOPPING).
 */
@Path("/clusters/{cluster}/tenants/{tenant}/setup")
public class SetupPageResource {

    /** What the forms start with: a fix from the preflight, or what was typed before an error. */
    public record Prefill(String fix, String dataBackupDest, String logArchiveDest, String recoveryWindow) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setup(String cluster, String tenant, TenantSetup setup, boolean mayChange,
                Prefill prefill, String error, String message);

        static native TemplateInstance setup$archive(String cluster, String tenant, TenantSetup setup);

        static native TemplateInstance review(String cluster, String tenant, SetupPlan plan, String token);

        static native TemplateInstance failed(String cluster, String tenant, String title, String detail,
                String explanation, String nextStep);
    }

    static final String FIX_ARCHIVE = "archive";
    static final String FIX_DEST = "dest";

    @Inject
    PageAccess access;

    @Inject
    BackupSetupService setups;

    @Inject
    PendingSetups pending;

    @Inject
    Messages msg;

    @Inject
    PageFailures failures;

    /** A change the form is sent back for (a cluster that does not answer has its own page). */
    private static final Set<FailureKind> REFUSED = EnumSet.of(FailureKind.INVALID_NAME, FailureKind.INVALID_REQUEST,
            FailureKind.SETUP_REFUSED, FailureKind.CLUSTER_UNREACHABLE);

    /** What the "set-up failed" page tells of a confirmed change that did not happen (a repeated submit did). */
    private static final Set<FailureKind> NOT_APPLIED = EnumSet.of(FailureKind.OCEANBASE_ERROR,
            FailureKind.SETUP_REFUSED, FailureKind.CLUSTER_UNREACHABLE, FailureKind.AUDIT_UNAVAILABLE,
            FailureKind.DUPLICATE_SUBMIT);

    private static final Set<FailureKind> UNREACHABLE = EnumSet.of(FailureKind.CLUSTER_UNREACHABLE);

    /** The address's cluster or tenant does not exist. */
    private static final Set<FailureKind> PLACE_MISSING = EnumSet.of(FailureKind.UNKNOWN_CLUSTER,
            FailureKind.UNKNOWN_TENANT);

    /** ... or cannot be a name. */
    private static final Set<FailureKind> NAME_MISSING = EnumSet.of(FailureKind.UNKNOWN_CLUSTER,
            FailureKind.UNKNOWN_TENANT, FailureKind.INVALID_NAME);

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @QueryParam("fix") String fix, @QueryParam("msg") String message) {
        Operator who = access.who();
        TenantSetup setup = read(who, cluster, tenant);
        return page(who, cluster, tenant, setup, prefill(fix, tenant, setup), null, Flash.text(msg, message), 200);
    }

    @GET
    @Path("archive")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance archive(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        Operator who = access.who();
        return Templates.setup$archive(cluster, tenant, read(who, cluster, tenant));
    }

    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response review(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @FormParam("action") SetupAction action, @FormParam("value") String value) {
        Operator who = access.who();
        SetupChange change = new SetupChange(cluster, tenant, action, value);
        try {
            SetupPlan plan = setups.plan(who, change);
            return Response.ok(Templates.review(cluster, tenant, plan, pending.put(who, change))).build();
        } catch (RuntimeException e) {
            Failure failure = failures.shown(e, REFUSED, PLACE_MISSING);
            if (failure.kind() == FailureKind.CLUSTER_UNREACHABLE) {
                throw new ClusterUnreachablePage(cluster, tenant, PageFailures.unreachableReason(e));
            }
            TenantSetup setup = read(who, cluster, tenant);
            return page(who, cluster, tenant, setup, typed(action, value), failure.pageText(), null, failure.status());
        }
    }

    @POST
    @Path("confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @FormParam("token") String token) {
        Operator who = access.who();
        access.requireView(who, cluster, tenant);
        SetupChange change = pending.take(who, token).filter(c -> c.cluster().equals(cluster) && c.tenant().equals(tenant))
                .orElse(null);
        if (change == null) {
            return redirect(cluster, tenant, Flash.REVIEW_EXPIRED);
        }
        try {
            setups.apply(who, change, token);
        } catch (RuntimeException e) {
            Failure failure = failures.shown(e, NOT_APPLIED);
            return switch (failure.kind()) {
                case DUPLICATE_SUBMIT -> redirect(cluster, tenant, Flash.SETUP_DONE);
                case OCEANBASE_ERROR -> failed(cluster, tenant, failure.obCode() + ": " + failure.obText(),
                        failure.explanation(), failure.nextStep());
                case SETUP_REFUSED -> failed(cluster, tenant, failure.pageText(), null, null);
                case AUDIT_UNAVAILABLE -> failed(cluster, tenant, null, null, failure.nextStep());
                default -> failed(cluster, tenant, failure.pageText(), null, failure.nextStep());
            };
        }
        return redirect(cluster, tenant, Flash.SETUP_DONE);
    }

    // ---- rendering

    private Response page(Operator who, String cluster, String tenant, TenantSetup setup, Prefill prefill, String error,
            String message, int status) {
        boolean mayChange = setups.mayChange(who, cluster, tenant);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.setup(cluster, tenant, setup, mayChange, prefill, error, message)).build();
    }

    private TenantSetup read(Operator who, String cluster, String tenant) {
        try {
            return setups.read(who, cluster, tenant);
        } catch (RuntimeException e) {
            failures.shown(e, UNREACHABLE, NAME_MISSING);
            throw new ClusterUnreachablePage(cluster, tenant, PageFailures.unreachableReason(e));
        }
    }

    /** The preflight's fix, ready to confirm: a destination named after the tenant, or archiving (its destination first). */
    private static Prefill prefill(String fix, String tenant, TenantSetup setup) {
        if (FIX_DEST.equals(fix) && !setup.dataBackupDestSet()) {
            return new Prefill(FIX_DEST, "file:///data/backup/" + tenant, null, null);
        }
        if (FIX_ARCHIVE.equals(fix)) {
            return new Prefill(FIX_ARCHIVE, null, setup.logArchiveDestSet() ? null : "file:///data/archive/" + tenant, null);
        }
        return new Prefill(null, null, null, null);
    }

    /** What was typed, back in its field after an error; a destination with a credential is not echoed. */
    private static Prefill typed(SetupAction action, String value) {
        String safe = value == null || !value.equals(BackupDestination.mask(value)) ? null : value;
        if (action == SetupAction.DATA_BACKUP_DEST) {
            return new Prefill(null, safe, null, null);
        }
        if (action == SetupAction.LOG_ARCHIVE_DEST) {
            return new Prefill(null, null, safe, null);
        }
        return new Prefill(null, null, null, action == SetupAction.DELETE_POLICY ? safe : null);
    }

    private Response failed(String cluster, String tenant, String detail, String explanation, String nextStep) {
        return Response.status(Response.Status.BAD_GATEWAY).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.failed(cluster, tenant, msg.setup_failed(), detail, explanation, nextStep)).build();
    }

    private static Response redirect(String cluster, String tenant, String flash) {
        return Response.seeOther(PageUrls.withMessage(PageUrls.tenantSetup(cluster, tenant), flash)).build();
    }

    /** The cluster did not answer: the page says so instead of showing stale or empty values. */
    static final class ClusterUnreachablePage extends jakarta.ws.rs.WebApplicationException {
        ClusterUnreachablePage(String cluster, String tenant, String reason) {
            super(Response.status(503).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.failed(cluster, tenant, "Cluster " + cluster + " did not answer", reason, null, null)
                            .render())
                    .build());
        }
    }
}
