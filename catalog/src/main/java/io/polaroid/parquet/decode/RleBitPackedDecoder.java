package io.polaroid.parquet.decode;

import io.polaroid.parquet.format.CorruptDataException;
import java.util.Arrays;

/**
 * Parquet's RLE/bit-packed hybrid encoding of small unsigned ints (levels, dictionary indices, RLE booleans).
 * RLE runs are filled in bulk; bit-packed runs are unpacked 8 values at a time straight into the output.
 */
public final class RleBitPackedDecoder implements LevelDecoder {
    private final int bitWidth;
    private final int valueBytes;
    private final int[] group = new int[8];
    private byte[] buffer;
    private int position;
    private int end;
    private int rleRemaining;
    private int rleValue;
    /** Values left in the current bit-packed run, including those buffered in {@link #group}. */
    private int packedRemaining;
    private int groupPosition = 8;

    public RleBitPackedDecoder(int bitWidth) {
        if (bitWidth < 0 || bitWidth > 32) {
            throw new CorruptDataException("invalid RLE bit width " + bitWidth);
        }
        this.bitWidth = bitWidth;
        this.valueBytes = (bitWidth + 7) >>> 3;
    }

    /** Decodes {@code buffer[position..end)}; the buffer must follow {@link Bytes#PADDING}. */
    public RleBitPackedDecoder reset(byte[] buffer, int position, int end) {
        Bytes.checkPadded(buffer, end);
        this.buffer = buffer;
        this.position = position;
        this.end = end;
        this.rleRemaining = 0;
        this.packedRemaining = 0;
        this.groupPosition = 8;
        return this;
    }

    public int bitWidth() {
        return bitWidth;
    }

    /** Reads the next {@code n} values into {@code out[offset..]}. */
    public void read(int[] out, int offset, int n) {
        int o = offset;
        int left = n;
        while (left > 0) {
            if (rleRemaining > 0) {
                int k = Math.min(left, rleRemaining);
                Arrays.fill(out, o, o + k, rleValue);
                rleRemaining -= k;
                o += k;
                left -= k;
            } else if (packedRemaining > 0) {
                int k = readPacked(out, o, left);
                o += k;
                left -= k;
            } else {
                readRunHeader();
            }
        }
    }

    @Override
    public int read(int[] out, int offset, int n, int level) {
        int o = offset;
        int left = n;
        int matches = 0;
        while (left > 0) {
            if (rleRemaining > 0) {
                int k = Math.min(left, rleRemaining);
                Arrays.fill(out, o, o + k, rleValue);
                if (rleValue == level) {
                    matches += k;
                }
                rleRemaining -= k;
                o += k;
                left -= k;
            } else if (packedRemaining > 0) {
                int k = readPacked(out, o, left);
                for (int i = o; i < o + k; i++) {
                    if (out[i] == level) {
                        matches++;
                    }
                }
                o += k;
                left -= k;
            } else {
                readRunHeader();
            }
        }
        return matches;
    }

    /** Copies up to {@code max} values of the current bit-packed run; returns how many. */
    private int readPacked(int[] out, int offset, int max) {
        if (groupPosition < 8) {
            int k = Math.min(Math.min(max, 8 - groupPosition), packedRemaining);
            System.arraycopy(group, groupPosition, out, offset, k);
            groupPosition += k;
            packedRemaining -= k;
            return k;
        }
        int groups = Math.min(max, packedRemaining) >>> 3;
        if (groups > 0) {
            BitUnpacker.unpackInts(buffer, position, bitWidth, out, offset, groups);
            position += groups * bitWidth;
            packedRemaining -= groups * 8;
            return groups * 8;
        }
        BitUnpacker.unpackInts(buffer, position, bitWidth, group, 0, 1);
        position += bitWidth;
        groupPosition = 0;
        return 0;
    }

    private void readRunHeader() {
        int header = readUnsignedVarInt();
        if ((header & 1) == 1) {
            int groups = header >>> 1;
            int available = end - position;
            if (bitWidth > 0 && (long) groups * bitWidth > available) {
                CorruptDataException.check(available > 0, "bit-packed run has no data");
                // Writers may cut the last run short; decode what is there (the padding keeps loads in bounds).
                groups = (available + bitWidth - 1) / bitWidth;
            }
            CorruptDataException.check(groups > 0 || bitWidth == 0, "empty bit-packed run");
            packedRemaining = (int) Math.min(Integer.MAX_VALUE, groups * 8L);
            groupPosition = 8;
        } else {
            rleRemaining = header >>> 1;
            CorruptDataException.check(end - position >= valueBytes, "RLE run value is cut off");
            int value = 0;
            for (int i = 0; i < valueBytes; i++) {
                value |= (buffer[position + i] & 0xFF) << (8 * i);
            }
            position += valueBytes;
            rleValue = value;
        }
    }

    private int readUnsignedVarInt() {
        int value = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            CorruptDataException.check(position < end, "RLE/bit-packed data ended before all values were read");
            int b = buffer[position++] & 0xFF;
            value |= (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                CorruptDataException.check(value >= 0 || shift < 28, "RLE run header overflows");
                return value;
            }
        }
        throw new CorruptDataException("RLE run header is not a valid varint");
    }
}
