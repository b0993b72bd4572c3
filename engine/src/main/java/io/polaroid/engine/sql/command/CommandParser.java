package io.polaroid.engine.sql.command;

import io.polaroid.engine.sql.command.Command.QualifiedName;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Optional;

/**
 * Recognizes and parses the catalog commands, which Calcite's grammar does not have:
 * <pre>
 * CREATE DATASET [IF NOT EXISTS] name FROM 'path-or-glob' [WITH (cache = 'memory' | 'none')]
 * REFRESH DATASET name
 * DROP DATASET [IF EXISTS] name
 * SHOW DATASETS
 * CREATE SCHEMA [IF NOT EXISTS] name
 * DROP SCHEMA [IF EXISTS] name
 * SET SCHEMA name | USE name
 * </pre>
 * Identifiers and string literals follow the SQL dialect: {@code "quoted"} names with {@code ""} escapes,
 * unquoted names kept as written, {@code 'strings'} with {@code ''} escapes. A statement that does not
 * start like a command is left to Calcite ({@link #parse} returns empty); one that does but is malformed
 * fails with 42601 and the position of the offending token.
 */
public final class CommandParser {
    private final String sql;
    private final List<SqlToken> tokens;
    private int position;

    private CommandParser(String sql, List<SqlToken> tokens) {
        this.sql = sql;
        this.tokens = tokens;
    }

    /** The command {@code sql} holds, or empty if it is not a command (a query, EXPLAIN, ...). */
    public static Optional<Command> parse(String sql) {
        if (!startsLikeCommand(sql)) {
            return Optional.empty(); // a query: no need to tokenize it here
        }
        List<SqlToken> tokens;
        try {
            tokens = SqlToken.tokenize(sql);
        } catch (PolaroidException e) {
            // Unbalanced quotes or similar: if it looks like a command report it, else let Calcite do it.
            if (startsLikeCommand(sql)) {
                throw e;
            }
            return Optional.empty();
        }
        return new CommandParser(sql, tokens).parseCommand();
    }

    private static final List<String> COMMAND_WORDS = List.of("CREATE", "DROP", "REFRESH", "SHOW", "USE", "SET");

    /** Whether the first word (after blanks and comments) is one a command starts with. */
    private static boolean startsLikeCommand(String sql) {
        int start = SqlToken.skipBlanksAndComments(sql, 0);
        for (String word : COMMAND_WORDS) {
            if (sql.regionMatches(true, start, word, 0, word.length())) {
                return true;
            }
        }
        return false;
    }

    private Optional<Command> parseCommand() {
        Command command;
        if (peekKeywords("CREATE", "DATASET")) {
            position += 2;
            boolean ifNotExists = acceptKeywords("IF", "NOT", "EXISTS");
            QualifiedName name = qualifiedName();
            expectKeyword("FROM");
            String location = stringLiteral("the dataset location, such as 'data/*.parquet'");
            Optional<String> cache = Optional.empty();
            if (acceptKeywords("WITH")) {
                cache = Optional.of(withOptions());
            }
            command = new Command.CreateDataset(name, location, cache, ifNotExists);
        } else if (peekKeywords("REFRESH", "DATASET")) {
            position += 2;
            command = new Command.RefreshDataset(qualifiedName());
        } else if (peekKeywords("DROP", "DATASET")) {
            position += 2;
            boolean ifExists = acceptKeywords("IF", "EXISTS");
            command = new Command.DropDataset(qualifiedName(), ifExists);
        } else if (peekKeywords("SHOW", "DATASETS")) {
            position += 2;
            command = new Command.ShowDatasets();
        } else if (peekKeywords("CREATE", "SCHEMA")) {
            position += 2;
            boolean ifNotExists = acceptKeywords("IF", "NOT", "EXISTS");
            command = new Command.CreateSchema(identifier("a schema name"), ifNotExists);
        } else if (peekKeywords("DROP", "SCHEMA")) {
            position += 2;
            boolean ifExists = acceptKeywords("IF", "EXISTS");
            command = new Command.DropSchema(identifier("a schema name"), ifExists);
        } else if (peekKeywords("SET", "SCHEMA")) {
            position += 2;
            command = new Command.SetSchema(schemaNameOrString());
        } else if (peekKeywords("USE")) {
            position += 1;
            command = new Command.SetSchema(schemaNameOrString());
        } else {
            return Optional.empty();
        }
        acceptSymbol(";");
        if (position < tokens.size()) {
            throw error(tokens.get(position), "unexpected " + tokens.get(position).describe() + " after the command");
        }
        return Optional.of(command);
    }

    private String withOptions() {
        expectSymbol("(");
        String cache = null;
        do {
            SqlToken key = next("an option name");
            if (key.kind() != SqlToken.Kind.IDENTIFIER || !key.text().equalsIgnoreCase("cache")) {
                throw error(key, "unknown option " + key.describe() + "; the only option is cache = 'memory' | 'none'");
            }
            expectSymbol("=");
            cache = stringLiteral("'memory' or 'none'");
        } while (acceptSymbol(","));
        expectSymbol(")");
        return cache;
    }

    private QualifiedName qualifiedName() {
        String first = identifier("a dataset name");
        if (acceptSymbol(".")) {
            return new QualifiedName(Optional.of(first), identifier("a dataset name after the schema"));
        }
        return new QualifiedName(Optional.empty(), first);
    }

    private String schemaNameOrString() {
        if (position < tokens.size() && tokens.get(position).kind() == SqlToken.Kind.STRING) {
            return tokens.get(position++).text();
        }
        return identifier("a schema name");
    }

    private String identifier(String what) {
        SqlToken token = next(what);
        if (token.kind() != SqlToken.Kind.IDENTIFIER && token.kind() != SqlToken.Kind.QUOTED_IDENTIFIER) {
            throw error(token, "expected " + what + " but found " + token.describe());
        }
        return token.text();
    }

    private String stringLiteral(String what) {
        SqlToken token = next(what);
        if (token.kind() != SqlToken.Kind.STRING) {
            throw error(token, "expected " + what + " as a quoted string but found " + token.describe());
        }
        return token.text();
    }

    private SqlToken next(String what) {
        if (position >= tokens.size()) {
            throw new PolaroidException(ErrorCode.SYNTAX_ERROR,
                    "incomplete statement: expected " + what + " at the end of \"" + sql.strip() + "\"");
        }
        return tokens.get(position++);
    }

    private boolean peekKeywords(String... words) {
        if (position + words.length > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.length; i++) {
            if (!tokens.get(position + i).isKeyword(words[i])) {
                return false;
            }
        }
        return true;
    }

    private boolean acceptKeywords(String... words) {
        if (peekKeywords(words)) {
            position += words.length;
            return true;
        }
        return false;
    }

    private void expectKeyword(String word) {
        SqlToken token = next(word);
        if (!token.isKeyword(word)) {
            throw error(token, "expected " + word + " but found " + token.describe());
        }
    }

    private boolean acceptSymbol(String symbol) {
        if (position < tokens.size() && tokens.get(position).isSymbol(symbol)) {
            position++;
            return true;
        }
        return false;
    }

    private void expectSymbol(String symbol) {
        SqlToken token = next("'" + symbol + "'");
        if (!token.isSymbol(symbol)) {
            throw error(token, "expected '" + symbol + "' but found " + token.describe());
        }
    }

    private PolaroidException error(SqlToken token, String message) {
        return new PolaroidException(ErrorCode.SYNTAX_ERROR, message + " at " + token.position(sql));
    }
}
