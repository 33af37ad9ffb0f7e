package io.obconsole.demo.wire;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds one packet payload with the MySQL integer and string encodings (little endian, length-encoded). */
final class Payload {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);

    Payload int1(int v) {
        bytes.write(v & 0xFF);
        return this;
    }

    Payload int2(int v) {
        bytes.write(v & 0xFF);
        bytes.write(v >>> 8 & 0xFF);
        return this;
    }

    Payload int3(int v) {
        int2(v);
        return int1(v >>> 16);
    }

    Payload int4(long v) {
        int2((int) v);
        return int2((int) (v >>> 16));
    }

    Payload int8(long v) {
        int4(v);
        return int4(v >>> 32);
    }

    Payload lenencInt(long v) {
        if (v >= 0 && v < 251) {
            return int1((int) v);
        }
        if (v >= 0 && v < 1 << 16) {
            return int1(0xFC).int2((int) v);
        }
        if (v >= 0 && v < 1 << 24) {
            return int1(0xFD).int3((int) v);
        }
        return int1(0xFE).int8(v);
    }

    Payload bytes(byte[] b) {
        bytes.write(b, 0, b.length);
        return this;
    }

    Payload lenencBytes(byte[] b) {
        lenencInt(b.length);
        return bytes(b);
    }

    Payload lenencString(String s) {
        return lenencBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Payload nulString(String s) {
        bytes(s.getBytes(StandardCharsets.UTF_8));
        return int1(0);
    }

    /** A string that runs to the end of the packet. */
    Payload eofString(String s) {
        return bytes(s.getBytes(StandardCharsets.UTF_8));
    }

    Payload zeros(int n) {
        for (int i = 0; i < n; i++) {
            bytes.write(0);
        }
        return this;
    }

    byte[] toByteArray() {
        return bytes.toByteArray();
    }
}
