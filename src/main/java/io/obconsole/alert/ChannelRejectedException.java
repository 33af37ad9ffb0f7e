package io.obconsole.alert;

import io.obconsole.cluster.RefusedInput;

/** A channel as submitted cannot be stored (bad URL, unknown key name, bad pattern, name taken); nothing was changed. */
public class ChannelRejectedException extends RuntimeException implements RefusedInput {

    private final String rule;

    /** {@code message} quotes nothing the person sent: it is also the rule the audit trail keeps. */
    public ChannelRejectedException(String message) {
        this(message, message);
    }

    /** {@code message} for the person (it may quote their input); {@code rule} for the trail (it must not). */
    public ChannelRejectedException(String message, String rule) {
        super(message);
        this.rule = rule;
    }

    @Override
    public String rule() {
        return rule;
    }
}
