package io.polaroid.engine.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.ColumnValues;
import io.polaroid.engine.exec.vector.VectorGather;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.BaseFixedWidthVector;
import org.apache.arrow.vector.BitVector;
import org.apache.arrow.vector.BitVectorHelper;
import org.apache.arrow.vector.DecimalVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Test support for the operators: rows as Java values in and out of Arrow batches. Values use one Java
 * type per column family: Long for integers, dates, times and timestamps; Double for floating point;
 * BigDecimal; String for Utf8; ByteBuffer for Binary; Boolean.
 */
public final class BatchFixtures {
    public static final ArrowType TINYINT = new ArrowType.Int(8, true);
    public static final ArrowType SMALLINT = new ArrowType.Int(16, true);
    public static final ArrowType INT = new ArrowType.Int(32, true);
    public static final ArrowType BIGINT = new ArrowType.Int(64, true);
    public static final ArrowType REAL = new ArrowType.FloatingPoint(FloatingPointPrecision.SINGLE);
    public static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    public static final ArrowType VARCHAR = ArrowType.Utf8.INSTANCE;
    public static final ArrowType VARBINARY = ArrowType.Binary.INSTANCE;
    public static final ArrowType BOOLEAN = ArrowType.Bool.INSTANCE;
    public static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);
    public static final ArrowType TIME = new ArrowType.Time(TimeUnit.MICROSECOND, 64);
    public static final ArrowType TIMESTAMP = new ArrowType.Timestamp(TimeUnit.MICROSECOND, null);
    public static final ArrowType TIMESTAMP_TZ = new ArrowType.Timestamp(TimeUnit.MICROSECOND, "UTC");

    private BatchFixtures() {
    }

    public static ArrowType decimal(int precision, int scale) {
        return new ArrowType.Decimal(precision, scale, 128);
    }

    public static Field field(String name, ArrowType type) {
        return Field.nullable(name, type);
    }

    public static Schema schema(Field... fields) {
        return new Schema(Arrays.asList(fields));
    }

    public static List<Object> row(Object... values) {
        // row(null) passes a null array: a row of one NULL.
        return values == null ? Collections.singletonList(null) : Arrays.asList(values);
    }

    public static ByteBuffer bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return ByteBuffer.wrap(bytes);
    }

    /**
     * SQL order of two non-NULL values of the same column: numbers by value with NaN last and -0.0 equal to
     * 0.0, strings by UTF-8 bytes, binaries by unsigned bytes, false before true.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public static int sqlCompare(Object x, Object y) {
        if (x instanceof Double a) {
            return Double.compare(a + 0.0, (Double) y + 0.0); // -0.0 + 0.0 is 0.0; NaN sorts last
        }
        if (x instanceof String a) {
            return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8),
                    ((String) y).getBytes(StandardCharsets.UTF_8));
        }
        if (x instanceof ByteBuffer a) {
            return Arrays.compareUnsigned(toArray(a), toArray((ByteBuffer) y));
        }
        return ((Comparable) x).compareTo(y);
    }

    /** The value as a grouping key: -0.0 as 0.0 (NaN already equals NaN in Double.equals). */
    public static Object groupKey(Object value) {
        return value instanceof Double d && d == 0.0 ? (Object) 0.0 : value;
    }

    private static byte[] toArray(ByteBuffer buffer) {
        byte[] bytes = new byte[buffer.remaining()];
        buffer.duplicate().get(bytes);
        return bytes;
    }

    public static ExecutionContext context(BufferAllocator allocator, int batchRows) {
        return new ExecutionContext(allocator, new QueryCancellation(), batchRows);
    }

    /** Writes {@code value} (null: NULL) at {@code index}; fixed-width vectors must have room. */
    public static void write(FieldVector vector, int index, Object value) {
        if (value == null) {
            if (vector instanceof BaseFixedWidthVector fixed) {
                VectorGather.ensureFixedCapacity(fixed, index + 1);
                fixed.setNull(index);
            } else {
                ((org.apache.arrow.vector.BaseVariableWidthVector) vector).setNull(index);
            }
            return;
        }
        switch (ColumnKind.of(vector.getField().getType())) {
            case LONG -> {
                BaseFixedWidthVector fixed = (BaseFixedWidthVector) vector;
                VectorGather.ensureFixedCapacity(fixed, index + 1);
                long v = ((Number) value).longValue();
                ArrowBuf data = fixed.getDataBuffer();
                switch (fixed.getTypeWidth()) {
                    case 8 -> data.setLong((long) index * 8, v);
                    case 4 -> data.setInt((long) index * 4, (int) v);
                    case 2 -> data.setShort((long) index * 2, (short) v);
                    default -> data.setByte(index, (byte) v);
                }
                BitVectorHelper.setBit(fixed.getValidityBuffer(), index);
            }
            case FLOATING -> {
                if (vector instanceof Float4Vector floats) {
                    floats.setSafe(index, ((Number) value).floatValue());
                } else {
                    ((Float8Vector) vector).setSafe(index, ((Number) value).doubleValue());
                }
            }
            case DECIMAL -> ((DecimalVector) vector).setSafe(index, (BigDecimal) value);
            case BOOL -> ((BitVector) vector).setSafe(index, (Boolean) value ? 1 : 0);
            case BYTES -> {
                if (vector instanceof VarCharVector strings) {
                    strings.setSafe(index, ((String) value).getBytes(StandardCharsets.UTF_8));
                } else {
                    ByteBuffer buffer = (ByteBuffer) value;
                    byte[] copy = new byte[buffer.remaining()];
                    buffer.duplicate().get(copy);
                    ((VarBinaryVector) vector).setSafe(index, copy);
                }
            }
            default -> throw new IllegalArgumentException("fixtures do not write " + vector.getField());
        }
    }

    /** The value at {@code index} (null for NULL), in the fixtures' Java representation. */
    public static Object read(FieldVector vector, int index) {
        if (vector.isNull(index)) {
            return null;
        }
        switch (ColumnKind.of(vector.getField().getType())) {
            case LONG, BOOL -> {
                long[] one = new long[1];
                ColumnValues.readLongs(vector, index, 1, one, 0);
                return vector instanceof BitVector ? (Object) (one[0] != 0) : (Object) one[0];
            }
            case FLOATING -> {
                double[] one = new double[1];
                ColumnValues.readDoubles(vector, index, 1, one, 0);
                return one[0];
            }
            case DECIMAL -> {
                return ((DecimalVector) vector).getObject(index);
            }
            case BYTES -> {
                byte[] value = vector instanceof VarCharVector strings ? strings.get(index)
                        : ((VarBinaryVector) vector).get(index);
                return vector instanceof VarCharVector ? new String(value, StandardCharsets.UTF_8)
                        : ByteBuffer.wrap(value);
            }
            default -> {
                return vector.getObject(index);
            }
        }
    }

    /**
     * Reads every batch of {@code source} into rows, checking the batch contract on the way: no empty
     * batch (unless it is the only one), at most {@code maxBatchRows} rows per batch, the declared schema.
     */
    public static List<List<Object>> drain(BatchSource source, int maxBatchRows) {
        List<List<Object>> rows = new ArrayList<>();
        int batches = 0;
        for (Batch batch = source.next(); batch != null; batch = source.next()) {
            batches++;
            assertTrue(batch.rowCount() <= maxBatchRows, "batch of " + batch.rowCount() + " rows > " + maxBatchRows);
            assertTrue(batch.rowCount() > 0 || batches == 1, "empty batch in the middle of a stream");
            assertEquals(source.schema().getFields().size(), batch.columnCount());
            for (int c = 0; c < batch.columnCount(); c++) {
                assertEquals(source.schema().getFields().get(c).getType(), batch.column(c).getField().getType(),
                        "column " + c + " type");
            }
            for (int r = 0; r < batch.rowCount(); r++) {
                List<Object> row = new ArrayList<>(batch.columnCount());
                for (int c = 0; c < batch.columnCount(); c++) {
                    row.add(read(batch.column(c), r));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /**
     * A source over fixed rows that hands them out in batches of the given sizes (cycled) and rewrites the
     * same vectors for every batch — so a consumer that keeps a batch past the next call sees garbage, as
     * the batch contract warns. Optionally runs a hook before each batch (to cancel, or to fail).
     */
    public static final class RowSource implements BatchSource {
        private final Schema schema;
        private final List<List<Object>> rows;
        private final int[] batchSizes;
        private final List<FieldVector> vectors = new ArrayList<>();
        private Runnable beforeBatch = () -> { };
        private int position;
        private int batches;
        private boolean closed;

        public RowSource(BufferAllocator allocator, Schema schema, List<List<Object>> rows, int... batchSizes) {
            this.schema = Objects.requireNonNull(schema);
            this.rows = List.copyOf(rows.stream().map(r -> (List<Object>) new ArrayList<>(r)).toList());
            this.batchSizes = batchSizes.length == 0 ? new int[] {1024} : batchSizes.clone();
            for (Field field : schema.getFields()) {
                vectors.add(field.createVector(allocator));
            }
        }

        public RowSource beforeBatch(Runnable hook) {
            this.beforeBatch = hook;
            return this;
        }

        public boolean closed() {
            return closed;
        }

        public int batches() {
            return batches;
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public Batch next() {
            if (position >= rows.size()) {
                return null;
            }
            beforeBatch.run();
            int size = Math.max(1, batchSizes[batches % batchSizes.length]);
            int count = Math.min(size, rows.size() - position);
            for (int c = 0; c < vectors.size(); c++) {
                FieldVector vector = vectors.get(c);
                vector.reset();
                for (int r = 0; r < count; r++) {
                    write(vector, r, rows.get(position + r).get(c));
                }
                vector.setValueCount(count);
            }
            position += count;
            batches++;
            return new Batch(vectors, count);
        }

        @Override
        public void close() {
            closed = true;
            vectors.forEach(FieldVector::close);
        }
    }
}
