package io.obconsole.demo.wire;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** Frames MySQL packets (3-byte length, sequence id) on one socket, splitting and joining 16 MiB chunks. */
final class PacketIO {

    static final int MAX_CHUNK = 0xFFFFFF;

    /** Guards the demo against a client (or garbage) announcing a huge payload. */
    static final int MAX_PAYLOAD = 64 * 1024 * 1024;

    private final InputStream in;
    private final OutputStream out;
    private int sequence;

    PacketIO(InputStream in, OutputStream out) {
        this.in = new BufferedInputStream(in, 16 * 1024);
        this.out = new BufferedOutputStream(out, 64 * 1024);
    }

    /** A command starts a new exchange: the client's packet carries 0, our answers count on from 1. */
    void resetSequence() {
        sequence = 0;
    }

    /** Reads one logical packet; returns null when the client closed the connection cleanly between packets. */
    byte[] read() throws IOException {
        ByteArrayOutputStream joined = null;
        while (true) {
            int b0 = in.read();
            if (b0 < 0) {
                if (joined == null) {
                    return null;
                }
                throw new EOFException("connection closed inside a split packet");
            }
            byte[] rest = in.readNBytes(3);
            if (rest.length < 3) {
                throw new EOFException("connection closed inside a packet header");
            }
            int length = b0 | (rest[0] & 0xFF) << 8 | (rest[1] & 0xFF) << 16;
            // Clients and servers must agree on the counter, but a strict check would only turn
            // a harmless client quirk into a dropped connection; follow the client instead.
            sequence = (rest[2] + 1) & 0xFF;
            int already = joined == null ? 0 : joined.size();
            if ((long) already + length > MAX_PAYLOAD) {
                throw new PacketTooLargeException();
            }
            byte[] chunk = in.readNBytes(length);
            if (chunk.length < length) {
                throw new EOFException("connection closed inside a packet");
            }
            if (length < MAX_CHUNK && joined == null) {
                return chunk;
            }
            if (joined == null) {
                joined = new ByteArrayOutputStream(length * 2);
            }
            joined.write(chunk);
            if (length < MAX_CHUNK) {
                return joined.toByteArray();
            }
        }
    }

    /** Queues one logical packet; call {@link #flush()} once the whole answer is written. */
    void write(byte[] payload) throws IOException {
        int offset = 0;
        while (true) {
            int length = Math.min(MAX_CHUNK, payload.length - offset);
            out.write(length & 0xFF);
            out.write(length >>> 8 & 0xFF);
            out.write(length >>> 16 & 0xFF);
            out.write(sequence);
            sequence = (sequence + 1) & 0xFF;
            out.write(payload, offset, length);
            offset += length;
            // A payload that is an exact multiple of the chunk size ends with an empty chunk.
            if (length < MAX_CHUNK) {
                return;
            }
        }
    }

    void write(Payload payload) throws IOException {
        write(payload.toByteArray());
    }

    void flush() throws IOException {
        out.flush();
    }

    /**
     * What this reader has taken off the socket beyond the last packet: a client switching to TLS
     * sends its ClientHello right after the SSLRequest, so part of it may be buffered here.
     */
    byte[] takeBuffered() throws IOException {
        int available = in.available();
        return available <= 0 ? new byte[0] : in.readNBytes(available);
    }

    /** The client sent more than {@link #MAX_PAYLOAD}; answered like max_allowed_packet, then closed. */
    static final class PacketTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        PacketTooLargeException() {
            super("packet larger than " + MAX_PAYLOAD + " bytes");
        }
    }
}
