package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.obconsole.cluster.ClusterGateway;
import io.obconsole.cluster.StatementCounter;
import io.obconsole.demo.DemoControl;
import io.obconsole.fleet.Fleet;
import io.obconsole.testing.Demo;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The clusters' rounds share a bounded pool ({@code console.progress.threads}, 3 in the tests, fewer
 * than the fleet's four clusters): no thread per cluster, and a cluster that hangs holds one thread
 * while the others are read as before.
 */
@QuarkusTest
class PollerThreadsTest {

    private static final List<String> OTHERS = List.of("demo", "payroll", "dr");

    @Inject
    ProgressPoller poller;

    @Inject
    ProgressConfig config;

    @Inject
    ClusterGateway gateway;

    @Inject
    Fleet fleet;

    @Inject
    MeterRegistry registry;

    @BeforeEach
    void everyClusterAnswers() {
        Demo.cluster("legacy").control().slowEveryQuery(Duration.ZERO);
        gateway.clusters().forEach(Demo::fleetRead);
    }

    @AfterEach
    void legacyAnswersAgain() {
        Demo.cluster("legacy").control().slowEveryQuery(Duration.ZERO);
        Demo.fleetRead("legacy");
    }

    @Test
    void theClustersRoundsShareTheConfiguredThreadsNotOneEach() throws Exception {
        assertThat(gateway.clusters()).hasSizeGreaterThan(config.threads());
        for (int i = 0; i < 5; i++) {
            CompletableFuture.allOf(gateway.clusters().stream().map(poller::refreshNow).toArray(CompletableFuture[]::new))
                    .get(60, TimeUnit.SECONDS);
        }
        List<String> pollerThreads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith(StatementCounter.POLLER_THREAD_PREFIX)).toList();
        assertThat(pollerThreads).isNotEmpty().hasSizeLessThanOrEqualTo(config.threads());
    }

    @Test
    void aHangingClusterHoldsOneThreadAndTheOtherClustersAreReadAsBefore() throws Exception {
        DemoControl legacy = Demo.cluster("legacy").control();
        legacy.slowEveryQuery(Duration.ofSeconds(6));
        CompletableFuture<Void> hanging = poller.refreshNow("legacy");
        // a second round asked of the hanging cluster waits behind the first: it takes no second thread
        CompletableFuture<Void> queued = poller.pollNow("legacy");
        for (int i = 0; i < 3; i++) {
            for (String cluster : OTHERS) {
                double rounds = rounds(cluster);
                poller.refreshNow(cluster).get(5, TimeUnit.SECONDS);
                assertThat(rounds(cluster)).as(cluster + "'s rounds while legacy hangs").isGreaterThan(rounds);
                assertThat(fleet.cluster(cluster).reachable()).isTrue();
            }
        }
        assertThat(hanging).as("legacy's round still waits for its answer").isNotDone();
        assertThat(queued).isNotDone();
        legacy.slowEveryQuery(Duration.ZERO);
        CompletableFuture.allOf(hanging, queued).get(60, TimeUnit.SECONDS);
    }

    private double rounds(String cluster) {
        var counter = registry.find("obconsole.progress.rounds").tag("cluster", cluster).counter();
        return counter == null ? 0 : counter.count();
    }
}
