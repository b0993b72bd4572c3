package io.polaroid.error;

import java.util.Objects;

/**
 * Every failure Polaroid reports, with the SQLState a JDBC or Flight SQL client sees.
 *
 * <p>SQLStates follow PostgreSQL's assignments where one exists, because BI tools and people already
 * know them: class 42 for statements that are wrong, 22 for data that is wrong, 58 for files and I/O,
 * 08 for connections, 28 for credentials, 57 for cancellation.
 */
public enum ErrorCode {
    SYNTAX_ERROR("42601"),
    UNDEFINED_TABLE("42P01"),
    UNDEFINED_COLUMN("42703"),
    UNDEFINED_FUNCTION("42883"),
    UNDEFINED_SCHEMA("3F000"),
    DUPLICATE_TABLE("42P07"),
    DUPLICATE_SCHEMA("42P06"),
    DATATYPE_MISMATCH("42804"),
    INVALID_STATEMENT("42000"),
    INSUFFICIENT_PRIVILEGE("42501"),
    DEPENDENT_OBJECTS_EXIST("2BP01"),

    INVALID_PARAMETER_VALUE("22023"),
    DIVISION_BY_ZERO("22012"),
    NUMERIC_VALUE_OUT_OF_RANGE("22003"),
    INVALID_DATETIME_FORMAT("22007"),
    INVALID_CHARACTER_VALUE_FOR_CAST("22018"),
    /** The data of a file cannot be decoded: truncated, corrupt, or encoded in a way we do not read. */
    DATA_CORRUPTED("22000"),
    /** Files whose schemas cannot be merged into one dataset schema. */
    SCHEMA_MISMATCH("22P04"),

    FILE_NOT_FOUND("58P01"),
    IO_ERROR("58030"),

    QUERY_CANCELED("57014"),
    OUT_OF_MEMORY("53200"),
    TOO_MANY_QUERIES("53300"),
    /** A resource is held by someone else, e.g. a catalog directory locked by another process. */
    OBJECT_IN_USE("55006"),

    CONNECTION_FAILURE("08001"),
    CONNECTION_LOST("08006"),
    /** A connection used after it was lost or closed. */
    CONNECTION_DOES_NOT_EXIST("08003"),
    INVALID_AUTHORIZATION("28000"),
    READ_ONLY_TRANSACTION("25006"),

    FEATURE_NOT_SUPPORTED("0A000"),
    INTERNAL_ERROR("XX000");

    private final String sqlState;

    ErrorCode(String sqlState) {
        this.sqlState = Objects.requireNonNull(sqlState, "sqlState");
    }

    public String sqlState() {
        return sqlState;
    }

    /** The code whose SQLState is {@code sqlState}, or {@link #INTERNAL_ERROR} if none matches. */
    public static ErrorCode fromSqlState(String sqlState) {
        for (ErrorCode code : values()) {
            if (code.sqlState.equals(sqlState)) {
                return code;
            }
        }
        return INTERNAL_ERROR;
    }
}
