package io.obconsole.backup;

import io.obconsole.cluster.ObDialect;
import java.util.Arrays;

/**
 * A backup encryption password that never shows itself: {@code toString} is {@code ***}, so it
 * cannot slip into a log line, exception message or audit record; {@link #clear} wipes it after use.
 */
public final class EncryptionPassword {

    private final char[] value;

    private EncryptionPassword(char[] value) {
        this.value = value;
    }

    public static EncryptionPassword of(char[] value) {
        return value == null ? null : new EncryptionPassword(value.clone());
    }

    public static EncryptionPassword of(String value) {
        return value == null ? null : new EncryptionPassword(value.toCharArray());
    }

    /** The characters, for the one statement that needs them. */
    public char[] reveal() {
        return value.clone();
    }

    /** Refuses a password OceanBase's statement cannot carry (see {@link ObDialect#checkEncryptionPassword}). */
    public void check() {
        ObDialect.checkEncryptionPassword(value);
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    public boolean sameAs(EncryptionPassword other) {
        return other != null && Arrays.equals(value, other.value);
    }

    public void clear() {
        Arrays.fill(value, '\0');
    }

    @Override
    public String toString() {
        return "***";
    }
}
