package io.obconsole.backup;

/** The request itself is wrong (bad concurrency, passwords differ, nothing chosen); nothing ran. */
public class InvalidRequestException extends RuntimeException {

    public InvalidRequestException(String message) {
        super(message);
    }
}
