package io.obconsole.alert;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/** No backup policy sets objectives (replaced by the policy feature's own {@link PolicyObjectives} bean). */
@DefaultBean
@ApplicationScoped
public class NoPolicyObjectives implements PolicyObjectives {

    @Override
    public Optional<ObjectiveOverride> forTenant(String cluster, String tenant) {
        return Optional.empty();
    }
}
