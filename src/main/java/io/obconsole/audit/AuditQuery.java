package io.obconsole.audit;

import io.obconsole.access.TenantScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Reads the trail for people, newest first, filtered in the database by what they asked for
 * and by what they may see: a record is visible when its cluster is wholly in scope, or when
 * every tenant it names is in scope (so "every tenant" records need {@code cluster/*}, and a
 * record naming an out-of-scope tenant stays hidden, since even its name is not theirs to see).
 */
@ApplicationScoped
public class AuditQuery {

    public static final int MAX_PAGE_SIZE = 500;

    @Inject
    EntityManager em;

    @Inject
    AuditConfig config;

    /** @throws AuditUnavailableException when the audit database does not answer in time */
    public AuditPage page(AuditFilter filter, TenantScope visible, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, Math.min(page, Integer.MAX_VALUE / MAX_PAGE_SIZE));
        Where where = Where.of(filter, visible);
        return AuditReads.read(readTimeout(), () -> {
            long total = ((Number) where.bind(em.createNativeQuery("SELECT COUNT(*) FROM audit_record r" + where.sql))
                    .getSingleResult()).longValue();
            return new AuditPage(rows(where, safePage * safeSize, safeSize), total, safePage, safeSize);
        });
    }

    /** Up to {@code limit} matching records, newest first; for exports. */
    public List<AuditEntry> list(AuditFilter filter, TenantScope visible, int limit) {
        return AuditReads.read(readTimeout(), () -> rows(Where.of(filter, visible), 0, Math.max(1, limit)));
    }

    private int readTimeout() {
        return (int) Math.max(1, config.readTimeout().toSeconds());
    }

    private List<AuditEntry> rows(Where where, int offset, int limit) {
        Query query = where.bind(em.createNativeQuery("SELECT r.* FROM audit_record r" + where.sql
                + " ORDER BY r.id DESC", AuditRecord.class));
        @SuppressWarnings("unchecked")
        List<AuditRecord> records = query.setFirstResult(offset).setMaxResults(limit).getResultList();
        return records.stream().map(AuditEntry::of).toList();
    }

    /** The WHERE clause and its positional parameters. */
    private static final class Where {

        private final StringBuilder sql = new StringBuilder(" WHERE 1 = 1");
        private final List<Object> params = new ArrayList<>();

        static Where of(AuditFilter f, TenantScope visible) {
            Where w = new Where();
            w.actor(f.actor());
            w.equal("r.cluster_name", f.cluster());
            w.equal("r.action_name", f.action());
            w.equal("r.outcome", f.outcome() == null ? null : f.outcome().name());
            if (f.tenant() != null) {
                w.sql.append(" AND EXISTS (SELECT 1 FROM audit_record_tenant ft WHERE ft.record_id = r.id")
                        .append(" AND ft.tenant_name IN (").append(w.param(f.tenant())).append(", '*'))");
            }
            if (f.from() != null) {
                w.sql.append(" AND r.recorded_at >= ").append(w.param(LocalDateTime.ofInstant(f.from(), ZoneOffset.UTC)));
            }
            if (f.to() != null) {
                w.sql.append(" AND r.recorded_at < ").append(w.param(LocalDateTime.ofInstant(f.to(), ZoneOffset.UTC)));
            }
            w.visibleIn(visible);
            return w;
        }

        /**
         * The actor as typed, as the whole name or as whole words of it: {@code ada} also finds
         * {@code policy 1 on behalf of ada}, {@code policy 1} finds that policy's runs but not policy 12's.
         */
        private void actor(String value) {
            if (value == null) {
                return;
            }
            String words = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            sql.append(" AND (r.actor_username = ").append(param(value))
                    .append(" OR r.actor_username LIKE ").append(param(words + " %"))
                    .append(" OR r.actor_username LIKE ").append(param("% " + words))
                    .append(" OR r.actor_username LIKE ").append(param("% " + words + " %")).append(')');
        }

        private void equal(String column, String value) {
            if (value != null) {
                sql.append(" AND ").append(column).append(" = ").append(param(value));
            }
        }

        private void visibleIn(TenantScope scope) {
            if (scope.everything()) {
                return;
            }
            StringJoiner any = new StringJoiner(" OR ", " AND (", ")");
            any.setEmptyValue(" AND 1 = 0");
            if (!scope.wholeClusters().isEmpty()) {
                any.add("r.cluster_name IN (" + params(scope.wholeClusters()) + ")");
            }
            for (Map.Entry<String, Set<String>> cluster : scope.tenants().entrySet()) {
                any.add("(r.cluster_name = " + param(cluster.getKey())
                        + " AND EXISTS (SELECT 1 FROM audit_record_tenant vt WHERE vt.record_id = r.id)"
                        + " AND NOT EXISTS (SELECT 1 FROM audit_record_tenant vt WHERE vt.record_id = r.id"
                        + " AND vt.tenant_name NOT IN (" + params(cluster.getValue()) + ")))");
            }
            sql.append(any);
        }

        private String params(Collection<String> values) {
            StringJoiner list = new StringJoiner(", ");
            values.forEach(v -> list.add(param(v)));
            return list.toString();
        }

        private String param(Object value) {
            params.add(value);
            return "?" + params.size();
        }

        Query bind(Query query) {
            for (int i = 0; i < params.size(); i++) {
                query.setParameter(i + 1, params.get(i));
            }
            return query;
        }
    }
}
