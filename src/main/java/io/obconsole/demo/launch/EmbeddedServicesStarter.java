package io.obconsole.demo.launch;

import io.quarkus.runtime.ExecutionMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import java.util.List;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Starts the embedded services (dev and test profiles: {@code console.embedded.enabled=true}) when
 * Quarkus builds the application's runtime configuration. That happens before the datasource, OIDC
 * and Flyway's migrate-at-start use anything, which is why Quarkus's Dev Services hook in at the same
 * moment; so the console starts against services that are already up, with no retry loop. It adds no
 * configuration of its own: application.properties already points the dev and test profiles at the
 * embedded ports. Registered in META-INF/services; absent from the production build like the rest of
 * this package.
 */
public class EmbeddedServicesStarter implements ConfigSourceFactory.ConfigurableConfigSourceFactory<EmbeddedConfig> {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context, EmbeddedConfig config) {
        // the build (augmentation) reads configuration too; only a starting application starts services
        if (config.enabled() && ExecutionMode.current() == ExecutionMode.RUNTIME_INIT) {
            EmbeddedServices.startOnce(config);
        }
        return List.of();
    }
}
