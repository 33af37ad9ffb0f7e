package io.obconsole.demo.wire;

import io.obconsole.demo.sql.Column;
import io.obconsole.demo.sql.ColumnType;
import io.obconsole.demo.sql.Result;
import io.obconsole.demo.sql.SessionFactory;
import io.obconsole.demo.sql.SqlError;
import io.obconsole.demo.sql.SqlSession;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A tiny stand-in for the demo engine: fixed answers that let the wire tests see every result shape. */
final class FakeCluster implements SessionFactory {

    static final String PASSWORD = "password";
    static final String VERSION = "5.7.25-OceanBase_CE-v4.2.1.0";
    static final String VERSION_COMMENT = "OceanBase_CE 4.2.1.0 (r100000092023101717-7a1b2c3d) (Built Oct 17 2023 17:36:25)";
    static final LocalDateTime CREATED = LocalDateTime.of(2024, 1, 2, 3, 4, 5, 123_456_000);
    static final LocalDateTime ENDED = LocalDateTime.of(2024, 1, 2, 4, 0, 0);

    /** Connector/J and the CLI read these at connect time; the values are what a 4.2 cluster answers. */
    private static final Map<String, Object> VARIABLES = Map.ofEntries(
            Map.entry("auto_increment_increment", 1L),
            Map.entry("character_set_client", "utf8mb4"),
            Map.entry("character_set_connection", "utf8mb4"),
            Map.entry("character_set_results", "utf8mb4"),
            Map.entry("character_set_server", "utf8mb4"),
            Map.entry("collation_server", "utf8mb4_general_ci"),
            Map.entry("collation_connection", "utf8mb4_general_ci"),
            Map.entry("init_connect", ""),
            Map.entry("interactive_timeout", 28800L),
            Map.entry("license", ""),
            Map.entry("lower_case_table_names", 1L),
            Map.entry("max_allowed_packet", 16777216L),
            Map.entry("net_buffer_length", 16384L),
            Map.entry("net_write_timeout", 60L),
            Map.entry("performance_schema", 0L),
            Map.entry("query_cache_size", 0L),
            Map.entry("query_cache_type", "OFF"),
            Map.entry("sql_mode", "STRICT_ALL_TABLES"),
            Map.entry("system_time_zone", "+08:00"),
            Map.entry("time_zone", "+8:00"),
            Map.entry("transaction_isolation", "READ-COMMITTED"),
            Map.entry("tx_isolation", "READ-COMMITTED"),
            Map.entry("transaction_read_only", 0L),
            Map.entry("tx_read_only", 0L),
            Map.entry("autocommit", 1L),
            Map.entry("wait_timeout", 28800L),
            Map.entry("version_comment", VERSION_COMMENT),
            Map.entry("version", VERSION));

    private static final Pattern VARIABLE = Pattern.compile(
            "@@(?:session\\.|global\\.|local\\.)?(\\w+)(?:\\s+as\\s+(\\w+))?", Pattern.CASE_INSENSITIVE);

    final List<FakeSession> sessions = new CopyOnWriteArrayList<>();
    final AtomicInteger opened = new AtomicInteger();

    @Override
    public Optional<Account> account(String userName) {
        return switch (userName) {
            case "root@sys", "root@sys#demo" -> Optional.of(new Account("root", "sys", PASSWORD));
            case "root@mysql_tenant" -> Optional.of(new Account("root", "mysql_tenant", "tenant secret ✓"));
            case "nopass@sys" -> Optional.of(new Account("nopass", "sys", ""));
            default -> Optional.empty();
        };
    }

    @Override
    public SqlSession open(Account account, String schema) throws SqlError {
        if ("nosuchdb".equals(schema)) {
            throw new SqlError(1049, "42000", "Unknown database 'nosuchdb'");
        }
        opened.incrementAndGet();
        FakeSession s = new FakeSession(account, schema);
        sessions.add(s);
        return s;
    }

    int closedSessions() {
        return (int) sessions.stream().filter(s -> s.closeCalls.get() > 0).count();
    }

    /** One connection's state; counts close() calls so tests can prove "exactly once". */
    static final class FakeSession implements SqlSession {
        final Account account;
        final AtomicInteger closeCalls = new AtomicInteger();
        volatile String schema;
        volatile boolean encryption;

        FakeSession(Account account, String schema) {
            this.account = account;
            this.schema = schema;
        }

        @Override
        public Result execute(String sql) throws SqlError {
            String q = normalize(sql);
            if (q.equals("select 1")) {
                return rows(List.of(Column.of("1", ColumnType.BIGINT)), List.of(1L));
            }
            if (q.startsWith("select @@")) {
                return variables(q);
            }
            if (q.equals("select version()")) {
                return rows(List.of(Column.of("version()", ColumnType.VARCHAR)), List.of(VERSION));
            }
            if (q.equals("select types")) {
                return new Result.Rows(List.of(
                        Column.of("id", ColumnType.BIGINT),
                        Column.of("n", ColumnType.INT),
                        Column.of("amount", ColumnType.DECIMAL),
                        Column.of("ratio", ColumnType.DOUBLE),
                        Column.of("name", ColumnType.VARCHAR),
                        Column.of("note", ColumnType.TEXT),
                        Column.of("created", ColumnType.DATETIME),
                        Column.of("ended", ColumnType.TIMESTAMP),
                        Column.of("nothing", ColumnType.VARCHAR)),
                        List.of(
                                Arrays.asList(42L, 7, new BigDecimal("12345.678"), 0.25, "héllo ✓", "a long text",
                                        CREATED, ENDED, null),
                                Arrays.asList(-1L, null, new BigDecimal("0.500"), 1e10, "", "", null, null, null)));
            }
            if (q.equals("select many")) {
                List<List<Object>> rows = new ArrayList<>();
                for (long i = 0; i < 1000; i++) {
                    rows.add(List.of(i));
                }
                return new Result.Rows(List.of(Column.of("i", ColumnType.BIGINT)), rows);
            }
            if (q.equals("select encryption")) {
                return rows(List.of(Column.of("ENCRYPTION", ColumnType.VARCHAR)), List.of(encryption ? "ON" : "OFF"));
            }
            if (q.equals("select database()")) {
                return new Result.Rows(List.of(Column.of("database()", ColumnType.VARCHAR)),
                        List.of(Arrays.asList((Object) schema)));
            }
            if (q.startsWith("use ")) {
                useSchema(sql.strip().substring(4).replace("`", "").replace(";", "").strip());
                return Result.Update.ok();
            }
            if (q.startsWith("alter system backup")) {
                throw new SqlError(9040, "HY000", "backup can not start");
            }
            if (q.startsWith("set encryption on identified by")) {
                encryption = true;
                return Result.Update.ok();
            }
            if (q.startsWith("set ") || q.equals("commit") || q.equals("rollback")) {
                return Result.Update.ok();
            }
            if (q.startsWith("alter system cancel backup")) {
                return new Result.Update(3, "Rows matched: 3  Changed: 3  Warnings: 0");
            }
            if (q.equals("boom")) {
                throw new IllegalStateException("engine bug");
            }
            if (q.equals("show databases")) {
                return new Result.Rows(List.of(Column.of("Database", ColumnType.VARCHAR)),
                        List.of(List.of("information_schema"), List.of("oceanbase")));
            }
            if (q.equals("show tables")) {
                return new Result.Rows(List.of(Column.of("Tables_in_oceanbase", ColumnType.VARCHAR)),
                        List.of(List.of("DBA_OB_BACKUP_JOBS")));
            }
            throw new SqlError(1064, "42000", "You have an error in your SQL syntax; check the manual that "
                    + "corresponds to your OceanBase version for the right syntax to use near '" + sql + "' at line 1");
        }

        @Override
        public void useSchema(String schema) throws SqlError {
            if ("nosuchdb".equals(schema)) {
                throw new SqlError(1049, "42000", "Unknown database 'nosuchdb'");
            }
            this.schema = schema;
        }

        @Override
        public void close() {
            closeCalls.incrementAndGet();
        }

        private static String normalize(String sql) {
            String q = sql.replaceAll("(?s)/\\*.*?\\*/", " ").strip();
            while (q.endsWith(";")) {
                q = q.substring(0, q.length() - 1).strip();
            }
            return q.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
        }

        private static Result.Rows rows(List<Column> columns, List<Object> row) {
            return new Result.Rows(columns, List.of(row));
        }

        private static Result.Rows variables(String q) {
            String list = q.substring("select ".length()).replaceAll(" limit \\d+$", "");
            List<Column> columns = new ArrayList<>();
            List<Object> row = new ArrayList<>();
            for (String item : list.split(",")) {
                Matcher m = VARIABLE.matcher(item.strip());
                if (!m.matches()) {
                    continue;
                }
                Object value = VARIABLES.get(m.group(1));
                String label = m.group(2) != null ? m.group(2) : item.strip();
                columns.add(Column.of(label, value instanceof Long ? ColumnType.BIGINT : ColumnType.VARCHAR));
                row.add(value);
            }
            return new Result.Rows(columns, List.of(row));
        }
    }
}
