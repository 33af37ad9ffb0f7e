package io.obconsole.progress;

import java.nio.charset.StandardCharsets;

/**
 * One progress message as the wire carries it: encoded to UTF-8 once per audience and change,
 * then written to each of the audience's sockets as a view of the same bytes (thousands of
 * watchers of one audience share one array instead of each encoding its own copy; see
 * {@link VertxAdapter#textFrame(Frame)}).
 */
final class Frame {

    private final byte[] utf8;

    private Frame(byte[] utf8) {
        this.utf8 = utf8;
    }

    static Frame text(String json) {
        return new Frame(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The encoded message, shared by every socket it is written to: read, never changed. */
    byte[] utf8() {
        return utf8;
    }
}
