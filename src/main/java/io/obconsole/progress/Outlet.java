package io.obconsole.progress;

/** Where a watcher's messages go (a WebSocket); {@code done} runs once the frame left or failed. */
interface Outlet {

    void send(Frame frame, Runnable done);

    void close();
}
