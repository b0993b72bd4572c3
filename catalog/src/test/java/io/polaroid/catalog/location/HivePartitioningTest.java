package io.polaroid.catalog.location;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.junit.jupiter.api.Test;

class HivePartitioningTest {

    private static ListedFile file(String... directories) {
        return new ListedFile(Path.of("/data", String.join("/", directories), "f.parquet"), 1, 1, Arrays.asList(directories));
    }

    @Test
    void infersBigintDateAndVarchar() {
        HivePartitioning partitioning = HivePartitioning.infer(List.of(
                file("year=2024", "day=2024-01-31", "city=New%20York"),
                file("year=2023", "day=2023-12-01", "city=Paris")));
        List<Field> columns = partitioning.columns();
        assertEquals(List.of("year", "day", "city"), columns.stream().map(Field::getName).toList());
        assertEquals(new ArrowType.Int(64, true), columns.get(0).getType());
        assertEquals(new ArrowType.Date(DateUnit.DAY), columns.get(1).getType());
        assertEquals(ArrowType.Utf8.INSTANCE, columns.get(2).getType());
        assertEquals(2024L, partitioning.valuesOf(0).get("year"));
        assertEquals(LocalDate.of(2024, 1, 31).toEpochDay(), partitioning.valuesOf(0).get("day"));
        assertEquals("New York", partitioning.valuesOf(0).get("city"));
        assertEquals("Paris", partitioning.valuesOf(1).get("city"));
    }

    @Test
    void leadingZerosStayIntegersAndOneNonIntegerMakesVarchar() {
        HivePartitioning months = HivePartitioning.infer(List.of(file("month=01"), file("month=12")));
        assertEquals(1L, months.valuesOf(0).get("month"));
        HivePartitioning mixed = HivePartitioning.infer(List.of(file("part=1"), file("part=x")));
        assertEquals(ArrowType.Utf8.INSTANCE, mixed.columns().get(0).getType());
        assertEquals("1", mixed.valuesOf(0).get("part"));
    }

    @Test
    void defaultPartitionEmptyValueAndMissingKeyAreNull() {
        HivePartitioning partitioning = HivePartitioning.infer(List.of(
                file("year=2024", "region=eu"),
                file("year=" + HivePartitioning.DEFAULT_PARTITION),
                file("year=")));
        assertEquals(new ArrowType.Int(64, true), partitioning.columns().get(0).getType());
        assertNull(partitioning.valuesOf(1).get("year"));
        assertNull(partitioning.valuesOf(2).get("year"));
        assertNull(partitioning.valuesOf(1).get("region"));
        assertEquals("eu", partitioning.valuesOf(0).get("region"));
    }

    @Test
    void directoriesWithoutEqualsAreNotPartitions() {
        HivePartitioning partitioning = HivePartitioning.infer(List.of(file("raw", "year=2024"), file("=x", "year=2025")));
        assertEquals(List.of("year"), partitioning.columns().stream().map(Field::getName).toList());
    }

    @Test
    void keysMatchCaseInsensitivelyAndInvalidDatesAreVarchar() {
        HivePartitioning partitioning = HivePartitioning.infer(List.of(file("Day=2024-02-30"), file("day=2024-02-01")));
        assertEquals(1, partitioning.columns().size());
        assertEquals("Day", partitioning.columns().get(0).getName());
        assertEquals(ArrowType.Utf8.INSTANCE, partitioning.columns().get(0).getType());
    }

    @Test
    void percentDecodingIsUtf8AndKeepsPlusAndMalformedEscapes() {
        assertEquals("a+b", HivePartitioning.percentDecode("a+b"));
        assertEquals("é/😀", HivePartitioning.percentDecode("%C3%A9%2F😀"));
        assertEquals("100%", HivePartitioning.percentDecode("100%"));
        assertEquals("%zz", HivePartitioning.percentDecode("%zz"));
    }
}
