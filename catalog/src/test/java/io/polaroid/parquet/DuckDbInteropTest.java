package io.polaroid.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Files DuckDB writes, with every codec and both format versions, read value for value like DuckDB reads them. */
class DuckDbInteropTest extends AllocatorTest {
    /** Every scalar type of the team's mapping, with nulls, extremes, unicode, pre-1970 and far-future times. */
    static final String ALL_TYPES = """
            SELECT i::BIGINT AS id,
              CASE WHEN i % 7 = 0 THEN NULL ELSE (i * 7919 % 2000003 - 1000000)::INTEGER END AS int_col,
              (i % 256 - 128)::TINYINT AS tiny,
              (i * 37 % 65536 - 32768)::SMALLINT AS small,
              CASE i WHEN 1 THEN -9223372036854775808 WHEN 2 THEN 9223372036854775807
                     ELSE CASE WHEN i % 5 = 0 THEN NULL ELSE i * 1234567891 END END::BIGINT AS big,
              (i % 256)::UTINYINT AS utiny,
              (i * 7 % 65536)::USMALLINT AS usmall,
              (i * 2654435761 % 4294967296)::UINTEGER AS uint,
              CASE WHEN i = 3 THEN 18446744073709551615 ELSE i * 123456789012345 END::UBIGINT AS ubig,
              CASE i % 13 WHEN 0 THEN 'NaN'::DOUBLE WHEN 1 THEN 'Infinity'::DOUBLE WHEN 2 THEN '-Infinity'::DOUBLE
                          WHEN 3 THEN NULL WHEN 4 THEN -0.0 ELSE i / 7.0 END::DOUBLE AS dbl,
              CASE WHEN i % 9 = 0 THEN NULL ELSE (i / 3.0)::FLOAT END AS flt,
              CASE i % 11 WHEN 0 THEN NULL WHEN 1 THEN '' ELSE 'str_' || (i % 50) || ' ünï😀' END AS s,
              'unique-' || i AS uniq,
              (i % 2 = 0) AS b,
              CASE WHEN i % 4 = 1 THEN NULL ELSE i % 3 = 0 END AS nb,
              ((i - 5000) * 3.14159)::DECIMAL(9, 2) AS d9,
              CASE WHEN i % 6 = 0 THEN NULL ELSE ((i - 5000) * 1234567.891)::DECIMAL(18, 3) END AS d18,
              ((i - 5000)::DECIMAL(38, 0) * 12345678901234567890123::DECIMAL(38, 0))::DECIMAL(38, 5) AS d38,
              (i % 800 * 1.25)::DECIMAL(4, 1) AS d4,
              DATE '1960-01-01' + (i * 37 % 40000)::INTEGER AS dt,
              make_timestamp(-60000000000000000 + i * 31000000000000) AS ts,
              make_timestamp(-60000000000000000 + i * 31000000000000)::TIMESTAMPTZ AS tstz,
              CASE WHEN i % 8 = 0 THEN NULL ELSE make_timestamp(i * 86400000123)::TIMESTAMP_MS END AS ts_ms,
              make_timestamp(i * 1000001 - 500000000)::TIMESTAMP_NS + INTERVAL (i % 1000) MICROSECOND AS ts_ns,
              TIME '00:00:00' + INTERVAL (i * 17) SECOND + INTERVAL (i) MICROSECOND AS tm,
              ('00000000-0000-4000-8000-' || lpad(i::VARCHAR, 12, '0'))::UUID AS id_uuid,
              CASE WHEN i % 10 = 0 THEN NULL ELSE encode('blob' || i) END AS bin
            FROM range(ROWS) t(i)
            """;


    static Stream<Arguments> codecsAndVersions() {
        return Stream.of("uncompressed", "snappy", "gzip", "zstd", "lz4")
                .flatMap(codec -> Stream.of(Arguments.of(codec, "v1"), Arguments.of(codec, "v2")));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codecsAndVersions")
    void readsEveryTypeLikeDuckDb(String codec, String version) {
        Path file = dir.resolve("all-" + codec + "-" + version + ".parquet");
        try (DuckDb duck = new DuckDb()) {
            duck.copy(ALL_TYPES.replace("ROWS", "10000"), file,
                    "COMPRESSION " + codec + ", ROW_GROUP_SIZE 3000, PARQUET_VERSION " + version);
            ParquetFooter footer = ParquetFooter.read(file);
            List<List<Object>> expected = duck.fileRows(file, Reads.columnList(footer.arrowSchema().getFields()));
            List<List<Object>> actual = Reads.rows(footer, Reads.all(footer, 777), allocator);
            assertRowsEqual(expected, actual, footer);
        }
    }

    /** Lists, structs and maps, nested in each other, with nulls and empties at every level. */
    static final String NESTED = """
            SELECT i AS id,
              CASE WHEN i % 5 = 0 THEN NULL WHEN i % 5 = 1 THEN [] ELSE
                [i, NULL, i * 2][1:(i % 4)] END::INTEGER[] AS ints,
              CASE WHEN i % 7 = 0 THEN NULL ELSE {'a': i, 'b': CASE WHEN i % 3 = 0 THEN NULL ELSE 's' || i END,
                'c': {'x': i * 1.5, 'y': [i % 3, i % 5]}} END AS st,
              CASE WHEN i % 6 = 0 THEN NULL ELSE
                [{'k': 'a' || i, 'v': i}, {'k': NULL, 'v': NULL}, NULL][1:(i % 4)] END AS list_of_structs,
              CASE WHEN i % 9 = 0 THEN NULL WHEN i % 9 = 1 THEN [] ELSE
                [[i, i + 1], NULL, [], [NULL]][1:(i % 5)] END::BIGINT[][] AS nested_lists,
              CASE WHEN i % 4 = 0 THEN NULL ELSE MAP(['k' || i, 'z' || i][1:(i % 3)], [i, NULL][1:(i % 3)]) END AS m,
              ['s' || i, NULL, ''][1:(i % 4)] AS strings
            FROM range(ROWS) t(i)
            """;

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("codecsAndVersions")
    void readsNestedTypesLikeDuckDb(String codec, String version) {
        Path file = dir.resolve("nested-" + codec + "-" + version + ".parquet");
        try (DuckDb duck = new DuckDb()) {
            duck.copy(NESTED.replace("ROWS", "5000"), file,
                    "COMPRESSION " + codec + ", ROW_GROUP_SIZE 2000, PARQUET_VERSION " + version);
            ParquetFooter footer = ParquetFooter.read(file);
            List<List<Object>> expected = duck.fileRows(file, Reads.columnList(footer.arrowSchema().getFields()));
            List<List<Object>> actual = Reads.rows(footer, Reads.all(footer, 333), allocator);
            assertRowsEqual(expected, actual, footer);
        }
    }

    static void assertRowsEqual(List<List<Object>> expected, List<List<Object>> actual, ParquetFooter footer) {
        assertRowsEqual(expected, actual, footer.arrowSchema().getFields());
    }

    static void assertRowsEqual(List<List<Object>> expected, List<List<Object>> actual,
                                List<org.apache.arrow.vector.types.pojo.Field> fields) {
        assertEquals(expected.size(), actual.size(), "row count");
        for (int row = 0; row < expected.size(); row++) {
            for (int c = 0; c < expected.get(row).size(); c++) {
                Object e = expected.get(row).get(c);
                Object a = actual.get(row).get(c);
                if (!java.util.Objects.equals(e, a)) {
                    throw new AssertionError("row " + row + ", column " + fields.get(c)
                            + ": expected " + e + " (" + (e == null ? "" : e.getClass().getSimpleName()) + ") but read "
                            + a + " (" + (a == null ? "" : a.getClass().getSimpleName()) + ")");
                }
            }
        }
    }
}
