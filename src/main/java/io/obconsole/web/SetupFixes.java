package io.obconsole.web;

import io.obconsole.backup.PreflightFinding;
import io.obconsole.urls.PageUrls;
import io.quarkus.qute.TemplateExtension;

/**
 * Where a preflight finding is fixed in the console: "archive not running" and "no backup
 * destination" lead to the tenant's Backup setup page with the fix prefilled. Pages show the link
 * to administrators; the set-up page itself decides who may change anything.
 */
@TemplateExtension
public final class SetupFixes {

    private SetupFixes() {
    }

    /** The set-up page that fixes {@code finding} on {@code cluster}, or null if the console has no fix for it. */
    public static String setupFix(PreflightFinding finding, String cluster) {
        String fix = switch (finding.check()) {
            case ARCHIVE_DOING -> SetupPageResource.FIX_ARCHIVE;
            case BACKUP_DEST_SET -> SetupPageResource.FIX_DEST;
            default -> null;
        };
        return fix == null ? null : PageUrls.tenantSetupFix(cluster, finding.tenant(), fix);
    }
}
