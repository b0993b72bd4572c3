package io.polaroid.catalog.snapshot;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import io.polaroid.parquet.ParquetTypes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * Merges the schemas of a dataset's files into one: the union of the columns by exact name, in the order
 * they are first seen; a column's type is widened by {@link ParquetTypes#widen(Field, Field)} across files,
 * and a column some file lacks becomes nullable (it reads as NULL there). Types that cannot be merged fail
 * with {@code 22P04}, naming the column and a file of each type.
 */
final class SchemaMerger {
    private final String owner;
    private final Map<String, Column> columns = new LinkedHashMap<>();
    private int fileCount;

    /** A merged column and the file that gave it its current type, for error messages. */
    private static final class Column {
        Field field;
        Path typeSource;
        int files;

        Column(Field field, Path typeSource) {
            this.field = field;
            this.typeSource = typeSource;
        }
    }

    /** @param owner names the dataset in error messages ("dataset main.trades") */
    SchemaMerger(String owner) {
        this.owner = owner;
    }

    void add(Path file, Schema schema) {
        fileCount++;
        for (Field field : schema.getFields()) {
            Column column = columns.get(field.getName());
            if (column == null) {
                columns.put(field.getName(), new Column(field, file));
                columns.get(field.getName()).files++;
                continue;
            }
            if (column.files == fileCount) {
                continue;  // a name repeated within one file: the first one counts
            }
            column.files++;
            Optional<Field> merged = ParquetTypes.widen(column.field, field);
            if (merged.isEmpty()) {
                throw new PolaroidException(ErrorCode.SCHEMA_MISMATCH, owner + ": column '" + field.getName()
                        + "' has type " + describe(column.field) + " in file '" + column.typeSource + "' but type "
                        + describe(field) + " in file '" + file + "', which cannot be merged");
            }
            if (!merged.get().getType().equals(column.field.getType())
                    || !merged.get().getChildren().equals(column.field.getChildren())) {
                column.typeSource = file;
            }
            column.field = merged.get();
        }
    }

    /** The merged columns, leaving out {@code excluded} names (compared case-insensitively). */
    List<Field> result(List<String> excluded) {
        List<Field> fields = new ArrayList<>(columns.size());
        for (Column column : columns.values()) {
            if (excluded.stream().anyMatch(name -> name.equalsIgnoreCase(column.field.getName()))) {
                continue;
            }
            Field field = column.field;
            if (column.files < fileCount && !field.isNullable()) {
                field = new Field(field.getName(), new FieldType(true, field.getType(), field.getDictionary(),
                        field.getMetadata()), field.getChildren());
            }
            fields.add(field);
        }
        return fields;
    }

    private static String describe(Field field) {
        if (field.getChildren().isEmpty()) {
            return field.getType().toString();
        }
        List<String> children = field.getChildren().stream().map(c -> c.getName() + ": " + describe(c)).toList();
        return field.getType() + "<" + String.join(", ", children) + ">";
    }
}
