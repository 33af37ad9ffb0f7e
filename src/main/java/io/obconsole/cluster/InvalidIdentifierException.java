package io.obconsole.cluster;

/** Text that would not be a safe tenant name, description or password in an OceanBase statement; nothing was sent. */
public class InvalidIdentifierException extends RuntimeException {

    public InvalidIdentifierException(String message) {
        super(message);
    }
}
