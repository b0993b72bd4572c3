package io.polaroid.jdbc.types;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.Comparator;
import java.util.List;

/**
 * The types of Polaroid's SQL dialect, as {@code getTypeInfo} lists them: every name {@code CAST}
 * accepts, sorted by {@code DATA_TYPE} and then by how closely the type maps to it. Sizes agree with
 * {@link JdbcTypes}, so a column and its type's row never disagree. The Flight SQL server serves the
 * same list for {@code GetXdbcTypeInfo}.
 */
public final class DialectTypes {
    private static final short PRED_BASIC = (short) DatabaseMetaData.typePredBasic;
    private static final short SEARCHABLE = (short) DatabaseMetaData.typeSearchable;
    private static final short PRED_NONE = (short) DatabaseMetaData.typePredNone;

    private static final List<SqlTypeInfo> ALL = List.of(
            number("TINYINT", Types.TINYINT, 3),
            number("BIGINT", Types.BIGINT, 19),
            binary("VARBINARY", Types.VARBINARY, JdbcType.UNBOUNDED, "length"),
            binary("BINARY", Types.BINARY, JdbcType.UNBOUNDED, "length"),
            text("CHAR", Types.CHAR),
            new SqlTypeInfo("DECIMAL", Types.DECIMAL, 38, null, null, "precision,scale", false, PRED_BASIC, false,
                    (short) 0, (short) 38, 10),
            number("INTEGER", Types.INTEGER, 10),
            number("SMALLINT", Types.SMALLINT, 5),
            number("REAL", Types.REAL, 7),
            number("DOUBLE", Types.DOUBLE, 15),
            text("VARCHAR", Types.VARCHAR),
            new SqlTypeInfo("BOOLEAN", Types.BOOLEAN, 1, null, null, null, false, PRED_BASIC, true, (short) 0,
                    (short) 0, 0),
            temporal("DATE", Types.DATE, 10, "DATE '", 0),
            temporal("TIME", Types.TIME, 15, "TIME '", 6),
            temporal("TIMESTAMP", Types.TIMESTAMP, 26, "TIMESTAMP '", 6),
            nested("ARRAY", Types.ARRAY),
            nested("STRUCT", Types.STRUCT),
            nested("MAP", Types.OTHER),
            // result columns of this type report this name; the dialect also accepts WITH LOCAL TIME ZONE
            temporal("TIMESTAMP WITH TIME ZONE", Types.TIMESTAMP_WITH_TIMEZONE, 32, "TIMESTAMP WITH TIME ZONE '", 6));

    private DialectTypes() {
    }

    /** Every type, in {@code getTypeInfo} order (by {@code DATA_TYPE}). */
    public static List<SqlTypeInfo> all() {
        return ALL.stream().sorted(Comparator.comparingInt(SqlTypeInfo::dataType)).toList();
    }

    private static SqlTypeInfo number(String name, int type, int digits) {
        return new SqlTypeInfo(name, type, digits, null, null, null, false, PRED_BASIC, false, (short) 0, (short) 0,
                10);
    }

    private static SqlTypeInfo text(String name, int type) {
        return new SqlTypeInfo(name, type, JdbcType.UNBOUNDED, "'", "'", "length", true, SEARCHABLE, true, (short) 0,
                (short) 0, 0);
    }

    private static SqlTypeInfo binary(String name, int type, int length, String params) {
        return new SqlTypeInfo(name, type, length, "X'", "'", params, false, PRED_BASIC, true, (short) 0, (short) 0,
                0);
    }

    private static SqlTypeInfo temporal(String name, int type, int size, String prefix, int fractionDigits) {
        return new SqlTypeInfo(name, type, size, prefix, "'", fractionDigits == 0 ? null : "precision", false,
                PRED_BASIC, true, (short) 0, (short) fractionDigits, 0);
    }

    private static SqlTypeInfo nested(String name, int type) {
        return new SqlTypeInfo(name, type, 0, null, null, null, false, PRED_NONE, true, (short) 0, (short) 0, 0);
    }
}
