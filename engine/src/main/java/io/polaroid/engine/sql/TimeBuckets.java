package io.polaroid.engine.sql;

import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.time.LocalDate;

/**
 * {@code time_bucket} arithmetic, shared by the row engine (called from Calcite's generated code, values
 * in milliseconds) and the vector engine (values in microseconds). Every method takes the value's unit as
 * "units per day" so both representations use one implementation.
 *
 * <p>Semantics follow DuckDB and TimescaleDB: a bucket is {@code [origin + k*width, origin + (k+1)*width)};
 * the default origin is Monday 2000-01-03 for day-time widths (so weekly buckets start on Mondays) and
 * 2000-01-01 for month widths.
 */
public final class TimeBuckets {
    /** 2000-01-03 (a Monday) in days since the epoch. */
    public static final long DEFAULT_DAY_TIME_ORIGIN_DAYS = 10_959L;
    /** 2000-01-01 in days since the epoch. */
    public static final long DEFAULT_MONTH_ORIGIN_DAYS = 10_957L;
    public static final long MILLIS_PER_DAY = 86_400_000L;
    public static final long MICROS_PER_DAY = 86_400_000_000L;

    private TimeBuckets() {
    }

    /** Buckets a point in time of {@code unitsPerDay} resolution by a width of the same resolution. */
    public static long bucket(long width, long value, long origin) {
        if (width <= 0) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "time_bucket width must be positive, got " + width);
        }
        return origin + Math.floorDiv(value - origin, width) * width;
    }

    /** Buckets {@code value} (units since the epoch) by whole months counted from {@code origin}. */
    public static long bucketMonths(int months, long value, long origin, long unitsPerDay) {
        if (months <= 0) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "time_bucket width must be positive, got " + months + " months");
        }
        // Months are counted from the origin's month; an origin inside a month shifts every bucket by the
        // same offset.
        long originDay = Math.floorDiv(origin, unitsPerDay);
        LocalDate originDate = LocalDate.ofEpochDay(originDay);
        long originOffset = origin - originDate.withDayOfMonth(1).toEpochDay() * unitsPerDay;
        long shifted = value - originOffset;
        LocalDate date = LocalDate.ofEpochDay(Math.floorDiv(shifted, unitsPerDay));
        long monthIndex = date.getYear() * 12L + date.getMonthValue() - 1;
        long originIndex = originDate.getYear() * 12L + originDate.getMonthValue() - 1;
        long bucketIndex = originIndex + Math.floorDiv(monthIndex - originIndex, months) * months;
        LocalDate bucketStart = LocalDate.of((int) Math.floorDiv(bucketIndex, 12), (int) Math.floorMod(bucketIndex, 12) + 1, 1);
        return bucketStart.toEpochDay() * unitsPerDay + originOffset;
    }

    // ---- entry points for Calcite's generated row code (milliseconds, days) ----

    public static long timestampByMillis(long widthMillis, long tsMillis) {
        return bucket(widthMillis, tsMillis, DEFAULT_DAY_TIME_ORIGIN_DAYS * MILLIS_PER_DAY);
    }

    public static long timestampByMillis(long widthMillis, long tsMillis, long originMillis) {
        return bucket(widthMillis, tsMillis, originMillis);
    }

    public static long timestampByMonths(int months, long tsMillis) {
        return bucketMonths(months, tsMillis, DEFAULT_MONTH_ORIGIN_DAYS * MILLIS_PER_DAY, MILLIS_PER_DAY);
    }

    public static long timestampByMonths(int months, long tsMillis, long originMillis) {
        return bucketMonths(months, tsMillis, originMillis, MILLIS_PER_DAY);
    }

    public static int dateByMillis(long widthMillis, int days) {
        return (int) bucket(wholeDays(widthMillis, MILLIS_PER_DAY), days, DEFAULT_DAY_TIME_ORIGIN_DAYS);
    }

    public static int dateByMillis(long widthMillis, int days, int originDays) {
        return (int) bucket(wholeDays(widthMillis, MILLIS_PER_DAY), days, originDays);
    }

    public static int dateByMonths(int months, int days) {
        return (int) bucketMonths(months, days, DEFAULT_MONTH_ORIGIN_DAYS, 1);
    }

    public static int dateByMonths(int months, int days, int originDays) {
        return (int) bucketMonths(months, days, originDays, 1);
    }

    /** A day-time width in whole days, for bucketing DATE values. */
    public static long wholeDays(long width, long unitsPerDay) {
        if (width % unitsPerDay != 0) {
            throw new PolaroidException(ErrorCode.INVALID_PARAMETER_VALUE,
                    "time_bucket of a DATE needs a width of whole days");
        }
        return width / unitsPerDay;
    }
}
