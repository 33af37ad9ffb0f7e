package io.obconsole.demo.engine;

/**
 * One lexical unit of a statement. {@code value} is the unescaped content (string literal
 * without quotes, identifier without backticks); {@code start}/{@code end} point into the
 * original text so errors can quote it the way MySQL does.
 */
record Token(Kind kind, String value, int start, int end) {

    enum Kind { WORD, QUOTED_ID, STRING, NUMBER, SYSVAR, USERVAR, SYMBOL, END }

    boolean is(String word) {
        return kind == Kind.WORD && value.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && value.equals(symbol);
    }

    /** An identifier as MySQL would resolve it: a bare word or a backquoted name. */
    boolean isIdentifier() {
        return kind == Kind.WORD || kind == Kind.QUOTED_ID;
    }
}
