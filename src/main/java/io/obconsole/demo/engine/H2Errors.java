package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates H2's errors into the MySQL errors an OceanBase observer gives for the same query,
 * naming tables and columns as the client spelled them.
 */
final class H2Errors {

    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");

    private H2Errors() {
    }

    static SqlError translate(SQLException e, String clientSql, List<Token> tokens, H2Query.Rewritten rewritten,
            String database) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        switch (e.getErrorCode()) {
            case 90079 -> {
                return unknownSchema(firstQuoted(message), tokens);
            }
            case 42101, 42102, 42103, 42104, 90096 -> {
                String object = firstQuoted(message);
                String table = object.contains(".") ? object.substring(object.lastIndexOf('.') + 1) : object;
                return unknownTable(table, tokens, database);
            }
            case 42122 -> {
                String column = firstQuoted(message);
                column = column.contains(".") ? column.substring(column.lastIndexOf('.') + 1) : column;
                return columnError(column, tokens);
            }
            case 90022 -> {
                String function = firstQuoted(message).toLowerCase(Locale.ROOT);
                return new SqlError(1305, "42000", "FUNCTION oceanbase." + function + " does not exist");
            }
            default -> {
                return Errors.syntax(clientSql, rewritten.clientOffset(h2Position(message, rewritten.sql())));
            }
        }
    }

    private static SqlError unknownTable(String table, List<Token> tokens, String database) {
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.isIdentifier() && token.value().equalsIgnoreCase(table)) {
                boolean qualified = i >= 2 && tokens.get(i - 1).isSymbol(".") && tokens.get(i - 2).isIdentifier();
                if (!qualified && database == null) {
                    return new SqlError(1046, "3D000", "No database selected");
                }
                return Errors.unknownTable(qualified ? tokens.get(i - 2).value() : database, token.value());
            }
        }
        return Errors.unknownTable(database == null ? "oceanbase" : database, table);
    }

    /** A schema H2 does not know: MySQL names the table in it. */
    private static SqlError unknownSchema(String schema, List<Token> tokens) {
        for (int i = 0; i + 2 < tokens.size(); i++) {
            if (tokens.get(i).isIdentifier() && tokens.get(i).value().equalsIgnoreCase(schema)
                    && tokens.get(i + 1).isSymbol(".")) {
                return Errors.unknownTable(tokens.get(i).value(), tokens.get(i + 2).value());
            }
        }
        return Errors.unknownDatabase(schema.toLowerCase(Locale.ROOT));
    }

    private static SqlError columnError(String column, List<Token> tokens) {
        String clause = "field list";
        int depth = 0;
        for (Token token : tokens) {
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.is("WHERE")) {
                clause = "where clause";
            } else if (depth == 0 && token.is("ORDER")) {
                clause = "order clause";
            } else if (depth == 0 && token.is("GROUP")) {
                clause = "group statement";
            } else if (depth == 0 && token.is("HAVING")) {
                clause = "having clause";
            } else if (token.isIdentifier() && token.value().equalsIgnoreCase(column)) {
                return Errors.unknownColumn(token.value(), clause);
            }
        }
        return Errors.unknownColumn(column, "field list");
    }

    private static String firstQuoted(String message) {
        Matcher matcher = QUOTED.matcher(message);
        return matcher.find() ? matcher.group(1) : "";
    }

    /** Where H2 put its {@code [*]} marker, as an offset into the text it ran. */
    private static int h2Position(String message, String h2Sql) {
        int marker = message.indexOf("[*]");
        int open = message.indexOf('"');
        if (marker < 0 || open < 0 || open > marker) {
            return 0;
        }
        String before = message.substring(open + 1, marker);
        return h2Sql.startsWith(before) ? before.length() : Math.max(0, Math.min(before.length(), h2Sql.length()));
    }
}
