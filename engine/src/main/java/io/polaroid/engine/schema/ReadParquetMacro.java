package io.polaroid.engine.schema;

import io.polaroid.catalog.Catalog;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.util.List;
import java.util.Objects;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.FunctionParameter;
import org.apache.calcite.schema.TableMacro;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code read_parquet('path-or-glob')}: reads Parquet files without registering them. The path must be a
 * literal, because the table's columns must be known when the statement is planned.
 */
final class ReadParquetMacro implements TableMacro {
    static final String NAME = "read_parquet";

    private final Catalog catalog;

    ReadParquetMacro(Catalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    @Override
    public TranslatableTable apply(List<?> arguments) {
        Object location = arguments.isEmpty() ? null : arguments.get(0);
        if (!(location instanceof String) || ((String) location).isBlank()) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "read_parquet needs a file, directory or glob as a string literal, such as "
                            + "read_parquet('data/*.parquet')");
        }
        return new DatasetTable(catalog.adHoc((String) location), true);
    }

    @Override
    public List<FunctionParameter> getParameters() {
        return List.of(new FunctionParameter() {
            @Override
            public int getOrdinal() {
                return 0;
            }

            @Override
            public String getName() {
                return "location";
            }

            @Override
            public RelDataType getType(RelDataTypeFactory typeFactory) {
                return typeFactory.createSqlType(SqlTypeName.VARCHAR);
            }

            @Override
            public boolean isOptional() {
                return false;
            }
        });
    }
}
