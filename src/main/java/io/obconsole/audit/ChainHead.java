package io.obconsole.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The single row that says where the audit chain ends. Locking it serializes appends across
 * every console instance sharing the database, and it lets the verifier notice a cut-off tail.
 */
@Entity
@Table(name = "audit_chain_head")
public class ChainHead extends PanacheEntityBase {

    static final int ROW = 1;
    static final String GENESIS = "0".repeat(64);

    @Id
    public Integer id;

    @Column(name = "last_record_id", nullable = false)
    public long lastRecordId;

    @Column(name = "last_hash", nullable = false, columnDefinition = "CHAR(64)")
    public String lastHash;
}
