package io.obconsole.backup;

import io.obconsole.access.Operator;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a person's recent submits returned, by their idempotency key, so that a retried request
 * (a double click, a script's retry) gets the first answer instead of a second action. In memory
 * and per instance; across instances the audit trail's unique key refuses the repeat.
 */
public final class ReplayCache {

    private static final int SIZE = 500;

    private final Map<String, Object> completed = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Object> eldest) {
            return size() > SIZE;
        }
    });

    /** The result of an earlier submit with this key by this person, if it was of that kind. */
    public <T> Optional<T> earlier(Operator who, String key, Class<T> kind) {
        if (blank(key)) {
            return Optional.empty();
        }
        Object earlier = completed.get(replayKey(who, key));
        return kind.isInstance(earlier) ? Optional.of(kind.cast(earlier)) : Optional.empty();
    }

    /** Remembers the result; without a key there is nothing to replay. */
    public void remember(Operator who, String key, Object result) {
        if (!blank(key)) {
            completed.put(replayKey(who, key), result);
        }
    }

    /** The key the audit trail records: the submit's own, or a fresh one that makes the submit unique. */
    public static String keyOf(String key) {
        return blank(key) ? UUID.randomUUID().toString() : key;
    }

    private static String replayKey(Operator who, String key) {
        return who.username() + "\n" + key;
    }

    private static boolean blank(String key) {
        return key == null || key.isBlank();
    }
}
