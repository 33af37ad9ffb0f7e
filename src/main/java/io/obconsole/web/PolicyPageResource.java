package io.obconsole.web;

import io.obconsole.urls.PageUrls;
import io.obconsole.access.Operator;
import io.obconsole.backup.InputValidation;
import io.obconsole.backup.Quote;
import io.obconsole.backup.WholeNumber;
import io.obconsole.failure.Failure;
import io.obconsole.failure.FailureKind;
import io.obconsole.policy.CronSchedule;
import io.obconsole.policy.DayOfWeekName;
import io.obconsole.policy.NamedSecrets;
import io.obconsole.policy.ObjectiveFigures;
import io.obconsole.policy.PolicyRunView;
import io.obconsole.policy.PolicyService;
import io.obconsole.policy.PolicySpec;
import io.obconsole.policy.PolicyView;
import io.obconsole.policy.Schedule;
import io.obconsole.policy.TimeOfDay;
import io.obconsole.policy.TimeZoneName;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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
import java.net.URI;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A tenant's backup policy: its schedules and next five runs (in the reader's zone), its runs
 * with their outcomes and jobs, and for admins and operators in scope the form that creates or
 * replaces it, pause/resume and delete. The policy service decides and audits every change.
 */
@Path("/clusters/{cluster}/tenants/{tenant}/policy")
public class PolicyPageResource {

    /** What the form shows: the stored policy's values, or what was typed before an error. */
    public record PolicyForm(List<String> fullDays, String fullTime, String fullCron, List<String> incDays, String incTime,
            String incCron, String timeZone, Integer concurrency, boolean plusArchivelog, String descriptionTemplate,
            String encryptionSecret, String maxBackupAge, String maxFullAge, String maxArchiveLag) {

        static PolicyForm of(PolicyView p) {
            if (p == null) {
                return new PolicyForm(List.of(), "", "", List.of(), "", "", "UTC", null, false, "", "", "", "", "");
            }
            PolicyView.PolicyObjective o = p.objective() == null ? new PolicyView.PolicyObjective(null, null, null) : p.objective();
            return new PolicyForm(days(p.full()), time(p.full()), cron(p.full()), days(p.incremental()), time(p.incremental()),
                    cron(p.incremental()), p.timeZone(), p.concurrency(), p.plusArchivelog(),
                    p.descriptionTemplate() == null ? "" : p.descriptionTemplate(),
                    p.secretName() == null ? "" : p.secretName(), text(o.maxBackupAge()), text(o.maxFullAge()),
                    text(o.maxArchiveLag()));
        }

        private static String text(String value) {
            return value == null ? "" : value;
        }

        private static List<String> days(PolicyView.ScheduleView s) {
            return s == null || s.days() == null ? List.of() : s.days().stream().map(d -> d.name().substring(0, 3)).toList();
        }

        private static String time(PolicyView.ScheduleView s) {
            return s == null || s.time() == null ? "" : s.time();
        }

        private static String cron(PolicyView.ScheduleView s) {
            return s == null || s.days() != null ? "" : s.cron();
        }

        public ScheduleFields fullFields() {
            return ScheduleFields.of("full", fullDays, fullTime, fullCron);
        }

        public ScheduleFields incFields() {
            return ScheduleFields.of("inc", incDays, incTime, incCron);
        }
    }

    /**
     * The form as posted. The shape of each field is declared here; it is checked once the person
     * may manage the policy (a refusal then is audited), except a concurrency that is no number at all.
     */
    public static class PolicyInput {
        @RestForm
        List<@DayOfWeekName(payload = Quote.AfterColon.class) String> fullDays;
        @RestForm
        @TimeOfDay(payload = Quote.AfterColon.class)
        String fullTime;
        @RestForm
        @CronSchedule(payload = Quote.AfterColon.class)
        String fullCron;
        @RestForm
        List<@DayOfWeekName(payload = Quote.AfterColon.class) String> incDays;
        @RestForm
        @TimeOfDay(payload = Quote.AfterColon.class)
        String incTime;
        @RestForm
        @CronSchedule(payload = Quote.AfterColon.class)
        String incCron;
        @RestForm
        @TimeZoneName(payload = Quote.AfterColon.class)
        String timeZone;
        @RestForm
        @WholeNumber(what = "Backup concurrency", min = 0, max = 100, groups = InputValidation.Readable.class)
        String concurrency;
        @RestForm
        boolean plusArchivelog;
        @RestForm
        @Size(max = 200, message = "{policy.description}")
        String descriptionTemplate;
        @RestForm
        @Pattern(regexp = NamedSecrets.TYPED_NAME, message = "{secret.name}")
        String encryptionSecret;
        @RestForm
        String maxBackupAge;
        @RestForm
        String maxFullAge;
        @RestForm
        String maxArchiveLag;

        /** The objective's figures, whose rules {@link ObjectiveFigures} declares. */
        ObjectiveFigures objective() {
            return ObjectiveFigures.recoveryPoint(maxBackupAge, maxFullAge, maxArchiveLag);
        }

        /** The concurrency typed, once it is a whole number. */
        Concurrency concurrency() {
            return new Concurrency(WholeNumber.Check.read(concurrency));
        }

        /**
         * The concurrency as a number, with its range. A record of its own and not a getter: the REST
         * layer would validate a constrained getter of the form each time it is called.
         */
        record Concurrency(@Min(value = 0, message = "{policy.concurrency}", payload = Quote.Got.class)
                @Max(value = 100, message = "{policy.concurrency}", payload = Quote.Got.class) Integer value) {
        }

        /** What the form shows again after an error, with the concurrency once it is read. */
        PolicyForm typed(Integer readConcurrency) {
            return new PolicyForm(fullDays == null ? List.of() : fullDays, fullTime, fullCron,
                    incDays == null ? List.of() : incDays, incTime, incCron, timeZone, readConcurrency, plusArchivelog,
                    descriptionTemplate, encryptionSecret, maxBackupAge, maxFullAge, maxArchiveLag);
        }

        PolicySpec toSpec() {
            ZoneId zone = Schedule.zone(timeZone);
            return new PolicySpec(Schedule.parse(fullCron, fullDays, fullTime, zone),
                    Schedule.parse(incCron, incDays, incTime, zone), concurrency().value(), plusArchivelog,
                    descriptionTemplate == null || descriptionTemplate.isBlank() ? null : descriptionTemplate,
                    encryptionSecret == null || encryptionSecret.isBlank() ? null : encryptionSecret.trim(),
                    objective().recoveryPointOverride());
        }
    }

    public static final List<String> DAYS = List.of("MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance policy(String cluster, String tenant, PolicyView policy, List<PolicyRunView> runs,
                boolean mayManage, PolicyForm form, List<String> days, String error, String message);
    }

    @Inject
    PageAccess access;

    @Inject
    PolicyService policies;

    @Inject
    Messages msg;

    @Inject
    InputValidation validation;

    @Inject
    PageFailures failures;

    /** A policy the form is sent back for. */
    private static final Set<FailureKind> SAVE_REFUSED = EnumSet.of(FailureKind.INVALID_REQUEST, FailureKind.INVALID_NAME,
            FailureKind.UNKNOWN_TENANT, FailureKind.CLUSTER_UNREACHABLE, FailureKind.AUDIT_UNAVAILABLE);

    /** A pause, resume or delete the page tells of. */
    private static final Set<FailureKind> NO_POLICY = EnumSet.of(FailureKind.UNKNOWN_POLICY);

    private static final Set<FailureKind> NOT_DONE = EnumSet.of(FailureKind.UNKNOWN_POLICY, FailureKind.AUDIT_UNAVAILABLE);

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @QueryParam("msg") String message) {
        Operator who = access.who();
        access.requireView(who, cluster, tenant);
        return page(who, cluster, tenant, null, null, Flash.text(msg, message), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response save(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant,
            @BeanParam PolicyInput input) {
        Operator who = access.who();
        PolicyForm form = input.typed(null);
        try {
            validation.valid(input, InputValidation.Readable.class);
            form = input.typed(input.concurrency().value());
            policies.save(who, cluster, tenant, () -> {
                validation.valid(input);
                validation.valid(input.objective(), ObjectiveFigures.RecoveryPoint.class);
                validation.valid(input.concurrency());
                return input.toSpec();
            });
            return redirect(cluster, tenant, Flash.POLICY_SAVED);
        } catch (RuntimeException e) {
            Failure failure = failures.refusedInForm(e, SAVE_REFUSED);
            return page(who, cluster, tenant, form, failure.pageText(), null, failure.status());
        }
    }

    @POST
    @Path("pause")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response pause(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return act(cluster, tenant, who -> policies.pause(who, cluster, tenant), Flash.POLICY_PAUSED);
    }

    @POST
    @Path("resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response resume(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return act(cluster, tenant, who -> policies.resume(who, cluster, tenant), Flash.POLICY_RESUMED);
    }

    @POST
    @Path("delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response delete(@PathParam("cluster") String cluster, @PathParam("tenant") String tenant) {
        return act(cluster, tenant, who -> policies.delete(who, cluster, tenant), Flash.POLICY_DELETED);
    }

    private Response act(String cluster, String tenant, java.util.function.Consumer<Operator> action, String flash) {
        Operator who = access.who();
        try {
            action.accept(who);
            return redirect(cluster, tenant, flash);
        } catch (RuntimeException e) {
            Failure failure = failures.shown(e, NOT_DONE);
            return page(who, cluster, tenant, null, failure.pageText(), null, failure.status());
        }
    }

    private Response page(Operator who, String cluster, String tenant, PolicyForm typed, String error, String message,
            int status) {
        PolicyView policy;
        List<PolicyRunView> runs;
        try {
            policy = policies.get(who, cluster, tenant);
            runs = policies.runs(who, cluster, tenant, 50);
        } catch (RuntimeException e) {
            failures.shown(e, NO_POLICY);
            policy = null;
            runs = List.of();
        }
        boolean mayManage = tenant.equals("*") ? access.canOperateAllTenants(who, cluster)
                : access.canOperate(who, cluster, tenant);
        PolicyForm form = typed != null ? typed : PolicyForm.of(policy);
        return Response.status(status).entity(Templates.policy(cluster, tenant, policy, runs, mayManage, form, DAYS, error,
                message)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private static Response redirect(String cluster, String tenant, String flash) {
        return Response.seeOther(PageUrls.withMessage(PageUrls.tenantPolicy(cluster, tenant), flash)).build();
    }
}
