package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The MySQL 5.7-style system variables a connection sees. Connectors read a dozen of them while
 * connecting and refuse to work if one is missing, so the defaults mirror an OceanBase MySQL tenant.
 */
final class SessionVariables {

    private final Map<String, Object> values = new TreeMap<>();

    SessionVariables(String version, String versionComment) {
        values.put("auto_increment_increment", 1L);
        values.put("auto_increment_offset", 1L);
        values.put("autocommit", 1L);
        values.put("character_set_client", "utf8mb4");
        values.put("character_set_connection", "utf8mb4");
        values.put("character_set_database", "utf8mb4");
        values.put("character_set_results", "utf8mb4");
        values.put("character_set_server", "utf8mb4");
        values.put("character_set_system", "utf8mb4");
        values.put("collation_connection", "utf8mb4_general_ci");
        values.put("collation_database", "utf8mb4_general_ci");
        values.put("collation_server", "utf8mb4_general_ci");
        values.put("init_connect", "");
        values.put("interactive_timeout", 28800L);
        values.put("license", "");
        values.put("lower_case_table_names", 1L);
        values.put("max_allowed_packet", 16777216L);
        values.put("net_buffer_length", 16384L);
        values.put("net_read_timeout", 30L);
        values.put("net_write_timeout", 60L);
        values.put("performance_schema", 0L);
        values.put("query_cache_size", 1048576L);
        values.put("query_cache_type", "OFF");
        values.put("sql_mode", "STRICT_ALL_TABLES,NO_ZERO_IN_DATE");
        values.put("sql_select_limit", 9223372036854775807L);
        values.put("system_time_zone", "+08:00");
        values.put("time_zone", "+8:00");
        values.put("transaction_isolation", "READ-COMMITTED");
        values.put("tx_isolation", "READ-COMMITTED");
        values.put("transaction_read_only", 0L);
        values.put("tx_read_only", 0L);
        values.put("wait_timeout", 28800L);
        values.put("version", version);
        values.put("version_comment", versionComment);
        values.put("ob_query_timeout", 10000000L);
        values.put("ob_trx_timeout", 86400000000L);
    }

    /** {@code @@session.x}, {@code @@global.x}, {@code @@x} or a plain name, lower-cased and without scope. */
    static String bareName(String token) {
        String name = token.startsWith("@@") ? token.substring(2) : token;
        String lower = name.toLowerCase(Locale.ROOT);
        for (String scope : new String[] {"session.", "global.", "local."}) {
            if (lower.startsWith(scope)) {
                return lower.substring(scope.length());
            }
        }
        return lower;
    }

    Object get(String name) throws SqlError {
        String key = bareName(name);
        if (!values.containsKey(key)) {
            throw Errors.unknownSystemVariable(key);
        }
        return values.get(key);
    }

    void set(String name, Object value) throws SqlError {
        String key = bareName(name);
        if (!values.containsKey(key)) {
            throw Errors.unknownSystemVariable(key);
        }
        Object old = values.get(key);
        if (old instanceof Long && value instanceof String text) {
            // ON/OFF and TRUE/FALSE become numbers, as for autocommit
            value = switch (text.toUpperCase(Locale.ROOT)) {
                case "ON", "TRUE" -> 1L;
                case "OFF", "FALSE" -> 0L;
                default -> value;
            };
        }
        values.put(key, value);
        if (key.equals("transaction_isolation") || key.equals("tx_isolation")) {
            values.put("transaction_isolation", value);
            values.put("tx_isolation", value);
        }
    }

    Map<String, Object> all() {
        return values;
    }
}
