package io.obconsole.policy;

/**
 * Fired (CDI event) after a policy was created, replaced or deleted, so that what follows from it
 * (the objective it sets for its tenants) is evaluated again at once rather than at the next round.
 *
 * @param tenant the tenant's name, or {@code *} for a policy over every tenant of the cluster
 */
public record PolicyChanged(String cluster, String tenant) {
}
