package io.polaroid.engine.schema;

import io.polaroid.catalog.DatasetName;
import io.polaroid.catalog.DatasetSnapshot;
import io.polaroid.engine.exec.QueryRuntime;
import io.polaroid.engine.plan.DatasetScan;
import io.polaroid.engine.types.SqlTypes;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * A dataset as a Calcite table: its row type comes from the snapshot's Arrow schema, its statistic from
 * the snapshot's row count, and it translates to a {@link DatasetScan}, which the planner always runs as
 * a vector scan (in row execution, a converter turns the scan's batches into rows).
 *
 * <p>A registered dataset is read, at each execution, from the snapshot current when that execution
 * starts; an ad-hoc {@code read_parquet} table always reads the snapshot it was planned with.
 */
public final class DatasetTable extends AbstractTable implements TranslatableTable {
    private final DatasetSnapshot plannedSnapshot;
    private final boolean adHoc;

    DatasetTable(DatasetSnapshot plannedSnapshot, boolean adHoc) {
        this.plannedSnapshot = Objects.requireNonNull(plannedSnapshot, "plannedSnapshot");
        this.adHoc = adHoc;
    }

    public DatasetName name() {
        return plannedSnapshot.name();
    }

    /** Whether this is a {@code read_parquet} table rather than a registered dataset. */
    public boolean isAdHoc() {
        return adHoc;
    }

    /** The snapshot the statement was planned against. */
    public DatasetSnapshot plannedSnapshot() {
        return plannedSnapshot;
    }

    /** The snapshot one execution reads. */
    public DatasetSnapshot snapshotFor(QueryRuntime runtime) {
        return adHoc ? plannedSnapshot : runtime.snapshot(plannedSnapshot.name(), plannedSnapshot.schema());
    }

    /** How EXPLAIN names the table. */
    public String describe() {
        return adHoc ? "read_parquet('" + plannedSnapshot.location() + "')" : plannedSnapshot.name().toString();
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory typeFactory) {
        return SqlTypes.toRowType(plannedSnapshot.schema(), typeFactory);
    }

    @Override
    public Statistic getStatistic() {
        return Statistics.of(plannedSnapshot.rowCount(), List.of());
    }

    @Override
    public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
        return DatasetScan.create(context.getCluster(), relOptTable, this);
    }
}
