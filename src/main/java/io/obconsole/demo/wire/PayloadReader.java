package io.obconsole.demo.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the fields of a client packet; running past the end means a malformed packet. */
final class PayloadReader {

    private final byte[] data;
    private int pos;

    PayloadReader(byte[] data, int start) {
        this.data = data;
        this.pos = start;
    }

    boolean hasMore() {
        return pos < data.length;
    }

    int remaining() {
        return data.length - pos;
    }

    int int1() {
        need(1);
        return data[pos++] & 0xFF;
    }

    int int2() {
        return int1() | int1() << 8;
    }

    int int3() {
        return int2() | int1() << 16;
    }

    long int4() {
        return (int2() & 0xFFFFL) | (long) int2() << 16;
    }

    long lenencInt() {
        int first = int1();
        return switch (first) {
            case 0xFC -> int2();
            case 0xFD -> int3();
            case 0xFE -> int4() | int4() << 32;
            default -> first;
        };
    }

    byte[] bytes(int n) {
        need(n);
        byte[] b = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return b;
    }

    void skip(int n) {
        need(n);
        pos += n;
    }

    byte[] lenencBytes() {
        long n = lenencInt();
        if (n > remaining()) {
            throw new MalformedPacketException();
        }
        return bytes((int) n);
    }

    /** NUL-terminated; a missing terminator at the very end is tolerated (some clients omit it). */
    String nulString() {
        int end = pos;
        while (end < data.length && data[end] != 0) {
            end++;
        }
        String s = new String(data, pos, end - pos, StandardCharsets.UTF_8);
        pos = Math.min(end + 1, data.length);
        return s;
    }

    String eofString() {
        String s = new String(data, pos, data.length - pos, StandardCharsets.UTF_8);
        pos = data.length;
        return s;
    }

    private void need(int n) {
        if (n < 0 || pos + n > data.length) {
            throw new MalformedPacketException();
        }
    }

    /** A client packet ended before its fields did. */
    static final class MalformedPacketException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedPacketException() {
            super("malformed packet", null, false, false);
        }
    }
}
