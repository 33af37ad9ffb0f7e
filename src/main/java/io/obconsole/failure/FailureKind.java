package io.obconsole.failure;

import java.util.Locale;

/**
 * Every way a request can fail, each with its HTTP status and its RFC 9457 problem type. The name
 * is the {@code error} field API clients already match on; a new failure kind starts here.
 */
public enum FailureKind {
    INVALID_REQUEST(400),
    INVALID_NAME(400),
    UNAUTHENTICATED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    UNKNOWN_CLUSTER(404),
    UNKNOWN_TENANT(404),
    UNKNOWN_POLICY(404),
    ALREADY_RUNNING(409),
    JOB_NOT_RUNNING(409),
    SETUP_REFUSED(409),
    DUPLICATE_SUBMIT(409),
    PREFLIGHT_FAILED(422),
    /** The restore point is outside the source's recoverable window, or the window is not read yet. */
    POINT_NOT_RESTORABLE(422),
    OCEANBASE_ERROR(502),
    CLUSTER_UNREACHABLE(503),
    AUDIT_UNAVAILABLE(503),
    /** Any other HTTP refusal (405, 406, 415, ...): the status travels in the {@link Failure}. */
    HTTP_ERROR(400);

    private final int status;

    FailureKind(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** The problem type: a stable URI per kind (RFC 9457 allows one that is not dereferenceable). */
    public String type() {
        return "urn:obconsole:problem:" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
