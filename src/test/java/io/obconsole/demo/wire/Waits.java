package io.obconsole.demo.wire;

import java.util.function.BooleanSupplier;

/** Bounded polling for effects that happen on the server's connection threads. */
final class Waits {

    private Waits() {
    }

    static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
