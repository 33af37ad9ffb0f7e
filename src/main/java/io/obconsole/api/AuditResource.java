package io.obconsole.api;

import io.obconsole.access.Operator;
import io.obconsole.access.Permissions;
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
import io.obconsole.audit.Refusals;
import io.obconsole.backup.ActionForbiddenException;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The audit trail over HTTP: filtered pages as JSON, or CSV on {@code Accept: text/csv}, and
 * the chain check for admins. Everyone sees only the records of what they may view.
 */
@Path("/api/v1/audit")
@Authenticated
public class AuditResource {

    static final MediaType CSV = MediaType.valueOf(AuditCsv.MEDIA_TYPE);

    @Inject
    Permissions permissions;

    @Inject
    AuditQuery query;

    @Inject
    ChainVerifier verifier;

    @Inject
    AuditConfig config;

    @Inject
    Refusals refusals;

    @GET
    @Produces({ MediaType.APPLICATION_JSON, AuditCsv.MEDIA_TYPE })
    public Response list(@QueryParam("actor") String actor, @QueryParam("cluster") String cluster,
            @QueryParam("tenant") String tenant, @QueryParam("action") String action,
            @QueryParam("outcome") String outcome, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size,
            @Context HttpHeaders headers) {
        TenantScope visible = visibleScope();
        AuditFilter filter = new AuditFilter(blankToNull(actor), blankToNull(cluster), blankToNull(tenant),
                blankToNull(action), outcome(outcome), instant("from", from), instant("to", to));
        if (wantsCsv(headers)) {
            // read before the first byte is sent, so an unavailable trail can still answer 503
            var entries = query.list(filter, visible, config.csvMaxRows());
            StreamingOutput body = out -> AuditCsv.write(entries, new OutputStreamWriter(out, StandardCharsets.UTF_8));
            return Response.ok(body, CSV.withCharset("UTF-8"))
                    .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                    .build();
        }
        AuditPage result = query.page(filter, visible, page, size);
        return Response.ok(result, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("verify")
    @Produces(MediaType.APPLICATION_JSON)
    public ChainReport verify() {
        Operator who = permissions.current();
        if (!permissions.isAdmin(who)) {
            refusals.forbidden(who, AuditAction.AUDIT_VERIFY, "", List.of(), "admins only");
            throw new ActionForbiddenException("Only admins may check the audit chain");
        }
        return verifier.verify();
    }

    private TenantScope visibleScope() {
        Operator who = permissions.current();
        TenantScope visible = permissions.viewScope(who);
        if (visible.isEmpty()) {
            refusals.forbidden(who, AuditAction.AUDIT_READ, "", List.of(), "no console role or no tenant scope");
            throw new ActionForbiddenException("You have no console role or no tenant scope");
        }
        return visible;
    }

    /** CSV only when asked for by name before JSON; a browser's or curl's wildcard gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        for (MediaType accepted : headers.getAcceptableMediaTypes()) {
            if (accepted.isWildcardType() || accepted.isWildcardSubtype()) {
                return false;
            }
            if (accepted.isCompatible(CSV)) {
                return true;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }

    private static AuditOutcome outcome(String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Unknown outcome '" + value + "'");
        }
    }

    private static Instant instant(String name, String value) {
        if (blankToNull(value) == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new BadRequestException("'" + name + "' must be a UTC time like 2026-01-31T12:00:00Z");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
