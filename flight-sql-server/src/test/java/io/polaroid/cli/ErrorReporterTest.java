package io.polaroid.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ErrorReporterTest {
    @Test
    void showsTheSqlStateAndMessage() {
        assertEquals("ERROR [42P01]: no table t", ErrorReporter.describe(new SQLException("no table t", "42P01")));
        assertEquals("ERROR [58P01]: file f is gone",
                ErrorReporter.describe(new PolaroidException(ErrorCode.FILE_NOT_FOUND, "file f is gone")));
    }

    @Test
    void marksUnexpectedFailuresAsInternalAndNamesThem() {
        assertEquals("ERROR [XX000]: IllegalStateException: broken",
                ErrorReporter.describe(new IllegalStateException("broken")));
        assertEquals("ERROR [XX000]: java.lang.NullPointerException",
                ErrorReporter.describe(new NullPointerException()));
        assertEquals("ERROR [XX000]: no state", ErrorReporter.describe(new SQLException("no state")));
    }

    @Test
    void printsTheStackTraceOnlyWhenVerbose() {
        StringWriter quiet = new StringWriter();
        assertEquals(1, new ErrorReporter(new PrintWriter(quiet), false).report(new SQLException("x", "42000")));
        assertEquals("ERROR [42000]: x\n", quiet.toString());

        StringWriter verbose = new StringWriter();
        new ErrorReporter(new PrintWriter(verbose), true).report(new SQLException("x", "42000"));
        assertTrue(verbose.toString().contains("\tat "), verbose::toString);
    }
}
