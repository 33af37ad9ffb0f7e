package io.obconsole.demo.launch;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * The embedded services (audit MariaDB, demo fleet, Keycloak) in a JVM of their own, for running
 * the packaged console against them: the production package leaves the demo out, so it cannot
 * start them itself (docs/bench/packaged.sh). Settings are the {@code console.embedded.*} system
 * properties with {@link EmbeddedConfig}'s defaults (the dev ports). The one argument is a file to
 * write the console's cluster entries for the fleet to ({@code -Dquarkus.config.locations=<file>}
 * on the console). Prints {@code EMBEDDED-SERVICES-READY} when all are up; stops them on SIGTERM.
 */
public final class EmbeddedServicesMain {

    private EmbeddedServicesMain() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        SmallRyeConfig config = new SmallRyeConfigBuilder().addDefaultInterceptors().addSystemSources()
                .withMapping(EmbeddedConfig.class).build();
        EmbeddedConfig embedded = config.getConfigMapping(EmbeddedConfig.class);
        EmbeddedServices.startOnce(embedded);
        if (args.length > 0) {
            writeClusterEntries(Path.of(args[0]), DemoFleetConfigSourceFactory.consoleEntries(embedded.demo().port(),
                    embedded.demo().password(), embedded.demo().fleet().generated()));
        }
        System.out.println("EMBEDDED-SERVICES-READY");
        System.out.flush();
        // the services stop in EmbeddedServices' shutdown hook
        new CountDownLatch(1).await();
    }

    private static void writeClusterEntries(Path file, Map<String, String> entries) throws IOException {
        Properties properties = new Properties();
        properties.putAll(entries);
        try (Writer out = Files.newBufferedWriter(file)) {
            properties.store(out, "the demo fleet, for a console started beside io.obconsole.demo.launch.EmbeddedServicesMain");
        }
    }
}
