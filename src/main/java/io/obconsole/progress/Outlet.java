package io.obconsole.progress;

import java.util.concurrent.Executor;

/** Where a watcher's messages go (a WebSocket); {@code done} runs once the frame left or failed. */
interface Outlet {

    /** The thread the socket writes on (its event loop): sends issued there go out without a hand-over. */
    Executor executor();

    void send(Frame frame, Runnable done);

    void close();
}
