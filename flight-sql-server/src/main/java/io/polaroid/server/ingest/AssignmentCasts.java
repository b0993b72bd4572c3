package io.polaroid.server.ingest;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.BaseIntVector;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float4Vector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.IntVector;
import org.apache.arrow.vector.SmallIntVector;
import org.apache.arrow.vector.TinyIntVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * An upload whose columns are converted to the types of the dataset's columns where an SQL
 * {@code INSERT} converts them: signed integers of another width (a value outside the column's range
 * fails with 22003, as SQL says), integers to floating point, and REAL to DOUBLE and back. Clients upload
 * the types they have rather than the ones they declared: ADBC's bulk ingest declares every integer column
 * {@code INT} and then binds 64-bit values.
 */
final class AssignmentCasts implements BatchSource {
    private final BatchSource upload;
    private final Schema target;
    private final FieldVector[] converted;

    private AssignmentCasts(BatchSource upload, Schema target) {
        this.upload = upload;
        this.target = target;
        this.converted = new FieldVector[target.getFields().size()];
    }

    /** Whether an uploaded column of type {@code from} can be written into a column of type {@code to}. */
    static boolean assignable(ArrowType from, ArrowType to) {
        if (from.equals(to)) {
            return true;
        }
        boolean fromInteger = from instanceof ArrowType.Int && ((ArrowType.Int) from).getIsSigned();
        boolean toInteger = to instanceof ArrowType.Int && ((ArrowType.Int) to).getIsSigned();
        boolean fromFloating = isFloating(from);
        boolean toFloating = isFloating(to);
        return fromInteger && toInteger || (fromInteger || fromFloating) && toFloating;
    }

    /**
     * {@code upload} with its columns in the types of {@code target} (same count and order; every pair
     * {@link #assignable}); {@code upload} itself when the types already agree.
     */
    static BatchSource to(Schema target, BatchSource upload) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(upload, "upload");
        List<Field> uploaded = upload.schema().getFields();
        boolean same = true;
        for (int i = 0; i < uploaded.size(); i++) {
            same &= uploaded.get(i).getType().equals(target.getFields().get(i).getType());
        }
        return same ? upload : new AssignmentCasts(upload, target);
    }

    @Override
    public Schema schema() {
        return target;
    }

    @Override
    public Batch next() {
        Batch batch = upload.next();
        if (batch == null) {
            return null;
        }
        List<FieldVector> columns = new ArrayList<>(batch.columnCount());
        for (int c = 0; c < batch.columnCount(); c++) {
            FieldVector column = batch.column(c);
            Field field = target.getFields().get(c);
            if (column.getField().getType().equals(field.getType())) {
                columns.add(column);
            } else {
                columns.add(convert(c, column, field, batch.rowCount()));
            }
        }
        return new Batch(columns, batch.rowCount());
    }

    private FieldVector convert(int index, FieldVector source, Field field, int rows) {
        FieldVector out = converted[index];
        if (out == null) {
            // in the upload's allocator: the converted copy is accounted where the upload is
            out = field.createVector(source.getAllocator());
            converted[index] = out;
        }
        out.reset();
        out.setInitialCapacity(rows);
        out.allocateNew();
        for (int row = 0; row < rows; row++) {
            if (source.isNull(row)) {
                out.setNull(row);
            } else if (source instanceof BaseIntVector && field.getType() instanceof ArrowType.Int) {
                setInteger(out, row, ((BaseIntVector) source).getValueAsLong(row), field);
            } else if (out instanceof Float8Vector) {
                ((Float8Vector) out).set(row, number(source, row));
            } else {
                ((Float4Vector) out).set(row, (float) number(source, row));
            }
        }
        out.setValueCount(rows);
        return out;
    }

    private static double number(FieldVector source, int row) {
        if (source instanceof BaseIntVector) {
            return ((BaseIntVector) source).getValueAsLong(row);
        }
        return source instanceof Float4Vector ? ((Float4Vector) source).get(row) : ((Float8Vector) source).get(row);
    }

    private static void setInteger(FieldVector out, int row, long value, Field field) {
        int bits = ((ArrowType.Int) field.getType()).getBitWidth();
        if (bits < 64 && (value < -(1L << (bits - 1)) || value >= 1L << (bits - 1))) {
            throw new PolaroidException(ErrorCode.NUMERIC_VALUE_OUT_OF_RANGE, "value " + value + " is out of range"
                    + " for column '" + field.getName() + "' (" + bits + "-bit integer)");
        }
        switch (bits) {
            case 8:
                ((TinyIntVector) out).set(row, (byte) value);
                break;
            case 16:
                ((SmallIntVector) out).set(row, (short) value);
                break;
            case 32:
                ((IntVector) out).set(row, (int) value);
                break;
            default:
                ((BigIntVector) out).set(row, value);
                break;
        }
    }

    private static boolean isFloating(ArrowType type) {
        return type instanceof ArrowType.FloatingPoint
                && ((ArrowType.FloatingPoint) type).getPrecision() != FloatingPointPrecision.HALF;
    }

    @Override
    public void close() {
        // the copies first: they live in the upload's allocator, which closing the upload may close
        try {
            for (int i = 0; i < converted.length; i++) {
                if (converted[i] != null) {
                    converted[i].close();
                    converted[i] = null;
                }
            }
        } finally {
            upload.close();
        }
    }
}
