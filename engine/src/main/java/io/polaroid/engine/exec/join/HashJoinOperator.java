package io.polaroid.engine.exec.join;

import io.polaroid.columnar.Batch;
import io.polaroid.columnar.BatchSource;
import io.polaroid.engine.exec.ExecutionContext;
import io.polaroid.engine.exec.vector.Closeables;
import io.polaroid.engine.exec.vector.ColumnKind;
import io.polaroid.engine.exec.vector.KeyTable;
import io.polaroid.engine.exec.vector.MemoryReservation;
import io.polaroid.engine.exec.vector.OutputBatch;
import io.polaroid.engine.exec.vector.RowStore;
import io.polaroid.engine.exec.vector.VectorGather;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apache.arrow.memory.OutOfMemoryException;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Equi-join of two inputs by hashing: the right input is read completely into a {@link RowStore} (the
 * build side) with a {@link KeyTable} from each distinct key to the chain of build rows holding it (a
 * {@code next[]} array); then each left batch is looked up in one vectorized pass and the matching pairs
 * are gathered into output batches of at most {@code batchRows} rows, so a key with many matches spreads
 * over several batches.
 *
 * <p>Output columns are the left input's followed by the right input's (SEMI and ANTI: the left input's
 * only), with the types of the inputs. A NULL key never matches. The optional residual {@link JoinFilter}
 * decides which key-matching pairs really match; outer and anti joins consider a row unmatched when no
 * pair of it passes. Without key columns every pair is a candidate (a cross join, usually with a residual).
 *
 * <p>The operator owns its inputs and the residual filter, and closes them when it is closed.
 */
public final class HashJoinOperator implements BatchSource {
    private static final String NAME = "hash join";
    /** Chain end / a probe row with no chain. */
    private static final int NONE = -1;

    private final ExecutionContext context;
    private final BatchSource left;
    private final BatchSource right;
    private final JoinKind kind;
    private final int[] leftKeys;
    private final int[] rightKeys;
    private final Schema outputSchema;
    private final JoinFilter residual;
    private final int batchRows;
    private final MemoryReservation memory;

    private RowStore build;
    private KeyTable keyTable;
    /** First build row of each key id, and the next build row with the same key. */
    private int[] head;
    private int[] next;
    /** Build rows that matched at least once (RIGHT and FULL joins). */
    private long[] buildMatched;

    private OutputBatch output;
    private OutputBatch candidates;
    private final int[] pairLeft;
    private final int[] pairRight;
    private final int[] selected;

    private Phase phase = Phase.BUILD;
    private Batch probe;
    private int[] probeIds = new int[0];
    private boolean[] probeMatched = new boolean[0];
    /** The probe row being matched, and its chain position ({@link #NONE}: not started). */
    private int probeRow;
    private int chainRow;
    private boolean chainStarted;
    /** Cursor of the unmatched-rows phases. */
    private int tailRow;
    private boolean closed;

    private enum Phase { BUILD, PROBE, PROBE_TAIL, BUILD_TAIL, DONE }

    public HashJoinOperator(ExecutionContext ctx, BatchSource left, BatchSource right, JoinKind kind,
                            int[] leftKeys, int[] rightKeys, Schema outputSchema, JoinFilter residual) {
        this.context = Objects.requireNonNull(ctx, "ctx");
        this.left = Objects.requireNonNull(left, "left");
        this.right = Objects.requireNonNull(right, "right");
        this.kind = Objects.requireNonNull(kind, "kind");
        this.leftKeys = Objects.requireNonNull(leftKeys, "leftKeys").clone();
        this.rightKeys = Objects.requireNonNull(rightKeys, "rightKeys").clone();
        this.outputSchema = Objects.requireNonNull(outputSchema, "outputSchema");
        this.residual = residual;
        checkKeys(left.schema(), right.schema());
        checkOutputSchema(left.schema(), right.schema());
        this.batchRows = ctx.batchRows();
        this.memory = new MemoryReservation(ctx.allocator(), NAME);
        this.pairLeft = new int[batchRows];
        this.pairRight = new int[batchRows];
        this.selected = new int[batchRows];
    }

    /** Whether columns of these types can be join keys (every comparable type; see {@link ColumnKind}). */
    public static boolean supportsKeyTypes(ArrowType leftType, ArrowType rightType) {
        return ColumnKind.keysCompatible(leftType, rightType);
    }

    @Override
    public Schema schema() {
        return outputSchema;
    }

    @Override
    public Batch next() {
        if (closed) {
            throw new IllegalStateException(NAME + " is closed");
        }
        try {
            return advance();
        } catch (OutOfMemoryException e) {
            throw MemoryReservation.limitExceeded(NAME, context.allocator(), 0, e);
        }
    }

    private Batch advance() {
        while (true) {
            context.checkCancelled();
            switch (phase) {
                case BUILD -> {
                    buildSide();
                    boolean leftRowsNeeded = kind.emitsUnmatchedLeft() || kind == JoinKind.ANTI;
                    phase = build.rowCount() > 0 || leftRowsNeeded ? Phase.PROBE
                            : kind.emitsUnmatchedRight() ? Phase.BUILD_TAIL : Phase.DONE;
                }
                case PROBE -> {
                    if (probe == null && !startProbeBatch()) {
                        phase = kind.emitsUnmatchedRight() ? Phase.BUILD_TAIL : Phase.DONE;
                        tailRow = 0;
                        continue;
                    }
                    Batch batch = matchPairs();
                    if (batch != null) {
                        return batch;
                    }
                    if (kind.emitsUnmatchedLeft() || kind == JoinKind.SEMI || kind == JoinKind.ANTI) {
                        phase = Phase.PROBE_TAIL;
                        tailRow = 0;
                    } else {
                        probe = null;
                    }
                }
                case PROBE_TAIL -> {
                    Batch batch = probeTail();
                    if (batch != null) {
                        return batch;
                    }
                    probe = null;
                    phase = Phase.PROBE;
                }
                case BUILD_TAIL -> {
                    Batch batch = buildTail();
                    if (batch != null) {
                        return batch;
                    }
                    phase = Phase.DONE;
                }
                case DONE -> {
                    return null;
                }
                default -> throw new IllegalStateException(phase.toString());
            }
        }
    }

    // ---- build side -------------------------------------------------------------------------------

    private void buildSide() {
        Schema rightSchema = right.schema();
        build = new RowStore(context.allocator(), rightSchema.getFields());
        for (Batch batch = right.next(); batch != null; batch = right.next()) {
            context.checkCancelled();
            build.append(batch.columns(), 0, batch.rowCount());
        }
        int rows = build.rowCount();
        memory.reserve(4L * rows);
        next = new int[rows];
        int keyCount;
        if (rightKeys.length == 0) {
            Arrays.fill(next, 0);
            keyCount = rows > 0 ? 1 : 0;
        } else {
            keyCount = assignBuildKeyIds(rightSchema);
        }
        // Chains in ascending row order: walk the rows backwards, pushing each on its key's chain.
        memory.reserve(4L * keyCount);
        head = new int[keyCount];
        Arrays.fill(head, NONE);
        for (int row = rows - 1; row >= 0; row--) {
            int id = next[row];
            if (id >= 0) {
                next[row] = head[id];
                head[id] = row;
            } else {
                next[row] = NONE;
            }
        }
        if (kind.emitsUnmatchedRight()) {
            memory.reserve(8L * ((rows + 63) >>> 6));
            buildMatched = new long[(rows + 63) >>> 6];
        }
    }

    /** Inserts the build keys chunk by chunk, leaving each row's key id (or -1) in {@code next[]}. */
    private int assignBuildKeyIds(Schema rightSchema) {
        List<ArrowType> keyTypes = new ArrayList<>();
        for (int key : rightKeys) {
            keyTypes.add(rightSchema.getFields().get(key).getType());
        }
        keyTable = KeyTable.create(keyTypes, false, context.allocator(), NAME);
        int[] ids = new int[Math.min(RowStore.CHUNK_ROWS, Math.max(build.rowCount(), 1))];
        int chunks = (build.rowCount() + RowStore.CHUNK_ROWS - 1) >>> RowStore.CHUNK_SHIFT;
        for (int chunk = 0; chunk < chunks; chunk++) {
            context.checkCancelled();
            List<FieldVector> keys = new ArrayList<>(rightKeys.length);
            for (int key : rightKeys) {
                keys.add(build.chunks(key)[chunk]);
            }
            int first = chunk << RowStore.CHUNK_SHIFT;
            int count = Math.min(RowStore.CHUNK_ROWS, build.rowCount() - first);
            keyTable.insert(keys, count, ids);
            System.arraycopy(ids, 0, next, first, count);
        }
        return keyTable.size();
    }

    // ---- probe side -------------------------------------------------------------------------------

    /** Reads the next non-empty left batch and looks up its keys; false at the end of the left input. */
    private boolean startProbeBatch() {
        Batch batch = left.next();
        while (batch != null && batch.rowCount() == 0) {
            batch = left.next();
        }
        if (batch == null) {
            return false;
        }
        int rows = batch.rowCount();
        if (probeIds.length < rows) {
            memory.resize(5L * probeIds.length, 5L * rows);
            probeIds = new int[rows];
            probeMatched = new boolean[rows];
        }
        if (leftKeys.length == 0) {
            Arrays.fill(probeIds, 0, rows, head.length > 0 ? 0 : NONE);
        } else if (keyTable.size() == 0) {
            Arrays.fill(probeIds, 0, rows, NONE);
        } else {
            List<FieldVector> keys = new ArrayList<>(leftKeys.length);
            for (int key : leftKeys) {
                keys.add(batch.column(key));
            }
            keyTable.lookup(keys, rows, probeIds);
        }
        Arrays.fill(probeMatched, 0, rows, false);
        probe = batch;
        probeRow = 0;
        chainStarted = false;
        return true;
    }

    /**
     * Produces the next batch of matching pairs of the current probe batch, or null when its pairs are
     * exhausted (SEMI and ANTI only record which probe rows matched).
     */
    private Batch matchPairs() {
        if ((kind == JoinKind.SEMI || kind == JoinKind.ANTI) && residual == null) {
            for (int row = 0; row < probe.rowCount(); row++) {
                probeMatched[row] = probeIds[row] >= 0;
            }
            probeRow = probe.rowCount();
            return null;
        }
        while (probeRow < probe.rowCount()) {
            context.checkCancelled();
            int pairs = nextCandidates();
            if (residual != null) {
                pairs = applyResidual(pairs);
            }
            for (int i = 0; i < pairs; i++) {
                probeMatched[pairLeft[i]] = true;
            }
            if (buildMatched != null) {
                for (int i = 0; i < pairs; i++) {
                    buildMatched[pairRight[i] >>> 6] |= 1L << pairRight[i];
                }
            }
            if (pairs > 0 && kind.outputsRight()) {
                return emit(pairs);
            }
        }
        return null;
    }

    /** Fills pairLeft/pairRight with up to batchRows key-matching pairs, walking the chains. */
    private int nextCandidates() {
        boolean oncePerProbeRow = kind == JoinKind.SEMI || kind == JoinKind.ANTI;
        int pairs = 0;
        int rows = probe.rowCount();
        while (probeRow < rows && pairs < batchRows) {
            if (!chainStarted) {
                int id = probeIds[probeRow];
                chainRow = id >= 0 ? head[id] : NONE;
                chainStarted = true;
            }
            if (oncePerProbeRow && probeMatched[probeRow]) {
                chainRow = NONE; // a semi/anti row needs one passing pair, not all of them
            }
            while (chainRow != NONE && pairs < batchRows) {
                pairLeft[pairs] = probeRow;
                pairRight[pairs] = chainRow;
                pairs++;
                chainRow = next[chainRow];
            }
            if (chainRow == NONE) {
                probeRow++;
                chainStarted = false;
            }
        }
        return pairs;
    }

    /** Evaluates the residual over the candidate pairs and keeps those it selects; returns how many. */
    private int applyResidual(int pairs) {
        if (pairs == 0) {
            return 0;
        }
        if (candidates == null) {
            List<Field> fields = new ArrayList<>(left.schema().getFields());
            fields.addAll(right.schema().getFields());
            candidates = new OutputBatch(fields, context.allocator());
        }
        candidates.reset();
        int leftColumns = probe.columnCount();
        for (int c = 0; c < leftColumns; c++) {
            VectorGather.gather(probe.column(c), pairLeft, 0, pairs,
                    candidates.vector(c), 0);
        }
        for (int c = 0; c < build.columnCount(); c++) {
            build.gather(c, pairRight, 0, pairs, candidates.vector(leftColumns + c), 0);
        }
        int kept = residual.select(candidates.finish(pairs), selected);
        if (kept < 0 || kept > pairs) {
            throw new IllegalStateException("join filter selected " + kept + " of " + pairs + " rows");
        }
        for (int i = 0; i < kept; i++) {
            int row = selected[i];
            pairLeft[i] = pairLeft[row];
            pairRight[i] = pairRight[row];
        }
        return kept;
    }

    /** Emits the current probe batch's rows that matched (SEMI) or did not (LEFT, FULL, ANTI). */
    private Batch probeTail() {
        boolean wantMatched = kind == JoinKind.SEMI;
        int pairs = 0;
        int rows = probe.rowCount();
        while (tailRow < rows && pairs < batchRows) {
            if (probeMatched[tailRow] == wantMatched) {
                pairLeft[pairs] = tailRow;
                pairRight[pairs] = NONE;
                pairs++;
            }
            tailRow++;
        }
        return pairs == 0 ? null : emit(pairs);
    }

    /** Emits build rows that never matched, left columns NULL (RIGHT, FULL). */
    private Batch buildTail() {
        int pairs = 0;
        int rows = build.rowCount();
        while (tailRow < rows && pairs < batchRows) {
            if ((buildMatched[tailRow >>> 6] & (1L << tailRow)) == 0) {
                pairLeft[pairs] = NONE;
                pairRight[pairs] = tailRow;
                pairs++;
            }
            tailRow++;
        }
        return pairs == 0 ? null : emit(pairs);
    }

    /** Gathers the pairs into the output vectors: left columns from the probe batch, right from the build. */
    private Batch emit(int pairs) {
        if (output == null) {
            output = new OutputBatch(outputSchema.getFields(), context.allocator());
        }
        output.reset();
        int leftColumns = left.schema().getFields().size();
        FieldVector[] probeColumns = new FieldVector[leftColumns];
        for (int c = 0; c < leftColumns; c++) {
            probeColumns[c] = probe == null ? null : probe.column(c);
        }
        for (int c = 0; c < leftColumns; c++) {
            FieldVector[] sources = probeColumns[c] == null ? new FieldVector[0] : new FieldVector[] {probeColumns[c]};
            VectorGather.gather(sources,
                    VectorGather.SINGLE_SOURCE, pairLeft, 0, pairs, output.vector(c), 0);
        }
        if (kind.outputsRight()) {
            for (int c = 0; c < build.columnCount(); c++) {
                build.gather(c, pairRight, 0, pairs, output.vector(leftColumns + c), 0);
            }
        }
        return output.finish(pairs);
    }

    // ---- validation and cleanup -------------------------------------------------------------------

    private void checkKeys(Schema leftSchema, Schema rightSchema) {
        if (leftKeys.length != rightKeys.length) {
            throw new IllegalArgumentException("join has " + leftKeys.length + " left keys but "
                    + rightKeys.length + " right keys");
        }
        for (int i = 0; i < leftKeys.length; i++) {
            ArrowType leftType = columnType(leftSchema, leftKeys[i], "left key");
            ArrowType rightType = columnType(rightSchema, rightKeys[i], "right key");
            if (!supportsKeyTypes(leftType, rightType)) {
                throw new IllegalArgumentException("cannot join key " + leftType + " with " + rightType);
            }
        }
    }

    private void checkOutputSchema(Schema leftSchema, Schema rightSchema) {
        List<Field> expected = new ArrayList<>(leftSchema.getFields());
        if (kind.outputsRight()) {
            expected.addAll(rightSchema.getFields());
        }
        List<Field> actual = outputSchema.getFields();
        if (actual.size() != expected.size()) {
            throw new IllegalArgumentException(kind + " join output needs " + expected.size() + " columns, schema has "
                    + actual.size());
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!actual.get(i).getType().equals(expected.get(i).getType())) {
                throw new IllegalArgumentException("join output column " + i + " (" + actual.get(i)
                        + ") does not have its input's type " + expected.get(i).getType());
            }
        }
    }

    private static ArrowType columnType(Schema schema, int column, String what) {
        if (column < 0 || column >= schema.getFields().size()) {
            throw new IllegalArgumentException(what + " column " + column + " out of range of " + schema);
        }
        return schema.getFields().get(column).getType();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        probe = null;
        head = null;
        next = null;
        buildMatched = null;
        Closeables.closeAll(output, candidates, keyTable, build, memory, residual, left, right);
    }
}
