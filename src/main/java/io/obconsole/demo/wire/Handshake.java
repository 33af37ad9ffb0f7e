package io.obconsole.demo.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

/** The connection-phase messages: greeting (v10), the client's HandshakeResponse41, and the native-password check. */
final class Handshake {

    static final int SCRAMBLE_LENGTH = 20;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Handshake() {
    }

    /** Printable, NUL-free and '$'-free, as MySQL makes them: some clients treat the scramble as a C string. */
    static byte[] newScramble() {
        byte[] s = new byte[SCRAMBLE_LENGTH];
        for (int i = 0; i < s.length; i++) {
            byte b;
            do {
                b = (byte) (0x21 + RANDOM.nextInt(0x7F - 0x21));
            } while (b == '$');
            s[i] = b;
        }
        return s;
    }

    static Payload greeting(String serverVersion, long connectionId, byte[] scramble, int capabilities) {
        return new Payload()
                .int1(10)
                .nulString(serverVersion)
                .int4(connectionId)
                .bytes(Arrays.copyOfRange(scramble, 0, 8))
                .int1(0)
                .int2(capabilities)
                .int1(Capabilities.CHARSET_UTF8MB4_GENERAL_CI)
                .int2(Capabilities.SERVER_STATUS_AUTOCOMMIT)
                .int2(capabilities >>> 16)
                .int1(SCRAMBLE_LENGTH + 1)
                .zeros(10)
                .bytes(Arrays.copyOfRange(scramble, 8, SCRAMBLE_LENGTH))
                .int1(0)
                .nulString(Capabilities.NATIVE_PASSWORD);
    }

    /** What the client answered to the greeting. */
    record Response(int capabilities, String user, byte[] authResponse, String schema, String authPlugin) {
    }

    /** True if the packet is an SSLRequest (the short form of the response, sent before switching to TLS). */
    static boolean isSslRequest(byte[] packet) {
        if (packet.length != 32) {
            return false;
        }
        long caps = new PayloadReader(packet, 0).int4();
        return (caps & Capabilities.CLIENT_SSL) != 0;
    }

    static Response parseResponse(byte[] packet) {
        PayloadReader r = new PayloadReader(packet, 0);
        int caps = (int) r.int4();
        if ((caps & Capabilities.CLIENT_PROTOCOL_41) == 0) {
            // Pre-4.1 clients are long gone; neither the console's driver nor the CLI sends this.
            throw new PayloadReader.MalformedPacketException();
        }
        r.skip(4); // max packet size: the demo never sends anything near it
        r.skip(1); // collation: answers are always utf8mb4 regardless
        r.skip(23);
        String user = r.nulString();
        byte[] auth;
        if ((caps & Capabilities.CLIENT_PLUGIN_AUTH_LENENC_CLIENT_DATA) != 0) {
            auth = r.lenencBytes();
        } else if ((caps & Capabilities.CLIENT_SECURE_CONNECTION) != 0) {
            auth = r.bytes(r.int1());
        } else {
            auth = r.nulString().getBytes(StandardCharsets.UTF_8);
        }
        String schema = null;
        if ((caps & Capabilities.CLIENT_CONNECT_WITH_DB) != 0 && r.hasMore()) {
            schema = r.nulString();
            if (schema.isEmpty()) {
                schema = null;
            }
        }
        String plugin = null;
        if ((caps & Capabilities.CLIENT_PLUGIN_AUTH) != 0 && r.hasMore()) {
            plugin = r.nulString();
        }
        // Connection attributes follow; nothing in the demo depends on them.
        return new Response(caps, user, auth, schema, plugin);
    }

    /** The request to answer again with mysql_native_password over the same scramble. */
    static Payload authSwitch(byte[] scramble) {
        return new Payload().int1(0xFE).nulString(Capabilities.NATIVE_PASSWORD).bytes(scramble).int1(0);
    }

    /** SHA1(password) XOR SHA1(scramble + SHA1(SHA1(password))), compared in constant time. */
    static boolean verifyNativePassword(String password, byte[] scramble, byte[] response) {
        if (password == null || password.isEmpty()) {
            return response.length == 0;
        }
        if (response.length != SCRAMBLE_LENGTH) {
            return false;
        }
        return MessageDigest.isEqual(nativeToken(password, scramble), response);
    }

    static byte[] nativeToken(String password, byte[] scramble) {
        MessageDigest sha1 = sha1();
        byte[] stage1 = sha1.digest(password.getBytes(StandardCharsets.UTF_8));
        byte[] stage2 = sha1.digest(stage1);
        sha1.update(scramble, 0, SCRAMBLE_LENGTH);
        byte[] mask = sha1.digest(stage2);
        for (int i = 0; i < mask.length; i++) {
            mask[i] ^= stage1[i];
        }
        return mask;
    }

    private static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-1", e);
        }
    }
}
