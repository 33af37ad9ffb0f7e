package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Turns a client's SELECT into the text H2 runs: MySQL strings and backquotes become standard SQL,
 * {@code @@variables} and session functions (VERSION(), DATABASE(), NOW(), ...) become literals
 * from this session and the cluster clock, and unaliased select items get the label MySQL would
 * give them. Works on tokens, so nothing inside a string or comment is ever touched.
 */
final class H2Query {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");
    private static final Set<String> NOT_ALIASES = Set.of("NULL", "TRUE", "FALSE", "UNKNOWN", "END");
    private static final Set<String> OPERATOR_WORDS = Set.of("IS", "NOT", "AND", "OR", "XOR", "LIKE", "IN", "BETWEEN",
            "ELSE", "THEN", "WHEN", "CASE", "DIV", "MOD", "INTERVAL", "BINARY", "DISTINCT", "REGEXP", "SELECT");
    private static final Set<String> SELECT_LIST_ENDS = Set.of("FROM", "INTO", "WHERE", "GROUP", "HAVING", "ORDER",
            "LIMIT", "UNION", "FOR", "LOCK", "WINDOW", "EXCEPT", "INTERSECT", "MINUS");

    /** What a session supplies: system variables and the values of session functions. */
    interface Context {
        Object variable(String name) throws SqlError;

        String database();

        String version();

        String obVersion();

        String user();

        long connectionId();

        LocalDateTime now();
    }

    /** The H2 text and, per emitted token, where it started in the H2 text and in the client's. */
    record Rewritten(String sql, int[] h2Starts, int[] clientStarts) {
        /** The client offset for an offset into the H2 text (for 1064 "near"). */
        int clientOffset(int h2Offset) {
            int best = 0;
            for (int i = 0; i < h2Starts.length; i++) {
                if (h2Starts[i] <= h2Offset) {
                    best = clientStarts[i];
                }
            }
            return best;
        }
    }

    private final String sql;
    private final List<Token> tokens;
    private final Context context;

    private H2Query(String sql, List<Token> tokens, Context context) {
        this.sql = sql;
        this.tokens = tokens;
        this.context = context;
    }

    static Rewritten rewrite(String sql, List<Token> tokens, Context context) throws SqlError {
        return new H2Query(sql, tokens, context).run();
    }

    private Rewritten run() throws SqlError {
        Labels labels = labels();
        StringBuilder out = new StringBuilder();
        List<Integer> h2Starts = new ArrayList<>();
        List<Integer> clientStarts = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            if (token.kind() == Token.Kind.END) {
                break;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            h2Starts.add(out.length());
            clientStarts.add(token.start());
            i = emit(i, out, labels.quoted.contains(i));
            String label = labels.after.get(i);
            if (label != null) {
                out.append(" AS ").append(quoteIdentifier(label));
            }
        }
        return new Rewritten(out.toString(), h2Starts.stream().mapToInt(Integer::intValue).toArray(),
                clientStarts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Emits token {@code i} (and any it consumes, such as the parentheses of NOW()); returns the last index used. */
    private int emit(int i, StringBuilder out, boolean quoteWord) throws SqlError {
        Token token = tokens.get(i);
        switch (token.kind()) {
            case STRING -> out.append(literal(token.value()));
            case QUOTED_ID -> out.append(quoteIdentifier(token.value()));
            case SYSVAR -> out.append(literal(context.variable(token.value())));
            case WORD -> {
                if (quoteWord) {
                    out.append(quoteIdentifier(token.value()));
                    return i;
                }
                boolean qualified = i > 0 && tokens.get(i - 1).isSymbol(".");
                Function<Token, Object> function = qualified ? null : sessionFunction(token);
                int close = callEnd(i);
                if (function != null && close > 0) {
                    out.append(literal(function.apply(tokens.get(i + 2))));
                    return close;
                }
                if (!qualified && (token.is("CURRENT_TIMESTAMP") || token.is("LOCALTIMESTAMP"))) {
                    out.append(literal(context.now()));
                    return i;
                }
                out.append(sql, token.start(), token.end());
            }
            default -> out.append(sql, token.start(), token.end());
        }
        return i;
    }

    /** The index of the ")" closing {@code name(...)} when it is a call with at most one simple argument, else -1. */
    private int callEnd(int i) {
        if (i + 2 >= tokens.size() || !tokens.get(i + 1).isSymbol("(")) {
            return -1;
        }
        if (tokens.get(i + 2).isSymbol(")")) {
            return i + 2;
        }
        if (i + 3 < tokens.size() && tokens.get(i + 2).kind() == Token.Kind.NUMBER && tokens.get(i + 3).isSymbol(")")) {
            return i + 3;
        }
        return -1;
    }

    private Function<Token, Object> sessionFunction(Token token) {
        return switch (token.value().toUpperCase(Locale.ROOT)) {
            case "VERSION" -> arg -> context.version();
            case "OB_VERSION" -> arg -> context.obVersion();
            case "DATABASE", "SCHEMA" -> arg -> context.database();
            case "USER", "CURRENT_USER", "SESSION_USER", "SYSTEM_USER" -> arg -> context.user();
            case "CONNECTION_ID" -> arg -> context.connectionId();
            case "NOW", "SYSDATE", "CURRENT_TIMESTAMP", "LOCALTIMESTAMP" -> arg -> context.now();
            default -> null;
        };
    }

    static String literal(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        if (value instanceof LocalDateTime time) {
            return "TIMESTAMP '" + TIMESTAMP.format(time) + "'";
        }
        return "'" + value.toString().replace("'", "''") + "'";
    }

    static String quoteIdentifier(String name) {
        String bounded = name.length() > 256 ? name.substring(0, 256) : name;
        return "\"" + bounded.replace("\"", "\"\"") + "\"";
    }

    // ---- MySQL labels for the outer select list

    private record Labels(java.util.Map<Integer, String> after, Set<Integer> quoted) {
    }

    /**
     * MySQL labels an unaliased item with its text as typed and keeps an alias's case; H2 would
     * upper-case both. So: explicit aliases are quoted, other items get {@code AS "their text"}.
     */
    private Labels labels() {
        Labels labels = new Labels(new java.util.HashMap<>(), new HashSet<>());
        if (!tokens.get(0).is("SELECT")) {
            return labels;
        }
        int i = 1;
        while (tokens.get(i).is("DISTINCT") || tokens.get(i).is("ALL") || tokens.get(i).is("SQL_NO_CACHE")
                || tokens.get(i).is("SQL_CALC_FOUND_ROWS") || tokens.get(i).is("STRAIGHT_JOIN")) {
            i++;
        }
        int depth = 0;
        int itemStart = i;
        for (; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            boolean end = token.kind() == Token.Kind.END
                    || depth == 0 && (token.isSymbol(",") || token.kind() == Token.Kind.WORD
                    && SELECT_LIST_ENDS.contains(token.value().toUpperCase(Locale.ROOT)));
            if (end) {
                label(itemStart, i - 1, labels);
                itemStart = i + 1;
                if (!token.isSymbol(",")) {
                    break;
                }
            } else if (token.isSymbol("(")) {
                depth++;
            } else if (token.isSymbol(")")) {
                depth--;
            }
        }
        return labels;
    }

    private void label(int first, int last, Labels labels) {
        if (last < first) {
            return;
        }
        Token tail = tokens.get(last);
        if (tail.isSymbol("*")) {
            return;
        }
        int depth = 0;
        for (int i = first; i <= last; i++) {
            Token token = tokens.get(i);
            depth += token.isSymbol("(") ? 1 : token.isSymbol(")") ? -1 : 0;
            if (depth == 0 && token.is("AS") && i < last) {
                if (tokens.get(i + 1).kind() == Token.Kind.WORD) {
                    labels.quoted.add(i + 1);
                }
                return;
            }
        }
        if (last > first && isImplicitAlias(last)) {
            if (tail.kind() == Token.Kind.WORD) {
                labels.quoted.add(last);
            }
            return;
        }
        labels.after.put(last, itemLabel(first, last));
    }

    private boolean isImplicitAlias(int last) {
        Token tail = tokens.get(last);
        Token before = tokens.get(last - 1);
        boolean aliasToken = tail.kind() == Token.Kind.QUOTED_ID || tail.kind() == Token.Kind.STRING
                || tail.kind() == Token.Kind.WORD && !NOT_ALIASES.contains(tail.value().toUpperCase(Locale.ROOT));
        boolean expressionEnds = before.isSymbol(")") || before.kind() == Token.Kind.NUMBER
                || before.kind() == Token.Kind.STRING || before.kind() == Token.Kind.SYSVAR
                || before.kind() == Token.Kind.QUOTED_ID
                || before.kind() == Token.Kind.WORD && !OPERATOR_WORDS.contains(before.value().toUpperCase(Locale.ROOT));
        return aliasToken && expressionEnds;
    }

    /** A column reference is labelled with the column's name, anything else with its text. */
    private String itemLabel(int first, int last) {
        Token tail = tokens.get(last);
        boolean reference = true;
        for (int i = first; i <= last; i++) {
            Token token = tokens.get(i);
            boolean expected = (i - first) % 2 == 0 ? token.isIdentifier() : token.isSymbol(".");
            reference &= expected;
        }
        if (reference && tail.isIdentifier() || first == last && tail.kind() == Token.Kind.STRING) {
            return tail.value();
        }
        return sql.substring(tokens.get(first).start(), tail.end());
    }
}
