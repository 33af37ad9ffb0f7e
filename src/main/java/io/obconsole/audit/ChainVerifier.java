package io.obconsole.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Walks the audit chain in id order and recomputes every hash: the first record whose stored
 * fields no longer give its hash, whose previous-hash is not its predecessor's hash (a record
 * removed or slipped in), or a chain that ends before the head says, is reported by id.
 * Runs in one transaction so appends made meanwhile do not confuse it.
 */
@ApplicationScoped
public class ChainVerifier {

    private static final int BATCH = 500;

    @Inject
    EntityManager em;

    @Inject
    AuditConfig config;

    /** @throws AuditUnavailableException when the audit database does not answer in time */
    public ChainReport verify() {
        return AuditReads.read((int) Math.max(1, config.readTimeout().toSeconds()), this::walk);
    }

    private ChainReport walk() {
        ChainHead head = em.find(ChainHead.class, ChainHead.ROW);
        if (head == null) {
            return ChainReport.broken(0, null, "The chain head row is missing");
        }
        String previousHash = ChainHead.GENESIS;
        long lastId = 0;
        long checked = 0;
        while (true) {
            List<AuditRecord> batch = AuditRecord.<AuditRecord>find("id > ?1 and id <= ?2 order by id", lastId,
                    head.lastRecordId).page(0, BATCH).list();
            if (batch.isEmpty()) {
                break;
            }
            long upTo = batch.size() < BATCH ? head.lastRecordId : batch.get(batch.size() - 1).id;
            IndexRows index = IndexRows.load(em, lastId, upTo);
            Long orphan = index.orphan(batch);
            for (AuditRecord record : batch) {
                String problem = problem(record, previousHash);
                if (problem == null) {
                    problem = index.problem(record);
                }
                if (problem != null) {
                    return ChainReport.broken(checked, record.id, problem);
                }
                checked++;
                previousHash = record.hash;
                lastId = record.id;
            }
            if (orphan != null) {
                return ChainReport.broken(checked, orphan, "Index rows name record " + orphan
                        + ", which does not exist: they were slipped in after the trail was written");
            }
            em.clear();
        }
        if (lastId != head.lastRecordId || !previousHash.equals(head.lastHash)) {
            return ChainReport.broken(checked, head.lastRecordId,
                    "The chain ends at record " + lastId + " but the head says it ends at record "
                            + head.lastRecordId + ": records at the end were removed or changed");
        }
        long beyondHead = AuditRecord.count("id > ?1", head.lastRecordId) + indexRowsBeyond(head.lastRecordId);
        if (beyondHead > 0) {
            return ChainReport.broken(checked, head.lastRecordId + 1,
                    beyondHead + " record(s) after the end of the chain were not written through it");
        }
        return ChainReport.ok(checked);
    }

    private long indexRowsBeyond(long lastRecordId) {
        return ((Number) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM audit_record_tenant WHERE record_id > ?1)"
                + " + (SELECT COUNT(*) FROM audit_job_start WHERE record_id > ?1)").setParameter(1, lastRecordId)
                .getSingleResult()).longValue();
    }

    private static String problem(AuditRecord record, String previousHash) {
        if (!previousHash.equals(record.prevHash)) {
            return "Its previous-hash does not match the record before it: a record before it was removed,"
                    + " inserted or its link was rewritten";
        }
        if (!RecordHash.of(record).equals(record.hash)) {
            return "Its stored fields no longer match its hash: the record was changed after it was written";
        }
        return null;
    }
}
