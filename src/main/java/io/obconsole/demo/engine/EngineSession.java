package io.obconsole.demo.engine;

import io.obconsole.demo.sql.Column;
import io.obconsole.demo.sql.ColumnType;
import io.obconsole.demo.sql.Result;
import io.obconsole.demo.sql.SqlError;
import io.obconsole.demo.sql.SqlSession;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One client connection to the demo cluster: its tenant, schema, system variables, the backup
 * password of {@code SET ENCRYPTION ... ONLY} (kept until the connection ends, the stricter
 * reading of the spec), and its own H2 connection signed in as its tenant.
 */
final class EngineSession implements SqlSession, H2Query.Context {

    private static final Set<String> SCHEMAS = Set.of("oceanbase", "information_schema", "mysql");
    private static final java.time.Duration RESTORE_WAIT = java.time.Duration.ofMinutes(10);

    private final Engine engine;
    private final Cluster cluster;
    private final Tenant tenant;
    private final String user;
    private final boolean canAlterSystem;
    private final long connectionId;
    private final SessionVariables variables;
    private final Connection h2;
    private String schema;
    private String encryptionPassword;
    private List<String> decryptionPasswords = List.of();
    /** The session's last RESTORE PREVIEW, until SHOW RESTORE PREVIEW has listed it (OceanBase's session variables). */
    private Statement.RestorePreview preview;

    EngineSession(Engine engine, Tenant tenant, String user, boolean canAlterSystem, long connectionId, String schema)
            throws SqlError {
        this.engine = engine;
        this.cluster = engine.cluster();
        this.tenant = tenant;
        this.user = user;
        this.canAlterSystem = canAlterSystem;
        this.connectionId = connectionId;
        this.variables = new SessionVariables(cluster.mysqlVersion(), cluster.versionComment());
        try {
            this.h2 = engine.views().open(tenant);
        } catch (SQLException e) {
            throw new SqlError(4016, "Internal error");
        }
        useSchema(schema == null || schema.isEmpty() ? null : schema);
    }

    @Override
    public Result execute(String sql) throws SqlError {
        engine.received(connectionId, user + "@" + tenant.name, sql);
        engine.delayQuery(sql);
        Statement statement = Parser.parse(sql);
        cluster.advance();
        Result result = run(statement, sql);
        return result;
    }

    private Result run(Statement statement, String sql) throws SqlError {
        if (statement instanceof Statement.Query query) {
            return query(sql, query.tokens());
        } else if (statement instanceof Statement.Backup backup) {
            return backup(backup);
        } else if (statement instanceof Statement.CancelBackup cancel) {
            return cancel(cancel);
        } else if (statement instanceof Statement.SetEncryption encryption) {
            encryptionPassword = encryption.password();
            return Result.Update.ok();
        } else if (statement instanceof Statement.SetDecryption decryption) {
            if (tenant.isUser()) {
                throw Errors.nonSysDecryption();
            }
            decryptionPasswords = decryption.passwords();
            return Result.Update.ok();
        } else if (statement instanceof Statement.Restore restore) {
            return restore(restore);
        } else if (statement instanceof Statement.RestorePreview restorePreview) {
            requireSys();
            cluster.restores.checkPreview(restorePreview);
            preview = restorePreview;
            return Result.Update.ok();
        } else if (statement instanceof Statement.ShowRestorePreview) {
            return showRestorePreview(sql);
        } else if (statement instanceof Statement.DropTenant drop) {
            requireSys();
            synchronized (cluster) {
                cluster.restores.drop(drop);
                cluster.changed();
            }
            return Result.Update.ok();
        } else if (statement instanceof Statement.CancelRestore cancel) {
            requireSys();
            synchronized (cluster) {
                cluster.restores.cancel(cancel.tenant());
                cluster.changed();
            }
            return Result.Update.ok();
        } else if (statement instanceof Statement.ActivateStandby activate) {
            requireAlterSystem();
            if (activate.verify() && !verifyExists()) {
                throw Errors.syntax(sql, sql.toUpperCase(Locale.ROOT).lastIndexOf("VERIFY"));
            }
            synchronized (cluster) {
                cluster.restores.activate(tenant, activate);
                cluster.changed();
            }
            return Result.Update.ok();
        } else if (statement instanceof Statement.SetParameter parameter) {
            return setParameter(parameter, sql);
        } else if (statement instanceof Statement.ArchiveMode mode) {
            return archiveMode(mode);
        } else if (statement instanceof Statement.DeletePolicy policy) {
            requireAlterSystem();
            cluster.deletePolicy(tenant, policy);
            return Result.Update.ok();
        } else if (statement instanceof Statement.CreateResourceUnit || statement instanceof Statement.CreateResourcePool
                || statement instanceof Statement.DropResource) {
            requireSys();
            cluster.resource(statement);
            return Result.Update.ok();
        } else if (statement instanceof Statement.ShowParameters show) {
            return ShowStatements.parameters(cluster, tenant, show);
        } else if (statement instanceof Statement.ShowVariables show) {
            return showVariables(show, sql);
        } else if (statement instanceof Statement.ShowList show) {
            return showList(show);
        } else if (statement instanceof Statement.SetVariables set) {
            for (Statement.SetVariables.Assignment assignment : set.assignments()) {
                if (!assignment.name().startsWith("@")) {
                    variables.set(assignment.name(), assignment.value());
                }
            }
            return Result.Update.ok();
        } else if (statement instanceof Statement.Call call) {
            return DemoProcedures.call(engine, tenant, call);
        } else if (statement instanceof Statement.Use use) {
            useSchema(use.schema());
            return Result.Update.ok();
        }
        return Result.Update.ok();
    }

    // ---- ALTER SYSTEM

    private Result backup(Statement.Backup backup) throws SqlError {
        if (tenant.isUser() && backup.tenants() != null) {
            throw Errors.userTenantCannotNameTenants();
        }
        requireAlterSystem();
        synchronized (cluster) {
            if (tenant.isUser()) {
                cluster.backups.startFromUserTenant(tenant, backup, encryptionPassword);
            } else {
                cluster.backups.startFromSys(backup, encryptionPassword);
            }
            cluster.changed();
        }
        return Result.Update.ok();
    }

    /**
     * RESTORE answers once the new tenant exists (OceanBase waits for its META tenant, at most ten
     * minutes); data and log restore go on in the background. The wait follows the cluster's clock.
     */
    private Result restore(Statement.Restore restore) throws SqlError {
        requireSys();
        RestoreJob job;
        // the storage is read first, outside this cluster's lock: its writer may be another cluster
        Map<String, RestoreEngine.Written> written = RestoreEngine.read(cluster.storage, restore.uris());
        synchronized (cluster) {
            job = cluster.restores.start(restore, decryptionPasswords, written);
            cluster.changed();
        }
        Instant deadline = job.start().plus(RESTORE_WAIT);
        while (true) {
            cluster.advance();
            RestoreJob now = cluster.restores.find(job.jobId()).orElse(null);
            if (now == null || now.tenantCreated()) {
                // created, or forgotten since by the demo's control surface: the statement's part is over
                return Result.Update.ok();
            }
            if (!cluster.now().isBefore(deadline)) {
                throw Errors.timeout();
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Errors.timeout();
            }
        }
    }

    private static final List<Column> PREVIEW_COLUMNS = List.of(Column.of("backup_type", ColumnType.VARCHAR),
            Column.of("backup_id", ColumnType.BIGINT), Column.of("backup_dest", ColumnType.VARCHAR),
            Column.of("description", ColumnType.VARCHAR));

    /**
     * SHOW RESTORE PREVIEW: the sets and pieces the session's last PREVIEW would restore from,
     * computed now; once listed, the preview and the decryption passwords are gone from the session.
     */
    private Result showRestorePreview(String sql) throws SqlError {
        if (!cluster.restores.previewExists()) {
            throw Errors.syntax(sql, sql.toUpperCase(Locale.ROOT).indexOf("RESTORE"));
        }
        if (tenant.isUser()) {
            throw Errors.restorePreviewInUserTenant();
        }
        if (preview == null) {
            throw Errors.noRestorePreview();
        }
        Map<String, RestoreEngine.Written> written = RestoreEngine.read(cluster.storage, preview.uris());
        List<List<Object>> rows;
        synchronized (cluster) {
            rows = cluster.restores.preview(preview, decryptionPasswords, written);
        }
        preview = null;
        decryptionPasswords = List.of();
        return new Result.Rows(PREVIEW_COLUMNS, rows);
    }

    /** {@code ACTIVATE ... VERIFY} is documented from V4.2.5 and V4.3.3. */
    private boolean verifyExists() {
        return cluster.versionAtLeast("4.3.3") || cluster.versionAtLeast("4.2.5") && !cluster.versionAtLeast("4.3.0");
    }

    private Result cancel(Statement.CancelBackup cancel) throws SqlError {
        if (tenant.isUser() && cancel.tenants() != null) {
            throw Errors.notSupported();
        }
        requireAlterSystem();
        synchronized (cluster) {
            Set<Long> tenantIds = null;
            if (tenant.isUser()) {
                tenantIds = Set.of(tenant.id);
            } else if (cancel.tenants() != null) {
                tenantIds = new LinkedHashSet<>();
                for (String name : cancel.tenants().names()) {
                    tenantIds.add(cluster.userTenantNamed(name).id);
                }
            }
            cluster.backups.cancel(tenantIds);
            cluster.changed();
        }
        return Result.Update.ok();
    }

    private Result setParameter(Statement.SetParameter parameter, String sql) throws SqlError {
        if (parameter.tenants() != null) {
            if (tenant.isUser()) {
                // spec section 6: OceanBase -5036, which the MySQL protocol shows as 1227
                throw Errors.noAlterSystem();
            }
            Token name = parameter.tenants().tokens().get(0);
            boolean newWord = name.value().equalsIgnoreCase("all_user") || name.value().equalsIgnoreCase("all_meta");
            if (newWord && !cluster.versionAtLeast("4.2.1")) {
                // spec section 6: before V4.2.1 only "all" exists; the others are -4007, not supported (1235)
                throw Errors.notSupported();
            }
        }
        requireAlterSystem();
        cluster.setParameter(tenant, parameter);
        return Result.Update.ok();
    }

    private Result archiveMode(Statement.ArchiveMode mode) throws SqlError {
        if (tenant.isUser() && mode.tenants() != null) {
            throw Errors.notSupported();
        }
        requireAlterSystem();
        cluster.archiveMode(tenant, mode);
        return Result.Update.ok();
    }

    /** Statements on cluster resources (units, pools, restore) belong to root@sys. */
    private void requireSys() throws SqlError {
        if (tenant.isUser() || !canAlterSystem) {
            throw Errors.noAlterSystem();
        }
    }

    private void requireAlterSystem() throws SqlError {
        if (!canAlterSystem) {
            throw Errors.noAlterSystem();
        }
    }

    // ---- queries

    private Result query(String sql, List<Token> tokens) throws SqlError {
        H2Query.Rewritten rewritten = H2Query.rewrite(sql, tokens, this);
        try {
            engine.views().sync(cluster);
            try (java.sql.Statement statement = h2.createStatement();
                    ResultSet rows = statement.executeQuery(rewritten.sql())) {
                return rows(rows);
            }
        } catch (SQLException e) {
            throw H2Errors.translate(e, sql, tokens, rewritten, schema);
        }
    }

    static Result.Rows rows(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            columns.add(Column.of(meta.getColumnLabel(i), columnType(meta.getColumnType(i))));
        }
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= columns.size(); i++) {
                row.add(value(rs, i, meta.getColumnType(i)));
            }
            rows.add(row);
        }
        return new Result.Rows(columns, rows);
    }

    private static ColumnType columnType(int sqlType) {
        return switch (sqlType) {
            case Types.BIGINT -> ColumnType.BIGINT;
            case Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BOOLEAN, Types.BIT -> ColumnType.INT;
            case Types.DECIMAL, Types.NUMERIC -> ColumnType.DECIMAL;
            case Types.DOUBLE, Types.FLOAT, Types.REAL -> ColumnType.DOUBLE;
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.DATE, Types.TIME -> ColumnType.TIMESTAMP;
            case Types.CLOB, Types.NCLOB -> ColumnType.TEXT;
            default -> ColumnType.VARCHAR;
        };
    }

    private static Object value(ResultSet rs, int i, int sqlType) throws SQLException {
        Object value = switch (sqlType) {
            case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(i, LocalDateTime.class);
            case Types.DATE -> rs.getObject(i) == null ? null : rs.getDate(i).toLocalDate().atStartOfDay();
            case Types.BOOLEAN, Types.BIT -> rs.getObject(i) == null ? null : rs.getBoolean(i) ? 1L : 0L;
            case Types.CLOB, Types.NCLOB -> rs.getString(i);
            default -> rs.getObject(i);
        };
        if (value == null || value instanceof Number || value instanceof String || value instanceof LocalDateTime) {
            return value;
        }
        return value.toString();
    }

    // ---- SHOW

    private Result showVariables(Statement.ShowVariables show, String sql) throws SqlError {
        List<Column> columns = List.of(Column.of("Variable_name", ColumnType.VARCHAR), Column.of("Value", ColumnType.VARCHAR));
        Map<String, Object> all = variables.all();
        if (!show.where().isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (Map.Entry<String, Object> entry : all.entrySet()) {
                values.append(values.length() == 0 ? "" : ", ").append('(').append(H2Query.literal(entry.getKey()))
                        .append(", ").append(H2Query.literal(entry.getValue() == null ? null : entry.getValue().toString()))
                        .append(')');
            }
            List<Token> where = new ArrayList<>(show.where());
            where.add(new Token(Token.Kind.END, "", sql.length(), sql.length()));
            H2Query.Rewritten condition = H2Query.rewrite(sql, where, this);
            String query = "SELECT * FROM (VALUES " + values + ") AS V(\"Variable_name\", \"Value\") WHERE "
                    + condition.sql();
            try (java.sql.Statement statement = h2.createStatement(); ResultSet rs = statement.executeQuery(query)) {
                return rows(rs);
            } catch (SQLException e) {
                throw Errors.syntax(sql, show.where().get(0).start());
            }
        }
        List<List<Object>> rows = new ArrayList<>();
        Pattern like = show.like() == null ? null : ShowStatements.likePattern(show.like());
        for (Map.Entry<String, Object> entry : all.entrySet()) {
            if (like == null || like.matcher(entry.getKey()).matches()) {
                rows.add(List.of(entry.getKey(), entry.getValue() == null ? "" : entry.getValue().toString()));
            }
        }
        return new Result.Rows(columns, rows);
    }

    private Result showList(Statement.ShowList show) throws SqlError {
        switch (show.what()) {
            case "WARNINGS" -> {
                return new Result.Rows(List.of(Column.of("Level", ColumnType.VARCHAR), Column.of("Code", ColumnType.INT),
                        Column.of("Message", ColumnType.VARCHAR)), List.of());
            }
            case "DATABASES" -> {
                return ShowStatements.names("Database", List.of("information_schema", "mysql", "oceanbase"), show.like());
            }
            default -> {
                if (schema == null) {
                    throw new SqlError(1046, "3D000", "No database selected");
                }
                List<String> tables = schema.equals("oceanbase") ? engine.views().visibleViews(tenant) : List.of();
                return ShowStatements.names("Tables_in_" + schema, tables, show.like());
            }
        }
    }

    // ---- schema

    @Override
    public void useSchema(String name) throws SqlError {
        String lower = name == null ? null : name.toLowerCase(Locale.ROOT);
        if (lower != null && !SCHEMAS.contains(lower)) {
            throw Errors.unknownDatabase(name);
        }
        try (java.sql.Statement statement = h2.createStatement()) {
            // with no database selected, unqualified names must fail (1046), so point H2 at an empty schema
            statement.execute("SET SCHEMA " + (lower == null ? ViewStore.NO_DATABASE : lower.toUpperCase(Locale.ROOT)));
        } catch (SQLException e) {
            throw new SqlError(4016, "Internal error");
        }
        schema = lower;
    }

    @Override
    public void close() {
        encryptionPassword = null;
        try {
            h2.close();
        } catch (SQLException e) {
            // the in-memory database may already be shut down with the cluster
        }
    }

    // ---- H2Query.Context

    @Override
    public Object variable(String name) throws SqlError {
        return variables.get(name);
    }

    @Override
    public String database() {
        return schema;
    }

    @Override
    public String version() {
        return cluster.mysqlVersion();
    }

    @Override
    public String obVersion() {
        return cluster.config.version();
    }

    @Override
    public String user() {
        return user + "@" + tenant.name;
    }

    @Override
    public long connectionId() {
        return connectionId;
    }

    @Override
    public LocalDateTime now() {
        return ViewCatalog.time(cluster, cluster.now());
    }
}
