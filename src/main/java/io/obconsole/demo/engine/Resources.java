package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Resource units and pools (DBA_OB_UNIT_CONFIGS, DBA_OB_RESOURCE_POOLS) on a cluster of finite
 * size: one observer per zone with {@link #SERVER_CPU} cores and {@link #SERVER_MEMORY} bytes, from
 * which every pool takes its units when it is created, granted to a tenant or not, as OceanBase's
 * unit manager does. A restore needs a pool of its own; when the servers are full it is refused.
 * GV$OB_SERVERS shows each observer's capacity and what its units are assigned, from the same sums.
 */
final class Resources {

    static final List<String> ZONES = List.of("zone1", "zone2", "zone3");
    static final double SERVER_CPU = 32;
    static final long SERVER_MEMORY = 128L << 30;
    static final long SERVER_LOG_DISK = 1024L << 30;
    /** The observer's own memory, outside what units may take (MEMORY_LIMIT − MEM_CAPACITY). */
    static final long SERVER_SYSTEM_MEMORY = 16L << 30;
    static final long SERVER_DATA_DISK = 4096L << 30;
    private static final long GIB = 1L << 30;

    /** A row of DBA_OB_UNIT_CONFIGS. */
    record UnitConfig(long id, String name, Instant created, double maxCpu, double minCpu, long memorySize,
            long logDiskSize, long maxIops, long minIops, long iopsWeight) {
    }

    /** A row of DBA_OB_RESOURCE_POOLS; {@code tenantId} is null while the pool is granted to no tenant. */
    record ResourcePool(long id, String name, Long tenantId, Instant created, Instant modified, long unitCount,
            long unitConfigId, List<String> zones) {

        ResourcePool grantedTo(Long tenant, Instant at) {
            return new ResourcePool(id, name, tenant, created, at, unitCount, unitConfigId, zones);
        }
    }

    final List<UnitConfig> units = new ArrayList<>();
    final List<ResourcePool> pools = new ArrayList<>();
    long nextUnitConfigId = 1001;
    long nextPoolId = 1001;

    /** The units and pools the seeded tenants were created with: sys's own and one pool per user tenant. */
    void seed(List<Tenant> tenants) {
        for (Tenant tenant : tenants) {
            if (tenant.type == Tenant.Type.META) {
                continue;
            }
            boolean sys = !tenant.isUser();
            UnitConfig unit = sys ? new UnitConfig(1, "sys_unit_config", tenant.createTime, 1, 1, 4 * GIB, 12 * GIB,
                    Long.MAX_VALUE, Long.MAX_VALUE, 1)
                    : newUnit(tenant.name + "_unit", tenant.createTime, 4, 4, 16 * GIB, 48 * GIB);
            units.add(unit);
            pools.add(new ResourcePool(sys ? 1 : nextPoolId++, sys ? "sys_pool" : tenant.name + "_pool", tenant.id,
                    tenant.createTime, tenant.createTime, 1, unit.id(), ZONES));
        }
    }

    private UnitConfig newUnit(String name, Instant at, double maxCpu, double minCpu, long memory, long logDisk) {
        // OceanBase's defaults: IOPS follow MIN_CPU (10000 per core), weight = MIN_CPU
        long iops = (long) (minCpu * 10_000);
        return new UnitConfig(nextUnitConfigId++, name, at, maxCpu, minCpu, memory, logDisk, iops, iops, (long) minCpu);
    }

    Optional<UnitConfig> unit(String name) {
        return units.stream().filter(u -> u.name().equalsIgnoreCase(name)).findFirst();
    }

    Optional<ResourcePool> pool(String name) {
        return pools.stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    UnitConfig unitOf(ResourcePool pool) {
        return units.stream().filter(u -> u.id() == pool.unitConfigId()).findFirst().orElseThrow();
    }

    // ---- statements

    void createUnit(Statement.CreateResourceUnit create, Instant now) throws SqlError {
        if (unit(create.name()).isPresent()) {
            throw Errors.resourceUnitExists(create.name());
        }
        Double maxCpu = create.number("MAX_CPU");
        Long memory = create.size("MEMORY_SIZE");
        if (maxCpu == null || memory == null) {
            throw Errors.invalidResourceUnit();
        }
        Double minCpu = create.number("MIN_CPU");
        double min = minCpu == null ? maxCpu : minCpu;
        Long logDisk = create.size("LOG_DISK_SIZE");
        if (maxCpu < 1 || min > maxCpu || memory < GIB) {
            throw Errors.invalidResourceUnit();
        }
        UnitConfig unit = newUnit(create.name(), now, maxCpu, min, memory, logDisk == null ? 3 * memory : logDisk);
        units.add(unit);
    }

    void dropUnit(String name) throws SqlError {
        UnitConfig unit = unit(name).orElseThrow(() -> Errors.resourceUnitMissing(name));
        if (pools.stream().anyMatch(p -> p.unitConfigId() == unit.id())) {
            throw Errors.resourceUnitReferenced(unit.name());
        }
        units.remove(unit);
    }

    void createPool(Statement.CreateResourcePool create, Instant now) throws SqlError {
        if (pool(create.name()).isPresent()) {
            throw Errors.resourcePoolExists(create.name());
        }
        UnitConfig unit = unit(create.unit()).orElseThrow(() -> Errors.resourceUnitMissing(create.unit()));
        List<String> zones = create.zones() == null ? ZONES : create.zones().stream()
                .map(z -> z.toLowerCase(Locale.ROOT)).toList();
        for (String zone : zones) {
            if (!ZONES.contains(zone)) {
                throw Errors.zoneNotExist(zone);
            }
        }
        if (create.unitNum() > 1) {
            // one observer per zone: a zone cannot hold two units of one pool
            throw Errors.unitNumOverServerCount();
        }
        for (String zone : zones) {
            String short_ = shortage(zone, unit);
            if (short_ != null) {
                throw Errors.zoneResourceNotEnough(zone, short_);
            }
        }
        pools.add(new ResourcePool(nextPoolId++, create.name(), null, now, now, create.unitNum(), unit.id(), zones));
    }

    void dropPool(String name) throws SqlError {
        ResourcePool pool = pool(name).orElseThrow(() -> Errors.resourcePoolMissing(name));
        if (pool.tenantId() != null) {
            throw Errors.resourcePoolGranted(pool.name());
        }
        pools.remove(pool);
    }

    /**
     * One observer as GV$OB_SERVERS shows it: its capacity and what the units on it are assigned
     * (CPU_ASSIGNED sums MIN_CPU, CPU_ASSIGNED_MAX sums MAX_CPU, one unit per pool and zone).
     */
    record ServerUsage(Parameters.Server server, double cpuAssigned, double cpuAssignedMax, long memAssigned,
            long logDiskAssigned) {

        String name() {
            return server.ip() + ":" + server.port();
        }

        /** What it lacks to hold one more unit of {@code unit}, as OceanBase's unit manager says it, or null if it can. */
        String shortage(UnitConfig unit) {
            if (cpuAssigned + unit.minCpu() > SERVER_CPU || cpuAssignedMax + unit.maxCpu() > SERVER_CPU) {
                return "server '" + name() + "' CPU resource not enough";
            }
            if (memAssigned + unit.memorySize() > SERVER_MEMORY) {
                return "server '" + name() + "' MEMORY resource not enough";
            }
            if (logDiskAssigned + unit.logDiskSize() > SERVER_LOG_DISK) {
                return "server '" + name() + "' LOG_DISK resource not enough";
            }
            return null;
        }
    }

    /** Every observer with what its units take: the rows of GV$OB_SERVERS and what CREATE RESOURCE POOL checks. */
    List<ServerUsage> servers() {
        List<ServerUsage> servers = new ArrayList<>();
        for (Parameters.Server server : Parameters.SERVERS) {
            double cpu = 0;
            double cpuMax = 0;
            long memory = 0;
            long logDisk = 0;
            for (ResourcePool pool : pools) {
                if (pool.zones().contains(server.zone())) {
                    UnitConfig used = unitOf(pool);
                    cpu += used.minCpu() * pool.unitCount();
                    cpuMax += used.maxCpu() * pool.unitCount();
                    memory += used.memorySize() * pool.unitCount();
                    logDisk += used.logDiskSize() * pool.unitCount();
                }
            }
            servers.add(new ServerUsage(server, cpu, cpuMax, memory, logDisk));
        }
        return servers;
    }

    /** What the zone's observer lacks to hold one more unit of {@code unit}, or null if it can. */
    private String shortage(String zone, UnitConfig unit) {
        return servers().stream().filter(s -> s.server().zone().equals(zone)).findFirst().map(s -> s.shortage(unit))
                .orElse(null);
    }

    /** Pools granted to {@code tenantId} become free again (the tenant was dropped; OceanBase keeps its pools). */
    void release(long tenantId, Instant at) {
        pools.replaceAll(p -> p.tenantId() != null && p.tenantId() == tenantId ? p.grantedTo(null, at) : p);
    }

    void grant(List<String> poolNames, long tenantId, Instant at) {
        pools.replaceAll(p -> poolNames.stream().anyMatch(n -> n.equalsIgnoreCase(p.name())) ? p.grantedTo(tenantId, at) : p);
    }
}
