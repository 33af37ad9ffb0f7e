package io.obconsole.alert;

import io.obconsole.urls.PageUrls;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The console page an alert links to: {@code console.web.base-url} (declared, with its default, in
 * {@code web.WebConfig}) + the page that shows it.
 */
@ApplicationScoped
public class Links {

    private final String base;

    @Inject
    public Links(@ConfigProperty(name = "console.web.base-url") String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String of(AlertEvent event) {
        return base + path(event);
    }

    static String path(AlertEvent event) {
        return switch (event.kind()) {
            case AUDIT_CHAIN_BROKEN, AUDIT_CHAIN_INTACT -> PageUrls.audit();
            case TEST -> PageUrls.alertChannels();
            case JOB_FAILED, JOB_STALLED, JOB_RESUMED -> PageUrls.jobs(event.cluster(), event.tenant(), null);
            default -> event.cluster() == null ? PageUrls.overview() : event.tenant() == null
                    ? PageUrls.overviewCluster(event.cluster()) : PageUrls.tenant(event.cluster(), event.tenant());
        };
    }
}
