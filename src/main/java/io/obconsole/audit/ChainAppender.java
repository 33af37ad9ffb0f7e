package io.obconsole.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Appends records to the hash chain. The chain-head row is locked with SELECT ... FOR UPDATE
 * in the caller's transaction, so appends from every console instance sharing the database
 * queue behind one another and the chain stays linear; an in-memory lock could not do that.
 * Callers must run {@link #lock()}, their own checks, then {@link #append} in one transaction.
 */
@ApplicationScoped
class ChainAppender {

    private final Clock clock = Clock.systemUTC();

    @Inject
    EntityManager em;

    /** Where the chain ends, as read under the lock. */
    record Head(long lastRecordId, String lastHash) {
    }

    /**
     * Waits for and holds the chain head until the transaction ends. Plain SQL: Hibernate's
     * lock clause for MySQL ({@code FOR UPDATE OF alias}) is not understood by MariaDB.
     */
    Head lock() {
        List<?> rows = em.createNativeQuery("SELECT last_record_id, last_hash FROM audit_chain_head WHERE id = ?1 FOR UPDATE")
                .setParameter(1, ChainHead.ROW)
                .getResultList();
        if (rows.isEmpty()) {
            throw new IllegalStateException("The audit chain head row is missing");
        }
        Object[] row = (Object[]) rows.get(0);
        return new Head(((Number) row[0]).longValue(), (String) row[1]);
    }

    /** Links the record to the head, inserts it with its tenant rows, and moves the head onto it. */
    AuditRecord append(Head head, AuditRecord record) {
        record.recordedAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        record.prevHash = head.lastHash();
        record.hash = RecordHash.of(record);
        record.persist();
        for (String tenant : new LinkedHashSet<>(RecordText.readStrings(record.tenants))) {
            em.createNativeQuery("INSERT INTO audit_record_tenant (record_id, tenant_name) VALUES (?1, ?2)")
                    .setParameter(1, record.id)
                    .setParameter(2, tenant)
                    .executeUpdate();
        }
        em.createNativeQuery("UPDATE audit_chain_head SET last_record_id = ?1, last_hash = ?2 WHERE id = ?3")
                .setParameter(1, record.id)
                .setParameter(2, record.hash)
                .setParameter(3, ChainHead.ROW)
                .executeUpdate();
        return record;
    }
}
