package io.obconsole.backup;

import java.util.List;

/** The preflight of one tenant: its findings, and whether OceanBase will skip it (all-tenant backups only). */
public record TenantPreflight(String tenant, List<PreflightFinding> findings, boolean skipped) {

    public boolean blocked() {
        return findings.stream().anyMatch(PreflightFinding::blocking);
    }

    public boolean needsAcknowledgement() {
        return findings.stream().anyMatch(f -> !f.blocking());
    }

    public boolean onlyBlockedBecauseRunning() {
        return blocked() && findings.stream().filter(PreflightFinding::blocking)
                .allMatch(f -> f.check() == PreflightFinding.Check.NOT_RUNNING
                        || f.check() == PreflightFinding.Check.SYS_JOB_OPEN);
    }
}
