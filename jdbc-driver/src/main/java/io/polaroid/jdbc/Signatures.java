package io.polaroid.jdbc;

import io.polaroid.engine.api.ColumnMetadata;
import io.polaroid.jdbc.types.JdbcType;
import io.polaroid.jdbc.types.JdbcTypes;
import java.sql.ResultSetMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.Schema;
import org.apache.calcite.avatica.AvaticaParameter;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;

/**
 * Builds Avatica's description of a statement ({@link Meta.Signature}) from the Arrow schemas the
 * session reports: result columns for {@code ResultSetMetaData}, parameters for
 * {@code ParameterMetaData}. The parameter schema itself travels in the signature's internal
 * parameters, because binding a timestamp depends on whether its parameter holds instants.
 */
final class Signatures {
    private static final String PARAMETER_SCHEMA = "polaroid.parameterSchema";

    private Signatures() {
    }

    static Meta.Signature of(String sql, Schema resultSchema, Schema parameterSchema, boolean returnsRows) {
        List<ColumnMetaData> columns = returnsRows ? columns(resultSchema) : List.of();
        List<AvaticaParameter> parameters = new ArrayList<>();
        for (Field field : parameterSchema.getFields()) {
            JdbcType type = JdbcTypes.of(field);
            parameters.add(new AvaticaParameter(type.signed(), type.precision(), type.scale(), type.sqlType(),
                    type.typeName(), type.className(), field.getName()));
        }
        return new Meta.Signature(columns, sql, parameters, Map.of(PARAMETER_SCHEMA, parameterSchema),
                Meta.CursorFactory.ARRAY, returnsRows ? Meta.StatementType.SELECT : Meta.StatementType.OTHER_DDL);
    }

    /** The Arrow fields of the parameters of {@code signature}, one per {@code ?}. */
    static List<Field> parameterFields(Meta.Signature signature) {
        Object schema = signature.internalParameters.get(PARAMETER_SCHEMA);
        return schema instanceof Schema ? ((Schema) schema).getFields() : List.of();
    }

    static boolean returnsRows(Meta.Signature signature) {
        return signature.statementType == Meta.StatementType.SELECT;
    }

    static List<ColumnMetaData> columns(Schema schema) {
        List<ColumnMetaData> columns = new ArrayList<>();
        for (Field field : schema.getFields()) {
            columns.add(column(columns.size(), field));
        }
        return columns;
    }

    /** JDBC wants "" for the catalog, schema and table of a computed column, not null. */
    private static ColumnMetaData column(int ordinal, Field field) {
        JdbcType type = JdbcTypes.of(field);
        Map<String, String> metadata = field.getMetadata() == null ? Map.of() : field.getMetadata();
        return new ColumnMetaData(
                ordinal,
                Boolean.parseBoolean(metadata.getOrDefault(ColumnMetadata.IS_AUTO_INCREMENT, "false")),
                Boolean.parseBoolean(metadata.getOrDefault(ColumnMetadata.IS_CASE_SENSITIVE,
                        Boolean.toString(type.caseSensitive()))),
                Boolean.parseBoolean(metadata.getOrDefault(ColumnMetadata.IS_SEARCHABLE, "true")),
                false,
                field.isNullable() ? ResultSetMetaData.columnNullable : ResultSetMetaData.columnNoNulls,
                type.signed(),
                type.displaySize(),
                field.getName(),
                field.getName(),
                metadata.getOrDefault(ColumnMetadata.SCHEMA_NAME, ""),
                type.precision(),
                type.scale(),
                metadata.getOrDefault(ColumnMetadata.TABLE_NAME, ""),
                metadata.getOrDefault(ColumnMetadata.CATALOG_NAME, ""),
                ColumnMetaData.scalar(type.sqlType(), type.typeName(), ColumnMetaData.Rep.OBJECT),
                true,
                false,
                false,
                type.className());
    }
}
