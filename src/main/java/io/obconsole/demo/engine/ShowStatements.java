package io.obconsole.demo.engine;

import io.obconsole.demo.sql.Column;
import io.obconsole.demo.sql.ColumnType;
import io.obconsole.demo.sql.Result;
import io.obconsole.demo.sql.SqlError;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** The SHOW statements whose answers are not views: parameters, databases, tables. */
final class ShowStatements {

    private static final List<Column> PARAMETER_COLUMNS = List.of(
            Column.of("zone", ColumnType.VARCHAR), Column.of("svr_type", ColumnType.VARCHAR),
            Column.of("svr_ip", ColumnType.VARCHAR), Column.of("svr_port", ColumnType.BIGINT),
            Column.of("name", ColumnType.VARCHAR), Column.of("data_type", ColumnType.VARCHAR),
            Column.of("value", ColumnType.VARCHAR), Column.of("info", ColumnType.VARCHAR),
            Column.of("section", ColumnType.VARCHAR), Column.of("scope", ColumnType.VARCHAR),
            Column.of("edit_level", ColumnType.VARCHAR));

    private ShowStatements() {
    }

    /** {@code SHOW PARAMETERS}: one row per server, values of the session's tenant or the named one (sys only). */
    static Result parameters(Cluster cluster, Tenant caller, Statement.ShowParameters show) throws SqlError {
        Tenant target = caller;
        if (show.tenants() != null) {
            if (caller.isUser()) {
                throw Errors.notSupported();
            }
            target = cluster.tenant(show.tenants().names().get(0)).orElseThrow(Errors::unknownTenant);
        }
        Pattern like = show.like() == null ? null : likePattern(show.like());
        List<List<Object>> rows = new ArrayList<>();
        synchronized (cluster) {
            for (Parameters.Server server : Parameters.SERVERS) {
                for (Parameters.Item item : Parameters.ITEMS) {
                    if (like == null || like.matcher(item.name()).matches()) {
                        rows.add(List.of(server.zone(), "observer", server.ip(), (long) server.port(), item.name(),
                                item.dataType(), item.value().apply(target), item.info(), item.section(), item.scope(),
                                item.editLevel()));
                    }
                }
            }
        }
        return new Result.Rows(PARAMETER_COLUMNS, rows);
    }

    static Result names(String column, List<String> names, String like) {
        Pattern pattern = like == null ? null : likePattern(like);
        List<List<Object>> rows = new ArrayList<>();
        for (String name : names) {
            if (pattern == null || pattern.matcher(name).matches()) {
                rows.add(List.of(name));
            }
        }
        return new Result.Rows(List.of(Column.of(column, ColumnType.VARCHAR)), rows);
    }

    /** A SQL LIKE pattern as a case-insensitive regex ({@code %}, {@code _}, backslash escapes). */
    static Pattern likePattern(String like) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < like.length(); i++) {
            char c = like.charAt(i);
            if (c == '\\' && i + 1 < like.length()) {
                regex.append(Pattern.quote(String.valueOf(like.charAt(++i))));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    }
}
