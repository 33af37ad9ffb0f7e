package io.obconsole.audit;

/** How an attempted action ended, as the audit trail records it. */
public enum AuditOutcome {
    /** Recorded before any SQL runs; the outcome record follows. */
    INTENDED,
    ACCEPTED,
    REFUSED_BY_PREFLIGHT,
    REJECTED_BY_OCEANBASE,
    CLUSTER_UNREACHABLE,
    /** Refused before anything was recorded or run: outside the person's role or scope (a 403). */
    REFUSED_FORBIDDEN,
    /** Refused before anything was recorded or run: the request itself was invalid (a 400). */
    REFUSED_INVALID,
    /** A change of the console's own settings (a backup policy) could not be made; nothing changed. */
    FAILED,
    /** A job the console started has ended (system record linked to the starting action). */
    JOB_ENDED
}
