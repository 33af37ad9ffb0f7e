package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
import io.obconsole.audit.AuditAction;
import io.obconsole.backup.EncryptionPassword;
import io.obconsole.backup.InputValidation;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.WholeNumber;
import io.obconsole.cluster.BackupDestination;
import io.obconsole.cluster.ClusterMode;
import io.obconsole.cluster.TenantState;
import io.obconsole.failure.Failure;
import io.obconsole.failure.FailureKind;
import io.obconsole.fleet.ClusterState;
import io.obconsole.fleet.Fleet;
import io.obconsole.restore.PoolChoice;
import io.obconsole.restore.RestoreActionResult;
import io.obconsole.restore.RestorePlan;
import io.obconsole.restore.RestorePoint;
import io.obconsole.restore.RestoreRequest;
import io.obconsole.restore.RestoreService;
import io.obconsole.urls.PageUrls;
import io.obconsole.window.InvalidRestorePointException;
import io.obconsole.window.Scn;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.AssertTrue;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The restore wizard (source: a tenant or a backup's destination URIs; target, new name, pool, point,
 * passwords, concurrency) → a review with the exact statements (passwords and storage keys masked)
 * → a typed confirmation of the new tenant's name; and the confirmations of cancel (typed) and activate. Thin: parse, call {@link RestoreService}, render.
 */
@Path("/restores")
public class RestorePageResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(Form form, List<String> sources, List<Target> targets, String error);

        static native TemplateInstance review(PendingRestores.Pending pending, String error);

        static native TemplateInstance cancel(String cluster, String tenant, String key, String error);

        static native TemplateInstance activate(String cluster, String tenant, String role, String key,
                RestoreActionResult done);
    }

    /** A cluster the person may restore into, with its free resource pools read now. */
    public record Target(String cluster, List<String> freePools) {
    }

    /** The wizard's fields as sent (never the passwords, which go straight into the request). */
    public static class Form {
        /** {@code tenant} (the default) or {@code uris}: which of the two sources below is meant. */
        @FormParam("sourceKind") public String sourceKind;
        @FormParam("source") public String source;
        @FormParam("sourceDataUri") public String sourceDataUri;
        @FormParam("sourceArchiveUri") public String sourceArchiveUri;
        @FormParam("targetCluster") public String targetCluster;
        @FormParam("newTenant") public String newTenant;
        @FormParam("poolMode") public String poolMode;
        @FormParam("pool") public String pool;
        @FormParam("newPool") public String newPool;
        @FormParam("newUnit") public String newUnit;
        @FormParam("pointMode") public String pointMode;
        @FormParam("time") public String time;
        @FormParam("zone") public String zone;
        @FormParam("scn") public String scn;
        @WholeNumber(what = "Concurrency", min = 0, max = 100, message = "{restore.form.concurrency}")
        @FormParam("concurrency") public String concurrency;
        @FormParam("description") public String description;

        public boolean fromUris() {
            return "uris".equals(sourceKind);
        }

        /** Which source the form names, for its checks. */
        SourceChoice sourceChoice() {
            return new SourceChoice(fromUris(), source, sourceDataUri, sourceArchiveUri);
        }

        /** The form as shown again after a refusal: a URI carrying a storage key is not echoed (typed again). */
        Form withoutSecrets() {
            sourceDataUri = withoutKey(sourceDataUri);
            sourceArchiveUri = withoutKey(sourceArchiveUri);
            return this;
        }

        private static String withoutKey(String uri) {
            return uri == null || BackupDestination.mask(uri).equals(uri) ? uri : "";
        }
    }

    /** The wizard's source: a tenant from its list, or a backup's destinations. */
    record SourceChoice(boolean fromUris, String tenant, String dataUri, String archiveUri) {

        /** From a backup's destinations: at least one of them (RestoreRequest wants both, and says so). */
        @AssertTrue(message = "{restore.form.uris}")
        boolean isUriGiven() {
            return !fromUris || given(dataUri) || given(archiveUri);
        }

        /** From a tenant: one of the list's {@code cluster/tenant}. */
        @AssertTrue(message = "{restore.form.source}")
        boolean isTenantChosen() {
            return fromUris || tenant != null && tenant.split("/", 2).length == 2;
        }
    }

    @Inject
    PageAccess access;

    @Inject
    Permissions permissions;

    @Inject
    Fleet fleet;

    @Inject
    RestoreService restores;

    @Inject
    PendingRestores pending;

    @Inject
    PageFailures failures;

    @Inject
    InputValidation validation;

    /** The wizard comes back with whatever refused the restore, in the catalogue's words. */
    private static final Set<FailureKind> EVERY_KIND = EnumSet.allOf(FailureKind.class);

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance form(@QueryParam("source") String source) {
        Operator who = access.who();
        Form form = new Form();
        form.source = source;
        requireRestoresSomewhere(who);
        return Templates.form(form, sources(who), targets(who), null);
    }

    @POST
    @Path("review")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response review(@BeanParam Form form, @FormParam("decryption1") String decryption1,
            @FormParam("decryption2") String decryption2) {
        Operator who = access.who();
        requireRestoresSomewhere(who);
        RestoreRequest request = null;
        try {
            request = restores.parsed(who, AuditAction.RESTORE, form.targetCluster,
                    () -> request(form, decryption1, decryption2));
            RestorePlan plan = restores.plan(who, request);
            PendingRestores.Pending entry = pending.put(who.username(), request, plan);
            return Response.seeOther(URI.create(PageUrls.restoreReview(entry.token()))).build();
        } catch (RuntimeException e) {
            if (request != null) {
                request.clearSecrets();
            }
            Failure failure = failures.shown(e, EVERY_KIND);
            return Response.ok(Templates.form(form.withoutSecrets(), sources(who), targets(who), failure.pageText()))
                    .build();
        }
    }

    @GET
    @Path("review/{token}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance showReview(@PathParam("token") String token) {
        PendingRestores.Pending entry = pending.get(token, access.who().username());
        if (entry == null) {
            throw new NotFoundException();
        }
        return Templates.review(entry, null);
    }

    @POST
    @Path("review/{token}/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response confirm(@PathParam("token") String token, @FormParam("confirmName") String confirmName) {
        Operator who = access.who();
        PendingRestores.Pending entry = pending.get(token, who.username());
        if (entry == null) {
            throw new NotFoundException();
        }
        if (!entry.request().newTenant().equals(confirmName)) {
            return Response.ok(Templates.review(entry, "Type the new tenant's name, " + entry.request().newTenant()
                    + ", to confirm.")).build();
        }
        pending.take(token, who.username());
        var result = restores.start(who, entry.request());
        return Response.seeOther(PageUrls.withMessage(PageUrls.restoreJobs(result.tenant()), Flash.RESTORE_STARTED))
                .build();
    }

    @GET
    @Path("{cluster}/{tenant}/cancel")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance cancelPage(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        requireRestore(access.who(), cluster, tenant);
        return Templates.cancel(cluster, tenant, PendingBackups.newToken(), null);
    }

    @POST
    @Path("{cluster}/{tenant}/cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response cancel(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @FormParam("key") String key, @FormParam("confirmName") String confirmName) {
        Operator who = access.who();
        requireRestore(who, cluster, tenant);
        if (!tenant.equals(confirmName)) {
            return Response.ok(Templates.cancel(cluster, tenant, key, "Type the tenant's name, " + tenant
                    + ", to confirm.")).build();
        }
        restores.cancel(who, cluster, tenant, key);
        return Response.seeOther(PageUrls.withMessage(PageUrls.restoreJobs(tenant), Flash.RESTORE_CANCELED))
                .build();
    }

    @GET
    @Path("{cluster}/{tenant}/activate")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance activatePage(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        Operator who = access.who();
        requireRestore(who, cluster, tenant);
        return Templates.activate(cluster, tenant, restores.role(who, cluster, tenant).orElse("-"),
                PendingBackups.newToken(), null);
    }

    @POST
    @Path("{cluster}/{tenant}/activate")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance activate(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @FormParam("key") String key) {
        Operator who = access.who();
        requireRestore(who, cluster, tenant);
        RestoreActionResult done = restores.activate(who, cluster, tenant, key);
        return Templates.activate(cluster, tenant, done.roleAfter(), key, done);
    }

    // ---- parsing and choices

    /** The request of a form whose fields keep their declared rules. */
    private RestoreRequest request(Form form, String decryption1, String decryption2) {
        validation.valid(form.sourceChoice());
        validation.valid(form);
        List<BackupDestination> uris = form.fromUris() ? RestoreRequest.sourceUris(form.sourceDataUri, form.sourceArchiveUri)
                : List.of();
        String[] source = form.fromUris() ? new String[] {null, null} : form.source.split("/", 2);
        PoolChoice pool = "create".equals(form.poolMode) ? new PoolChoice.Create(trim(form.newPool), trim(form.newUnit), null)
                : new PoolChoice.Existing(trim(form.pool));
        List<EncryptionPassword> passwords = new ArrayList<>();
        for (String password : new String[] {decryption1, decryption2}) {
            if (password != null && !password.isEmpty()) {
                passwords.add(EncryptionPassword.of(password));
            }
        }
        return new RestoreRequest(source[0], source[1], uris, trim(form.targetCluster), trim(form.newTenant), pool, point(form),
                passwords, WholeNumber.Check.read(form.concurrency), given(form.description) ? form.description.trim()
                        : null, PendingBackups.newToken());
    }

    /** A time is read in the zone the form says (the reader's; UTC when none), then shown with UTC beside it. */
    private static RestorePoint point(Form form) {
        try {
            if ("time".equals(form.pointMode)) {
                ZoneId zone = form.zone == null || form.zone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(form.zone.trim());
                return new RestorePoint.AtTime(LocalDateTime.parse(trim(form.time)).atZone(zone).toInstant());
            }
            if ("scn".equals(form.pointMode)) {
                return new RestorePoint.AtScn(Scn.parse(trim(form.scn)));
            }
            return new RestorePoint.Latest();
        } catch (DateTimeException | NullPointerException e) {
            throw new InvalidRequestException("The time is a date and time such as 2024-05-20T09:00 in a zone such as "
                    + "Europe/Berlin or +02:00", "The time is not a date and time");
        } catch (InvalidRestorePointException e) {
            throw new InvalidRequestException(e.getMessage());
        }
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static String trim(String text) {
        return text == null ? null : text.trim();
    }

    /** Every tenant the person may see, as {@code cluster/tenant}. */
    private List<String> sources(Operator who) {
        List<String> sources = new ArrayList<>();
        for (ClusterState cluster : fleet.clusters()) {
            for (TenantState tenant : cluster.tenants()) {
                if (permissions.canView(who, cluster.cluster(), tenant.name())) {
                    sources.add(cluster.cluster() + "/" + tenant.name());
                }
            }
        }
        return sources;
    }

    /** Clusters signed in to as root@sys where the person may restore, each with its free pools. */
    private List<Target> targets(Operator who) {
        return fleet.clusters().stream().filter(c -> c.mode() == ClusterMode.SYS)
                .map(ClusterState::cluster).filter(c -> permissions.canRestoreInCluster(who, c))
                .map(c -> new Target(c, restores.freePools(who, c))).toList();
    }

    private void requireRestoresSomewhere(Operator who) {
        if (fleet.clusters().stream().noneMatch(c -> permissions.canRestoreInCluster(who, c.cluster()))) {
            throw new PageForbiddenException();
        }
    }

    private void requireRestore(Operator who, String cluster, String tenant) {
        if (!permissions.canRestore(who, cluster, tenant)) {
            throw new PageForbiddenException();
        }
    }
}
