package io.polaroid.engine.expr;

import io.polaroid.columnar.Batch;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * String kernels over UTF-8 bytes. Positions and lengths count characters (code points), as SQL does;
 * rows that are pure ASCII take byte-level fast paths.
 */
final class Strings {
    private Strings() {
    }

    static boolean isAscii(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /** Code points in {@code bytes[from, to)}: every byte that does not continue a sequence starts one. */
    static int codePoints(byte[] bytes, int from, int to) {
        int count = 0;
        for (int i = from; i < to; i++) {
            count += (bytes[i] & 0xC0) != 0x80 ? 1 : 0;
        }
        return count;
    }

    /** Byte offset of the code point {@code index} (0-based) at or after {@code from}, capped at {@code to}. */
    static int offsetOfCodePoint(byte[] bytes, int from, int to, long index) {
        int position = from;
        long seen = 0;
        while (position < to) {
            if ((bytes[position] & 0xC0) != 0x80) {
                if (seen == index) {
                    return position;
                }
                seen++;
            }
            position++;
        }
        return to;
    }

    /** Appends {@code bytes[from, to)} to the register's data at row {@code row}. */
    static int append(Values out, int position, byte[] bytes, int from, int to) {
        int length = to - from;
        System.arraycopy(bytes, from, out.bytesCapacity(position + length), position, length);
        return position + length;
    }

    /** {@code value LIKE pattern [ESCAPE e]} with a constant pattern; also ILIKE (case-insensitive). */
    static final class Like implements Evaluator {
        private enum Shape { EXACT, PREFIX, SUFFIX, CONTAINS, REGEX }

        private final Evaluator operand;
        private final Shape shape;
        private final byte[] literal;
        private final Pattern regex;
        private final boolean caseInsensitive;
        private final Values out = new Values(ExprKind.BOOLEAN);

        Like(Evaluator operand, String pattern, Character escape, boolean caseInsensitive) {
            this.operand = operand;
            this.caseInsensitive = caseInsensitive;
            String simple = simpleBody(pattern, escape);
            if (!caseInsensitive && simple != null) {
                boolean leading = pattern.startsWith("%");
                boolean trailing = pattern.endsWith("%") && pattern.length() > 1;
                this.shape = leading && trailing ? Shape.CONTAINS : leading ? Shape.SUFFIX
                        : trailing ? Shape.PREFIX : Shape.EXACT;
                this.literal = simple.getBytes(StandardCharsets.UTF_8);
                this.regex = null;
            } else {
                this.shape = Shape.REGEX;
                this.literal = null;
                this.regex = Pattern.compile(toRegex(pattern, escape),
                        Pattern.DOTALL | (caseInsensitive ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0));
            }
        }

        /** The literal text of a pattern of the form [%]text[%] without other wildcards, else null. */
        private static String simpleBody(String pattern, Character escape) {
            if (escape != null) {
                return null;
            }
            int start = pattern.startsWith("%") ? 1 : 0;
            int end = pattern.endsWith("%") && pattern.length() > start ? pattern.length() - 1 : pattern.length();
            String body = pattern.substring(start, Math.max(start, end));
            return body.indexOf('%') >= 0 || body.indexOf('_') >= 0 ? null : body;
        }

        static String toRegex(String pattern, Character escape) {
            StringBuilder regex = new StringBuilder();
            for (int i = 0; i < pattern.length(); i++) {
                char c = pattern.charAt(i);
                if (escape != null && c == escape && i + 1 < pattern.length()) {
                    regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
                } else if (c == '%') {
                    regex.append(".*");
                } else if (c == '_') {
                    regex.append('.');
                } else {
                    regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return regex.toString();
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityFrom(in.valid);
            long[] bits = out.bits;
            Arrays.fill(bits, 0, Bitmaps.words(rows), 0L);
            byte[] data = in.bytes;
            for (int i = 0; i < rows; i++) {
                int from = in.offsets[i];
                int to = in.offsets[i + 1];
                if (matches(data, from, to)) {
                    bits[i >>> 6] |= 1L << i;
                }
            }
            return out;
        }

        private boolean matches(byte[] data, int from, int to) {
            int length = to - from;
            switch (shape) {
                case EXACT:
                    return Arrays.equals(data, from, to, literal, 0, literal.length);
                case PREFIX:
                    return length >= literal.length
                            && Arrays.equals(data, from, from + literal.length, literal, 0, literal.length);
                case SUFFIX:
                    return length >= literal.length
                            && Arrays.equals(data, to - literal.length, to, literal, 0, literal.length);
                case CONTAINS:
                    return indexOf(data, from, to, literal) >= 0;
                default:
                    return regex.matcher(new String(data, from, length, StandardCharsets.UTF_8)).matches();
            }
        }

        private static int indexOf(byte[] data, int from, int to, byte[] needle) {
            if (needle.length == 0) {
                return from;
            }
            byte first = needle[0];
            int last = to - needle.length;
            for (int i = from; i <= last; i++) {
                if (data[i] == first && Arrays.equals(data, i, i + needle.length, needle, 0, needle.length)) {
                    return i;
                }
            }
            return -1;
        }
    }

    /** UPPER / LOWER. */
    static final class ChangeCase implements Evaluator {
        private final boolean upper;
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.BYTES);

        ChangeCase(boolean upper, Evaluator operand) {
            this.upper = upper;
            this.operand = operand;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityFrom(in.valid);
            int position = 0;
            for (int i = 0; i < rows; i++) {
                int from = in.offsets[i];
                int to = in.offsets[i + 1];
                if (isAscii(in.bytes, from, to)) {
                    byte[] data = out.bytesCapacity(position + to - from);
                    for (int b = from; b < to; b++) {
                        byte c = in.bytes[b];
                        if (upper && c >= 'a' && c <= 'z') {
                            c -= 32;
                        } else if (!upper && c >= 'A' && c <= 'Z') {
                            c += 32;
                        }
                        data[position++] = c;
                    }
                } else {
                    String text = new String(in.bytes, from, to - from, StandardCharsets.UTF_8);
                    byte[] changed = (upper ? text.toUpperCase(Locale.ROOT) : text.toLowerCase(Locale.ROOT))
                            .getBytes(StandardCharsets.UTF_8);
                    position = append(out, position, changed, 0, changed.length);
                }
                out.offsets[i + 1] = position;
            }
            return out;
        }
    }

    /** SUBSTRING(s FROM start [FOR length]), 1-based, in characters, as PostgreSQL and Calcite define it. */
    static final class Substring implements Evaluator {
        private final Evaluator string;
        private final Evaluator start;
        private final Evaluator length;
        private final Values out = new Values(ExprKind.BYTES);

        Substring(Evaluator string, Evaluator start, Evaluator length) {
            this.string = string;
            this.start = start;
            this.length = length;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values s = string.evaluate(batch, active);
            Values from = start.evaluate(batch, active);
            Values count = length == null ? null : length.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            long[] valid = out.validityAnd(s.valid, from.valid);
            if (count != null) {
                valid = out.validityAnd(valid, count.valid);
            }
            int position = 0;
            for (int i = 0; i < rows; i++) {
                if (Bitmaps.isSet(valid, i)) {
                    long first = from.longs[i];
                    long end = count == null ? Long.MAX_VALUE : first + count.longs[i];
                    if (count != null && count.longs[i] < 0) {
                        if (Bitmaps.isSet(active, i)) {
                            throw new io.polaroid.error.PolaroidException(io.polaroid.error.ErrorCode.INVALID_PARAMETER_VALUE,
                                    "negative substring length not allowed");
                        }
                        end = first;
                    }
                    long begin = Math.max(first, 1);
                    if (end > begin) {
                        int rowFrom = s.offsets[i];
                        int rowTo = s.offsets[i + 1];
                        int byteFrom = offsetOfCodePoint(s.bytes, rowFrom, rowTo, begin - 1);
                        int byteTo = end == Long.MAX_VALUE ? rowTo
                                : offsetOfCodePoint(s.bytes, byteFrom, rowTo, end - begin);
                        position = append(out, position, s.bytes, byteFrom, byteTo);
                    }
                }
                out.offsets[i + 1] = position;
            }
            return out;
        }
    }

    /** {@code a || b}. */
    static final class Concat implements Evaluator {
        private final Evaluator left;
        private final Evaluator right;
        private final Values out = new Values(ExprKind.BYTES);

        Concat(Evaluator left, Evaluator right) {
            this.left = left;
            this.right = right;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values a = left.evaluate(batch, active);
            Values b = right.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            long[] valid = out.validityAnd(a.valid, b.valid);
            out.bytesCapacity(a.offsets[rows] + b.offsets[rows]);
            int position = 0;
            for (int i = 0; i < rows; i++) {
                if (Bitmaps.isSet(valid, i)) {
                    position = append(out, position, a.bytes, a.offsets[i], a.offsets[i + 1]);
                    position = append(out, position, b.bytes, b.offsets[i], b.offsets[i + 1]);
                }
                out.offsets[i + 1] = position;
            }
            return out;
        }
    }

    /** CHAR_LENGTH / CHARACTER_LENGTH (characters) and OCTET_LENGTH (bytes). */
    static final class Length implements Evaluator {
        private final boolean characters;
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.LONG);

        Length(boolean characters, Evaluator operand) {
            this.characters = characters;
            this.operand = operand;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityFrom(in.valid);
            for (int i = 0; i < rows; i++) {
                out.longs[i] = characters ? codePoints(in.bytes, in.offsets[i], in.offsets[i + 1]) : in.length(i);
            }
            return out;
        }
    }

    /** TRIM([BOTH | LEADING | TRAILING] [c] FROM s) for a single-byte character c. */
    static final class Trim implements Evaluator {
        private final boolean leading;
        private final boolean trailing;
        private final byte character;
        private final Evaluator operand;
        private final Values out = new Values(ExprKind.BYTES);

        Trim(boolean leading, boolean trailing, byte character, Evaluator operand) {
            this.leading = leading;
            this.trailing = trailing;
            this.character = character;
            this.operand = operand;
        }

        @Override
        public Values evaluate(Batch batch, long[] active) {
            Values in = operand.evaluate(batch, active);
            int rows = batch.rowCount();
            out.reset(rows);
            out.validityFrom(in.valid);
            int position = 0;
            for (int i = 0; i < rows; i++) {
                int from = in.offsets[i];
                int to = in.offsets[i + 1];
                while (leading && from < to && in.bytes[from] == character) {
                    from++;
                }
                while (trailing && to > from && in.bytes[to - 1] == character) {
                    to--;
                }
                position = append(out, position, in.bytes, from, to);
                out.offsets[i + 1] = position;
            }
            return out;
        }
    }
}
