package io.polaroid.engine.session;

import io.polaroid.engine.api.FunctionInfo;
import io.polaroid.engine.sql.PolaroidDialect;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.calcite.sql.SqlAggFunction;
import org.apache.calcite.sql.SqlFunction;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;

/** The functions of the dialect, from its operator table, for {@code DatabaseMetaData.getFunctions}. */
final class FunctionListing {
    private static volatile List<FunctionInfo> functions;

    private FunctionListing() {
    }

    static List<FunctionInfo> functions() {
        List<FunctionInfo> list = functions;
        if (list == null) {
            Map<String, FunctionInfo> byName = new TreeMap<>();
            for (SqlOperator operator : PolaroidDialect.operatorTable().getOperatorList()) {
                if (!(operator instanceof SqlFunction) || !operator.getName().matches("[A-Za-z_][A-Za-z0-9_]*")) {
                    continue;
                }
                byName.putIfAbsent(operator.getName().toUpperCase(java.util.Locale.ROOT),
                        new FunctionInfo(operator.getName().toUpperCase(java.util.Locale.ROOT), kind(operator),
                                remarks(operator)));
            }
            byName.put("READ_PARQUET", new FunctionInfo("READ_PARQUET", FunctionInfo.Kind.TABLE,
                    "read_parquet('path-or-glob'): the rows of Parquet files, without registering them"));
            list = List.copyOf(new ArrayList<>(byName.values()));
            functions = list;
        }
        return list;
    }

    private static FunctionInfo.Kind kind(SqlOperator operator) {
        if (java.util.EnumSet.of(SqlKind.RANK, SqlKind.DENSE_RANK, SqlKind.ROW_NUMBER, SqlKind.PERCENT_RANK,
                SqlKind.CUME_DIST).contains(operator.getKind()) || operator.getKind() == SqlKind.LAG
                || operator.getKind() == SqlKind.LEAD || operator.getKind() == SqlKind.FIRST_VALUE
                || operator.getKind() == SqlKind.LAST_VALUE || operator.getKind() == SqlKind.NTH_VALUE
                || operator.getKind() == SqlKind.NTILE) {
            return FunctionInfo.Kind.WINDOW;
        }
        return operator instanceof SqlAggFunction ? FunctionInfo.Kind.AGGREGATE : FunctionInfo.Kind.SCALAR;
    }

    private static String remarks(SqlOperator operator) {
        switch (operator.getName().toUpperCase(java.util.Locale.ROOT)) {
            case "DATE_TRUNC":
                return "date_trunc('unit', ts): ts truncated to the start of its unit (PostgreSQL)";
            case "TIME_BUCKET":
                return "time_bucket(INTERVAL width, ts [, origin]): start of the width-sized bucket holding ts";
            default:
                return "";
        }
    }
}
