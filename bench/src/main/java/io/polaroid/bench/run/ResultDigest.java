package io.polaroid.bench.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A cheap fingerprint of a result, so a benchmark never times a wrong answer. It does not depend on row
 * order (the order of an unordered result is the engine's business) nor on how a driver represents a
 * number (BigDecimal, Double, Long all compare by value):
 *
 * <ul>
 *   <li>numbers: per column, the sum of the values, compared with a relative tolerance (engines add
 *       floating-point values in different orders);</li>
 *   <li>everything else (strings, timestamps, dates, booleans, bytes): per column, a sum of value hashes,
 *       and per row a hash of all such values of the row summed over the rows, compared exactly; temporal
 *       values are hashed by their value (epoch micros/days), not by their Java class;</li>
 *   <li>the row count, the column count and per-column null counts, exactly.</li>
 * </ul>
 *
 * @param rows       rows in the result
 * @param columns    one digest per column
 * @param rowHashSum the sum over rows of a hash of each row's non-numeric values
 */
public record ResultDigest(long rows, List<ColumnDigest> columns, long rowHashSum) {
    /** Numeric sums agree when they differ by at most this fraction of the sum of absolute values. */
    static final double RELATIVE_TOLERANCE = 1e-7;

    public ResultDigest {
        columns = List.copyOf(columns);
    }

    /**
     * @param nulls     null values
     * @param numbers   numeric values
     * @param sum       sum of the numeric values
     * @param absSum    sum of their absolute values (the scale of the tolerance)
     * @param exactHash sum of the hashes of the non-numeric values
     */
    public record ColumnDigest(long nulls, long numbers, double sum, double absSum, long exactHash) {
        Optional<String> difference(ColumnDigest other) {
            if (nulls != other.nulls) {
                return Optional.of("nulls " + nulls + " vs " + other.nulls);
            }
            if (numbers != other.numbers) {
                return Optional.of("numeric values " + numbers + " vs " + other.numbers
                        + " (one side returns another type)");
            }
            double scale = Math.max(absSum, other.absSum);
            if (Math.abs(sum - other.sum) > RELATIVE_TOLERANCE * scale + 1e-9) {
                return Optional.of(String.format(Locale.ROOT, "sum %.10g vs %.10g", sum, other.sum));
            }
            if (exactHash != other.exactHash) {
                return Optional.of("values differ (hash " + Long.toHexString(exactHash) + " vs "
                        + Long.toHexString(other.exactHash) + ")");
            }
            return Optional.empty();
        }
    }

    /** What differs from {@code other}, or empty when the results agree. */
    public Optional<String> difference(ResultDigest other) {
        if (rows != other.rows) {
            return Optional.of("rows " + rows + " vs " + other.rows);
        }
        if (columns.size() != other.columns.size()) {
            return Optional.of("columns " + columns.size() + " vs " + other.columns.size());
        }
        for (int c = 0; c < columns.size(); c++) {
            Optional<String> difference = columns.get(c).difference(other.columns.get(c));
            if (difference.isPresent()) {
                return Optional.of("column " + (c + 1) + ": " + difference.get());
            }
        }
        if (rowHashSum != other.rowHashSum) {
            return Optional.of("rows hold other combinations of values (row hash differs)");
        }
        return Optional.empty();
    }

    /** Builds a digest from the values of one result. */
    static final class Builder implements ValueSink {
        private long rows;
        private long[] nulls = new long[0];
        private long[] numbers = new long[0];
        private double[] sums = new double[0];
        private double[] absSums = new double[0];
        private long[] exactHashes = new long[0];
        private long rowHash = 1;
        private long rowHashSum;

        @Override
        public void value(int column, Object value) {
            if (column >= sums.length) {
                grow(column + 1);
            }
            if (value == null) {
                nulls[column]++;
                rowHash = rowHash * 31 + column;
            } else if (value instanceof Number number) {
                double d = number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
                numbers[column]++;
                sums[column] += d;
                absSums[column] += Math.abs(d);
            } else {
                long hash = mix(hash(value));
                exactHashes[column] += hash;
                rowHash = rowHash * 31 + hash;
            }
        }

        @Override
        public void endRow() {
            rowHashSum += mix(rowHash);
            rowHash = 1;
            rows++;
        }

        ResultDigest build(int columnCount) {
            grow(columnCount);
            List<ColumnDigest> columns = new ArrayList<>();
            for (int c = 0; c < columnCount; c++) {
                columns.add(new ColumnDigest(nulls[c], numbers[c], sums[c], absSums[c], exactHashes[c]));
            }
            return new ResultDigest(rows, columns, rowHashSum);
        }

        private void grow(int columns) {
            if (columns <= sums.length) {
                return;
            }
            nulls = Arrays.copyOf(nulls, columns);
            numbers = Arrays.copyOf(numbers, columns);
            sums = Arrays.copyOf(sums, columns);
            absSums = Arrays.copyOf(absSums, columns);
            exactHashes = Arrays.copyOf(exactHashes, columns);
        }

        /** A hash of the value itself, the same whichever class a driver returns it as. */
        private static long hash(Object value) {
            if (value instanceof String text) {
                return 'S' * 0x9E3779B97F4A7C15L + fnv(text.getBytes(StandardCharsets.UTF_8));
            }
            if (value instanceof Boolean bool) {
                return bool ? 'B' : 'b';
            }
            if (value instanceof byte[] bytes) {
                return 'X' * 0x9E3779B97F4A7C15L + fnv(bytes);
            }
            Long micros = timestampMicros(value);
            if (micros != null) {
                return 'T' * 0x9E3779B97F4A7C15L + micros;
            }
            if (value instanceof java.sql.Date date) {
                return 'D' * 0x9E3779B97F4A7C15L + date.toLocalDate().toEpochDay();
            }
            if (value instanceof LocalDate date) {
                return 'D' * 0x9E3779B97F4A7C15L + date.toEpochDay();
            }
            if (value instanceof java.sql.Time time) {
                return 'H' * 0x9E3779B97F4A7C15L + time.toLocalTime().toNanoOfDay() / 1000;
            }
            if (value instanceof LocalTime time) {
                return 'H' * 0x9E3779B97F4A7C15L + time.toNanoOfDay() / 1000;
            }
            return 'O' * 0x9E3779B97F4A7C15L + fnv(value.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** Epoch microseconds of a timestamp (a naive one read as UTC), or null for other values. */
        private static Long timestampMicros(Object value) {
            Instant instant;
            if (value instanceof java.sql.Timestamp timestamp) {
                instant = timestamp.toLocalDateTime().toInstant(ZoneOffset.UTC);
            } else if (value instanceof LocalDateTime dateTime) {
                instant = dateTime.toInstant(ZoneOffset.UTC);
            } else if (value instanceof OffsetDateTime dateTime) {
                instant = dateTime.toInstant();
            } else if (value instanceof ZonedDateTime dateTime) {
                instant = dateTime.toInstant();
            } else if (value instanceof Instant i) {
                instant = i;
            } else {
                return null;
            }
            return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
        }

        private static long fnv(byte[] bytes) {
            long hash = 0xcbf29ce484222325L;
            for (byte b : bytes) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            return hash;
        }

        /** Spreads the bits, so sums of hashes do not cancel for related values. */
        private static long mix(long x) {
            x = (x ^ (x >>> 30)) * 0xbf58476d1ce4e5b9L;
            x = (x ^ (x >>> 27)) * 0x94d049bb133111ebL;
            return x ^ (x >>> 31);
        }
    }
}
