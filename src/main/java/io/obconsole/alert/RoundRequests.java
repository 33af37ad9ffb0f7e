package io.obconsole.alert;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Coalesces requests for a round: the first requester runs the round, requests that arrive while it runs only
 * count themselves and return at once, and the runner then runs one more round that covers all of them. A burst of
 * any size thus costs at most two rounds, at most one runs at a time, and no requester waits for another's round.
 */
final class RoundRequests {

    /** Requests not yet covered by a round that started after them; non-zero while a thread runs rounds. */
    private final AtomicInteger requested = new AtomicInteger();
    private final Runnable round;

    RoundRequests(Runnable round) {
        this.round = round;
    }

    /** Asks for a round that starts after this call; runs it (and any requested meanwhile) if no thread is already. */
    void request() {
        if (requested.getAndIncrement() != 0) {
            return; // the thread running rounds sees this request and runs one more
        }
        int covered = 1;
        try {
            do {
                round.run();
                // everything counted so far was requested before the round just run began, or during it: the
                // rest (if any) needs one more round, which covers them all
                covered = requested.addAndGet(-covered);
            } while (covered != 0);
        } catch (RuntimeException | Error e) {
            requested.set(0); // let the next request run rounds again rather than wait on a runner that is gone
            throw e;
        }
    }
}
