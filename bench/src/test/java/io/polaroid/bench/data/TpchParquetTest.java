package io.polaroid.bench.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.trino.tpch.LineItem;
import io.trino.tpch.TpchTable;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Parquet files hold dbgen's rows with the spec's types, as another reader (DuckDB) sees them. */
class TpchParquetTest {
    @TempDir
    Path temp;

    @Test
    void lineitemReadsBackAsGenerated() throws Exception {
        double scaleFactor = 0.005;
        new TpchParquet(scaleFactor).write("lineitem", temp.resolve("lineitem"), 2);

        long rows = 0;
        long extendedPriceCents = 0;
        int maxShipDate = Integer.MIN_VALUE;
        for (LineItem item : TpchTable.LINE_ITEM.createGenerator(scaleFactor, 1, 1)) {
            rows++;
            extendedPriceCents += item.getExtendedPriceInCents();
            maxShipDate = Math.max(maxShipDate, TpchTable.LINE_ITEM.getColumn("l_shipdate").getDate(item));
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement();
             ResultSet result = statement.executeQuery("SELECT COUNT(*), SUM(l_extendedprice), MAX(l_shipdate), "
                     + "typeof(ANY_VALUE(l_discount)), typeof(ANY_VALUE(l_orderkey)) FROM read_parquet('"
                     + temp.resolve("lineitem/*.parquet") + "')")) {
            result.next();
            assertEquals(rows, result.getLong(1));
            assertEquals(BigDecimal.valueOf(extendedPriceCents, 2), result.getBigDecimal(2).setScale(2));
            assertEquals(LocalDate.ofEpochDay(maxShipDate), result.getObject(3, LocalDate.class));
            assertEquals("DECIMAL(15,2)", result.getString(4));
            assertEquals("BIGINT", result.getString(5));
        }
    }

    @Test
    void largeTablesAreSplitIntoFilesAndTheFixedOnesAreNot() {
        assertEquals(4, new TpchParquet(1).files("lineitem"));
        assertEquals(1, new TpchParquet(1).files("orders"));
        assertEquals(1, new TpchParquet(100).files("nation"));
        assertThrows(NullPointerException.class, () -> new TpchParquet(1).files("nope"));
        assertThrows(IllegalArgumentException.class, () -> new TpchParquet(0));
    }
}
