package io.polaroid.server.ingest;

import com.google.protobuf.ByteString;
import io.polaroid.catalog.DatasetName;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Recognizes the two statements bulk-ingesting clients send that the dialect itself does not have (it
 * has no tables of its own, only datasets over files): ADBC's Flight SQL driver ingests by
 * {@code CREATE TABLE name (column type, ...)} (mode create) followed by a prepared
 * {@code INSERT INTO name VALUES (?, ?, ...)} bound to the data. Both are served through the
 * {@link IngestService}, so they are as atomic as {@code CommandStatementIngest}.
 *
 * <p>Only these exact shapes are taken: an {@code INSERT} whose values are all parameter markers (one
 * row of them), and a {@code CREATE TABLE} with column definitions. Anything else, and every other
 * statement, is left to the engine.
 */
public final class BulkStatements {
    private final IngestService ingest;

    public BulkStatements(IngestService ingest) {
        this.ingest = Objects.requireNonNull(ingest, "ingest");
    }

    /** The bulk statement {@code sql} is, resolving unqualified names against {@code currentSchema}. */
    public Optional<BulkStatement> recognize(String sql, String currentSchema, ByteString handle) {
        Objects.requireNonNull(sql, "sql");
        Tokens tokens;
        try {
            tokens = new Tokens(sql);
        } catch (IllegalArgumentException e) {
            return Optional.empty();  // not ours: the engine reports the syntax error
        }
        if (tokens.acceptWords("CREATE", "TABLE")) {
            return Optional.of(createTable(tokens, sql, currentSchema, handle));
        }
        if (tokens.acceptWords("INSERT", "INTO")) {
            return insert(tokens, sql, currentSchema, handle);
        }
        return Optional.empty();
    }

    private BulkStatement createTable(Tokens tokens, String sql, String currentSchema, ByteString handle) {
        boolean ifNotExists = tokens.acceptWords("IF", "NOT", "EXISTS");
        DatasetName dataset = tokens.qualifiedName(currentSchema);
        tokens.expect("(");
        List<Field> columns = new ArrayList<>();
        do {
            String column = tokens.identifier("a column name");
            List<String> typeWords = new ArrayList<>();
            List<Integer> arguments = new ArrayList<>();
            boolean nullable = true;
            while (!tokens.peekSymbol(",") && !tokens.peekSymbol(")")) {
                if (tokens.acceptWords("NOT", "NULL")) {
                    nullable = false;
                } else if (tokens.acceptWords("NULL")) {
                    nullable = true;
                } else if (tokens.acceptSymbol("(")) {
                    do {
                        arguments.add(tokens.integer());
                    } while (tokens.acceptSymbol(","));
                    tokens.expect(")");
                } else {
                    typeWords.add(tokens.identifier("a type name"));
                }
            }
            if (typeWords.isEmpty()) {
                throw tokens.error("column '" + column + "' has no type");
            }
            columns.add(new Field(column, new FieldType(nullable, SqlTypeNames.toArrow(typeWords, arguments), null),
                    List.of()));
        } while (tokens.acceptSymbol(","));
        tokens.expect(")");
        tokens.expectEnd();
        return new CreateTableStatement(handle, sql, ingest, dataset, new Schema(columns), ifNotExists);
    }

    private Optional<BulkStatement> insert(Tokens tokens, String sql, String currentSchema, ByteString handle) {
        DatasetName dataset = tokens.qualifiedName(currentSchema);
        List<String> named = new ArrayList<>();
        if (tokens.acceptSymbol("(")) {
            do {
                named.add(tokens.identifier("a column name"));
            } while (tokens.acceptSymbol(","));
            tokens.expect(")");
        }
        if (!tokens.acceptWords("VALUES") || !tokens.acceptSymbol("(")) {
            return Optional.empty();  // INSERT ... SELECT and the like: not a bulk insert
        }
        int markers = 0;
        do {
            if (!tokens.acceptSymbol("?")) {
                return Optional.empty();  // literal values: not a bulk insert
            }
            markers++;
        } while (tokens.acceptSymbol(","));
        tokens.expect(")");
        tokens.expectEnd();

        Schema datasetSchema = ingest.datasetSchema(dataset).orElseThrow(() ->
                new PolaroidException(ErrorCode.UNDEFINED_TABLE, "dataset " + dataset + " does not exist"));
        List<Field> targets = new ArrayList<>();
        if (named.isEmpty()) {
            targets.addAll(datasetSchema.getFields());
        } else {
            for (String name : named) {
                targets.add(datasetSchema.getFields().stream().filter(f -> f.getName().equalsIgnoreCase(name))
                        .findFirst().orElseThrow(() -> new PolaroidException(ErrorCode.UNDEFINED_COLUMN,
                                "dataset " + dataset + " has no column '" + name + "'")));
            }
        }
        if (targets.size() != markers) {
            throw new PolaroidException(ErrorCode.SYNTAX_ERROR, "INSERT INTO " + dataset + " gives " + markers
                    + " values for " + targets.size() + " columns");
        }
        List<String> columns = targets.stream().map(Field::getName).toList();
        return Optional.of(new BulkInsertStatement(handle, sql, ingest, dataset, columns, new Schema(targets)));
    }

    /** The tokens of a statement: words, double-quoted identifiers, integers and single symbols. */
    private static final class Tokens {
        private final String sql;
        private final List<String> texts = new ArrayList<>();
        private final List<Boolean> quoted = new ArrayList<>();
        private int position;

        Tokens(String sql) {
            this.sql = sql;
            int i = 0;
            int n = sql.length();
            while (i < n) {
                char c = sql.charAt(i);
                if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '"') {
                    StringBuilder text = new StringBuilder();
                    i++;
                    while (true) {
                        if (i >= n) {
                            throw new IllegalArgumentException("unterminated quoted identifier");
                        }
                        if (sql.charAt(i) == '"') {
                            if (i + 1 < n && sql.charAt(i + 1) == '"') {
                                text.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        text.append(sql.charAt(i++));
                    }
                    add(text.toString(), true);
                } else if (Character.isLetterOrDigit(c) || c == '_') {
                    int start = i;
                    while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                            || sql.charAt(i) == '$')) {
                        i++;
                    }
                    add(sql.substring(start, i), false);
                } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-' || c == '/' && i + 1 < n
                        && sql.charAt(i + 1) == '*' || c == '\'') {
                    throw new IllegalArgumentException("comments and strings are not part of a bulk statement");
                } else {
                    add(String.valueOf(c), false);
                    i++;
                }
            }
            while (!texts.isEmpty() && !quoted.get(texts.size() - 1) && texts.get(texts.size() - 1).equals(";")) {
                texts.remove(texts.size() - 1);
                quoted.remove(quoted.size() - 1);
            }
        }

        private void add(String text, boolean isQuoted) {
            texts.add(text);
            quoted.add(isQuoted);
        }

        private boolean isWord(int index, String word) {
            return index < texts.size() && !quoted.get(index) && texts.get(index).equalsIgnoreCase(word);
        }

        /** Consumes {@code words} if the next tokens are exactly them. */
        boolean acceptWords(String... words) {
            for (int k = 0; k < words.length; k++) {
                if (!isWord(position + k, words[k])) {
                    return false;
                }
            }
            position += words.length;
            return true;
        }

        boolean peekSymbol(String symbol) {
            return position < texts.size() && !quoted.get(position) && texts.get(position).equals(symbol);
        }

        boolean acceptSymbol(String symbol) {
            if (peekSymbol(symbol)) {
                position++;
                return true;
            }
            return false;
        }

        void expect(String symbol) {
            if (!acceptSymbol(symbol)) {
                throw error("expected '" + symbol + "'");
            }
        }

        void expectEnd() {
            if (position < texts.size()) {
                throw error("unexpected '" + texts.get(position) + "'");
            }
        }

        String identifier(String what) {
            if (position >= texts.size()) {
                throw error("expected " + what);
            }
            String text = texts.get(position);
            boolean isQuoted = quoted.get(position);
            if (!isQuoted && !(Character.isLetter(text.charAt(0)) || text.charAt(0) == '_')) {
                throw error("expected " + what + ", found '" + text + "'");
            }
            position++;
            return text;
        }

        int integer() {
            if (position >= texts.size() || quoted.get(position) || !texts.get(position).chars().allMatch(Character::isDigit)) {
                throw error("expected a number");
            }
            try {
                return Integer.parseInt(texts.get(position++));
            } catch (NumberFormatException e) {
                throw error("number too large");
            }
        }

        DatasetName qualifiedName(String currentSchema) {
            String first = identifier("a table name");
            if (acceptSymbol(".")) {
                return new DatasetName(first, identifier("a table name"));
            }
            return new DatasetName(currentSchema, first);
        }

        PolaroidException error(String problem) {
            String near = position < texts.size() ? " near '" + texts.get(position) + "'" : " at the end";
            return new PolaroidException(ErrorCode.SYNTAX_ERROR, problem + near + " in: " + sql.strip());
        }
    }
}
