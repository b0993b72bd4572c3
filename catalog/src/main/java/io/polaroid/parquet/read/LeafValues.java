package io.polaroid.parquet.read;

import io.polaroid.parquet.ParquetTypes;
import io.polaroid.parquet.decode.BinaryChunk;
import io.polaroid.parquet.decode.BinaryValuesDecoder;
import io.polaroid.parquet.decode.VariableWidthTarget;
import io.polaroid.parquet.decode.FixedValuesDecoder;
import io.polaroid.parquet.schema.LeafColumn;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.vector.BaseVariableWidthVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * Fills a run of slots of a leaf vector from the current page: decodes the run's non-null values densely,
 * spreads them over the slots when some are null, and writes the validity bitmap. One subclass for
 * fixed-width physical types, one for byte arrays; the conversion to the target type is a value writer.
 */
abstract class LeafValues {
    /** Values decoded per step: small enough for the scratch arrays to stay in cache. */
    static final int STEP = 4096;

    /**
     * Fills slots {@code [position, position + count)} of {@code vector}. {@code nonNull} of them are non-null:
     * those whose {@code levels[levelOffset + i]} equals {@code maxLevel} (when {@code nonNull == count} the
     * levels are not read and may be null).
     */
    final void fill(ColumnChunkReader chunk, FieldVector vector, int position, int count, int nonNull, int[] levels,
                    int levelOffset, int maxLevel) {
        for (int done = 0; done < nonNull; ) {
            int n = Math.min(STEP, nonNull - done);
            decode(chunk, vector, position + done, n);
            done += n;
        }
        ArrowBuf validity = vector.getValidityBuffer();
        if (nonNull == count) {
            ValidityBits.setRange(validity, position, count);
        } else {
            spread(vector, position, count, nonNull, levels, levelOffset, maxLevel);
            ValidityBits.setFromLevels(validity, position, levels, levelOffset, count, maxLevel);
        }
    }

    /** Decodes {@code n} (at most {@link #STEP}) values into slots {@code [position, position + n)}. */
    abstract void decode(ColumnChunkReader chunk, FieldVector vector, int position, int n);

    abstract void spread(FieldVector vector, int position, int count, int nonNull, int[] levels, int levelOffset,
                         int maxLevel);

    /** The values pipeline that reads {@code column} into a vector of {@code target}. */
    static LeafValues create(LeafColumn column, ArrowType target) {
        return switch (column.physicalType()) {
            case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> new Binary(binaryWriter(column, target));
            default -> new Fixed(fixedWriter(column, target), ColumnChunkReader.width(column.physicalType()));
        };
    }

    private static FixedValueWriter fixedWriter(LeafColumn column, ArrowType target) {
        ArrowType fileType = column.arrowType();
        if (!ParquetTypes.canRead(fileType, target)) {
            throw new IllegalArgumentException("cannot read " + fileType + " as " + target);
        }
        boolean toDouble = target instanceof ArrowType.FloatingPoint fp && fp.getPrecision() == FloatingPointPrecision.DOUBLE;
        return switch (column.kind()) {
            case BOOLEAN -> new FixedValueWriter.Bits();
            case SIGNED_INT, UNSIGNED_INT32 -> {
                boolean unsigned = column.kind() == io.polaroid.parquet.schema.LogicalKind.UNSIGNED_INT32;
                yield toDouble ? new FixedValueWriter.DoubleFromInteger(unsigned)
                        : new FixedValueWriter.Integers(((ArrowType.Int) target).getBitWidth() / 8, unsigned);
            }
            case FLOAT -> toDouble ? new FixedValueWriter.DoubleFromFloat() : new FixedValueWriter.Integers(4, false);
            case DOUBLE -> new FixedValueWriter.Integers(8, false);
            case DATE -> new FixedValueWriter.Integers(4, false);
            case DECIMAL, UNSIGNED_INT64 -> new FixedValueWriter.Decimal(column.kind() == io.polaroid.parquet.schema.LogicalKind.UNSIGNED_INT64,
                    ((ArrowType.Decimal) target).getScale() - ((ArrowType.Decimal) fileType).getScale());
            case TIME_MILLIS, TIMESTAMP_MILLIS -> new FixedValueWriter.Multiplied(1_000L);
            case TIME_NANOS, TIMESTAMP_NANOS -> new FixedValueWriter.FloorDivided(1_000L);
            case TIME_MICROS, TIMESTAMP_MICROS, INT96_TIMESTAMP -> new FixedValueWriter.Integers(8, false);
            default -> throw new IllegalArgumentException("no fixed-width reader for " + column.kind());
        };
    }

    private static BinaryValueWriter binaryWriter(LeafColumn column, ArrowType target) {
        ArrowType fileType = column.arrowType();
        if (!ParquetTypes.canRead(fileType, target)) {
            throw new IllegalArgumentException("cannot read " + fileType + " as " + target);
        }
        return switch (column.kind()) {
            case STRING, BINARY -> new BinaryValueWriter.VariableWidth();
            case UUID -> new BinaryValueWriter.UuidText();
            case DECIMAL -> new BinaryValueWriter.Decimal(
                    ((ArrowType.Decimal) target).getScale() - ((ArrowType.Decimal) fileType).getScale());
            case DECIMAL_AS_DOUBLE -> new BinaryValueWriter.DecimalAsDouble(column.scale());
            case FLOAT16 -> new BinaryValueWriter.Float16(
                    ((ArrowType.FloatingPoint) target).getPrecision() == FloatingPointPrecision.DOUBLE);
            default -> throw new IllegalArgumentException("no byte-array reader for " + column.kind());
        };
    }

    /** Fixed-width physical types: decode to longs, convert while storing; PLAIN same-layout runs are one copy. */
    private static final class Fixed extends LeafValues {
        private final FixedValueWriter writer;
        private final int physicalWidth;
        private final long[] scratch = new long[STEP];

        Fixed(FixedValueWriter writer, int physicalWidth) {
            this.writer = writer;
            this.physicalWidth = physicalWidth;
        }

        @Override
        void decode(ColumnChunkReader chunk, FieldVector vector, int position, int n) {
            FixedValuesDecoder decoder = chunk.fixedValues();
            ArrowBuf data = vector.getDataBuffer();
            if (decoder.canCopyRaw() && writer.copiesRaw(physicalWidth)) {
                Spread.checkBounds(data, (long) (position + n) * physicalWidth);
                decoder.copyRaw(data, (long) position * physicalWidth, n);
            } else {
                decoder.read(scratch, n);
                writer.write(scratch, n, data, position);
            }
        }

        @Override
        void spread(FieldVector vector, int position, int count, int nonNull, int[] levels, int levelOffset, int maxLevel) {
            int width = writer.targetWidth();
            if (width == 0) {
                Spread.bits(vector.getDataBuffer(), position, count, nonNull, levels, levelOffset, maxLevel);
            } else {
                Spread.fixed(vector.getDataBuffer(), width, position, count, nonNull, levels, levelOffset, maxLevel);
            }
        }
    }

    /** Byte arrays: decode a run into a reusable chunk, then copy it into the vector in bulk. */
    private static final class Binary extends LeafValues {
        private final BinaryValueWriter writer;
        private final BinaryChunk values = new BinaryChunk();
        private final VariableWidthTarget direct;

        Binary(BinaryValueWriter writer) {
            this.writer = writer;
            this.direct = writer instanceof BinaryValueWriter.VariableWidth ? new VariableWidthTarget() : null;
        }

        @Override
        void decode(ColumnChunkReader chunk, FieldVector vector, int position, int n) {
            BinaryValuesDecoder decoder = chunk.binaryValues();
            if (direct != null) {
                direct.bind((BaseVariableWidthVector) vector);
                if (decoder.readInto(direct, position, n)) {
                    return;
                }
            }
            decoder.read(values, n);
            writer.write(values, vector, position);
        }

        @Override
        void spread(FieldVector vector, int position, int count, int nonNull, int[] levels, int levelOffset, int maxLevel) {
            int width = writer.targetWidth();
            if (width < 0) {
                Spread.offsets(vector.getOffsetBuffer(), position, count, nonNull, levels, levelOffset, maxLevel);
            } else {
                Spread.fixed(vector.getDataBuffer(), width, position, count, nonNull, levels, levelOffset, maxLevel);
            }
        }
    }
}
