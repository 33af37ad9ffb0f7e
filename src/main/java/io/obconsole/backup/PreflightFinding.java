package io.obconsole.backup;

/**
 * One failed check for one tenant: what is wrong in plain words, and the fix.
 *
 * @param blocking true if OceanBase would refuse (or, for all tenants, skip) the tenant; false if
 *                 it only needs the operator's acknowledgement
 * @param job      the running backup the finding is about (who started it and when, which the
 *                 problem's words leave to the page, that shows times its own way); null for
 *                 findings about the tenant's set-up
 */
public record PreflightFinding(String tenant, Check check, boolean blocking, String problem, String fix,
        BlockingJob job) {

    /** The checks a preflight makes, in the order an operator fixes them. */
    public enum Check {
        TENANT_NORMAL,
        ARCHIVE_DOING,
        BACKUP_DEST_SET,
        FULL_BACKUP_EXISTS,
        NOT_RUNNING,
        /** From sys only: an open job sys started makes OceanBase refuse every new backup from sys. */
        SYS_JOB_OPEN
    }

    /** A finding about the tenant's set-up, not about a running job. */
    public PreflightFinding(String tenant, Check check, boolean blocking, String problem, String fix) {
        this(tenant, check, blocking, problem, fix, null);
    }

    /** The problem with who started the job and when, in plain text: for messages without markup. */
    public String inWords() {
        return job == null ? problem : problem + " It was " + job.startedInWords() + ".";
    }

    /** The same finding about another tenant. */
    PreflightFinding forTenant(String other) {
        return new PreflightFinding(other, check, blocking, problem, fix, job);
    }
}
