package io.polaroid.engine.plan;

import java.util.List;
import java.util.Objects;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.adapter.java.JavaTypeFactory;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlExplainLevel;

/**
 * A query planned once and executable many times: the physical plan (rooted in the vector convention),
 * the result schema clients see, and the types of its parameters. Immutable; shared by the plan cache.
 *
 * @param root           the physical plan
 * @param resultSchema   result columns with their SQL names and {@link io.polaroid.engine.api.ColumnMetadata}
 * @param resultRowType  the SQL row type of the result
 * @param parameterTypes one type per {@code ?}, in order
 * @param parameterSchema the same as Arrow fields
 * @param rootSchema     the Calcite schema the plan was made against (for generated code)
 * @param typeFactory    the plan's type factory
 */
public record PlannedStatement(VectorRel root, Schema resultSchema, RelDataType resultRowType,
                               List<RelDataType> parameterTypes, Schema parameterSchema, SchemaPlus rootSchema,
                               JavaTypeFactory typeFactory) {
    public PlannedStatement {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(resultSchema, "resultSchema");
        Objects.requireNonNull(resultRowType, "resultRowType");
        parameterTypes = List.copyOf(parameterTypes);
        Objects.requireNonNull(parameterSchema, "parameterSchema");
        Objects.requireNonNull(rootSchema, "rootSchema");
        Objects.requireNonNull(typeFactory, "typeFactory");
    }

    /** The operator tree, one operator per line, indented by depth. */
    public String planText() {
        return RelOptUtil.toString(root, SqlExplainLevel.EXPPLAN_ATTRIBUTES);
    }
}
