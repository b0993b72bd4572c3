package io.polaroid.jdbc.cursor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.jdbc.error.SqlExceptions;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.avatica.util.Cursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ArrowCursorTest {
    private static final Schema SCHEMA = new Schema(List.of(
            new Field("id", FieldType.nullable(new ArrowType.Int(64, true)), null)));

    private final BufferAllocator allocator = new RootAllocator();
    private final AtomicInteger closes = new AtomicInteger();

    @AfterEach
    void allocatorIsEmpty() {
        assertEquals(0, allocator.getAllocatedMemory(), "the cursor left Arrow memory behind");
        allocator.close();
    }

    /** A batch of {@code ids}, where a null id is a NULL value. */
    private VectorSchemaRoot batch(Long... ids) {
        VectorSchemaRoot root = VectorSchemaRoot.create(SCHEMA, allocator);
        BigIntVector vector = (BigIntVector) root.getVector(0);
        vector.allocateNew(ids.length);
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == null) {
                vector.setNull(i);
            } else {
                vector.set(i, ids[i]);
            }
        }
        root.setRowCount(ids.length);
        return root;
    }

    private ArrowCursor cursor(VectorBatches source, long maxRows, QueryCancellation cancellation) {
        return new ArrowCursor(source, maxRows, cancellation, SqlExceptions::translate, closes::incrementAndGet);
    }

    private static Cursor.Accessor accessor(ArrowCursor cursor) {
        return cursor.createAccessors(Collections.nCopies(1, null), Calendar.getInstance(), null).get(0);
    }

    private static List<Long> readAll(ArrowCursor cursor, Cursor.Accessor id) throws SQLException {
        List<Long> values = new ArrayList<>();
        while (cursor.next()) {
            long value = id.getLong();
            values.add(id.wasNull() ? null : value);
        }
        return values;
    }

    @Test
    void streamsRowsAcrossBatchesSkippingEmptyOnesAndFreesMemoryAtTheEnd() throws SQLException {
        VectorBatches source = VectorBatches.of(SCHEMA, List.of(batch(1L, 2L, 3L), batch(), batch(4L, null)));
        ArrowCursor cursor = cursor(source, 0, new QueryCancellation());
        Cursor.Accessor id = accessor(cursor);

        assertEquals(java.util.Arrays.asList(1L, 2L, 3L, 4L, null), readAll(cursor, id));
        assertTrue(source.isClosed(), "the result is freed as soon as it ends, before the result set closes");
        assertEquals(0, allocator.getAllocatedMemory());
        assertFalse(cursor.next(), "an ended cursor stays ended");
        cursor.close();
        assertEquals(1, closes.get(), "onClose runs once");
    }

    @Test
    void maxRowsStopsInTheMiddleOfABatch() throws SQLException {
        VectorBatches source = VectorBatches.of(SCHEMA, List.of(batch(1L, 2L, 3L), batch(4L, 5L, 6L)));
        ArrowCursor cursor = cursor(source, 4, new QueryCancellation());
        Cursor.Accessor id = accessor(cursor);

        assertEquals(List.of(1L, 2L, 3L, 4L), readAll(cursor, id));
        assertTrue(source.isClosed());
    }

    @Test
    void aFailingBatchReportsTheEngineErrorAndFreesTheResult() throws SQLException {
        PolaroidException corrupt = new PolaroidException(ErrorCode.DATA_CORRUPTED, "file /data/x.parquet is truncated");
        VectorBatches source = VectorBatches.failingAt(SCHEMA, List.of(batch(1L), batch(2L)), 1, corrupt);
        ArrowCursor cursor = cursor(source, 0, new QueryCancellation());
        Cursor.Accessor id = accessor(cursor);

        assertTrue(cursor.next());
        assertEquals(1L, id.getLong());
        SQLException error = assertThrows(SQLException.class, cursor::next);
        assertInstanceOf(SQLDataException.class, error);
        assertEquals("22000", error.getSQLState());
        assertEquals("file /data/x.parquet is truncated", error.getMessage());
        assertTrue(source.isClosed());
        SQLException again = assertThrows(SQLException.class, cursor::next);
        assertEquals("22000", again.getSQLState());
    }

    @Test
    void readingWithoutACurrentRowIsAnInvalidCursorState() throws SQLException {
        VectorBatches source = VectorBatches.of(batch(7L));
        ArrowCursor cursor = cursor(source, 0, new QueryCancellation());
        Cursor.Accessor id = accessor(cursor);

        assertEquals("24000", assertThrows(SQLException.class, id::getLong).getSQLState());
        assertTrue(cursor.next());
        assertEquals(7L, id.getLong());
        assertFalse(cursor.next());
        assertEquals("24000", assertThrows(SQLException.class, id::getLong).getSQLState());
    }

    @Test
    void aCancelledQueryStopsAtTheNextBatch() throws SQLException {
        QueryCancellation cancellation = new QueryCancellation();
        VectorBatches source = VectorBatches.of(SCHEMA, List.of(batch(1L), batch(2L)));
        ArrowCursor cursor = cursor(source, 0, cancellation);
        accessor(cursor);

        assertTrue(cursor.next());
        cancellation.cancel("test");
        SQLException error = assertThrows(SQLException.class, cursor::next);
        assertEquals("57014", error.getSQLState());
        assertTrue(source.isClosed());
    }

    @Test
    void closingMidStreamFreesTheResult() throws SQLException {
        VectorBatches source = VectorBatches.of(SCHEMA, List.of(batch(1L, 2L), batch(3L)));
        ArrowCursor cursor = cursor(source, 0, new QueryCancellation());
        Cursor.Accessor id = accessor(cursor);

        assertTrue(cursor.next());
        cursor.close();
        cursor.close();
        assertTrue(source.isClosed());
        assertEquals(1, closes.get());
        assertFalse(cursor.next());
        assertEquals("24000", assertThrows(SQLException.class, id::getLong).getSQLState());
    }

    @Test
    void aColumnCountThatDisagreesWithTheSchemaIsRejected() {
        VectorBatches source = VectorBatches.of(batch(1L));
        ArrowCursor cursor = cursor(source, 0, new QueryCancellation());
        assertThrows(IllegalStateException.class,
                () -> cursor.createAccessors(Collections.nCopies(2, null), Calendar.getInstance(), null));
        cursor.close();
    }
}
