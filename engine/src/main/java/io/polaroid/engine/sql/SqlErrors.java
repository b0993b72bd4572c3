package io.polaroid.engine.sql;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * Turns whatever planning or running a statement throws into a {@link PolaroidException} with the right
 * SQLState and a message a person can act on, never a Calcite or Janino stack trace. Calcite reports
 * validation errors as resource messages; their wording is stable, so they are classified by it.
 */
public final class SqlErrors {
    private static final Pattern POSITION =
            Pattern.compile("^(?:From|At) line (\\d+), column (\\d+)(?: to line \\d+, column \\d+)?: ");
    private static final Pattern PARSE_AT = Pattern.compile("at line (\\d+), column (\\d+)");

    private SqlErrors() {
    }

    /** The user-facing exception for {@code failure}, thrown while handling {@code sql}. */
    public static PolaroidException translate(Throwable failure, String sql) {
        PolaroidException known = findPolaroid(failure);
        if (known != null) {
            return known;
        }
        if (failure instanceof SqlParseException) {
            originalSql.set(sql);
            try {
                return parseError((SqlParseException) failure);
            } finally {
                originalSql.remove();
            }
        }
        CalciteContextException context = find(failure, CalciteContextException.class);
        if (context != null) {
            return validationError(context);
        }
        SqlValidatorException validator = find(failure, SqlValidatorException.class);
        if (validator != null) {
            return new PolaroidException(classify(validator.getMessage()), validator.getMessage(), failure);
        }
        OutOfMemoryException oom = find(failure, OutOfMemoryException.class);
        if (oom != null) {
            return new PolaroidException(ErrorCode.OUT_OF_MEMORY,
                    "the query needs more memory than its limit allows (" + oom.getMessage()
                            + "); raise the query memory limit or make the query lighter", failure);
        }
        ArithmeticException arithmetic = find(failure, ArithmeticException.class);
        if (arithmetic != null) {
            return arithmetic(arithmetic);
        }
        NumberFormatException number = find(failure, NumberFormatException.class);
        if (number != null) {
            return new PolaroidException(ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST,
                    "invalid value for a cast: " + number.getMessage(), failure);
        }
        java.time.DateTimeException dateTime = find(failure, java.time.DateTimeException.class);
        if (dateTime != null) {
            return new PolaroidException(ErrorCode.INVALID_DATETIME_FORMAT,
                    "invalid date/time value: " + dateTime.getMessage(), failure);
        }
        String message = rootMessage(failure);
        if (message.startsWith("All arguments of call to macro") && message.contains("should be literal")) {
            // a table function such as read_parquet called with an expression
            return new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE, message.replace("macro", "table function")
                    + ": write the argument as a literal, such as read_parquet('data/*.parquet')", failure);
        }
        if (message.startsWith("Invalid character for cast") || message.contains("cannot be cast to")
                && message.contains("Invalid")) {
            return new PolaroidException(ErrorCode.INVALID_CHARACTER_VALUE_FOR_CAST, message, failure);
        }
        return new PolaroidException(ErrorCode.INTERNAL_ERROR,
                "internal error while running \"" + abbreviate(sql) + "\": " + message, failure);
    }

    /** The exception for an arithmetic failure of the row engine or the vector engine. */
    public static PolaroidException arithmetic(ArithmeticException e) {
        String message = String.valueOf(e.getMessage());
        String lower = message.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("by zero") || lower.contains("division undefined")) {
            return new PolaroidException(ErrorCode.DIVISION_BY_ZERO, "division by zero", e);
        }
        return new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "numeric value out of range: " + message, e);
    }

    private static PolaroidException parseError(SqlParseException e) {
        String message = e.getMessage() == null ? "syntax error" : e.getMessage();
        // Calcite lists every token it expected; the first line says what and where.
        String first = message.lines().findFirst().orElse(message);
        if (e.getPos() != null && !PARSE_AT.matcher(first).find()) {
            first = first + " at line " + e.getPos().getLineNum() + ", column " + e.getPos().getColumnNum();
        }
        return new PolaroidException(ErrorCode.SYNTAX_ERROR, "syntax error: " + first + near(e), e);
    }

    /** The statement text at the error position, so the message shows what the parser stumbled on. */
    private static String near(SqlParseException e) {
        String sql = e.getPos() == null ? null : originalSql.get();
        if (sql == null) {
            return "";
        }
        String[] lines = sql.split("\n", -1);
        int line = e.getPos().getLineNum() - 1;
        int column = e.getPos().getColumnNum() - 1;
        if (line < 0 || line >= lines.length || column < 0 || column > lines[line].length()) {
            return "";
        }
        String rest = lines[line].substring(column).strip();
        return rest.isEmpty() ? " (at the end of the statement)"
                : " near \"" + (rest.length() > 30 ? rest.substring(0, 30) + "..." : rest) + "\"";
    }

    private static final ThreadLocal<String> originalSql = new ThreadLocal<>();

    private static PolaroidException validationError(CalciteContextException e) {
        String message = e.getMessage() == null ? "invalid statement" : e.getMessage();
        Matcher position = POSITION.matcher(message);
        String detail = message;
        String where = "";
        if (position.find()) {
            detail = message.substring(position.end());
            where = " (line " + position.group(1) + ", column " + position.group(2) + ")";
        }
        return new PolaroidException(classify(detail), detail + where, e);
    }

    /** The SQLState of a Calcite validation message. */
    static ErrorCode classify(String message) {
        if (message == null) {
            return ErrorCode.INVALID_STATEMENT;
        }
        if (message.startsWith("Column ") && message.contains("not found")) {
            return ErrorCode.UNDEFINED_COLUMN;
        }
        if (message.startsWith("Unknown field") || message.contains("Unknown identifier")) {
            return ErrorCode.UNDEFINED_COLUMN;
        }
        if (message.startsWith("Table ") && message.contains("not found")) {
            return ErrorCode.UNDEFINED_TABLE;
        }
        if (message.startsWith("Schema ") && message.contains("not found")) {
            return ErrorCode.UNDEFINED_SCHEMA;
        }
        if (message.startsWith("Object ") && message.contains("not found")) {
            return ErrorCode.UNDEFINED_TABLE;
        }
        if (message.startsWith("No match found for function signature")
                || message.startsWith("Function ") && message.contains("is not defined")) {
            return ErrorCode.UNDEFINED_FUNCTION;
        }
        if (message.startsWith("Cannot apply") || message.contains("cannot be cast")
                || message.startsWith("Cannot assign") || message.contains("Type mismatch")
                || message.startsWith("Illegal use of dynamic parameter")
                || message.contains("incompatible") || message.startsWith("Cannot infer")
                || message.contains("must be numeric") || message.contains("must be boolean")
                || message.startsWith("Type ") && message.contains("is not supported")
                || message.contains("must have compatible types")) {
            return ErrorCode.DATATYPE_MISMATCH;
        }
        if (message.contains("must be a numeric literal between 0 and 1")) {
            return ErrorCode.INVALID_PARAMETER_VALUE;
        }
        if (message.contains("Invalid number of arguments")) {
            return ErrorCode.UNDEFINED_FUNCTION;
        }
        return ErrorCode.INVALID_STATEMENT;
    }

    private static PolaroidException findPolaroid(Throwable failure) {
        return find(failure, PolaroidException.class);
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        Throwable current = failure;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (type.isInstance(current)) {
                return type.cast(current);
            }
            for (Throwable suppressed : current.getSuppressed()) {
                if (type.isInstance(suppressed)) {
                    return type.cast(suppressed);
                }
            }
            current = current.getCause();
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable current = failure;
        String message = null;
        for (int depth = 0; current != null && depth < 20; depth++) {
            if (current.getMessage() != null) {
                message = current.getMessage();
            }
            current = current.getCause();
        }
        return message == null ? failure.getClass().getSimpleName() : message.lines().findFirst().orElse(message);
    }

    private static String abbreviate(String sql) {
        String flat = sql == null ? "" : sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= 120 ? flat : flat.substring(0, 117) + "...";
    }
}
