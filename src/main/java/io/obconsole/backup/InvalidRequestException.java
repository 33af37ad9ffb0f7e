package io.obconsole.backup;

import io.obconsole.cluster.RefusedInput;

/** The request itself is wrong (bad concurrency, passwords differ, nothing chosen); nothing ran. */
public class InvalidRequestException extends RuntimeException implements RefusedInput {

    private final String rule;

    /** {@code message} quotes nothing the person sent: it is also the rule the audit trail keeps. */
    public InvalidRequestException(String message) {
        this(message, message);
    }

    /** {@code message} for the person (it may quote their input); {@code rule} for the trail (it must not). */
    public InvalidRequestException(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    @Override
    public String rule() {
        return rule;
    }
}
