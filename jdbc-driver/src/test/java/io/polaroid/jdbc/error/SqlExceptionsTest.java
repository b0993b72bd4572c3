package io.polaroid.jdbc.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import org.apache.arrow.memory.OutOfMemoryException;
import org.junit.jupiter.api.Test;

class SqlExceptionsTest {

    private static SQLException of(ErrorCode code) {
        return SqlExceptions.from(new PolaroidException(code, "dataset trades: something"));
    }

    @Test
    void everyErrorCodeKeepsItsStateAndMessageInTheRightSubclass() {
        for (ErrorCode code : ErrorCode.values()) {
            SQLException error = of(code);
            assertEquals(code.sqlState(), error.getSQLState(), code.name());
            assertEquals("dataset trades: something", error.getMessage());
        }
        assertInstanceOf(SQLSyntaxErrorException.class, of(ErrorCode.SYNTAX_ERROR));
        assertInstanceOf(SQLSyntaxErrorException.class, of(ErrorCode.UNDEFINED_TABLE));
        assertInstanceOf(SQLSyntaxErrorException.class, of(ErrorCode.UNDEFINED_COLUMN));
        assertInstanceOf(SQLSyntaxErrorException.class, of(ErrorCode.DATATYPE_MISMATCH));
        assertInstanceOf(SQLDataException.class, of(ErrorCode.DATA_CORRUPTED));
        assertInstanceOf(SQLDataException.class, of(ErrorCode.DIVISION_BY_ZERO));
        assertInstanceOf(SQLNonTransientConnectionException.class, of(ErrorCode.CONNECTION_FAILURE));
        assertInstanceOf(SQLInvalidAuthorizationSpecException.class, of(ErrorCode.INVALID_AUTHORIZATION));
        assertInstanceOf(SQLFeatureNotSupportedException.class, of(ErrorCode.FEATURE_NOT_SUPPORTED));
        assertInstanceOf(SQLTransientException.class, of(ErrorCode.OUT_OF_MEMORY));
        assertInstanceOf(SQLNonTransientException.class, of(ErrorCode.FILE_NOT_FOUND));
    }

    @Test
    void translateFindsTheEngineErrorInsideAvaticasWrapping() {
        PolaroidException cause = new PolaroidException(ErrorCode.UNDEFINED_COLUMN, "column nope not found");
        SQLException wrapped = new SQLException("Error while executing SQL \"...\"", new RuntimeException(cause));
        SQLException translated = SqlExceptions.translate(wrapped);
        assertEquals("42703", translated.getSQLState());
        assertEquals("column nope not found", translated.getMessage());
    }

    @Test
    void translateUnwrapsTunnelledSqlExceptions() {
        SQLException original = new SQLException("parameter 1 is not set", "07001");
        assertSame(original, SqlExceptions.translate(new SQLException("wrapper", SqlExceptions.tunnel(original))));
    }

    @Test
    void arrowAllocationFailuresAreOutOfMemory() {
        assertEquals("53200", SqlExceptions.translate(new OutOfMemoryException("limit 1024")).getSQLState());
    }

    @Test
    void unexpectedFailuresAreInternalErrorsThatSayWhatHappened() {
        SQLException error = SqlExceptions.translate(new IllegalStateException("boom"));
        assertEquals("XX000", error.getSQLState());
        assertTrue(error.getMessage().contains("boom"));
    }

    @Test
    void timeoutsAreSqlTimeoutExceptions() {
        SQLTimeoutException timeout = SqlExceptions.timeout("query timed out", null);
        assertEquals("57014", timeout.getSQLState());
    }
}
