package io.obconsole.alert;

import io.obconsole.web.WebConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** The console page an alert links to ({@code console.web.base-url} + the page that shows it). */
@ApplicationScoped
public class Links {

    private final String base;

    @Inject
    public Links(WebConfig web) {
        this(web.baseUrl());
    }

    Links(String base) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    public String of(AlertEvent event) {
        return base + path(event);
    }

    static String path(AlertEvent event) {
        return switch (event.kind()) {
            case AUDIT_CHAIN_BROKEN, AUDIT_CHAIN_INTACT -> "/audit";
            case TEST -> "/alerts/channels";
            case JOB_FAILED, JOB_STALLED, JOB_RESUMED -> "/jobs?cluster=" + enc(event.cluster())
                    + (event.tenant() == null ? "" : "&tenant=" + enc(event.tenant()));
            default -> event.cluster() == null ? "/" : event.tenant() == null ? "/#cluster-" + enc(event.cluster())
                    : "/clusters/" + enc(event.cluster()) + "/tenants/" + enc(event.tenant());
        };
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
