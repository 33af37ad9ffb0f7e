package io.obconsole.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The tamper-evident link of a record: SHA-256 over a canonical serialization of its stored
 * fields and the previous record's hash. Each field is written as its length and its text (or
 * {@code ~} for null), so no choice of values can make two different records serialize alike.
 * The database id is not hashed (it is assigned on insert); order is bound by the previous hash.
 */
public final class RecordHash {

    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS");

    private RecordHash() {
    }

    public static String of(AuditRecord r) {
        StringBuilder text = new StringBuilder(512);
        field(text, r.recordedAt == null ? null : MICROS.format(r.recordedAt));
        field(text, r.actorUsername);
        field(text, r.actorSubject);
        field(text, r.actorRoles);
        field(text, r.clientAddress);
        field(text, r.action);
        field(text, r.cluster);
        field(text, r.tenants);
        field(text, r.parameters);
        field(text, r.statements);
        field(text, r.outcome);
        field(text, r.obCode == null ? null : r.obCode.toString());
        field(text, r.obText);
        field(text, r.jobIds);
        field(text, r.intentId == null ? null : r.intentId.toString());
        field(text, r.idempotencyKey);
        field(text, r.jobEndKey);
        field(text, r.prevHash);
        return sha256(text.toString());
    }

    private static void field(StringBuilder text, String value) {
        if (value == null) {
            text.append('~');
        } else {
            text.append(value.length()).append(':').append(value);
        }
        text.append('|');
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException everyJvmHasIt) {
            throw new IllegalStateException(everyJvmHasIt);
        }
    }
}
