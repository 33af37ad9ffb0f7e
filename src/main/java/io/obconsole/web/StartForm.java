package io.obconsole.web;

import io.obconsole.backup.PreflightReport;
import java.util.List;

/**
 * What the start form offers the reader: clusters, the tenants they may back up on the chosen
 * one, "all tenants" only with a {@code cluster/*} scope, and the preflight of the current choices.
 */
public record StartForm(BackupForm form, List<String> clusters, List<String> tenants, boolean canAllTenants,
        String unreachable, PreflightReport report, String preflightError) {
}
