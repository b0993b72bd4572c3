package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import io.polaroid.engine.sql.TimeBuckets;
import org.apache.calcite.avatica.util.TimeUnitRange;

/**
 * Date and time kernels over LONG registers: DATE as days, TIME and TIMESTAMP as microseconds since the
 * epoch (UTC, the session time zone). Calendar fields come from a branch-light days-to-civil conversion,
 * so no objects are made per row.
 */
final class Temporal {
    static final long MICROS_PER_SECOND = 1_000_000L;
    static final long MICROS_PER_MINUTE = 60 * MICROS_PER_SECOND;
    static final long MICROS_PER_HOUR = 60 * MICROS_PER_MINUTE;
    static final long MICROS_PER_DAY = 24 * MICROS_PER_HOUR;

    private Temporal() {
    }

    // ---- civil calendar (proleptic Gregorian), after Howard Hinnant's algorithms ----

    /** Year of a day number. */
    static long year(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        long month = mp < 10 ? mp + 3 : mp - 9;
        return yoe + era * 400 + (month <= 2 ? 1 : 0);
    }

    /** Month (1-12) of a day number. */
    static long month(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        return mp < 10 ? mp + 3 : mp - 9;
    }

    /** Day of month (1-31) of a day number. */
    static long dayOfMonth(long days) {
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long doe = z - era * 146_097;
        long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        long mp = (5 * doy + 2) / 153;
        return doy - (153 * mp + 2) / 5 + 1;
    }

    /** The day number of a civil date. */
    static long daysOf(long year, long month, long day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = month > 2 ? month - 3 : month + 9;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }

    /** The day number {@code months} months after {@code days}, the day of month clamped to the month's end. */
    static long plusMonths(long days, long months) {
        long year = year(days);
        long month = month(days);
        long day = dayOfMonth(days);
        long index = year * 12 + (month - 1) + months;
        long newYear = Math.floorDiv(index, 12);
        long newMonth = Math.floorMod(index, 12) + 1;
        long length = daysOf(newMonth == 12 ? newYear + 1 : newYear, newMonth == 12 ? 1 : newMonth + 1, 1)
                - daysOf(newYear, newMonth, 1);
        return daysOf(newYear, newMonth, Math.min(day, length));
    }

    /** EXTRACT(unit FROM value). */
    static final class Extract implements Evaluator {
        private final TimeUnitRange unit;
        private final boolean isDate;
        private final boolean isTime;
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.LONG);

        Extract(TimeUnitRange unit, boolean isDate, boolean isTime, Evaluator operand) {
            this.unit = unit;
            this.isDate = isDate;
            this.isTime = isTime;
            this.operand = operand;
        }

        static boolean supports(TimeUnitRange unit, boolean isTime) {
            switch (unit) {
                case HOUR:
                case MINUTE:
                case SECOND:
                    return true;
                case YEAR:
                case QUARTER:
                case MONTH:
                case DAY:
                case DOW:
                case ISODOW:
                case DOY:
                    return !isTime;
                default:
                    return false;
            }
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityFrom(in.valid);
            long[] v = in.longs;
            long[] r = out.longs;
            for (int i = 0; i < rows; i++) {
                long days = isDate ? v[i] : isTime ? 0 : Math.floorDiv(v[i], MICROS_PER_DAY);
                long micros = isDate ? 0 : isTime ? v[i] : Math.floorMod(v[i], MICROS_PER_DAY);
                r[i] = field(days, micros);
            }
            return out;
        }

        private long field(long days, long microsOfDay) {
            switch (unit) {
                case YEAR:
                    return year(days);
                case QUARTER:
                    return (month(days) + 2) / 3;
                case MONTH:
                    return month(days);
                case DAY:
                    return dayOfMonth(days);
                case DOW:
                    return Math.floorMod(days + 4, 7) + 1; // Sunday = 1 (1970-01-01 was a Thursday)
                case ISODOW:
                    return Math.floorMod(days + 3, 7) + 1; // Monday = 1
                case DOY:
                    return days - daysOf(year(days), 1, 1) + 1;
                case HOUR:
                    return microsOfDay / MICROS_PER_HOUR;
                case MINUTE:
                    return microsOfDay / MICROS_PER_MINUTE % 60;
                default:
                    return microsOfDay / MICROS_PER_SECOND % 60;
            }
        }
    }

    /** FLOOR/CEIL(value TO unit) of a DATE (days) or TIMESTAMP (micros). */
    static final class Truncate implements Evaluator {
        private final TimeUnitRange unit;
        private final boolean ceil;
        private final boolean isDate;
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.LONG);

        Truncate(TimeUnitRange unit, boolean ceil, boolean isDate, Evaluator operand) {
            this.unit = unit;
            this.ceil = ceil;
            this.isDate = isDate;
            this.operand = operand;
        }

        static boolean supports(TimeUnitRange unit) {
            switch (unit) {
                case YEAR:
                case QUARTER:
                case MONTH:
                case WEEK:
                case DAY:
                case HOUR:
                case MINUTE:
                case SECOND:
                case MILLISECOND:
                case MICROSECOND:
                    return true;
                default:
                    return false;
            }
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityFrom(in.valid);
            long[] v = in.longs;
            long[] r = out.longs;
            long fixed = fixedWidth();
            if (fixed > 0 && !isDate) {
                for (int i = 0; i < rows; i++) {
                    long floor = Math.floorDiv(v[i], fixed) * fixed;
                    r[i] = ceil && floor != v[i] ? floor + fixed : floor;
                }
                return out;
            }
            for (int i = 0; i < rows; i++) {
                long days = isDate ? v[i] : Math.floorDiv(v[i], MICROS_PER_DAY);
                long floorDays = floorDays(days);
                long floor = isDate ? floorDays : floorDays * MICROS_PER_DAY;
                if (ceil && floor != v[i]) {
                    long next = nextDays(floorDays);
                    r[i] = isDate ? next : next * MICROS_PER_DAY;
                } else {
                    r[i] = floor;
                }
            }
            return out;
        }

        /** Micros per unit for the units of fixed length below a day; 0 for calendar units. */
        private long fixedWidth() {
            switch (unit) {
                case HOUR:
                    return MICROS_PER_HOUR;
                case MINUTE:
                    return MICROS_PER_MINUTE;
                case SECOND:
                    return MICROS_PER_SECOND;
                case MILLISECOND:
                    return 1000;
                case MICROSECOND:
                    return 1;
                default:
                    return 0;
            }
        }

        private long floorDays(long days) {
            switch (unit) {
                case YEAR:
                    return daysOf(year(days), 1, 1);
                case QUARTER: {
                    long month = month(days);
                    return daysOf(year(days), month - (month - 1) % 3, 1);
                }
                case MONTH:
                    return daysOf(year(days), month(days), 1);
                case WEEK:
                    return days - Math.floorMod(days + 4, 7); // weeks start on Sunday, as in Calcite
                default:
                    return days; // DAY, and sub-day units of a DATE
            }
        }

        private long nextDays(long floorDays) {
            switch (unit) {
                case YEAR:
                    return plusMonths(floorDays, 12);
                case QUARTER:
                    return plusMonths(floorDays, 3);
                case MONTH:
                    return plusMonths(floorDays, 1);
                case WEEK:
                    return floorDays + 7;
                default:
                    return floorDays + 1;
            }
        }
    }

    /** time_bucket(width, ts [, origin]) with the arithmetic of {@link TimeBuckets}. */
    static final class Bucket implements Evaluator {
        private final boolean months;
        private final boolean isDate;
        private final Evaluator width;
        private final Evaluator value;
        private final Evaluator origin;
        private final Values out = new Values(ExprKind.LONG);

        Bucket(boolean months, boolean isDate, Evaluator width, Evaluator value, Evaluator origin) {
            this.months = months;
            this.isDate = isDate;
            this.width = width;
            this.value = value;
            this.origin = origin;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values w = width.evaluate(batch, active);
            Values v = value.evaluate(batch, active);
            Values o = origin == null ? null : origin.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            long[] valid = out.validityAnd(w.valid, v.valid);
            if (o != null) {
                valid = out.validityAnd(valid, o.valid);
            }
            long unitsPerDay = isDate ? 1 : MICROS_PER_DAY;
            long defaultOrigin = (months ? TimeBuckets.DEFAULT_MONTH_ORIGIN_DAYS
                    : TimeBuckets.DEFAULT_DAY_TIME_ORIGIN_DAYS) * unitsPerDay;
            for (int i = 0; i < rows; i++) {
                if (!Bitmaps.isSet(valid, i)) {
                    out.longs[i] = 0;
                    continue;
                }
                long start = o == null ? defaultOrigin : o.longs[i];
                if (months) {
                    out.longs[i] = TimeBuckets.bucketMonths((int) w.longs[i], v.longs[i], start, unitsPerDay);
                } else {
                    long widthUnits = isDate ? TimeBuckets.wholeDays(w.longs[i], MICROS_PER_DAY) : w.longs[i];
                    out.longs[i] = TimeBuckets.bucket(widthUnits, v.longs[i], start);
                }
            }
            return out;
        }
    }

    /** A DATE or TIMESTAMP plus (or minus) an interval. */
    static final class PlusInterval implements Evaluator {
        private final boolean months;
        private final boolean isDate;
        private final boolean minus;
        private final Evaluator value;
        private final Evaluator interval;
        private final Values out = new Values(ExprKind.LONG);

        PlusInterval(boolean months, boolean isDate, boolean minus, Evaluator value, Evaluator interval) {
            this.months = months;
            this.isDate = isDate;
            this.minus = minus;
            this.value = value;
            this.interval = interval;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values v = value.evaluate(batch, active);
            Values d = interval.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityAnd(v.valid, d.valid);
            for (int i = 0; i < rows; i++) {
                long amount = minus ? -d.longs[i] : d.longs[i];
                long point = v.longs[i];
                if (months) {
                    if (isDate) {
                        out.longs[i] = plusMonths(point, amount);
                    } else {
                        long days = Math.floorDiv(point, MICROS_PER_DAY);
                        out.longs[i] = plusMonths(days, amount) * MICROS_PER_DAY + Math.floorMod(point, MICROS_PER_DAY);
                    }
                } else {
                    out.longs[i] = isDate ? point + Math.floorDiv(amount, MICROS_PER_DAY) : point + amount;
                }
            }
            return out;
        }
    }
}
