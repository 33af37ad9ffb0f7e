package io.obconsole.progress;

/** Where a watcher's messages go (a WebSocket connection); {@code done} runs once the text left or failed. */
interface Outlet {

    void send(String text, Runnable done);

    void close();
}
