package io.obconsole.alert;

/** A channel as submitted cannot be stored (bad URL, unknown key name, bad pattern, name taken); nothing was changed. */
public class ChannelRejectedException extends RuntimeException {

    public ChannelRejectedException(String message) {
        super(message);
    }
}
