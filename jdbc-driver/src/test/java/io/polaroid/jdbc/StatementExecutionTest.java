package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLWarning;
import java.util.List;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class StatementExecutionTest {
    private final StatementExecution execution = new StatementExecution();

    /** A result with warnings that records whether it was closed. */
    private static final class RecordingResult implements QueryResult {
        private final List<String> warnings;
        boolean closed;

        RecordingResult(String... warnings) {
            this.warnings = List.of(warnings);
        }

        @Override
        public Schema schema() {
            return new Schema(List.of());
        }

        @Override
        public Batch next() {
            return null;
        }

        @Override
        public long updateCount() {
            return -1;
        }

        @Override
        public List<String> warnings() {
            return warnings;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void eachRunHasItsOwnCancelSwitchAndLimits() {
        ExecutionOptions first = execution.start(2000, 10, 1 << 20);
        assertEquals(2000, first.timeoutMillis());
        assertEquals(10, first.maxRows());
        assertEquals(1 << 20, first.memoryLimitBytes());
        execution.cancel("by the test");
        assertTrue(first.cancellation().isCancelled());
        ExecutionOptions second = execution.start(0, 0, 0);
        assertFalse(second.cancellation().isCancelled(), "a cancel stops the run it was meant for only");
        assertSame(second.cancellation(), execution.cancellation());
    }

    @Test
    void aCancellationIsATimeoutOnlyWhenTheUserDidNotAskForIt() {
        execution.start(1000, 0, 0);
        PolaroidException stopped = new PolaroidException(ErrorCode.QUERY_CANCELED, "query cancelled: timeout");
        SQLException timeout = execution.translate(stopped);
        assertInstanceOf(SQLTimeoutException.class, timeout);
        assertEquals("57014", timeout.getSQLState());
        assertTrue(timeout.getMessage().contains("1 s"), timeout.getMessage());

        execution.start(1000, 0, 0);
        execution.cancel("user");
        SQLException cancel = execution.translate(stopped);
        assertFalse(cancel instanceof SQLTimeoutException);
        assertEquals("57014", cancel.getSQLState());

        assertFalse(new StatementExecution().translate(stopped) instanceof SQLTimeoutException, "no run, no timeout");
    }

    @Test
    void warningsChainInOrderAndAreClearedByTheNextRun() {
        execution.start(0, 0, 0);
        execution.resultReady(new RecordingResult("first", "second"));
        execution.addWarnings(List.of("third"));
        SQLWarning warning = execution.warnings();
        assertEquals("first", warning.getMessage());
        assertEquals("second", warning.getNextWarning().getMessage());
        assertEquals("third", warning.getNextWarning().getNextWarning().getMessage());
        assertEquals("01000", warning.getSQLState());
        execution.start(0, 0, 0);
        assertNull(execution.warnings());
    }

    @Test
    void aResultNobodyTookIsClosed() {
        RecordingResult unread = new RecordingResult();
        execution.resultReady(unread);
        execution.start(0, 0, 0);
        assertTrue(unread.closed, "running again frees the result of the last run");

        RecordingResult taken = new RecordingResult();
        execution.resultReady(taken);
        assertSame(taken, execution.takePending());
        assertNull(execution.takePending());
        execution.discardPending();
        assertFalse(taken.closed, "a result set owns what it took");
    }

    @Test
    void expectationsAreCheckedBeforeAnythingRuns() throws SQLException {
        execution.expect(StatementExecution.Expectation.ROWS);
        assertEquals("07000", assertThrows(SQLException.class,
                () -> execution.checkExpectation(false, "CREATE SCHEMA x")).getSQLState());
        execution.checkExpectation(true, "SELECT 1");
        execution.expect(StatementExecution.Expectation.COUNT);
        assertEquals("07000", assertThrows(SQLException.class,
                () -> execution.checkExpectation(true, "SELECT 1")).getSQLState());
        execution.expect(StatementExecution.Expectation.ANY);
        execution.checkExpectation(true, "SELECT 1");
        execution.checkExpectation(false, "CREATE SCHEMA x");
    }
}
