package io.polaroid.engine.sql;

import java.math.RoundingMode;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Calcite's type system adjusted to the data we serve and to what analysts expect:
 * <ul>
 *   <li>DECIMAL up to 38 digits (Parquet and Arrow decimals are 128-bit);</li>
 *   <li>TIME and TIMESTAMP with microseconds by default (Arrow holds micros);</li>
 *   <li>SUM of integers is BIGINT and SUM of decimals widens to 38 digits, so sums do not overflow the
 *       argument's type (PostgreSQL and DuckDB behave the same way);</li>
 *   <li>AVG of integers and decimals is DOUBLE (as in DuckDB), not a value truncated to the argument's
 *       scale;</li>
 *   <li>CASE/UNION of strings of different lengths is VARCHAR, not blank-padded CHAR;</li>
 *   <li>casts that drop digits round half away from zero ({@code CAST(2.5 AS INTEGER)} is 3,
 *       {@code CAST(106.715e0 AS DECIMAL(10,2))} is 106.72), as PostgreSQL and DuckDB do; Calcite's
 *       default truncates.</li>
 * </ul>
 */
public final class PolaroidTypeSystem extends RelDataTypeSystemImpl {
    public static final PolaroidTypeSystem INSTANCE = new PolaroidTypeSystem();
    static final int MAX_DECIMAL_PRECISION = 38;
    private static final int TIME_PRECISION = 6;

    private PolaroidTypeSystem() {
    }

    @Override
    public int getMaxPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case DECIMAL:
                return MAX_DECIMAL_PRECISION;
            case TIME:
            case TIME_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return TIME_PRECISION;
            default:
                return super.getMaxPrecision(typeName);
        }
    }

    @Override
    public int getDefaultPrecision(SqlTypeName typeName) {
        switch (typeName) {
            case TIME:
            case TIME_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_TZ:
                return TIME_PRECISION;
            default:
                return super.getDefaultPrecision(typeName);
        }
    }

    @Override
    public int getMaxScale(SqlTypeName typeName) {
        return typeName == SqlTypeName.DECIMAL ? MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
    }

    @Override
    public RelDataType deriveSumType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        RelDataType sum;
        switch (argumentType.getSqlTypeName()) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                sum = typeFactory.createSqlType(SqlTypeName.BIGINT);
                break;
            case DECIMAL:
                sum = typeFactory.createSqlType(SqlTypeName.DECIMAL, MAX_DECIMAL_PRECISION,
                        argumentType.getScale());
                break;
            case REAL:
            case FLOAT:
                sum = typeFactory.createSqlType(SqlTypeName.DOUBLE);
                break;
            default:
                return super.deriveSumType(typeFactory, argumentType);
        }
        return typeFactory.createTypeWithNullability(sum, argumentType.isNullable());
    }

    @Override
    public RelDataType deriveAvgAggType(RelDataTypeFactory typeFactory, RelDataType argumentType) {
        if (SqlTypeUtil.isExactNumeric(argumentType) || argumentType.getSqlTypeName() == SqlTypeName.REAL) {
            return typeFactory.createTypeWithNullability(typeFactory.createSqlType(SqlTypeName.DOUBLE),
                    argumentType.isNullable());
        }
        return super.deriveAvgAggType(typeFactory, argumentType);
    }

    @Override
    public RoundingMode roundingMode() {
        return RoundingMode.HALF_UP;
    }

    @Override
    public boolean shouldConvertRaggedUnionTypesToVarying() {
        return true;
    }
}
