package io.obconsole.drill;

/**
 * The names a drill gives what it creates, so that a tenant, pool or unit says it is a drill's
 * scratch (and whose): {@code drill_<tenant>_<run>}, {@code drill_<run>_pool}, {@code drill_<run>_unit}.
 * The console drops nothing whose name is not the one its run would give it.
 */
final class DrillNames {

    static final String PREFIX = "drill_";
    private static final int MAX = 128;

    private DrillNames() {
    }

    static String scratchTenant(String sourceTenant, long runId) {
        String suffix = "_" + runId;
        int room = MAX - PREFIX.length() - suffix.length();
        String source = sourceTenant.length() > room ? sourceTenant.substring(0, room) : sourceTenant;
        return PREFIX + source + suffix;
    }

    static String pool(long runId) {
        return PREFIX + runId + "_pool";
    }

    static String unit(long runId) {
        return PREFIX + runId + "_unit";
    }
}
