package io.polaroid.catalog.location;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;

/**
 * Hive-style partition columns read from directory names ({@code year=2024/month=01/}).
 *
 * <p>Keys and values are percent-decoded ({@code +} stays a plus, as Hive writes it);
 * {@value #DEFAULT_PARTITION} and an empty value mean NULL. A column's type is inferred from all its
 * values: all integers make BIGINT, all ISO dates ({@code 2024-01-31}) DATE, anything else VARCHAR. A file
 * whose path lacks a key has NULL for that column. Values are Long (BIGINT, DATE as epoch days) or String.
 */
public final class HivePartitioning {
    public static final String DEFAULT_PARTITION = "__HIVE_DEFAULT_PARTITION__";

    private static final Pattern INTEGER = Pattern.compile("[-+]?\\d{1,19}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final ArrowType BIGINT = new ArrowType.Int(64, true);
    private static final ArrowType DATE = new ArrowType.Date(DateUnit.DAY);

    private final List<Field> columns;
    private final List<Map<String, Object>> values;

    private HivePartitioning(List<Field> columns, List<Map<String, Object>> values) {
        this.columns = List.copyOf(columns);
        this.values = List.copyOf(values);
    }

    /** Reads the partition columns of {@code files} (in their order) from the directories below the base. */
    public static HivePartitioning infer(List<ListedFile> files) {
        Objects.requireNonNull(files, "files");
        // Keys match case-insensitively; the first spelling seen names the column.
        Map<String, String> columnNames = new LinkedHashMap<>();
        List<Map<String, String>> rawPerFile = new ArrayList<>(files.size());
        for (ListedFile file : files) {
            Map<String, String> raw = new HashMap<>();
            for (String directory : file.directoriesBelowBase()) {
                int equals = directory.indexOf('=');
                if (equals <= 0) {
                    continue;
                }
                String key = percentDecode(directory.substring(0, equals));
                String normalized = key.toLowerCase(Locale.ROOT);
                columnNames.putIfAbsent(normalized, key);
                String value = percentDecode(directory.substring(equals + 1));
                raw.put(normalized, value.isEmpty() || value.equals(DEFAULT_PARTITION) ? null : value);
            }
            rawPerFile.add(raw);
        }

        List<Field> columns = new ArrayList<>(columnNames.size());
        Map<String, ArrowType> types = new HashMap<>();
        for (Map.Entry<String, String> column : columnNames.entrySet()) {
            ArrowType type = inferType(column.getKey(), rawPerFile);
            types.put(column.getKey(), type);
            columns.add(new Field(column.getValue(), FieldType.nullable(type), null));
        }

        List<Map<String, Object>> values = new ArrayList<>(files.size());
        for (Map<String, String> raw : rawPerFile) {
            Map<String, Object> typed = new LinkedHashMap<>();
            for (Map.Entry<String, String> column : columnNames.entrySet()) {
                typed.put(column.getValue(), convert(raw.get(column.getKey()), types.get(column.getKey())));
            }
            values.add(Collections.unmodifiableMap(typed));
        }
        return new HivePartitioning(columns, values);
    }

    /** The partition columns, in the order their keys first appear; all nullable. */
    public List<Field> columns() {
        return columns;
    }

    /** The partition values of the {@code fileIndex}-th file given to {@link #infer}, by column name. */
    public Map<String, Object> valuesOf(int fileIndex) {
        return values.get(fileIndex);
    }

    private static ArrowType inferType(String key, List<Map<String, String>> rawPerFile) {
        boolean allIntegers = true;
        boolean allDates = true;
        boolean any = false;
        for (Map<String, String> raw : rawPerFile) {
            String value = raw.get(key);
            if (value == null) {
                continue;
            }
            any = true;
            allIntegers &= parseLong(value) != null;
            allDates &= parseDate(value) != null;
        }
        if (any && allIntegers) {
            return BIGINT;
        }
        return any && allDates ? DATE : ArrowType.Utf8.INSTANCE;
    }

    private static Object convert(String value, ArrowType type) {
        if (value == null) {
            return null;
        }
        if (type.equals(BIGINT)) {
            return parseLong(value);
        }
        if (type.equals(DATE)) {
            return parseDate(value).toEpochDay();
        }
        return value;
    }

    private static Long parseLong(String value) {
        if (!INTEGER.matcher(value).matches()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;  // out of range: not a BIGINT
        }
    }

    private static LocalDate parseDate(String value) {
        if (!ISO_DATE.matcher(value).matches()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Decodes {@code %XX} escapes as UTF-8; a malformed escape is kept as written. */
    static String percentDecode(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
        int i = 0;
        while (i < text.length()) {
            int high = text.charAt(i) == '%' && i + 2 < text.length() ? Character.digit(text.charAt(i + 1), 16) : -1;
            int low = high >= 0 ? Character.digit(text.charAt(i + 2), 16) : -1;
            if (low >= 0) {
                bytes.write(high * 16 + low);
                i += 3;
            } else {
                // Copy the run up to the next '%' whole, so surrogate pairs stay together.
                int next = text.indexOf('%', i + 1);
                int end = next < 0 ? text.length() : next;
                bytes.writeBytes(text.substring(i, end).getBytes(StandardCharsets.UTF_8));
                i = end;
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
