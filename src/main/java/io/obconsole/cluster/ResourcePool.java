package io.obconsole.cluster;

import java.util.List;

/**
 * One resource pool of a cluster (DBA_OB_RESOURCE_POOLS with its unit from DBA_OB_UNIT_CONFIGS):
 * what a restore needs to pick a free pool or size a new one like the source's.
 *
 * @param tenantId the tenant it is granted to; null while it is free
 */
public record ResourcePool(String name, Long tenantId, int unitCount, List<String> zones, String unitName,
        double maxCpu, double minCpu, long memorySize, long logDiskSize) {

    public ResourcePool {
        zones = List.copyOf(zones);
    }

    public boolean free() {
        return tenantId == null;
    }
}
