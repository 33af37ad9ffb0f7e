package io.obconsole.web;

import io.obconsole.access.Operator;
import io.obconsole.backup.InputValidation;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.backup.Quote;
import io.obconsole.backup.WholeNumber;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.drill.DrillPoint;
import io.obconsole.drill.DrillPolicyView;
import io.obconsole.drill.DrillProof;
import io.obconsole.drill.DrillOverview;
import io.obconsole.drill.DrillRunView;
import io.obconsole.drill.DrillService;
import io.obconsole.drill.DrillSpec;
import io.obconsole.failure.Failure;
import io.obconsole.failure.FailureKind;
import io.obconsole.fleet.FleetView;
import io.obconsole.policy.CronSchedule;
import io.obconsole.policy.DayOfWeekName;
import io.obconsole.policy.NamedSecrets;
import io.obconsole.policy.PolicyEntity;
import io.obconsole.policy.PolicyView;
import io.obconsole.policy.Schedule;
import io.obconsole.policy.TimeOfDay;
import io.obconsole.policy.TimeZoneName;
import io.obconsole.urls.PageUrls;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.jboss.resteasy.reactive.RestForm;

/**
 * Restore drill policies as pages: the list, one policy with its drills, and for admins the form
 * (the backup policy's schedule fields), pause/resume, run now and delete after a confirmation.
 * Operators and viewers read. The drill service decides, validates and audits every change.
 */
@Path("/drills")
@TemplateData(target = DrillRunView.class)
@TemplateData(target = DrillPolicyView.class)
@TemplateData(target = DrillProof.class)
@TemplateData(target = DrillOverview.Standing.class)
public class DrillPageResource {

    private static final int HISTORY = 20;

    /** What the form shows: the stored policy's values, or what was typed before an error. */
    @TemplateData
    public record DrillForm(String target, List<String> days, String time, String cron, String timeZone,
            String drillCluster, String drillPool, String point, String decryptionSecret, String concurrency,
            String timeLimitMinutes) {

        static DrillForm blank(String target) {
            return new DrillForm(target == null ? "" : target, List.of(), "", "", "UTC", "", "", DrillPoint.LATEST.name(),
                    "", "", "60");
        }

        static DrillForm of(DrillPolicyView p) {
            PolicyView.ScheduleView s = p.schedule();
            boolean weekly = s.days() != null;
            return new DrillForm(p.cluster() + "/" + p.tenant(),
                    weekly ? s.days().stream().map(d -> d.name().substring(0, 3)).toList() : List.of(),
                    weekly && s.time() != null ? s.time() : "", weekly ? "" : s.cron(), p.timeZone(), p.drillCluster(),
                    p.drillPool() == null ? "" : p.drillPool(), p.point().name(),
                    p.decryptionSecret() == null ? "" : p.decryptionSecret(),
                    p.concurrency() == null ? "" : p.concurrency().toString(), String.valueOf(p.timeLimitMinutes()));
        }

        public ScheduleFields scheduleFields() {
            return ScheduleFields.of("drill", days, time, cron);
        }

        public boolean pointIs(String choice) {
            return choice.equals(point);
        }
    }

    /**
     * The form as posted. The shape of each field is declared here; it is checked once the person
     * may manage drill policies, so a refusal is audited like every invalid request.
     */
    public static class DrillInput {
        @RestForm
        String target;
        @RestForm
        List<@DayOfWeekName(payload = Quote.AfterColon.class) String> drillDays;
        @RestForm
        @TimeOfDay(payload = Quote.AfterColon.class)
        String drillTime;
        @RestForm
        @CronSchedule(payload = Quote.AfterColon.class)
        String drillCron;
        @RestForm
        @TimeZoneName(payload = Quote.AfterColon.class)
        String timeZone;
        @RestForm
        String drillCluster;
        @RestForm
        String drillPool;
        @RestForm
        @NotNull(message = "{drill.point.form}")
        @Pattern(regexp = "LATEST|RANDOM", message = "{drill.point.form}")
        String point;
        @RestForm
        @Pattern(regexp = NamedSecrets.TYPED_NAME, message = "{secret.name}")
        String decryptionSecret;
        @RestForm
        @WholeNumber(what = "Restore concurrency", min = 0, max = 100, payload = Quote.GotInQuotes.class)
        String concurrency;
        @RestForm
        @WholeNumber(what = "The time limit", min = 1, max = 2880, message = "{drill.timeLimitMinutes}",
                payload = Quote.GotInQuotes.class)
        String timeLimitMinutes;

        /** What the form shows again after an error; {@code target} is the policy's own when it exists. */
        DrillForm typed(String target) {
            return new DrillForm(target, drillDays == null ? List.of() : drillDays, drillTime, drillCron, timeZone,
                    drillCluster, drillPool, point, decryptionSecret, concurrency, timeLimitMinutes);
        }

        /** The concurrency typed, as a number with its range (a record: see {@link PolicyPageResource.PolicyInput}). */
        Concurrency concurrency() {
            return new Concurrency(WholeNumber.Check.read(concurrency));
        }

        record Concurrency(@Min(value = 0, message = "{drill.concurrency}", payload = Quote.Got.class)
                @Max(value = 100, message = "{drill.concurrency}", payload = Quote.Got.class) Integer value) {
        }

        DrillSpec toSpec() {
            Integer minutes = WholeNumber.Check.read(timeLimitMinutes);
            return new DrillSpec(Schedule.parse(drillCron, drillDays, drillTime, Schedule.zone(timeZone)),
                    blankToNull(drillCluster), blankToNull(drillPool), DrillPoint.valueOf(point),
                    blankToNull(decryptionSecret), concurrency().value(), minutes == null ? null : Duration.ofMinutes(minutes));
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.trim();
        }
    }

    /** A tenant (or {@code cluster/*}) a new policy may cover, as the form's list offers it. */
    public record Target(String value, String label) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<DrillPolicyView> policies, boolean mayManage, String message);

        static native TemplateInstance create(DrillForm form, List<Target> targets, List<String> days,
                List<String> clusters, String error);

        static native TemplateInstance policy(String cluster, String tenant, DrillPolicyView policy,
                DrillHistory history, boolean mayManage, DrillForm form, List<String> days, List<String> clusters,
                String error, String message);

        static native TemplateInstance confirmDelete(DrillPolicyView policy);
    }

    @Inject
    PageAccess access;

    @Inject
    DrillService drills;

    @Inject
    InputValidation validation;

    @Inject
    FleetView fleet;

    @Inject
    ClusterGateway gateway;

    @Inject
    Messages msg;

    @Inject
    DrillMessages dmsg;

    @Inject
    PageFailures failures;

    /** A drill policy the form is sent back for. */
    private static final Set<FailureKind> SAVE_REFUSED = EnumSet.of(FailureKind.INVALID_REQUEST, FailureKind.INVALID_NAME,
            FailureKind.UNKNOWN_TENANT, FailureKind.UNKNOWN_CLUSTER, FailureKind.CLUSTER_UNREACHABLE,
            FailureKind.AUDIT_UNAVAILABLE);

    /** A pause, resume, run or delete the page tells of. */
    private static final Set<FailureKind> NOT_DONE = EnumSet.of(FailureKind.UNKNOWN_POLICY, FailureKind.AUDIT_UNAVAILABLE,
            FailureKind.CLUSTER_UNREACHABLE, FailureKind.INVALID_NAME, FailureKind.UNKNOWN_CLUSTER);

    private static final Set<FailureKind> NO_POLICY = EnumSet.of(FailureKind.UNKNOWN_POLICY);

    /** A cluster the address names that does not exist, or a name that cannot be one. */
    private static final Set<FailureKind> MISSING = EnumSet.of(FailureKind.UNKNOWN_CLUSTER, FailureKind.INVALID_NAME);

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("msg") String message) {
        Operator who = access.who();
        return Templates.list(drills.list(who), access.isAdmin(who), flash(message));
    }

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance create(@QueryParam("target") String target) {
        Operator who = access.who();
        access.requireAdmin(who);
        return Templates.create(DrillForm.blank(target), targets(who), PolicyPageResource.DAYS, clusters(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response create(@BeanParam DrillInput input) {
        Operator who = access.who();
        String target = input.target;
        DrillForm form = input.typed(target);
        int slash = target == null ? -1 : target.indexOf('/');
        try {
            if (slash <= 0 || slash == target.length() - 1) {
                throw new InvalidRequestException("Choose the tenant (or every tenant of a cluster) to drill");
            }
            String cluster = target.substring(0, slash);
            String tenant = target.substring(slash + 1);
            drills.save(who, cluster, tenant, () -> read(input));
            return redirect(PageUrls.drillPolicy(cluster, tenant), SAVED);
        } catch (RuntimeException e) {
            Failure failure = failures.refusedInForm(e, SAVE_REFUSED);
            return Response.status(failure.status()).type(MediaType.TEXT_HTML_TYPE)
                    .entity(Templates.create(form, targets(who), PolicyPageResource.DAYS, clusters(), failure.pageText()))
                    .build();
        }
    }

    /** The drill policy the form describes, once its fields keep their declared rules. */
    private DrillSpec read(DrillInput input) {
        validation.valid(input);
        validation.valid(input.concurrency());
        return input.toSpec();
    }

    @GET
    @Path("{cluster}/{tenant}")
    @Produces(MediaType.TEXT_HTML)
    public Response policy(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @QueryParam("msg") String message) {
        return page(access.who(), cluster, tenant, null, null, flash(message), 200);
    }

    @POST
    @Path("{cluster}/{tenant}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @BeanParam DrillInput input) {
        Operator who = access.who();
        DrillForm form = input.typed(cluster + "/" + tenant);
        try {
            drills.save(who, cluster, tenant, () -> read(input));
            return redirect(PageUrls.drillPolicy(cluster, tenant), SAVED);
        } catch (RuntimeException e) {
            Failure failure = failures.refusedInForm(e, SAVE_REFUSED);
            return page(who, cluster, tenant, form, failure.pageText(), null, failure.status());
        }
    }

    @POST
    @Path("{cluster}/{tenant}/pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response pause(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return act(cluster, tenant, who -> drills.pause(who, cluster, tenant), PageUrls.drillPolicy(cluster, tenant),
                PAUSED);
    }

    @POST
    @Path("{cluster}/{tenant}/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response resume(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return act(cluster, tenant, who -> drills.resume(who, cluster, tenant), PageUrls.drillPolicy(cluster, tenant),
                RESUMED);
    }

    /** A drill now, outside the schedule; a tenant's is watched on its tenant page, a cluster's on the policy's. */
    @POST
    @Path("{cluster}/{tenant}/run")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response run(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        String watch = PolicyEntity.ALL_TENANTS.equals(tenant) ? PageUrls.drillPolicy(cluster, tenant)
                : PageUrls.tenant(cluster, tenant) + "#drills-section";
        return act(cluster, tenant, who -> drills.runNow(who, cluster, tenant), watch, STARTED);
    }

    @GET
    @Path("{cluster}/{tenant}/delete")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance confirmDelete(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        Operator who = access.who();
        access.requireAdmin(who);
        try {
            return Templates.confirmDelete(drills.get(who, cluster, tenant));
        } catch (RuntimeException e) {
            throw failures.thrown(e, NO_POLICY);
        }
    }

    @POST
    @Path("{cluster}/{tenant}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return act(cluster, tenant, who -> drills.delete(who, cluster, tenant), PageUrls.drillPolicies(), DELETED);
    }

    // ---- rendering

    private Response act(String cluster, String tenant, Consumer<Operator> action, String then, String flash) {
        Operator who = access.who();
        try {
            action.accept(who);
            return redirect(then, flash);
        } catch (RuntimeException e) {
            Failure failure = failures.refusedInForm(e, NOT_DONE);
            return page(who, cluster, tenant, null, failure.pageText(), null, failure.status());
        }
    }

    private Response page(Operator who, String cluster, String tenant, DrillForm typed, String error, String message,
            int status) {
        DrillPolicyView policy;
        List<DrillRunView> runs;
        try {
            runs = PolicyEntity.ALL_TENANTS.equals(tenant) ? List.of() : drills.history(who, cluster, tenant, HISTORY);
            policy = drills.get(who, cluster, tenant);
        } catch (RuntimeException e) {
            failures.shown(e, NO_POLICY, MISSING);
            policy = null;
            runs = PolicyEntity.ALL_TENANTS.equals(tenant) ? List.of() : drills.history(who, cluster, tenant, HISTORY);
        }
        boolean mayManage = access.isAdmin(who);
        DrillForm form = typed != null ? typed : policy != null ? DrillForm.of(policy) : DrillForm.blank(cluster + "/" + tenant);
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.policy(cluster, tenant, policy,
                DrillHistory.of(runs), mayManage, form, PolicyPageResource.DAYS, clusters(), error, message)).build();
    }

    /** Every tenant {@code who} may see, and each cluster's {@code *}, as choices for a new policy. */
    private List<Target> targets(Operator who) {
        List<Target> targets = new ArrayList<>();
        for (FleetView.VisibleCluster visible : fleet.clusters(who)) {
            String cluster = visible.state().cluster();
            targets.add(new Target(cluster + "/" + PolicyEntity.ALL_TENANTS, dmsg.target_all(cluster)));
            visible.tenants().forEach(t -> targets.add(new Target(cluster + "/" + t.name(), cluster + " › " + t.name())));
        }
        return targets;
    }

    private List<String> clusters() {
        return gateway.clusters().stream().sorted().toList();
    }

    // ---- the one-line messages after a redirect (only these keys are shown)

    static final String SAVED = "drill-policy-saved";
    static final String PAUSED = "drill-policy-paused";
    static final String RESUMED = "drill-policy-resumed";
    static final String DELETED = "drill-policy-deleted";
    static final String STARTED = "drill-started";

    private String flash(String key) {
        if (key == null) {
            return null;
        }
        return switch (key) {
            case SAVED -> dmsg.flash_saved();
            case PAUSED -> dmsg.flash_paused();
            case RESUMED -> dmsg.flash_resumed();
            case DELETED -> dmsg.flash_deleted();
            case STARTED -> dmsg.flash_started();
            default -> Flash.text(msg, key);
        };
    }

    private static Response redirect(String path, String flash) {
        return Response.seeOther(PageUrls.withMessage(path, flash)).build();
    }
}
