package io.obconsole.demo.engine;

import java.util.List;
import java.util.function.Function;

/**
 * One base table behind the OceanBase views: its columns (spec section 3, in view order), how its
 * rows are read from the cluster, and the views that show it.
 *
 * @param table name of the base table in the hidden schema
 * @param columns {@code NAME TYPE} pairs; the first is TENANT_ID for per-tenant tables
 * @param rows the rows, values in column order
 * @param views view names; per-tenant tables get a CDB_ and a DBA_ view, shared ones a single view
 * @param perTenant whether rows belong to a tenant (CDB_/DBA_ pair) or are shared with a filter
 * @param sysOnly a single view only the sys tenant sees (cluster resources: units, pools)
 */
record ViewTable(String table, List<String> columns, Function<Cluster, List<Object[]>> rows, List<String> views,
        boolean perTenant, boolean sysOnly) {

    static ViewTable perTenant(String table, String cdbView, String dbaView, List<String> columns,
            Function<Cluster, List<Object[]>> rows) {
        return new ViewTable(table, columns, rows, List.of(cdbView, dbaView), true, false);
    }

    static ViewTable shared(String table, String view, List<String> columns, Function<Cluster, List<Object[]>> rows) {
        return new ViewTable(table, columns, rows, List.of(view), false, false);
    }

    static ViewTable sysOnly(String table, String view, List<String> columns, Function<Cluster, List<Object[]>> rows) {
        return new ViewTable(table, columns, rows, List.of(view), false, true);
    }

    List<String> columnNames() {
        return columns.stream().map(c -> c.substring(0, c.indexOf(' '))).toList();
    }
}
