package io.obconsole.demo.engine;

import java.util.List;
import java.util.function.Function;

/**
 * The configuration items the demo cluster reports in GV$OB_PARAMETERS and SHOW PARAMETERS, with
 * the observers that report them (one row per server, as a three-zone cluster shows).
 */
final class Parameters {

    record Server(String zone, String ip, int port) {
    }

    /** A configuration item; {@code value} reads it for one tenant (ignored for CLUSTER scope). */
    record Item(String name, String dataType, String scope, String section, String info, String editLevel,
            Function<Tenant, String> value) {
        /** Every item here defaults to what a fresh cluster shows: 0 for the scores, 4G for the file size. */
        String defaultValue() {
            return dataType.equals("CAPACITY") ? "4G" : "0";
        }

        boolean tenantScoped() {
            return scope.equals("TENANT");
        }
    }

    static final List<Server> SERVERS = List.of(
            new Server("zone1", "192.168.10.11", 2882),
            new Server("zone2", "192.168.10.12", 2882),
            new Server("zone3", "192.168.10.13", 2882));

    static final List<Item> ITEMS = List.of(
            new Item("ha_low_thread_score", "INT", "TENANT", "OBSERVER",
                    "the current work thread score of low priority thread pool for high availability tasks. Range: [0, 100]",
                    "DYNAMIC_EFFECTIVE", t -> String.valueOf(t.haLowThreadScore)),
            new Item("ha_mid_thread_score", "INT", "TENANT", "OBSERVER",
                    "the current work thread score of middle priority thread pool for high availability tasks. Range: [0, 100]",
                    "DYNAMIC_EFFECTIVE", t -> "0"),
            new Item("ha_high_thread_score", "INT", "TENANT", "OBSERVER",
                    "the current work thread score of high priority thread pool for high availability tasks. Range: [0, 100]",
                    "DYNAMIC_EFFECTIVE", t -> "0"),
            new Item("log_archive_concurrency", "INT", "TENANT", "LOGSERVICE",
                    "log archive concurrency, for both archive fetcher and sender. Range: [0, 100]",
                    "DYNAMIC_EFFECTIVE", t -> "0"),
            new Item("backup_data_file_size", "CAPACITY", "CLUSTER", "OBSERVER",
                    "backup data file size. Range: [512M, 4G] in integer", "DYNAMIC_EFFECTIVE", t -> "4G"));

    private Parameters() {
    }
}
