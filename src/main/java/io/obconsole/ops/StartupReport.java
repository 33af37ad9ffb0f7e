package io.obconsole.ops;

import io.obconsole.cluster.ClustersConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Says at start, in plain words, what keeps a freshly deployed console from being useful: no cluster
 * configured, or a sign-in (OIDC) server that does not answer. The console starts either way (the
 * health checks report it too); this is the line an operator reads first in the log.
 */
@ApplicationScoped
public class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    private final ClustersConfig clusters;
    private final String oidcServer;

    StartupReport(ClustersConfig clusters, @ConfigProperty(name = "quarkus.oidc.auth-server-url") String oidcServer) {
        this.clusters = clusters;
        this.oidcServer = oidcServer;
    }

    void onStart(@Observes StartupEvent event) {
        if (clusters.clusters().isEmpty()) {
            LOG.warn("No cluster is configured: the console has nothing to show or back up. Add one with "
                    + "console.clusters.<name>.address, .user and .password (config/application.properties "
                    + "next to the jar, or -D system properties); see the README.");
        } else {
            LOG.infof("Clusters configured: %s", String.join(", ", clusters.clusters().keySet()));
        }
        String problem = oidcProblem();
        if (problem == null) {
            LOG.infof("Sign-in server answers: %s", oidcServer);
        } else {
            LOG.errorf("Sign-in server unreachable: %s (%s). Nobody can sign in and every API call is refused "
                    + "with 401 until it answers; check OIDC_SERVER_URL (quarkus.oidc.auth-server-url).",
                    oidcServer, problem);
        }
    }

    /** Null when the server serves its OpenID discovery document, else what went wrong. */
    private String oidcProblem() {
        URI discovery = URI.create(oidcServer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
        try {
            int status = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
            return status == 200 ? null : "HTTP " + status + " from " + discovery;
        } catch (IOException e) {
            return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
