package io.obconsole.window;

/** A restore point (an SCN or a time) that cannot be one; nothing was computed or sent. */
public class InvalidRestorePointException extends RuntimeException {

    public InvalidRestorePointException(String message) {
        super(message);
    }
}
