package io.obconsole.demo.engine;

import io.obconsole.demo.sql.SqlError;
import java.util.ArrayList;
import java.util.List;

/**
 * A small recursive-descent parser for the statements the demo cluster understands. It accepts
 * exactly the grammar of the spec (section 2) plus what MySQL clients send while connecting;
 * anything else is a 1064 quoting the text from the first token it could not take.
 */
final class Parser {

    private final String sql;
    private final List<Token> tokens;
    private int pos;

    private Parser(String sql, List<Token> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    static Statement parse(String sql) throws SqlError {
        List<Token> tokens = new ArrayList<>(Tokenizer.tokenize(sql));
        // a trailing ";" is how the CLI ends a statement, not a second statement
        while (tokens.size() >= 2 && tokens.get(tokens.size() - 2).isSymbol(";")) {
            tokens.remove(tokens.size() - 2);
        }
        if (tokens.size() == 1) {
            throw new SqlError(1065, "42000", "Query was empty");
        }
        return new Parser(sql, tokens).statement();
    }

    private Statement statement() throws SqlError {
        Token first = peek();
        Statement statement;
        if (first.is("SELECT") || first.is("WITH") || first.isSymbol("(")) {
            return query();
        } else if (accept("SHOW")) {
            statement = show();
        } else if (accept("SET")) {
            statement = set();
        } else if (accept("ALTER")) {
            expect("SYSTEM");
            statement = alterSystem();
        } else if (accept("CREATE")) {
            expect("RESOURCE");
            statement = accept("UNIT") ? createUnit() : createPool();
        } else if (accept("DROP")) {
            if (accept("TENANT")) {
                return dropTenant();
            }
            expect("RESOURCE");
            boolean pool = accept("POOL");
            if (!pool) {
                expect("UNIT");
            }
            statement = new Statement.DropResource(pool, identifier());
        } else if (accept("CALL")) {
            statement = call();
        } else if (accept("USE")) {
            statement = new Statement.Use(identifier());
        } else if (accept("BEGIN") || accept("COMMIT") || accept("ROLLBACK")) {
            accept("WORK");
            statement = new Statement.NoOp();
        } else if (accept("START")) {
            expect("TRANSACTION");
            statement = new Statement.NoOp();
        } else {
            throw error();
        }
        expectEnd();
        return statement;
    }

    /** {@code DROP TENANT [IF EXISTS] t [FORCE | PURGE]}. */
    private Statement dropTenant() throws SqlError {
        boolean ifExists = false;
        if (accept("IF")) {
            expect("EXISTS");
            ifExists = true;
        }
        String name = identifier();
        boolean force = accept("FORCE");
        boolean purge = !force && accept("PURGE");
        expectEnd();
        return new Statement.DropTenant(name, ifExists, force || purge);
    }

    private Statement query() throws SqlError {
        for (Token token : tokens) {
            if (token.isSymbol(";")) {
                throw Errors.syntax(sql, token.start());
            }
        }
        return new Statement.Query(List.copyOf(tokens));
    }

    // ---- SHOW

    private Statement show() throws SqlError {
        if (accept("PARAMETERS")) {
            String like = accept("LIKE") ? string() : null;
            return new Statement.ShowParameters(like, optionalTenants(false));
        }
        boolean scoped = accept("GLOBAL") || accept("SESSION") || accept("LOCAL");
        if (accept("VARIABLES")) {
            if (accept("LIKE")) {
                return new Statement.ShowVariables(string(), List.of());
            }
            if (accept("WHERE")) {
                List<Token> where = new ArrayList<>(tokens.subList(pos, tokens.size() - 1));
                pos = tokens.size() - 1;
                return new Statement.ShowVariables(null, where);
            }
            return new Statement.ShowVariables(null, List.of());
        }
        if (scoped) {
            throw error();
        }
        if (accept("RESTORE")) {
            expect("PREVIEW");
            return new Statement.ShowRestorePreview();
        }
        if (accept("WARNINGS") || accept("ERRORS")) {
            skipLimit();
            return new Statement.ShowList("WARNINGS", null);
        }
        if (accept("DATABASES") || accept("SCHEMAS")) {
            return new Statement.ShowList("DATABASES", accept("LIKE") ? string() : null);
        }
        accept("FULL");
        if (accept("TABLES")) {
            if (accept("FROM") || accept("IN")) {
                identifier();
            }
            return new Statement.ShowList("TABLES", accept("LIKE") ? string() : null);
        }
        throw error();
    }

    private void skipLimit() throws SqlError {
        if (accept("LIMIT")) {
            number();
            if (acceptSymbol(",")) {
                number();
            }
        }
    }

    // ---- SET

    private Statement set() throws SqlError {
        if (accept("DECRYPTION")) {
            expect("IDENTIFIED");
            expect("BY");
            List<String> passwords = new ArrayList<>();
            do {
                passwords.add(string());
            } while (acceptSymbol(","));
            return new Statement.SetDecryption(List.copyOf(passwords));
        }
        if (accept("ENCRYPTION")) {
            expect("ON");
            expect("IDENTIFIED");
            expect("BY");
            String password = string();
            expect("ONLY");
            return new Statement.SetEncryption(password);
        }
        if (accept("NAMES")) {
            String charset = charsetName();
            if (accept("COLLATE")) {
                charsetName();
            }
            return new Statement.SetVariables(List.of(
                    new Statement.SetVariables.Assignment("character_set_client", charset),
                    new Statement.SetVariables.Assignment("character_set_connection", charset),
                    new Statement.SetVariables.Assignment("character_set_results", charset)));
        }
        if (peek().is("CHARACTER") || peek().is("CHARSET")) {
            if (accept("CHARACTER")) {
                expect("SET");
            } else {
                accept("CHARSET");
            }
            String charset = charsetName();
            return new Statement.SetVariables(List.of(
                    new Statement.SetVariables.Assignment("character_set_client", charset),
                    new Statement.SetVariables.Assignment("character_set_results", charset)));
        }
        int save = pos;
        if ((accept("SESSION") || accept("GLOBAL") || accept("LOCAL") || true) && accept("TRANSACTION")) {
            transactionCharacteristics();
            return new Statement.NoOp();
        }
        pos = save;
        List<Statement.SetVariables.Assignment> assignments = new ArrayList<>();
        do {
            assignments.add(assignment());
        } while (acceptSymbol(","));
        return new Statement.SetVariables(assignments);
    }

    private void transactionCharacteristics() throws SqlError {
        do {
            if (accept("ISOLATION")) {
                expect("LEVEL");
                if (accept("READ")) {
                    if (!accept("COMMITTED") && !accept("UNCOMMITTED")) {
                        throw error();
                    }
                } else if (accept("REPEATABLE")) {
                    expect("READ");
                } else {
                    expect("SERIALIZABLE");
                }
            } else {
                expect("READ");
                if (!accept("ONLY") && !accept("WRITE")) {
                    throw error();
                }
            }
        } while (acceptSymbol(","));
    }

    private Statement.SetVariables.Assignment assignment() throws SqlError {
        Token target = peek();
        String name;
        if (target.kind() == Token.Kind.SYSVAR) {
            pos++;
            name = SessionVariables.bareName(target.value());
        } else if (target.kind() == Token.Kind.USERVAR) {
            pos++;
            name = target.value();
        } else {
            if (accept("SESSION") || accept("LOCAL") || accept("GLOBAL")) {
                acceptSymbol(".");
            }
            name = identifier().toLowerCase();
        }
        if (!acceptSymbol("=") && !acceptSymbol(":=")) {
            throw error();
        }
        return new Statement.SetVariables.Assignment(name, value());
    }

    private Object value() throws SqlError {
        Token token = peek();
        boolean negative = acceptSymbol("-");
        token = negative ? peek() : token;
        switch (token.kind()) {
            case STRING -> {
                pos++;
                return token.value();
            }
            case NUMBER -> {
                pos++;
                String text = (negative ? "-" : "") + token.value();
                return text.contains(".") || text.contains("e") || text.contains("E") ? (Object) Double.valueOf(text) : (Object) Long.valueOf(text);
            }
            case WORD, QUOTED_ID -> {
                if (negative) {
                    throw error();
                }
                pos++;
                return token.is("NULL") ? null : token.value();
            }
            default -> throw error();
        }
    }

    private String charsetName() throws SqlError {
        Token token = peek();
        if (token.kind() == Token.Kind.STRING || token.isIdentifier()) {
            pos++;
            return token.value();
        }
        throw error();
    }

    // ---- ALTER SYSTEM

    private Statement alterSystem() throws SqlError {
        if (accept("BACKUP")) {
            return backup();
        }
        if (accept("CANCEL")) {
            if (accept("RESTORE")) {
                return new Statement.CancelRestore(identifier());
            }
            expect("BACKUP");
            return new Statement.CancelBackup(optionalTenants(true));
        }
        if (accept("RESTORE")) {
            return restore();
        }
        if (accept("ACTIVATE")) {
            expect("STANDBY");
            String tenant = null;
            if (accept("TENANT")) {
                acceptSymbol("=");
                tenant = identifier();
            }
            return new Statement.ActivateStandby(tenant, accept("VERIFY"));
        }
        if (accept("SET")) {
            String name = identifier().toLowerCase();
            expectSymbol("=");
            Token value = parameterValue();
            return new Statement.SetParameter(name, value, optionalTenants(false));
        }
        if (accept("ARCHIVELOG")) {
            return new Statement.ArchiveMode(true, optionalTenants(true));
        }
        if (accept("NOARCHIVELOG")) {
            return new Statement.ArchiveMode(false, optionalTenants(true));
        }
        if (accept("ADD")) {
            deleteBackupPolicy();
            String name = string();
            expect("RECOVERY_WINDOW");
            String window = string();
            return new Statement.DeletePolicy(true, name, window, optionalTenants(true));
        }
        if (accept("DROP")) {
            deleteBackupPolicy();
            return new Statement.DeletePolicy(false, string(), null, optionalTenants(true));
        }
        throw error();
    }

    private Statement restore() throws SqlError {
        if (accept("FROM")) {
            // ALTER SYSTEM RESTORE FROM 'uris' UNTIL ... PREVIEW: UNTIL is part of the syntax
            String uris = string();
            expect("UNTIL");
            String[] until = until();
            expect("PREVIEW");
            return new Statement.RestorePreview(uris, until[0], until[1]);
        }
        String tenant = identifier();
        expect("FROM");
        String uris = string();
        String time = null;
        String scn = null;
        if (accept("UNTIL")) {
            String[] until = until();
            time = until[0];
            scn = until[1];
        }
        expect("WITH");
        String options = string();
        return new Statement.Restore(tenant, uris, time, scn, options, description());
    }

    /** {@code TIME = 'value'} or {@code SCN = n}, after UNTIL: {time, null} or {null, scn}. */
    private String[] until() throws SqlError {
        if (accept("TIME")) {
            expectSymbol("=");
            return new String[] {string(), null};
        }
        expect("SCN");
        expectSymbol("=");
        Token number = peek();
        number();
        return new String[] {null, number.value()};
    }

    private Statement createUnit() throws SqlError {
        String name = identifier();
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        do {
            String key = identifier().toUpperCase(java.util.Locale.ROOT);
            acceptSymbol("=");
            Token value = peek();
            if (value.kind() != Token.Kind.NUMBER && value.kind() != Token.Kind.STRING && value.kind() != Token.Kind.WORD) {
                throw error();
            }
            pos++;
            options.put(key, value.value());
        } while (acceptSymbol(","));
        return new Statement.CreateResourceUnit(name, options);
    }

    private Statement createPool() throws SqlError {
        expect("POOL");
        String name = identifier();
        String unit = null;
        long unitNum = 1;
        List<String> zones = null;
        do {
            if (accept("UNIT")) {
                acceptSymbol("=");
                unit = peek().kind() == Token.Kind.STRING ? string() : identifier();
            } else if (accept("UNIT_NUM")) {
                acceptSymbol("=");
                Token number = peek();
                number();
                unitNum = Long.parseLong(number.value());
            } else {
                expect("ZONE_LIST");
                acceptSymbol("=");
                expectSymbol("(");
                zones = new ArrayList<>();
                do {
                    zones.add(peek().kind() == Token.Kind.STRING ? string() : identifier());
                } while (acceptSymbol(","));
                expectSymbol(")");
            }
        } while (acceptSymbol(","));
        if (unit == null) {
            throw error();
        }
        return new Statement.CreateResourcePool(name, unit, unitNum, zones);
    }

    private void deleteBackupPolicy() throws SqlError {
        expect("DELETE");
        expect("BACKUP");
        expect("POLICY");
    }

    private Statement backup() throws SqlError {
        if (accept("INCREMENTAL")) {
            Statement.TenantList tenants = accept("DATABASE") ? null : requiredTenants();
            return new Statement.Backup(true, tenants, false, description());
        }
        if (accept("PLUS")) {
            // the form one doc page shows: BACKUP PLUS ARCHIVELOG TENANT = t
            expect("ARCHIVELOG");
            Statement.TenantList tenants = requiredTenants();
            return new Statement.Backup(false, tenants, true, description());
        }
        Statement.TenantList tenants = accept("DATABASE") ? null : requiredTenants();
        boolean plus = false;
        if (accept("PLUS")) {
            expect("ARCHIVELOG");
            plus = true;
        }
        return new Statement.Backup(false, tenants, plus, description());
    }

    private String description() throws SqlError {
        if (!accept("DESCRIPTION")) {
            return "";
        }
        acceptSymbol("=");
        return string();
    }

    private Statement.TenantList requiredTenants() throws SqlError {
        Statement.TenantList tenants = optionalTenants(true);
        if (tenants == null) {
            throw error();
        }
        return tenants;
    }

    private Statement.TenantList optionalTenants(boolean list) throws SqlError {
        if (!accept("TENANT")) {
            return null;
        }
        acceptSymbol("=");
        List<String> names = new ArrayList<>();
        List<Token> nameTokens = new ArrayList<>();
        do {
            Token name = peek();
            if (name.isIdentifier() || name.kind() == Token.Kind.STRING) {
                pos++;
                names.add(name.value());
                nameTokens.add(name);
            } else {
                throw error();
            }
        } while (list && acceptSymbol(","));
        return new Statement.TenantList(List.copyOf(names), List.copyOf(nameTokens));
    }

    private Token parameterValue() throws SqlError {
        Token token = peek();
        if (token.isSymbol("-") && tokens.get(pos + 1).kind() == Token.Kind.NUMBER) {
            Token number = tokens.get(pos + 1);
            pos += 2;
            return new Token(Token.Kind.NUMBER, "-" + number.value(), token.start(), number.end());
        }
        if (token.kind() == Token.Kind.NUMBER || token.kind() == Token.Kind.STRING || token.kind() == Token.Kind.WORD) {
            pos++;
            return token;
        }
        throw error();
    }

    // ---- token helpers

    /** {@code CALL schema.name(args)} with string or (signed) number arguments. */
    private Statement call() throws SqlError {
        String schema = identifier();
        expectSymbol(".");
        String procedure = identifier();
        List<String> arguments = new ArrayList<>();
        expectSymbol("(");
        if (!acceptSymbol(")")) {
            do {
                if (peek().kind() == Token.Kind.STRING) {
                    arguments.add(string());
                } else {
                    String sign = acceptSymbol("-") ? "-" : "";
                    Token digits = peek();
                    number();
                    arguments.add(sign + digits.value());
                }
            } while (acceptSymbol(","));
            expectSymbol(")");
        }
        return new Statement.Call(schema, procedure, arguments);
    }

    private Token peek() {
        return tokens.get(pos);
    }

    private boolean accept(String word) {
        if (peek().is(word)) {
            pos++;
            return true;
        }
        return false;
    }

    private boolean acceptSymbol(String symbol) {
        if (peek().isSymbol(symbol)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(String word) throws SqlError {
        if (!accept(word)) {
            throw error();
        }
    }

    private void expectSymbol(String symbol) throws SqlError {
        if (!acceptSymbol(symbol)) {
            throw error();
        }
    }

    private void expectEnd() throws SqlError {
        if (peek().kind() != Token.Kind.END) {
            throw error();
        }
    }

    private String identifier() throws SqlError {
        Token token = peek();
        if (!token.isIdentifier()) {
            throw error();
        }
        pos++;
        return token.value();
    }

    private String string() throws SqlError {
        Token token = peek();
        if (token.kind() != Token.Kind.STRING) {
            throw error();
        }
        pos++;
        return token.value();
    }

    private void number() throws SqlError {
        if (peek().kind() != Token.Kind.NUMBER) {
            throw error();
        }
        pos++;
    }

    private SqlError error() {
        return Errors.syntax(sql, peek().start());
    }
}
