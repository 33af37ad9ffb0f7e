package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.obconsole.demo.DemoControl;
import io.obconsole.testing.Demo;
import io.obconsole.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What many watchers cost the cluster (nothing more) and what a watcher that stops reading costs the others (nothing). */
@QuarkusTest
class ProgressFanOutTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    ProgressPoller poller;

    @Test
    void theClusterReceivesTheSameStatementsPerRoundWithOneAndWithFiftyWatchers() {
        DemoBackups.finishAll();
        DemoBackups.run("ALTER SYSTEM BACKUP TENANT = mysql_tenant");
        String token = Tokens.accessToken("vera");
        List<ProgressClient> clients = new ArrayList<>();
        try {
            clients.add(ProgressClient.connect(token, null));
            List<String> withOne = statementsOfTwoRounds();
            for (int i = 1; i < 50; i++) {
                clients.add(ProgressClient.connect(token, null));
            }
            await().atMost(WAIT).until(() -> clients.stream().allMatch(c -> !c.messages.isEmpty()));
            List<String> withFifty = statementsOfTwoRounds();

            assertThat(withOne).hasSize(2 * 5);
            assertThat(withFifty).isEqualTo(withOne);
        } finally {
            clients.forEach(ProgressClient::close);
        }
    }

    /** The statements the demo cluster received during two whole poll rounds, their time literals blanked. */
    private List<String> statementsOfTwoRounds() {
        DemoControl control = Demo.cluster().control();
        long start = poller.rounds();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> poller.rounds() > start);
        control.resetStatements();
        long from = poller.rounds();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> poller.rounds() >= from + 2);
        return control.statementsReceived().stream().map(sql -> sql.replaceAll("'\\d{4}-\\d\\d-\\d\\d [0-9:.]+'", "'T'"))
                .toList();
    }
}
