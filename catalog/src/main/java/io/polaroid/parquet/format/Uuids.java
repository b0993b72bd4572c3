package io.polaroid.parquet.format;

/** Formats 16 UUID bytes (big-endian, as Parquet stores them) in the canonical 8-4-4-4-12 text form. */
public final class Uuids {
    private static final byte[] HEX = "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    public static final int TEXT_LENGTH = 36;

    private Uuids() {
    }

    public static String format(byte[] bytes, int offset) {
        byte[] text = new byte[TEXT_LENGTH];
        formatInto(bytes, offset, text, 0);
        return new String(text, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Writes the 36 text bytes of the UUID at {@code src[srcOffset..+16)} to {@code dst[dstOffset..+36)}. */
    public static void formatInto(byte[] src, int srcOffset, byte[] dst, int dstOffset) {
        int out = dstOffset;
        for (int i = 0; i < 16; i++) {
            if (i == 4 || i == 6 || i == 8 || i == 10) {
                dst[out++] = '-';
            }
            int b = src[srcOffset + i] & 0xFF;
            dst[out++] = HEX[b >>> 4];
            dst[out++] = HEX[b & 0xF];
        }
    }
}
