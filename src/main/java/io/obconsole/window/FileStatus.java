package io.obconsole.window;

import io.obconsole.cluster.ViewWord;

/**
 * The {@code FILE_STATUS} of a backup set or archive piece: only {@link #AVAILABLE} files can be
 * restored from. A status this console does not know counts as unavailable, so a window never
 * offers a point that rests on a file it cannot vouch for.
 */
public enum FileStatus {
    AVAILABLE, COPYING, DELETING, EXPIRED, INCOMPLETE, BROKEN, DELETED, UNKNOWN;

    /** As the views write it; anything else is {@link #UNKNOWN}. */
    public static FileStatus of(String text) {
        return ViewWord.of(FileStatus.class, text, UNKNOWN);
    }
}
