package io.obconsole.backup;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Payload;
import jakarta.validation.metadata.ConstraintDescriptor;
import java.util.Set;

/**
 * How the message of a refused request quotes the refused value, so a person can find what they
 * typed: declared as the payload of the constraint where it is used ({@code @TimeZoneName(payload =
 * Quote.AfterColon.class)}). The rule the audit trail keeps never quotes it; a password field
 * declares none.
 */
public final class Quote {

    private static final int MAX = 60;

    /** {@code rule: value} (at most 60 characters of it; {@code (none)} when missing). */
    public interface AfterColon extends Payload {
    }

    /** {@code rule; got value}. */
    public interface Got extends Payload {
    }

    /** {@code rule; got 'value'} (the value without the spaces around it). */
    public interface GotInQuotes extends Payload {
    }

    /** {@code rule, not 'value'}. */
    public interface InQuotes extends Payload {
    }

    private Quote() {
    }

    /** What follows the rule in the message a person reads: empty unless the constraint asks to quote. */
    static String suffix(ConstraintViolation<?> violation) {
        ConstraintDescriptor<?> constraint = violation.getConstraintDescriptor();
        Set<Class<? extends Payload>> payload = constraint == null ? Set.of() : constraint.getPayload();
        Object value = violation.getInvalidValue();
        if (payload.contains(AfterColon.class)) {
            String text = value == null ? null : value.toString();
            return ": " + (text == null ? "(none)" : text.length() > MAX ? text.substring(0, MAX) + "…" : text);
        }
        if (payload.contains(Got.class)) {
            return "; got " + value;
        }
        if (payload.contains(GotInQuotes.class)) {
            return "; got '" + (value == null ? "" : value.toString().trim()) + "'";
        }
        if (payload.contains(InQuotes.class)) {
            return ", not '" + value + "'";
        }
        return "";
    }
}
