package io.obconsole.web;

import io.obconsole.urls.PageUrls;
import io.obconsole.access.Operator;
import io.obconsole.policy.ObjectiveOverride;
import io.obconsole.audit.AuditUnavailableException;
import io.obconsole.backup.ActionForbiddenException;
import io.obconsole.backup.InvalidRequestException;
import io.obconsole.cluster.ClusterUnreachableException;
import io.obconsole.cluster.InvalidIdentifierException;
import io.obconsole.cluster.UnknownTenantException;
import io.obconsole.policy.PolicyRunView;
import io.obconsole.policy.PolicyService;
import io.obconsole.policy.PolicySpec;
import io.obconsole.policy.PolicyView;
import io.obconsole.policy.Schedule;
import io.obconsole.policy.UnknownPolicyException;
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
import java.time.ZoneId;
import java.util.List;

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

        PolicySpec toSpec() {
            ZoneId zone = Schedule.zone(timeZone);
            return new PolicySpec(Schedule.parse(fullCron, fullDays, fullTime, zone),
                    Schedule.parse(incCron, incDays, incTime, zone), concurrency, plusArchivelog,
                    descriptionTemplate == null || descriptionTemplate.isBlank() ? null : descriptionTemplate,
                    encryptionSecret == null || encryptionSecret.isBlank() ? null : encryptionSecret.trim(),
                    ObjectiveOverride.parse(maxBackupAge, maxFullAge, maxArchiveLag));
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
            @FormParam("fullDays") List<String> fullDays, @FormParam("fullTime") String fullTime,
            @FormParam("fullCron") String fullCron, @FormParam("incDays") List<String> incDays,
            @FormParam("incTime") String incTime, @FormParam("incCron") String incCron,
            @FormParam("timeZone") String timeZone, @FormParam("concurrency") String concurrency,
            @FormParam("plusArchivelog") boolean plusArchivelog, @FormParam("descriptionTemplate") String description,
            @FormParam("encryptionSecret") String secret, @FormParam("maxBackupAge") String maxBackupAge,
            @FormParam("maxFullAge") String maxFullAge, @FormParam("maxArchiveLag") String maxArchiveLag) {
        Operator who = access.who();
        PolicyForm form = new PolicyForm(fullDays == null ? List.of() : fullDays, fullTime, fullCron,
                incDays == null ? List.of() : incDays, incTime, incCron, timeZone, null, plusArchivelog, description, secret,
                maxBackupAge, maxFullAge, maxArchiveLag);
        try {
            form = new PolicyForm(form.fullDays(), fullTime, fullCron, form.incDays(), incTime, incCron, timeZone,
                    concurrency(concurrency), plusArchivelog, description, secret, maxBackupAge, maxFullAge, maxArchiveLag);
            policies.save(who, cluster, tenant, form::toSpec);
            return redirect(cluster, tenant, Flash.POLICY_SAVED);
        } catch (InvalidRequestException | InvalidIdentifierException | UnknownTenantException
                | ClusterUnreachableException | AuditUnavailableException e) {
            return page(who, cluster, tenant, form, e.getMessage(), null, e instanceof AuditUnavailableException
                    || e instanceof ClusterUnreachableException ? 503 : 400);
        } catch (ActionForbiddenException e) {
            throw new PageForbiddenException();
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
        } catch (ActionForbiddenException e) {
            throw new PageForbiddenException();
        } catch (UnknownPolicyException | AuditUnavailableException e) {
            return page(who, cluster, tenant, null, e.getMessage(), null, e instanceof AuditUnavailableException ? 503 : 404);
        }
    }

    private Response page(Operator who, String cluster, String tenant, PolicyForm typed, String error, String message,
            int status) {
        PolicyView policy;
        List<PolicyRunView> runs;
        try {
            policy = policies.get(who, cluster, tenant);
            runs = policies.runs(who, cluster, tenant, 50);
        } catch (UnknownPolicyException e) {
            policy = null;
            runs = List.of();
        } catch (ActionForbiddenException e) {
            throw new PageForbiddenException();
        }
        boolean mayManage = tenant.equals("*") ? access.canOperateAllTenants(who, cluster)
                : access.canOperate(who, cluster, tenant);
        PolicyForm form = typed != null ? typed : PolicyForm.of(policy);
        return Response.status(status).entity(Templates.policy(cluster, tenant, policy, runs, mayManage, form, DAYS, error,
                message)).type(MediaType.TEXT_HTML_TYPE).build();
    }

    private static Integer concurrency(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("Backup concurrency must be a whole number from 0 to 100");
        }
    }

    private static Response redirect(String cluster, String tenant, String flash) {
        return Response.seeOther(PageUrls.withMessage(PageUrls.tenantPolicy(cluster, tenant), flash)).build();
    }
}
