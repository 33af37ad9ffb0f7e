package io.obconsole.cluster;

import java.util.Arrays;

/** An OceanBase version as {@code ob_version()} prints it (e.g. {@code 4.2.1.0}), comparable part by part. */
public record ObVersion(String text, int[] parts) {

    public static ObVersion parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        String[] pieces = trimmed.split("\\.");
        int[] parts = new int[4];
        for (int i = 0; i < parts.length && i < pieces.length; i++) {
            String digits = pieces[i].replaceAll("\\D.*$", "");
            parts[i] = digits.isEmpty() ? 0 : Integer.parseInt(digits);
        }
        return new ObVersion(trimmed, parts);
    }

    public boolean atLeast(String other) {
        return Arrays.compare(parts, parse(other).parts) >= 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ObVersion v && Arrays.equals(parts, v.parts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(parts);
    }

    @Override
    public String toString() {
        return text;
    }
}
