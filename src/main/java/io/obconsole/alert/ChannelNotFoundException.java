package io.obconsole.alert;

/** No channel has this id (deleted meanwhile, or never existed). */
public class ChannelNotFoundException extends RuntimeException {

    public ChannelNotFoundException(long id) {
        super("No alert channel " + id);
    }
}
