package io.polaroid.catalog.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.util.List;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;
import org.junit.jupiter.api.Test;

class SchemaMergerTest {
    private static final ArrowType INT = new ArrowType.Int(32, true);
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);

    private static Field required(String name, ArrowType type) {
        return new Field(name, FieldType.notNullable(type), null);
    }

    private static Schema schema(Field... fields) {
        return new Schema(List.of(fields));
    }

    @Test
    void requiredColumnsStayRequiredOnlyIfEveryFileHasThem() {
        SchemaMerger merger = new SchemaMerger("dataset main.t");
        merger.add(Path.of("/a"), schema(required("id", INT), required("only_a", INT)));
        merger.add(Path.of("/b"), schema(required("id", BIGINT)));
        List<Field> fields = merger.result(List.of());
        assertEquals(List.of("id", "only_a"), fields.stream().map(Field::getName).toList());
        assertFalse(fields.get(0).isNullable());
        assertEquals(BIGINT, fields.get(0).getType());
        assertTrue(fields.get(1).isNullable(), "missing from /b, so NULL there");
    }

    @Test
    void aNameRepeatedWithinOneFileCountsOnce() {
        SchemaMerger merger = new SchemaMerger("dataset main.t");
        merger.add(Path.of("/a"), schema(required("x", INT), Field.nullable("x", ArrowType.Utf8.INSTANCE)));
        merger.add(Path.of("/b"), schema(required("x", INT)));
        assertEquals(List.of(required("x", INT)), merger.result(List.of()));
    }

    @Test
    void excludedNamesAreLeftOutIgnoringCase() {
        SchemaMerger merger = new SchemaMerger("dataset main.t");
        merger.add(Path.of("/a"), schema(required("Year", INT), required("v", INT)));
        assertEquals(List.of("v"), merger.result(List.of("year")).stream().map(Field::getName).toList());
    }

    @Test
    void conflictsNameTheFileThatIntroducedTheCurrentType() {
        SchemaMerger merger = new SchemaMerger("dataset main.t");
        merger.add(Path.of("/a"), schema(required("v", INT)));
        merger.add(Path.of("/b"), schema(required("v", BIGINT)));
        PolaroidException e = assertThrows(PolaroidException.class,
                () -> merger.add(Path.of("/c"), schema(Field.nullable("v", ArrowType.Utf8.INSTANCE))));
        assertEquals(ErrorCode.SCHEMA_MISMATCH, e.code());
        assertTrue(e.getMessage().startsWith("dataset main.t: column 'v' has type Int(64, true) in file '/b' but type Utf8"
                + " in file '/c'"), e.getMessage());
    }

    @Test
    void nestedColumnsMergeWhenTheirShapesMatch() {
        Field structA = new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(required("x", INT)));
        Field structB = new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(required("x", BIGINT)));
        Field structC = new Field("s", FieldType.nullable(ArrowType.Struct.INSTANCE), List.of(required("y", INT)));
        SchemaMerger merger = new SchemaMerger("dataset main.t");
        merger.add(Path.of("/a"), schema(structA));
        merger.add(Path.of("/b"), schema(structB));
        assertEquals(BIGINT, merger.result(List.of()).get(0).getChildren().get(0).getType());
        PolaroidException e = assertThrows(PolaroidException.class, () -> merger.add(Path.of("/c"), schema(structC)));
        assertTrue(e.getMessage().contains("Struct<x: Int(64, true)>") && e.getMessage().contains("Struct<y: Int(32, true)>"),
                e.getMessage());
    }
}
