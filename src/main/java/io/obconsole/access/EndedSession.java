package io.obconsole.access;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A sign-in session that ended, shared with every console instance: only a SHA-256 of Keycloak's session id. */
@Entity
@Table(name = "ended_session")
public class EndedSession extends PanacheEntityBase {

    @Id
    @Column(name = "sid_hash", nullable = false)
    public String sidHash;

    /** UTC. */
    @Column(name = "ended_at", nullable = false)
    public LocalDateTime endedAt;

    /** UTC; the row is deleted after it. */
    @Column(name = "remember_until", nullable = false)
    public LocalDateTime rememberUntil;
}
