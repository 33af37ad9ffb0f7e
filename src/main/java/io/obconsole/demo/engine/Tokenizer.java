package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits MySQL text into tokens, aware of strings (with backslash escapes and doubled quotes),
 * backquoted names and all three comment styles, so that no later step mistakes a quote or a
 * comment for code.
 */
final class Tokenizer {

    private static final String[] TWO_CHAR_SYMBOLS = {"<=>", "<=", ">=", "<>", "!=", ":=", "||", "&&", "<<", ">>"};

    private final String sql;
    private int pos;

    private Tokenizer(String sql) {
        this.sql = sql;
    }

    /** The tokens of {@code sql}, ending with one {@link Token.Kind#END} token. */
    static List<Token> tokenize(String sql) throws SqlError {
        return new Tokenizer(sql).run();
    }

    private List<Token> run() throws SqlError {
        List<Token> tokens = new ArrayList<>();
        while (true) {
            skipBlanksAndComments();
            if (pos >= sql.length()) {
                tokens.add(new Token(Token.Kind.END, "", sql.length(), sql.length()));
                return tokens;
            }
            tokens.add(next());
        }
    }

    private void skipBlanksAndComments() throws SqlError {
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (c == '#' || (sql.startsWith("--", pos) && (pos + 2 == sql.length() || Character.isWhitespace(sql.charAt(pos + 2))))) {
                int eol = sql.indexOf('\n', pos);
                pos = eol < 0 ? sql.length() : eol + 1;
            } else if (sql.startsWith("/*", pos)) {
                int close = sql.indexOf("*/", pos + 2);
                if (close < 0) {
                    throw Errors.syntax(sql, pos);
                }
                pos = close + 2;
            } else {
                return;
            }
        }
    }

    private Token next() throws SqlError {
        int start = pos;
        char c = sql.charAt(pos);
        if (c == '\'' || c == '"') {
            return new Token(Token.Kind.STRING, quoted(c, true), start, pos);
        }
        if (c == '`') {
            return new Token(Token.Kind.QUOTED_ID, quoted('`', false), start, pos);
        }
        if (c == '@') {
            boolean system = sql.startsWith("@@", pos);
            pos += system ? 2 : 1;
            while (pos < sql.length() && (isWordChar(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(system ? Token.Kind.SYSVAR : Token.Kind.USERVAR, sql.substring(start, pos), start, pos);
        }
        if (Character.isDigit(c) || (c == '.' && pos + 1 < sql.length() && Character.isDigit(sql.charAt(pos + 1)))) {
            return number(start);
        }
        if (isWordChar(c)) {
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.WORD, sql.substring(start, pos), start, pos);
        }
        for (String symbol : TWO_CHAR_SYMBOLS) {
            if (sql.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(Token.Kind.SYMBOL, symbol, start, pos);
            }
        }
        pos++;
        return new Token(Token.Kind.SYMBOL, String.valueOf(c), start, pos);
    }

    private Token number(int start) {
        while (pos < sql.length() && (Character.isDigit(sql.charAt(pos)) || sql.charAt(pos) == '.')) {
            pos++;
        }
        if (pos < sql.length() && (sql.charAt(pos) == 'e' || sql.charAt(pos) == 'E')) {
            int save = pos++;
            if (pos < sql.length() && (sql.charAt(pos) == '+' || sql.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                while (pos < sql.length() && Character.isDigit(sql.charAt(pos))) {
                    pos++;
                }
            } else {
                pos = save;
            }
        }
        // "1abc" is an identifier in MySQL; keep it as a word so the parser sees one unit
        if (pos < sql.length() && isWordChar(sql.charAt(pos))) {
            while (pos < sql.length() && isWordChar(sql.charAt(pos))) {
                pos++;
            }
            return new Token(Token.Kind.WORD, sql.substring(start, pos), start, pos);
        }
        return new Token(Token.Kind.NUMBER, sql.substring(start, pos), start, pos);
    }

    private String quoted(char quote, boolean backslashEscapes) throws SqlError {
        int start = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (pos < sql.length()) {
            char c = sql.charAt(pos);
            if (c == quote) {
                if (pos + 1 < sql.length() && sql.charAt(pos + 1) == quote) {
                    value.append(quote);
                    pos += 2;
                    continue;
                }
                pos++;
                return value.toString();
            }
            if (c == '\\' && backslashEscapes && pos + 1 < sql.length()) {
                value.append(unescape(sql.charAt(pos + 1)));
                pos += 2;
                continue;
            }
            value.append(c);
            pos++;
        }
        throw Errors.syntax(sql, start);
    }

    private static String unescape(char c) {
        return switch (c) {
            case '0' -> "\0";
            case 'b' -> "\b";
            case 'n' -> "\n";
            case 'r' -> "\r";
            case 't' -> "\t";
            case 'Z' -> "\u001A";
            // MySQL keeps the backslash for the LIKE wildcards
            case '%' -> "\\%";
            case '_' -> "\\_";
            default -> String.valueOf(c);
        };
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$';
    }
}
