package io.polaroid.jdbc.cursor;

import io.polaroid.columnar.EpochTimes;
import java.time.Instant;
import java.util.Calendar;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;

/**
 * The raw reading shared by the two kinds of timestamp column: a count of the column's unit since
 * 1970-01-01T00:00, which {@link LocalTimestampAccessor} reads as a wall clock and
 * {@link InstantTimestampAccessor} as an instant.
 */
abstract class TimestampAccessor extends ArrowAccessor {
    private final TimeUnit unit;
    private ArrowBuf data;

    TimestampAccessor(Field field, ReadPosition position, Calendar localCalendar) {
        super(field, position, localCalendar);
        this.unit = ((ArrowType.Timestamp) field.getType()).getUnit();
    }

    @Override
    protected final void onBind(FieldVector column) {
        data = column == null ? null : column.getDataBuffer();
    }

    /** The stored count as seconds and nanoseconds since the epoch, with no zone applied. */
    protected final Instant readRaw() {
        return EpochTimes.instant(data.getLong((long) position.row * Long.BYTES), unit);
    }
}
