package io.obconsole.restore;

/** The resource pool a restore lands in: one the target cluster already has free, or one made for it. */
public sealed interface PoolChoice {

    String pool();

    /** An existing pool of the target cluster, checked against its list of pools. */
    record Existing(String pool) implements PoolChoice {
    }

    /**
     * A unit and a pool created in the same flow, sized like the source tenant's by default.
     *
     * @param unitNum units per zone; null: the source's
     */
    record Create(String pool, String unit, Integer unitNum) implements PoolChoice {
    }
}
