package io.polaroid.engine.plan;

import io.polaroid.engine.schema.DatasetTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.util.ImmutableIntList;

/**
 * The logical scan of a dataset: which of its columns a query reads, in which order, and which predicates
 * may prune files and row groups. Logical rewrites narrow the columns ({@link ScanRules}); the planner
 * then implements it as a {@link VectorTableScan}.
 */
public class DatasetScan extends TableScan {
    protected final DatasetTable dataset;
    protected final ImmutableIntList columns;
    protected final List<ScanPredicate> predicates;

    protected DatasetScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table, DatasetTable dataset,
                          ImmutableIntList columns, List<ScanPredicate> predicates) {
        super(cluster, traits, List.of(), table);
        this.dataset = Objects.requireNonNull(dataset, "dataset");
        this.columns = Objects.requireNonNull(columns, "columns");
        this.predicates = List.copyOf(predicates);
    }

    /** A scan of every column, no pruning. */
    public static DatasetScan create(RelOptCluster cluster, RelOptTable table, DatasetTable dataset) {
        int count = table.getRowType().getFieldCount();
        return new DatasetScan(cluster, cluster.traitSetOf(Convention.NONE), table, dataset,
                ImmutableIntList.identity(count), List.of());
    }

    public DatasetTable dataset() {
        return dataset;
    }

    /** Positions, in the dataset's schema, of the columns this scan returns. */
    public ImmutableIntList columns() {
        return columns;
    }

    public List<ScanPredicate> predicates() {
        return predicates;
    }

    /** The dataset column names this scan returns, in order. */
    public List<String> columnNames() {
        List<RelDataTypeField> fields = table.getRowType().getFieldList();
        List<String> names = new ArrayList<>(columns.size());
        for (int column : columns) {
            names.add(fields.get(column).getName());
        }
        return names;
    }

    /** This scan reading other columns or with other predicates. */
    public DatasetScan withColumns(ImmutableIntList newColumns, List<ScanPredicate> newPredicates) {
        return new DatasetScan(getCluster(), traitSet, table, dataset, newColumns, newPredicates);
    }

    @Override
    public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
        return new DatasetScan(getCluster(), traitSet, table, dataset, columns, predicates);
    }

    @Override
    public RelDataType deriveRowType() {
        List<RelDataTypeField> fields = table.getRowType().getFieldList();
        var builder = getCluster().getTypeFactory().builder();
        for (int column : columns) {
            builder.add(fields.get(column));
        }
        return builder.build();
    }

    @Override
    public RelWriter explainTerms(RelWriter pw) {
        return pw.item("dataset", dataset.describe())
                .item("columns", columnNames())
                .itemIf("prune", predicates, !predicates.isEmpty());
    }
}
