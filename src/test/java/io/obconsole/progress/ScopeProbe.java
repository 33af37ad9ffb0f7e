package io.obconsole.progress;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.RequestScoped;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** A request-scoped bean that says which request scope it belongs to and whether that scope has ended. */
@RequestScoped
public class ScopeProbe {

    static final Set<String> ENDED = ConcurrentHashMap.newKeySet();

    private final String id = UUID.randomUUID().toString();

    public String id() {
        return id;
    }

    @PreDestroy
    void ended() {
        ENDED.add(id);
    }
}
