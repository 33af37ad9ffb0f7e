package io.obconsole.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;

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

    /** Waits for and holds the chain head until the transaction ends. */
    ChainHead lock() {
        ChainHead head = em.find(ChainHead.class, ChainHead.ROW, LockModeType.PESSIMISTIC_WRITE);
        if (head == null) {
            throw new IllegalStateException("The audit chain head row is missing");
        }
        return head;
    }

    /** Links the record to the head, inserts it with its tenant rows, and moves the head onto it. */
    AuditRecord append(ChainHead head, AuditRecord record) {
        record.recordedAt = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        record.prevHash = head.lastHash;
        record.hash = RecordHash.of(record);
        record.persist();
        for (String tenant : new LinkedHashSet<>(RecordText.readStrings(record.tenants))) {
            em.createNativeQuery("INSERT INTO audit_record_tenant (record_id, tenant_name) VALUES (?1, ?2)")
                    .setParameter(1, record.id)
                    .setParameter(2, tenant)
                    .executeUpdate();
        }
        head.lastRecordId = record.id;
        head.lastHash = record.hash;
        return record;
    }
}
