package io.polaroid.engine;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.api.ExecutionOptions;
import io.polaroid.engine.api.PreparedQuery;
import io.polaroid.engine.api.QueryResult;
import io.polaroid.engine.api.SqlSession;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.DateDayVector;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.TimeMicroVector;
import org.apache.arrow.vector.TimeStampVector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.pojo.ArrowType;

/** Reads whole results into Java values for assertions: rows of normalized objects. */
final class ResultRows {
    private ResultRows() {
    }

    static List<List<Object>> query(SqlSession session, String sql) {
        try (QueryResult result = session.execute(sql, ExecutionOptions.defaults())) {
            return read(result);
        }
    }

    static List<List<Object>> query(SqlSession session, String sql, List<Object> parameters) {
        try (PreparedQuery prepared = session.prepare(sql);
             QueryResult result = session.execute(prepared, parameters, ExecutionOptions.defaults())) {
            return read(result);
        }
    }

    static List<List<Object>> read(QueryResult result) {
        List<List<Object>> rows = new ArrayList<>();
        Batch batch;
        while ((batch = result.next()) != null) {
            for (int r = 0; r < batch.rowCount(); r++) {
                List<Object> row = new ArrayList<>(batch.columnCount());
                for (int c = 0; c < batch.columnCount(); c++) {
                    row.add(value(batch.column(c), r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * A comparable Java value: Long for integers, Double for floats, BigDecimal (stripped), String,
     * Boolean, LocalDate, LocalTime, LocalDateTime (naive timestamps), Instant (zoned), byte[] as hex.
     */
    static Object value(FieldVector vector, int row) {
        if (vector.isNull(row)) {
            return null;
        }
        if (vector instanceof TimeStampVector) {
            long micros = ((TimeStampVector) vector).get(row);
            Instant instant = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1000L);
            return ((ArrowType.Timestamp) vector.getField().getType()).getTimezone() == null
                    ? LocalDateTime.ofInstant(instant, ZoneOffset.UTC) : instant;
        }
        if (vector instanceof DateDayVector) {
            return LocalDate.ofEpochDay(((DateDayVector) vector).get(row));
        }
        if (vector instanceof TimeMicroVector) {
            return LocalTime.ofNanoOfDay(((TimeMicroVector) vector).get(row) * 1000L);
        }
        if (vector instanceof DecimalVector) {
            BigDecimal value = ((DecimalVector) vector).getObject(row);
            return value.stripTrailingZeros();
        }
        if (vector instanceof VarCharVector) {
            return new String(((VarCharVector) vector).get(row), StandardCharsets.UTF_8);
        }
        if (vector instanceof VarBinaryVector) {
            return java.util.HexFormat.of().formatHex(((VarBinaryVector) vector).get(row));
        }
        if (vector instanceof BitVector) {
            return ((BitVector) vector).get(row) != 0;
        }
        Object value = vector.getObject(row);
        if (value instanceof Float) {
            return ((Float) value).doubleValue();
        }
        if (value instanceof Number && !(value instanceof Double) && !(value instanceof BigDecimal)) {
            return ((Number) value).longValue();
        }
        return value;
    }
}
