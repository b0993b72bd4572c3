package io.polaroid.engine.sql;

import java.util.List;
import java.util.Objects;
import org.apache.calcite.adapter.enumerable.CallImplementor;
import org.apache.calcite.adapter.enumerable.NotNullImplementor;
import org.apache.calcite.adapter.enumerable.NullPolicy;
import org.apache.calcite.adapter.enumerable.RexImpTable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.ImplementableFunction;
import org.apache.calcite.schema.ScalarFunction;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * The Calcite function behind one of Polaroid's own operators ({@code CAST} with its semantics,
 * {@code time_bucket}): it only carries the operator's implementation in Calcite's row engine, a Java
 * expression built per call, strict about NULL (a NULL operand gives NULL). The operator checks and infers
 * types itself, so the function declares no parameters.
 */
final class RowEngineFunction implements ScalarFunction, ImplementableFunction {
    private final SqlTypeName returnType;
    private final NotNullImplementor implementor;

    RowEngineFunction(SqlTypeName returnType, NotNullImplementor implementor) {
        this.returnType = Objects.requireNonNull(returnType, "returnType");
        this.implementor = Objects.requireNonNull(implementor, "implementor");
    }

    @Override
    public RelDataType getReturnType(RelDataTypeFactory typeFactory) {
        return typeFactory.createSqlType(returnType);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return List.of();
    }

    @Override
    public CallImplementor getImplementor() {
        return RexImpTable.createImplementor(implementor, NullPolicy.STRICT, false);
    }
}
