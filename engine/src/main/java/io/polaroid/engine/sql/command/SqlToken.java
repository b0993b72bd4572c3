package io.polaroid.engine.sql.command;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;

/** A lexical token of a command, with the rules of the SQL dialect for identifiers and strings. */
record SqlToken(Kind kind, String text, int offset) {

    enum Kind { IDENTIFIER, QUOTED_IDENTIFIER, STRING, SYMBOL }

    boolean isKeyword(String word) {
        return kind == Kind.IDENTIFIER && text.equalsIgnoreCase(word);
    }

    boolean isSymbol(String symbol) {
        return kind == Kind.SYMBOL && text.equals(symbol);
    }

    String describe() {
        switch (kind) {
            case STRING:
                return "'" + text + "'";
            case QUOTED_IDENTIFIER:
                return "\"" + text + "\"";
            default:
                return "\"" + text + "\"";
        }
    }

    /** "line L, column C" of this token in {@code sql}, both 1-based, as Calcite reports positions. */
    String position(String sql) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; i++) {
            if (sql.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return "line " + line + ", column " + column;
    }

    /**
     * The position of the first character at or after {@code from} that is not a blank or inside a comment
     * ({@code --} to the end of the line, or an unterminated or terminated block comment).
     */
    static int skipBlanksAndComments(String sql, int from) {
        int i = from;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        return i;
    }

    static List<SqlToken> tokenize(String sql) {
        List<SqlToken> tokens = new ArrayList<>();
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                while (i < n && sql.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                if (end < 0) {
                    throw unterminated(sql, i, "comment");
                }
                i = end + 2;
            } else if (c == '\'' || c == '"') {
                int start = i;
                StringBuilder text = new StringBuilder();
                i++;
                while (true) {
                    if (i >= n) {
                        throw unterminated(sql, start, c == '\'' ? "string" : "quoted identifier");
                    }
                    char d = sql.charAt(i);
                    if (d == c) {
                        if (i + 1 < n && sql.charAt(i + 1) == c) {
                            text.append(c);
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    text.append(d);
                    i++;
                }
                tokens.add(new SqlToken(c == '\'' ? Kind.STRING : Kind.QUOTED_IDENTIFIER, text.toString(), start));
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < n && (Character.isLetterOrDigit(sql.charAt(i)) || sql.charAt(i) == '_'
                        || sql.charAt(i) == '$')) {
                    i++;
                }
                tokens.add(new SqlToken(Kind.IDENTIFIER, sql.substring(start, i), start));
            } else {
                tokens.add(new SqlToken(Kind.SYMBOL, String.valueOf(c), i));
                i++;
            }
        }
        return tokens;
    }

    private static PolaroidException unterminated(String sql, int offset, String what) {
        return new PolaroidException(ErrorCode.SYNTAX_ERROR, "unterminated " + what + " at "
                + new SqlToken(Kind.SYMBOL, "", offset).position(sql));
    }
}
