package io.obconsole.cluster;

import java.util.Locale;

/**
 * A word an OceanBase view writes (a STATUS, a FILE_STATUS) read into the console's enum of it; a
 * word this console does not know yet reads as the enum's unknown value rather than failing the read.
 */
public final class ViewWord {

    private ViewWord() {
    }

    public static <E extends Enum<E>> E of(Class<E> type, String text, E unknown) {
        if (text == null) {
            return unknown;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return unknown;
        }
    }
}
