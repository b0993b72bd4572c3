package io.polaroid.engine.exec;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.api.QueryCancellation;
import io.polaroid.engine.exec.agg.AggregateFunction;
import io.polaroid.engine.exec.agg.AggregateSpec;
import io.polaroid.engine.exec.agg.HashAggregateOperator;
import io.polaroid.engine.exec.join.HashJoinOperator;
import io.polaroid.engine.exec.join.JoinKind;
import io.polaroid.engine.exec.sort.SortKey;
import io.polaroid.engine.exec.sort.SortOperator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.BigIntVector;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.Float8Vector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Times the heavy operators over generated in-memory batches (not a test; performance is measured here,
 * never asserted). The input is generated once up front, so the numbers are the operators' own cost.
 *
 * <pre>
 * mvn -o -q -Dpolaroid.build.dir=target-x -pl engine -am test-compile
 * java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx6g -cp engine/target-x/test-classes:engine/target-x/classes:... \
 *      io.polaroid.engine.exec.OperatorsMeasurement [rows] [title filter]
 * </pre>
 */
public final class OperatorsMeasurement {
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DOUBLE = new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE);
    private static final int BATCH = ExecutionContext.DEFAULT_BATCH_ROWS;
    private static final int RUNS = 3;
    /** Runs only the measurements whose title contains this (second argument). */
    private static String only = "";

    private OperatorsMeasurement() {
    }

    public static void main(String[] args) {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
        only = args.length > 1 ? args[1] : "";
        try (BufferAllocator allocator = new RootAllocator(Long.MAX_VALUE)) {
            Schema schema = new Schema(List.of(Field.nullable("sym", ArrowType.Utf8.INSTANCE),
                    Field.nullable("id", BIGINT), Field.nullable("price", DOUBLE), Field.nullable("qty", BIGINT)));
            List<List<FieldVector>> data = generate(allocator, rows, 2_000_000, new Random(1));
            List<List<FieldVector>> build = generateBuild(allocator, 100_000);
            Schema buildSchema = new Schema(List.of(Field.nullable("bid", BIGINT), Field.nullable("payload", DOUBLE)));
            try {
                measure("group by 100-value string: SUM, AVG, COUNT", rows, () -> new HashAggregateOperator(
                        context(allocator), new Replay(schema, data), new int[] {0},
                        List.of(spec(AggregateFunction.SUM, BIGINT, 3), spec(AggregateFunction.AVG, DOUBLE, 2),
                                spec(AggregateFunction.COUNT_STAR, BIGINT)),
                        new Schema(List.of(schema.getFields().get(0), Field.nullable("sum", BIGINT),
                                Field.nullable("avg", DOUBLE), Field.nullable("count", BIGINT)))));
                measure("group by BIGINT, 2M distinct: SUM, COUNT", rows, () -> new HashAggregateOperator(
                        context(allocator), new Replay(schema, data), new int[] {1},
                        List.of(spec(AggregateFunction.SUM, BIGINT, 3), spec(AggregateFunction.COUNT_STAR, BIGINT)),
                        new Schema(List.of(schema.getFields().get(1), Field.nullable("sum", BIGINT),
                                Field.nullable("count", BIGINT)))));
                List<Field> joined = new ArrayList<>(schema.getFields());
                joined.addAll(buildSchema.getFields());
                measure("join " + rows + " x 100K on BIGINT (probe rows/s)", rows, () -> new HashJoinOperator(
                        context(allocator), new Replay(schema, data), new Replay(buildSchema, build), JoinKind.INNER,
                        new int[] {3}, new int[] {0}, new Schema(joined), null));
                measure("sort by DOUBLE (all rows)", rows, () -> new SortOperator(context(allocator),
                        new Replay(schema, data), List.of(new SortKey(2, true, false)), 0, -1));
                measure("top-100 by DOUBLE", rows, () -> new SortOperator(context(allocator),
                        new Replay(schema, data), List.of(new SortKey(2, false, false)), 0, 100));
            } finally {
                data.forEach(batch -> batch.forEach(FieldVector::close));
                build.forEach(batch -> batch.forEach(FieldVector::close));
            }
        }
    }

    private static ExecutionContext context(BufferAllocator allocator) {
        return new ExecutionContext(allocator, new QueryCancellation(), BATCH);
    }

    private static AggregateSpec spec(AggregateFunction function, ArrowType out, int... args) {
        return new AggregateSpec(function, args, false, -1, Field.nullable(function.name(), out));
    }

    private static void measure(String what, int inputRows, Supplier<BatchSource> operator) {
        if (!what.contains(only)) {
            return;
        }
        long best = Long.MAX_VALUE;
        long outputRows = 0;
        for (int run = 0; run <= RUNS; run++) { // run 0 warms up
            long start = System.nanoTime();
            outputRows = 0;
            try (BatchSource source = operator.get()) {
                for (Batch batch = source.next(); batch != null; batch = source.next()) {
                    outputRows += batch.rowCount();
                }
            }
            long elapsed = System.nanoTime() - start;
            if (run > 0) {
                best = Math.min(best, elapsed);
            }
        }
        System.out.printf(Locale.ROOT, "%-48s %8.0f ms  %7.1f M rows/s  (%d output rows)%n", what, best / 1e6,
                inputRows / (best / 1e9) / 1e6, outputRows);
    }

    /** Batches of (sym: 100 distinct strings, id: uniform in [0, distinctIds), price: double, qty: [0, 100K)). */
    private static List<List<FieldVector>> generate(BufferAllocator allocator, int rows, int distinctIds, Random random) {
        byte[][] symbols = new byte[100][];
        for (int s = 0; s < symbols.length; s++) {
            symbols[s] = ("SYM" + (1000 + s * 37)).getBytes(StandardCharsets.UTF_8);
        }
        List<List<FieldVector>> batches = new ArrayList<>();
        for (int done = 0; done < rows; done += BATCH) {
            int n = Math.min(BATCH, rows - done);
            VarCharVector sym = new VarCharVector("sym", allocator);
            BigIntVector id = new BigIntVector("id", allocator);
            Float8Vector price = new Float8Vector("price", allocator);
            BigIntVector qty = new BigIntVector("qty", allocator);
            sym.allocateNew(n * 8L, n);
            id.allocateNew(n);
            price.allocateNew(n);
            qty.allocateNew(n);
            for (int i = 0; i < n; i++) {
                sym.setSafe(i, symbols[random.nextInt(symbols.length)]);
                id.set(i, random.nextInt(distinctIds));
                price.set(i, random.nextDouble() * 1000);
                qty.set(i, random.nextInt(100_000));
            }
            sym.setValueCount(n);
            id.setValueCount(n);
            price.setValueCount(n);
            qty.setValueCount(n);
            batches.add(List.of(sym, id, price, qty));
        }
        return batches;
    }

    /** The join's build side: keys 0..rows-1 once each, with a payload. */
    private static List<List<FieldVector>> generateBuild(BufferAllocator allocator, int rows) {
        List<List<FieldVector>> batches = new ArrayList<>();
        for (int done = 0; done < rows; done += BATCH) {
            int n = Math.min(BATCH, rows - done);
            BigIntVector key = new BigIntVector("bid", allocator);
            Float8Vector payload = new Float8Vector("payload", allocator);
            key.allocateNew(n);
            payload.allocateNew(n);
            for (int i = 0; i < n; i++) {
                key.set(i, done + i);
                payload.set(i, (done + i) * 0.5);
            }
            key.setValueCount(n);
            payload.setValueCount(n);
            batches.add(List.of(key, payload));
        }
        return batches;
    }

    /** Serves pre-built batches without copying (like a dataset cached in memory). */
    private static final class Replay implements BatchSource {
        private final Schema schema;
        private final List<List<FieldVector>> batches;
        private int next;

        Replay(Schema schema, List<List<FieldVector>> batches) {
            this.schema = schema;
            this.batches = batches;
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public Batch next() {
            if (next >= batches.size()) {
                return null;
            }
            List<FieldVector> columns = batches.get(next++);
            return new Batch(columns, columns.get(0).getValueCount());
        }

        @Override
        public void close() {
        }
    }
}
