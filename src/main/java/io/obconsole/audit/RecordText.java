package io.obconsole.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How lists and maps of a record are stored: compact JSON text in plain TEXT columns (the three
 * databases share no JSON type), with map keys sorted so the same values always give the same
 * text and therefore the same hash.
 */
final class RecordText {

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private RecordText() {
    }

    static String strings(List<String> values) {
        return write(values == null ? List.of() : values);
    }

    static String map(Map<String, String> values) {
        return write(values == null ? Map.of() : new TreeMap<>(values));
    }

    static String jobs(List<AuditTrail.JobRef> jobs) {
        return jobs == null ? null : write(jobs);
    }

    static List<String> readStrings(String text) {
        return text == null ? List.of() : read(text, new TypeReference<List<String>>() {
        });
    }

    static Map<String, String> readMap(String text) {
        return text == null ? Map.of() : read(text, new TypeReference<TreeMap<String, String>>() {
        });
    }

    static List<AuditTrail.JobRef> readJobs(String text) {
        return text == null ? List.of() : read(text, new TypeReference<List<AuditTrail.JobRef>>() {
        });
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot store audit value: " + e.getOriginalMessage(), e);
        }
    }

    private static <T> T read(String text, TypeReference<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored audit value is not readable", e);
        }
    }
}
