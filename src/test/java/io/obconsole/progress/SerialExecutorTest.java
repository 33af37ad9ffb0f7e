package io.obconsole.progress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A cluster's rounds on the shared pool: one at a time and in order, while another cluster's go on beside them. */
class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void oneClustersRoundsRunOneAtATimeInTheOrderTheyCame() {
        SerialExecutor cluster = new SerialExecutor(pool);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        List<Integer> order = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 200; i++) {
            int round = i;
            cluster.execute(() -> {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
                order.add(round);
                Thread.yield();
                running.decrementAndGet();
            });
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> order.size() == 200);
        assertThat(mostAtOnce).hasValue(1);
        assertThat(order).isEqualTo(IntStream.range(0, 200).boxed().toList());
    }

    @Test
    void aHangingClusterHoldsOneThreadAndTheOthersRoundsGoOn() throws Exception {
        SerialExecutor hanging = new SerialExecutor(pool);
        CountDownLatch answer = new CountDownLatch(1);
        AtomicInteger hangingDone = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            hanging.execute(() -> {
                try {
                    answer.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                hangingDone.incrementAndGet();
            });
        }
        AtomicInteger othersDone = new AtomicInteger();
        for (int c = 0; c < 10; c++) {
            SerialExecutor other = new SerialExecutor(pool);
            for (int r = 0; r < 5; r++) {
                other.execute(othersDone::incrementAndGet);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> othersDone.get() == 50);
        assertThat(hangingDone).as("the hanging cluster's rounds wait for its answer").hasValue(0);
        answer.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> hangingDone.get() == 3);
    }
}
