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
import org.apache.calcite.util.NlsString;

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
        Object argument = arguments.isEmpty() ? null : arguments.get(0);
        // The validator hands over the literal as it was parsed: a string literal is an NlsString.
        String location = argument instanceof NlsString ? ((NlsString) argument).getValue()
                : argument instanceof String ? (String) argument : null;
        if (location == null || location.isBlank()) {
            throw notALocation();
        }
        return new DatasetTable(catalog.adHoc(location), true);
    }

    static PolaroidException notALocation() {
        return new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                "read_parquet needs a file, directory or glob as a string literal, such as "
                        + "read_parquet('data/*.parquet')");
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
                // A Java type, or Calcite does not pass the literal's value to apply(); Object, so that
                // apply() sees what was written and can tell a number from a path.
                return typeFactory.createJavaType(Object.class);
            }

            @Override
            public boolean isOptional() {
                return false;
            }
        });
    }
}
