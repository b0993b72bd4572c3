package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;

/**
 * PLAIN INT96 timestamps (Impala/Hive/Spark legacy): 8 bytes of nanoseconds within the day, then a 4-byte
 * Julian day number. Decoded to microseconds since the epoch, nanoseconds truncated toward negative infinity.
 */
public final class PlainInt96Decoder extends FixedValuesDecoder {
    public static final int WIDTH = 12;
    private static final long JULIAN_DAY_OF_EPOCH = 2_440_588L;
    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final byte[] buffer;
    private final int end;
    private int position;

    public PlainInt96Decoder(byte[] buffer, int position, int end) {
        this.buffer = buffer;
        this.position = position;
        this.end = end;
    }

    public int remainingValues() {
        return (end - position) / WIDTH;
    }

    @Override
    public void read(long[] out, int n) {
        CorruptDataException.check((long) n * WIDTH <= end - position,
                "PLAIN INT96 page holds fewer values than its levels announce");
        int p = position;
        for (int i = 0; i < n; i++, p += WIDTH) {
            long nanosOfDay = Bytes.getLong(buffer, p);
            long julianDay = Bytes.getInt(buffer, p + 8);
            out[i] = (julianDay - JULIAN_DAY_OF_EPOCH) * MICROS_PER_DAY + Math.floorDiv(nanosOfDay, 1000L);
        }
        position = p;
    }
}
