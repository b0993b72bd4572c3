package io.polaroid.catalog.files.csv;

import io.polaroid.catalog.files.TableFile;
import io.polaroid.columnar.BatchSource;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * A CSV file with a header row. Column types are inferred from the first {@value #SAMPLE_ROWS} records:
 * BOOLEAN, BIGINT, DOUBLE, DATE, TIMESTAMP, else VARCHAR; an empty field is NULL. A later value that does
 * not fit the inferred type fails the query with {@code 22018}, naming the file, line and column. Every
 * column is nullable. Blank or repeated header names become {@code column<N>} / {@code name_<N>}.
 */
public final class CsvFile implements TableFile {
    /** Records read to infer the column types (DuckDB's sniffer samples a similar amount). */
    public static final int SAMPLE_ROWS = 1000;

    private final Path path;
    private final Schema schema;
    private final List<CsvType> types;
    private final long estimatedRows;

    private CsvFile(Path path, List<String> names, List<CsvType> types, long estimatedRows) {
        this.path = path;
        this.types = List.copyOf(types);
        List<Field> fields = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            fields.add(new Field(names.get(i), FieldType.nullable(types.get(i).arrowType()), null));
        }
        this.schema = new Schema(fields);
        this.estimatedRows = estimatedRows;
    }

    /** Reads the header and the sample; {@code 22000} if the file has no header row. */
    public static CsvFile open(Path path, long fileSize) {
        Objects.requireNonNull(path, "path");
        try (CsvRows rows = CsvRows.open(path)) {
            List<String> record = new ArrayList<>();
            if (!rows.next(record)) {
                throw new PolaroidException(ErrorCode.DATA_CORRUPTED, "CSV file '" + path + "' is empty: it has no header row");
            }
            List<String> names = columnNames(record);
            List<CsvType> types = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                types.add(null);
            }
            long sampled = 0;
            while (sampled < SAMPLE_ROWS && rows.next(record)) {
                sampled++;
                for (int i = 0; i < Math.min(record.size(), names.size()); i++) {
                    types.set(i, infer(types.get(i), record.get(i)));
                }
            }
            types.replaceAll(type -> type == null ? CsvType.VARCHAR : type);
            long estimate = sampled < SAMPLE_ROWS ? sampled
                    : Math.max(sampled, (long) ((double) fileSize / Math.max(1, rows.bytesRead()) * sampled));
            return new CsvFile(path, names, types, estimate);
        }
    }

    private static CsvType infer(CsvType current, String text) {
        if (text.isEmpty() || (current != null && current.accepts(text))) {
            return current;
        }
        CsvType fits = CsvType.VARCHAR;
        for (CsvType candidate : CsvType.values()) {
            if (candidate.accepts(text)) {
                fits = candidate;
                break;
            }
        }
        return current == null ? fits : current.widen(fits);
    }

    private static List<String> columnNames(List<String> header) {
        List<String> names = new ArrayList<>(header.size());
        Set<String> taken = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).strip();
            if (name.isEmpty()) {
                name = "column" + (i + 1);
            }
            String unique = name;
            for (int n = 2; !taken.add(unique.toLowerCase(Locale.ROOT)); n++) {
                unique = name + "_" + n;
            }
            names.add(unique);
        }
        return names;
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public Schema schema() {
        return schema;
    }

    @Override
    public long estimatedRows() {
        return estimatedRows;
    }

    @Override
    public BatchSource open(int part, List<Integer> columns, int batchRows, BufferAllocator allocator) {
        if (part != 0) {
            throw new IllegalArgumentException("a CSV file is read in one part, not part " + part);
        }
        List<CsvType> selected = columns.stream().map(types::get).toList();
        List<Field> fields = columns.stream().map(schema.getFields()::get).toList();
        CsvRows rows = CsvRows.open(path);
        try {
            rows.next(new ArrayList<>());  // the header: its names were read when the file was opened
            return new CsvBatchSource(rows, schema.getFields().size(), columns, selected, new Schema(fields),
                    batchRows, allocator);
        } catch (RuntimeException | Error e) {
            rows.close();
            throw e;
        }
    }
}
