package io.polaroid.catalog.files.csv;

import java.time.DateTimeException;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.regex.Pattern;
import org.apache.arrow.vector.types.DateUnit;
import org.apache.arrow.vector.types.FloatingPointPrecision;
import org.apache.arrow.vector.types.TimeUnit;
import org.apache.arrow.vector.types.pojo.ArrowType;

/**
 * The column types a CSV column can be inferred as, each with the text it accepts. Inference tries them
 * from the most specific ({@link #BOOLEAN}, {@link #BIGINT}) to the most general ({@link #VARCHAR}).
 */
enum CsvType {
    BOOLEAN(ArrowType.Bool.INSTANCE),
    BIGINT(new ArrowType.Int(64, true)),
    DOUBLE(new ArrowType.FloatingPoint(FloatingPointPrecision.DOUBLE)),
    DATE(new ArrowType.Date(DateUnit.DAY)),
    /** Wall-clock time without a zone: {@code 2024-01-02 03:04:05[.ffffff]}, or with a {@code T}. */
    TIMESTAMP(new ArrowType.Timestamp(TimeUnit.MICROSECOND, null)),
    VARCHAR(ArrowType.Utf8.INSTANCE);

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d{1,19}");
    private static final Pattern DECIMAL = Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|[+-]?(?i:nan|inf|infinity)");
    static final DateTimeFormatter TIMESTAMP_FORMAT = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd()
            .optionalStart().appendLiteral('T').optionalEnd()
            .append(DateTimeFormatter.ofPattern("HH:mm:ss"))
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .toFormatter();

    private final ArrowType arrowType;

    CsvType(ArrowType arrowType) {
        this.arrowType = arrowType;
    }

    ArrowType arrowType() {
        return arrowType;
    }

    /** Whether non-empty {@code text} is a value of this type. */
    boolean accepts(String text) {
        return switch (this) {
            case BOOLEAN -> text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false");
            case BIGINT -> INTEGER.matcher(text).matches() && parses(() -> Long.parseLong(text));
            case DOUBLE -> DECIMAL.matcher(text).matches();
            case DATE -> text.length() == 10 && parses(() -> CsvTemporals.epochDay(text));
            case TIMESTAMP -> text.length() >= 19 && parses(() -> CsvTemporals.timestampMicros(text));
            case VARCHAR -> true;
        };
    }

    /** The type that holds values of both this type and {@code other}, e.g. BIGINT and DOUBLE → DOUBLE. */
    CsvType widen(CsvType other) {
        if (this == other) {
            return this;
        }
        if (isOneOf(other, BIGINT, DOUBLE)) {
            return DOUBLE;
        }
        if (isOneOf(other, DATE, TIMESTAMP)) {
            return TIMESTAMP;
        }
        return VARCHAR;
    }

    private boolean isOneOf(CsvType other, CsvType first, CsvType second) {
        return (this == first || this == second) && (other == first || other == second);
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (NumberFormatException | DateTimeException | ArithmeticException e) {
            return false;
        }
    }
}
