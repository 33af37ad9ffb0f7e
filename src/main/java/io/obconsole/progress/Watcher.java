package io.obconsole.progress;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One open socket: a bounded queue with one message on the wire at a time. A watcher that cannot
 * keep up never holds up the others nor grows without bound: when its queue is full, what waits is
 * dropped and it is told to resync, then sent a fresh snapshot.
 */
final class Watcher {

    private static final Logger LOG = Logger.getLogger(Watcher.class);

    /** Marks "a fresh snapshot goes here", made only when its turn comes, so it is never stale. */
    private static final Frame SNAPSHOT = Frame.text("snapshot");
    static final Frame RESYNC = Frame.text("{\"type\":\"resync\"}");

    final String id;
    final Audience audience;
    private final Outlet outlet;
    private final int limit;
    private final Function<Audience, Frame> snapshots;
    private final Deque<Frame> queue = new ArrayDeque<>();
    private boolean sending;
    private boolean closed;
    private long resyncs;

    Watcher(String id, Audience audience, Outlet outlet, int limit, Function<Audience, Frame> snapshots) {
        this.id = id;
        this.audience = audience;
        this.outlet = outlet;
        this.limit = Math.max(2, limit);
        this.snapshots = snapshots;
    }

    Executor executor() {
        return outlet.executor();
    }

    void sendSnapshot() {
        enqueue(SNAPSHOT);
    }

    void offer(Frame message) {
        enqueue(message);
    }

    private void enqueue(Frame message) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (queue.size() >= limit) {
                queue.clear();
                queue.add(RESYNC);
                queue.add(SNAPSHOT);
                resyncs++;
            } else {
                queue.add(message);
            }
        }
        drain();
    }

    private void drain() {
        Frame next;
        synchronized (this) {
            if (sending || closed || queue.isEmpty()) {
                return;
            }
            next = queue.poll();
            sending = true;
        }
        try {
            outlet.send(next == SNAPSHOT ? snapshots.apply(audience) : next, this::sent);
        } catch (RuntimeException e) {
            // a message that could not be made or written: the socket is closed rather than left open and
            // silent, so the page reconnects and starts again from a snapshot; the hub hears of it through leave()
            LOG.warnf(e, "Progress socket %s closed: its next message could not be sent", id);
            close();
            outlet.close();
        }
    }

    private void sent() {
        synchronized (this) {
            sending = false;
        }
        drain();
    }

    /** Its state, as a test that waited in vain reports it. */
    @Override
    public synchronized String toString() {
        return "socket " + id + " (" + queue.size() + " queued, " + (sending ? "a message on the wire" : "idle") + ", "
                + (closed ? "closed" : "open") + ", " + resyncs + " resyncs)";
    }

    synchronized int queued() {
        return queue.size();
    }

    synchronized long resyncs() {
        return resyncs;
    }

    void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
    }
}
