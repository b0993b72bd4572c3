package io.polaroid.server.metadata;

import io.polaroid.jdbc.types.DialectTypes;
import io.polaroid.jdbc.types.SqlTypeInfo;
import java.sql.Types;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetXdbcTypeInfo;
import org.apache.arrow.flight.sql.impl.FlightSql.XdbcDataType;
import org.apache.arrow.flight.sql.impl.FlightSql.XdbcDatetimeSubcode;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VectorSchemaRoot;

/**
 * GetXdbcTypeInfo: the types of the dialect, the same list (names, sizes, literal syntax) the JDBC
 * driver's {@code getTypeInfo} gives ({@link DialectTypes}), in the XDBC columns. Date and time types are
 * {@code SQL_DATETIME} with a subcode in {@code sql_data_type}, as ODBC wants them.
 */
public final class TypeInfoTable {
    private TypeInfoTable() {
    }

    public static VectorSchemaRoot of(CommandGetXdbcTypeInfo request, BufferAllocator allocator) {
        List<SqlTypeInfo> types = DialectTypes.all().stream()
                .filter(type -> !request.hasDataType() || type.dataType() == request.getDataType())
                .toList();
        VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_TYPE_INFO_SCHEMA, allocator);
        try {
            for (int i = 0; i < types.size(); i++) {
                SqlTypeInfo type = types.get(i);
                Integer subcode = datetimeSubcode(type.dataType());
                MetadataRoots.setRow(root, i,
                        type.typeName(),
                        type.dataType(),
                        type.precision(),
                        type.literalPrefix(),
                        type.literalSuffix(),
                        type.createParams() == null ? null : Arrays.asList(type.createParams().split(",")),
                        (int) type.nullable(),
                        type.caseSensitive(),
                        (int) type.searchable(),
                        type.numPrecRadix() == 0 ? null : !type.unsigned() ? Boolean.FALSE : Boolean.TRUE,
                        false,
                        type.numPrecRadix() == 0 ? null : Boolean.FALSE,
                        type.typeName(),
                        type.numPrecRadix() == 0 && subcode == null ? null : (int) type.minimumScale(),
                        type.numPrecRadix() == 0 && subcode == null ? null : (int) type.maximumScale(),
                        subcode == null ? type.dataType() : XdbcDataType.XDBC_DATETIME_VALUE,
                        subcode,
                        type.numPrecRadix() == 0 ? null : type.numPrecRadix(),
                        null);
            }
            root.setRowCount(types.size());
            return root;
        } catch (RuntimeException | Error e) {
            root.close();
            throw e;
        }
    }

    private static Integer datetimeSubcode(int dataType) {
        switch (dataType) {
            case Types.DATE:
                return XdbcDatetimeSubcode.XDBC_SUBCODE_DATE_VALUE;
            case Types.TIME:
                return XdbcDatetimeSubcode.XDBC_SUBCODE_TIME_VALUE;
            case Types.TIMESTAMP:
                return XdbcDatetimeSubcode.XDBC_SUBCODE_TIMESTAMP_VALUE;
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return XdbcDatetimeSubcode.XDBC_SUBCODE_TIMESTAMP_WITH_TIMEZONE_VALUE;
            default:
                return null;
        }
    }
}
