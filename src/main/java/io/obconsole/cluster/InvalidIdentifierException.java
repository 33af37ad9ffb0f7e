package io.obconsole.cluster;

/** Text that would not be a safe tenant name, description or password in an OceanBase statement; nothing was sent. */
public class InvalidIdentifierException extends RuntimeException implements RefusedInput {

    private final String rule;

    /** {@code message} quotes nothing the person sent: it is also the rule the audit trail keeps. */
    public InvalidIdentifierException(String message) {
        this(message, message);
    }

    /** {@code message} for the person (it may quote their input); {@code rule} for the trail (it must not). */
    public InvalidIdentifierException(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    @Override
    public String rule() {
        return rule;
    }
}
