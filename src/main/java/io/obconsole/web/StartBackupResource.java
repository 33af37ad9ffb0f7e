package io.obconsole.web;

import io.obconsole.urls.PageUrls;
import io.obconsole.access.Operator;
import io.obconsole.audit.AuditAction;
import io.obconsole.backup.BackupPlan;
import io.obconsole.backup.BackupRequest;
import io.obconsole.backup.BackupResult;
import io.obconsole.backup.BackupService;
import io.obconsole.backup.InputValidation;
import io.obconsole.backup.PreflightReport;
import io.obconsole.backup.StartedJob;
import io.obconsole.failure.Failure;
import io.obconsole.failure.FailureKind;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
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
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Starting a backup in two steps: the form (with its live preflight) posts to a review that shows
 * exactly the statements that will run; only the review's "Confirm and start" sends anything.
 * Every step is POST-redirect-GET and authorized here, whatever the form offered.
 */
@Path("/backups")
public class StartBackupResource {

    @CheckedTemplate
    static class Templates {
        /**
         * @param restoreChoices the form is where a submit lands after an expired session and a new
         *                       sign-in: the browser puts the operator's choices back
         */
        static native TemplateInstance form(StartForm start, String error, String message, boolean restoreChoices);

        static native TemplateInstance preflight(PreflightReport report, String error);

        static native TemplateInstance review(PendingBackups.Pending pending);
    }

    @Inject
    PageAccess access;

    @Inject
    StartFormModel forms;

    @Inject
    BackupService backups;

    @Inject
    PendingBackups pending;

    @Inject
    Messages msg;

    @Inject
    PageFailures failures;

    @Inject
    InputValidation validation;

    /** The start form as posted; its fields' shapes are declared on {@link BackupForm}. */
    public static class StartInput {
        @RestForm
        String cluster;
        @RestForm
        List<String> tenants;
        @RestForm
        boolean allTenants;
        @RestForm
        String type;
        @RestForm
        String concurrency;
        @RestForm
        String password;
        @RestForm
        String passwordConfirmation;
        @RestForm
        boolean plusArchivelog;
        @RestForm
        String description;
        @RestForm
        boolean acknowledge;

        BackupForm form() {
            return new BackupForm(cluster, tenants, allTenants, type, concurrency, plusArchivelog, description, acknowledge);
        }
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("cluster") String cluster, @QueryParam("tenant") String tenant,
            @QueryParam("msg") String message) {
        Operator who = access.who();
        requireOperatesSomewhere(who);
        return Templates.form(forms.of(who, BackupForm.empty(cluster, tenant)), null, Flash.text(msg, message),
                Flash.SESSION_EXPIRED.equals(message));
    }

    /** The preflight panel for the current choices; reads only. */
    @GET
    @Path("preflight")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance preflight(@QueryParam("cluster") String cluster, @QueryParam("tenants") List<String> tenants,
            @QueryParam("allTenants") boolean allTenants, @QueryParam("type") String type,
            @QueryParam("plusArchivelog") boolean plusArchivelog, @QueryParam("acknowledge") boolean acknowledge) {
        Operator who = access.who();
        BackupForm form = new BackupForm(cluster, tenants, allTenants, type, "", plusArchivelog, "", acknowledge);
        authorize(who, form);
        try {
            return Templates.preflight(backups.preflight(who, validation.valid(form).forPreflight()), null);
        } catch (RuntimeException e) {
            return Templates.preflight(null, refusal(e));
        }
    }

    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response review(@BeanParam StartInput input) {
        Operator who = access.who();
        BackupForm form = input.form();
        authorize(who, form);
        String token = PendingBackups.newToken();
        BackupRequest request = null;
        try {
            request = backups.parsed(who, AuditAction.BACKUP, form.cluster(), () -> validation.valid(form)
                    .toRequest(input.password, input.passwordConfirmation, token));
            BackupPlan plan = backups.plan(who, request);
            pending.put(who, request, form, plan.redacted(), plan.report(), plan.previousConcurrency(), token);
            return Response.seeOther(URI.create(PageUrls.backupReview(token))).build();
        } catch (RuntimeException e) {
            if (request != null) {
                PendingBackups.wipe(request);
            }
            return Response.status(Response.Status.BAD_REQUEST).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.form(forms.of(who, form), refusal(e), null, false)).build();
        }
    }

    /**
     * A POST replayed as a GET after a sign-in (its form data is lost): back to the form, saying
     * so; the browser kept the choices (never the password) and puts them back.
     */
    @GET
    @Path("review")
    public Response reviewAfterSignIn() {
        return Response.seeOther(PageUrls.withMessage(PageUrls.newBackup(), Flash.SESSION_EXPIRED)).build();
    }

    @GET
    @Path("review/{token}")
    @Produces(MediaType.TEXT_HTML)
    public Response showReview(@PathParam("token") String token) {
        Operator who = access.who();
        return pending.find(who, token)
                .map(entry -> Response.ok(Templates.review(entry), MediaType.TEXT_HTML_TYPE).build())
                .orElseGet(() -> Response.seeOther(PageUrls.withMessage(PageUrls.newBackup(), Flash.REVIEW_EXPIRED)).build());
    }

    @POST
    @Path("review/{token}/confirm")
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("token") String token) {
        Operator who = access.who();
        PendingBackups.Pending entry = pending.find(who, token).orElse(null);
        if (entry == null) {
            return Response.seeOther(PageUrls.withMessage(PageUrls.newBackup(), Flash.REVIEW_EXPIRED)).build();
        }
        authorize(who, entry.form());
        pending.take(who, token);
        try {
            return Response.seeOther(landing(backups.start(who, entry.request()))).build();
        } catch (RuntimeException e) {
            throw failures.thrown(e);
        } finally {
            PendingBackups.wipe(entry.request());
        }
    }

    /** After a sign-in the confirmation arrives as a GET: show the review again (if it is still waiting). */
    @GET
    @Path("review/{token}/confirm")
    public Response confirmAfterSignIn(@PathParam("token") String token) {
        return Response.seeOther(URI.create(PageUrls.backupReview(token))).build();
    }

    /** The job's own page: the tenant page for one tenant, the running jobs for several. */
    static URI landing(BackupResult result) {
        List<StartedJob> jobs = result.jobs();
        if (jobs.size() == 1) {
            StartedJob job = jobs.get(0);
            return PageUrls.withMessage(PageUrls.tenant(result.cluster(), job.tenant()) + "#running-" + job.jobId(),
                    Flash.STARTED);
        }
        return PageUrls.withMessage(PageUrls.jobs(result.cluster(), null, "RUNNING"), Flash.STARTED);
    }

    private void requireOperatesSomewhere(Operator who) {
        if (!access.operatesSomewhere(who)) {
            throw new PageForbiddenException();
        }
    }

    /** Operators act only in their scope; every tenant at once only with {@code cluster/*}. */
    private void authorize(Operator who, BackupForm form) {
        requireOperatesSomewhere(who);
        if (form.cluster() == null || form.cluster().isBlank()) {
            return;
        }
        if (form.allTenants()) {
            access.requireOperateAllTenants(who, form.cluster());
        } else {
            form.tenants().forEach(tenant -> access.requireOperate(who, form.cluster(), tenant));
        }
    }

    /** What the form and its preflight show of a refusal; the rest takes the common failure pages. */
    private static final Set<FailureKind> SHOWN = EnumSet.of(FailureKind.INVALID_REQUEST, FailureKind.INVALID_NAME,
            FailureKind.UNKNOWN_CLUSTER, FailureKind.UNKNOWN_TENANT, FailureKind.PREFLIGHT_FAILED,
            FailureKind.ALREADY_RUNNING, FailureKind.CLUSTER_UNREACHABLE);

    /** A refused form or preflight in the operator's words; a cluster it cannot use in the form's own short words. */
    private String refusal(RuntimeException e) {
        Failure failure = failures.shown(e, SHOWN);
        return switch (failure.kind()) {
            case UNKNOWN_CLUSTER -> msg.unknown_cluster();
            case CLUSTER_UNREACHABLE -> msg.cluster_unreachable(PageFailures.unreachableReason(e));
            default -> failure.pageText();
        };
    }

}
