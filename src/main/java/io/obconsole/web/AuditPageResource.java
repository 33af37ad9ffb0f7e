package io.obconsole.web;

import io.obconsole.failure.FailureKind;
import io.obconsole.access.Operator;
import io.obconsole.access.TenantScope;
import io.obconsole.audit.AuditAction;
import io.obconsole.audit.AuditConfig;
import io.obconsole.audit.AuditCsv;
import io.obconsole.audit.AuditFilter;
import io.obconsole.audit.AuditOutcome;
import io.obconsole.audit.AuditPage;
import io.obconsole.audit.AuditQuery;
import io.obconsole.audit.ChainReport;
import io.obconsole.audit.ChainVerifier;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The audit trail for people: filtered to what the reader may see, a CSV of the same filter, and
 * for admins the chain check. Reading the trail changes nothing, so even the check is a GET.
 */
@Path("/audit")
public class AuditPageResource {

    /** Every kind of action the trail can hold, for the Action filter. */
    static final List<String> ACTIONS = Arrays.stream(AuditAction.values()).map(Enum::name).toList();
    static final int PAGE_SIZE = 100;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance audit(AuditWebFilter filter, AuditPaging paging, boolean admin, ChainReport chain,
                List<String> actions, List<String> outcomes, String error);
    }

    private static final Set<FailureKind> AUDIT_DOWN = Set.of(FailureKind.AUDIT_UNAVAILABLE);

    @Inject
    PageFailures failures;

    @Inject
    PageAccess access;

    @Inject
    AuditQuery query;

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response audit(@QueryParam("actor") String actor, @QueryParam("cluster") String cluster,
            @QueryParam("tenant") String tenant, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("verify") boolean verify, @QueryParam("page") @DefaultValue("1") int page) {
        Operator who = access.who();
        TenantScope visible = access.requireViewScope(who);
        boolean admin = access.isAdmin(who);
        if (verify && !admin) {
            throw new PageForbiddenException();
        }
        AuditWebFilter typed = new AuditWebFilter(actor, cluster, tenant, action, outcome, from, to);
        AuditWebFilter matched = typed;
        AuditPage records;
        String error = null;
        ChainReport chain;
        try {
            try {
                records = query.page(typed.toAuditFilter(), visible, Math.max(1, page) - 1, PAGE_SIZE);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
                matched = AuditWebFilter.NONE;
                records = query.page(AuditFilter.ANY, visible, 0, PAGE_SIZE);
            }
            chain = verify ? verifier.verify() : null;
        } catch (RuntimeException e) {
            failures.shown(e, AUDIT_DOWN);
            return AuditUnavailablePage.response();
        }
        List<String> outcomes = Arrays.stream(AuditOutcome.values()).map(Enum::name).toList();
        TemplateInstance shown = Templates.audit(typed, new AuditPaging(matched, records), admin, chain, ACTIONS, outcomes,
                error);
        return Response.status(error == null ? 200 : 400).type(MediaType.TEXT_HTML_TYPE).entity(shown).build();
    }

    @GET
    @Path("export.csv")
    @Produces(AuditCsv.MEDIA_TYPE)
    public Response csv(@QueryParam("actor") String actor, @QueryParam("cluster") String cluster,
            @QueryParam("tenant") String tenant, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to) {
        TenantScope visible = access.requireViewScope(access.who());
        AuditFilter filter;
        try {
            filter = new AuditWebFilter(actor, cluster, tenant, action, outcome, from, to).toAuditFilter();
        } catch (IllegalArgumentException e) {
            return Response.status(400).type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build();
        }
        List<io.obconsole.audit.AuditEntry> entries;
        try {
            entries = query.list(filter, visible, config.csvMaxRows());
        } catch (RuntimeException e) {
            failures.shown(e, AUDIT_DOWN);
            return AuditUnavailablePage.response();
        }
        StreamingOutput body = out -> {
            OutputStreamWriter writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            AuditCsv.write(entries, writer);
            writer.flush();
        };
        return Response.ok(body, MediaType.valueOf(AuditCsv.MEDIA_TYPE + ";charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"").build();
    }
}
