package io.obconsole.audit;

/** The same submit arrived again (a second click, a retried request): it must not run twice. */
public class DuplicateActionException extends RuntimeException {

    private final long originalIntentId;

    public DuplicateActionException(long originalIntentId) {
        super("This request was already submitted (audit record " + originalIntentId + ")");
        this.originalIntentId = originalIntentId;
    }

    public long originalIntentId() {
        return originalIntentId;
    }
}
