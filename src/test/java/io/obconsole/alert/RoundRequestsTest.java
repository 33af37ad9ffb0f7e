package io.obconsole.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rounds asked for by events coalesce: while one round runs, a burst of requests returns at once and costs a single
 * further round, which sees what the last of them changed.
 */
class RoundRequestsTest {

    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void aBurstWhileARoundRunsCostsOneMoreRoundThatSeesTheLastChange() throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch firstMayEnd = new CountDownLatch(1);
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger state = new AtomicInteger();
        List<Integer> seenByRounds = new CopyOnWriteArrayList<>();
        RoundRequests requests = new RoundRequests(() -> {
            seenByRounds.add(state.get());
            if (rounds.incrementAndGet() == 1) {
                firstRunning.countDown();
                await(firstMayEnd);
            }
        });

        Future<?> first = callers.submit(requests::request);
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<?>> burst = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            int change = i;
            burst.add(callers.submit(() -> {
                state.accumulateAndGet(change, Math::max);
                requests.request();
            }));
        }
        // no caller of the burst waits for the running round
        for (Future<?> caller : burst) {
            caller.get(10, TimeUnit.SECONDS);
        }
        assertThat(rounds).hasValue(1);

        firstMayEnd.countDown();
        first.get(10, TimeUnit.SECONDS);
        assertThat(rounds).hasValue(2);
        assertThat(seenByRounds).containsExactly(0, 50);

        // a request after all that runs a round of its own
        requests.request();
        assertThat(rounds).hasValue(3);
    }

    @Test
    void aRoundThatFailsDoesNotStopLaterRequests() {
        AtomicInteger rounds = new AtomicInteger();
        RoundRequests requests = new RoundRequests(() -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("audit database away");
            }
        });
        try {
            requests.request();
        } catch (IllegalStateException expected) {
            // the first round failed
        }
        requests.request();
        assertThat(rounds).hasValue(2);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never let the round end");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
