package io.obconsole.web;

import io.obconsole.backup.PreflightReport;
import java.util.List;
import java.util.Map;

/**
 * What the start form offers the reader: clusters, the tenants they may back up on the chosen
 * one, "all tenants" only with a {@code cluster/*} scope, the preflight of the current choices and
 * each offered tenant's backup concurrency now (so a change shows what it replaces).
 */
public record StartForm(BackupForm form, List<String> clusters, List<String> tenants, boolean canAllTenants,
        String unreachable, PreflightReport report, String preflightError, Map<String, Integer> concurrencyNow) {
}
