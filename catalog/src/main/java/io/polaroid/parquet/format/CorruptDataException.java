package io.polaroid.parquet.format;

/**
 * Thrown by the low-level decoding machinery when bytes do not make sense. It carries no file or column
 * name: the column reader that called the decoder catches it and reports a
 * {@link io.polaroid.error.PolaroidException} naming both.
 */
public final class CorruptDataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public CorruptDataException(String message) {
        super(message, null, false, false);
    }

    /** Fails with a {@link CorruptDataException} unless {@code condition} holds. */
    public static void check(boolean condition, String message) {
        if (!condition) {
            throw new CorruptDataException(message);
        }
    }

    /** Fails unless {@code 0 <= length <= available}: every length read from a file goes through here. */
    public static int checkLength(long length, long available, String what) {
        if (length < 0 || length > available) {
            throw new CorruptDataException(what + " of " + length + " bytes exceeds the " + available + " bytes available");
        }
        return (int) length;
    }
}
