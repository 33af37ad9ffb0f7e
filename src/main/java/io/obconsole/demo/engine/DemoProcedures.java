package io.obconsole.demo.engine;

import io.obconsole.demo.sql.Column;
import io.obconsole.demo.sql.ColumnType;
import io.obconsole.demo.sql.Result;
import io.obconsole.demo.sql.SqlError;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The demo cluster's control surface from outside the JVM: procedures in a {@code demo} schema
 * that only a sys-tenant session sees, so any MySQL client can put the cluster into the situations
 * the tests use (a real OceanBase has no such schema; a console never calls it):
 * <pre>
 * CALL demo.help();
 * CALL demo.fail_next_backup('mysql_tenant', -9070);          -- or -4009 (retried twice), any code, optional comment
 * CALL demo.stall_backup('mysql_tenant');  CALL demo.resume_backup('mysql_tenant');
 * CALL demo.fail_next_restore(['comment']);                  -- the next restore fails in its background phase
 * CALL demo.unreachable(30);                                   -- refuse every connection for 30 s, then come back
 * CALL demo.slow(3000);                                        -- every statement answers 3 s late; 0: on time again
 * CALL demo.long_history('mysql_tenant', 5000, 50000);        -- years of backup sets and hourly archive pieces
 * CALL demo.received('ALTER SYSTEM BACKUP');                  -- the statements received that contain the text
 * CALL demo.received_count();                                  -- how many statements were received in all
 * (both leave out the calls to this schema: they show what the consoles sent)
 * </pre>
 */
final class DemoProcedures {

    static final String SCHEMA = "demo";

    private static final List<List<Object>> HELP = List.of(
            List.of("fail_next_backup", "tenant, code [, comment]",
                    "The tenant's next backup job fails with RESULT code (-9070 at once; -4009 half-way after two retries)"),
            List.of("stall_backup", "tenant", "The tenant's running and later backups stop moving"),
            List.of("resume_backup", "tenant", "They move again"),
            List.of("fail_next_restore", "[comment]",
                    "The next restore fails half-way through its data (a missing archive piece), COMMENT in its history"),
            List.of("unreachable", "seconds", "The cluster refuses every connection (open ones are dropped) for that long"),
            List.of("slow", "milliseconds", "Every later statement answers that much later (0: as before), a loaded cluster"),
            List.of("long_history", "tenant, sets, pieces",
                    "The tenant's backup sets and archive become years of history: that many sets over that many hourly pieces"),
            List.of("received", "text", "The statements received so far that contain the text (any case), oldest first,"
                    + " with their connection; calls to this schema left out"),
            List.of("received_count", "", "How many statements were received so far, calls to this schema left out"),
            List.of("help", "", "This list"));

    /** The demo's COMMENT for a restore that meets a missing archive piece in its background phase. */
    static final String MISSING_PIECE = "archive log piece not exist, restore failed";

    private DemoProcedures() {
    }

    static Result call(Engine engine, Tenant caller, Statement.Call call) throws SqlError {
        if (!call.schema().equalsIgnoreCase(SCHEMA) || caller.isUser()) {
            // the schema exists only for the sys tenant, as a control room would
            throw Errors.unknownDatabase(call.schema());
        }
        List<String> args = call.arguments();
        switch (call.procedure().toLowerCase(Locale.ROOT)) {
            case "help" -> {
                return new Result.Rows(List.of(Column.of("PROCEDURE", ColumnType.VARCHAR),
                        Column.of("ARGUMENTS", ColumnType.VARCHAR), Column.of("EFFECT", ColumnType.VARCHAR)), HELP);
            }
            case "fail_next_backup" -> {
                arity(call, args, 2, 3);
                long code = -Math.abs(number(call, args.get(1)));
                engine.failNextJob(tenant(engine, args.get(0)), code, args.size() > 2 ? args.get(2) : comment(code));
            }
            case "stall_backup" -> {
                arity(call, args, 1, 1);
                engine.stall(tenant(engine, args.get(0)));
            }
            case "resume_backup" -> {
                arity(call, args, 1, 1);
                engine.unstall(tenant(engine, args.get(0)));
            }
            case "fail_next_restore" -> {
                arity(call, args, 0, 1);
                engine.failNextRestore(args.isEmpty() ? MISSING_PIECE : args.get(0));
            }
            case "unreachable" -> {
                arity(call, args, 1, 1);
                engine.unreachableFor(Duration.ofSeconds(between(call, args.get(0), "seconds", 1, 3600)));
            }
            case "slow" -> {
                arity(call, args, 1, 1);
                engine.setQueryDelay(Duration.ofMillis(between(call, args.get(0), "milliseconds", 0, 600_000)));
            }
            case "long_history" -> {
                arity(call, args, 3, 3);
                long sets = number(call, args.get(1));
                long pieces = number(call, args.get(2));
                if (sets < 1 || sets > 100_000 || pieces < 2 || pieces > 1_000_000 || sets > pieces) {
                    throw new SqlError(1210, "Incorrect arguments to long_history: sets from 1 to 100000, pieces from 2 to"
                            + " 1000000, no more sets than pieces");
                }
                engine.longHistory(tenant(engine, args.get(0)), (int) sets, (int) pieces);
            }
            case "received" -> {
                arity(call, args, 1, 1);
                return received(engine, args.get(0));
            }
            case "received_count" -> {
                arity(call, args, 0, 0);
                return new Result.Rows(List.of(Column.of("RECEIVED", ColumnType.BIGINT)),
                        List.of(List.of(engine.statementsReceived().stream().filter(s -> !control(s)).count())));
            }
            default -> throw new SqlError(1305, "42000", "PROCEDURE demo." + call.procedure() + " does not exist");
        }
        return Result.Update.ok();
    }

    /** Lets another process (the two-console test) see what the consoles sent, as in-process tests do. */
    private static Result received(Engine engine, String text) {
        String wanted = text.toLowerCase(Locale.ROOT);
        List<List<Object>> rows = new java.util.ArrayList<>();
        List<io.obconsole.demo.ReceivedStatement> all = engine.statementsReceived();
        for (int i = 0; i < all.size(); i++) {
            io.obconsole.demo.ReceivedStatement s = all.get(i);
            if (!control(s) && s.sql().toLowerCase(Locale.ROOT).contains(wanted)) {
                rows.add(List.of((long) i, s.connectionId(), s.account(), s.sql()));
            }
        }
        return new Result.Rows(List.of(Column.of("SEQ", ColumnType.BIGINT), Column.of("CONNECTION_ID", ColumnType.BIGINT),
                Column.of("ACCOUNT", ColumnType.VARCHAR), Column.of("STATEMENT", ColumnType.VARCHAR)), rows);
    }

    /** A call to this schema: what a test or a demo asked, not what a console sent. */
    private static boolean control(io.obconsole.demo.ReceivedStatement statement) {
        return statement.sql().stripLeading().regionMatches(true, 0, "CALL " + SCHEMA + ".", 0, SCHEMA.length() + 6);
    }

    /** OceanBase's own COMMENT for the codes a demo usually injects. */
    private static String comment(long code) {
        return switch ((int) code) {
            case -9070 -> "can not connect to backup destination";
            case -4009 -> "IO error";
            case -9029 -> "log archive is not running";
            case -9027 -> "ob log archive interrupted";
            default -> "backup failed";
        };
    }

    private static String tenant(Engine engine, String name) throws SqlError {
        Tenant tenant = engine.cluster().tenant(name).orElseThrow(Errors::unknownTenant);
        if (!tenant.isUser()) {
            throw Errors.unknownTenant();
        }
        return tenant.name;
    }

    private static long number(Statement.Call call, String text) throws SqlError {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new SqlError(1210, "Incorrect arguments to " + call.procedure() + ": '" + text + "' is not a number");
        }
    }

    private static long between(Statement.Call call, String text, String unit, long min, long max) throws SqlError {
        long value = number(call, text);
        if (value < min || value > max) {
            throw new SqlError(1210, "Incorrect arguments to " + call.procedure() + ": " + unit + " from " + min + " to " + max);
        }
        return value;
    }

    private static void arity(Statement.Call call, List<String> args, int min, int max) throws SqlError {
        if (args.size() < min || args.size() > max) {
            throw new SqlError(1318, "42000", "Incorrect number of arguments for PROCEDURE demo." + call.procedure()
                    + "; expected " + (min == max ? String.valueOf(min) : min + " to " + max) + ", got " + args.size());
        }
    }
}
