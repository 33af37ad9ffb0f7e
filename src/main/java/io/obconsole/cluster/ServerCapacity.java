package io.obconsole.cluster;

/**
 * One observer's room for resource units, as GV$OB_SERVERS shows it: its capacity and what the
 * units on it are assigned. OceanBase's unit manager puts a unit on a server only if its MIN_CPU
 * fits CPU_CAPACITY − CPU_ASSIGNED, its MAX_CPU fits CPU_CAPACITY_MAX − CPU_ASSIGNED_MAX, and its
 * memory and log disk fit what is left of MEM_CAPACITY and LOG_DISK_CAPACITY.
 */
public record ServerCapacity(String zone, String server, double cpuCapacity, double cpuCapacityMax, double cpuAssigned,
        double cpuAssignedMax, long memCapacity, long memAssigned, long logDiskCapacity, long logDiskAssigned) {

    /** What the server lacks to hold one unit of that size, in words, or null if it has room. */
    public String shortage(UnitSize unit) {
        StringBuilder lacks = new StringBuilder();
        if (unit.minCpu() > cpuCapacity - cpuAssigned || unit.maxCpu() > cpuCapacityMax - cpuAssignedMax) {
            lacks.append("CPU (").append(cores(Math.min(cpuCapacity - cpuAssigned, cpuCapacityMax - cpuAssignedMax)))
                    .append(" free, the unit needs ").append(cores(unit.maxCpu())).append(')');
        }
        if (unit.memorySize() > memCapacity - memAssigned) {
            append(lacks, "memory (" + gib(memCapacity - memAssigned) + " free, the unit needs " + gib(unit.memorySize())
                    + ")");
        }
        if (unit.logDiskSize() > logDiskCapacity - logDiskAssigned) {
            append(lacks, "log disk (" + gib(logDiskCapacity - logDiskAssigned) + " free, the unit needs "
                    + gib(unit.logDiskSize()) + ")");
        }
        return lacks.isEmpty() ? null : lacks.toString();
    }

    private static void append(StringBuilder to, String what) {
        to.append(to.isEmpty() ? "" : ", ").append(what);
    }

    private static String cores(double cpu) {
        double shown = Math.max(0, cpu);
        return (shown == Math.rint(shown) ? String.valueOf((long) shown) : String.valueOf(shown)) + " CPU";
    }

    private static String gib(long bytes) {
        double g = Math.max(0, bytes) / (double) (1L << 30);
        return (g == Math.rint(g) ? String.valueOf((long) g) : String.format(java.util.Locale.ROOT, "%.1f", g)) + " GiB";
    }

    /** A resource unit's size: what it takes on each server it is put on. */
    public record UnitSize(double maxCpu, double minCpu, long memorySize, long logDiskSize) {

        public static UnitSize of(ResourcePool pool) {
            return new UnitSize(pool.maxCpu(), pool.minCpu(), pool.memorySize(), pool.logDiskSize());
        }
    }
}
