package io.polaroid.parquet.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.polaroid.parquet.format.CorruptDataException;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.bytestreamsplit.ByteStreamSplitValuesWriter;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForInteger;
import org.apache.parquet.column.values.delta.DeltaBinaryPackingValuesWriterForLong;
import org.apache.parquet.column.values.deltalengthbytearray.DeltaLengthByteArrayValuesWriter;
import org.apache.parquet.column.values.deltastrings.DeltaByteArrayWriter;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridEncoder;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our decoders against parquet-java's encoders, value for value, including the edges of each encoding. */
class DecodersTest {
    private static final HeapByteBufferAllocator HEAP = new HeapByteBufferAllocator();

    /** The encoded bytes in a buffer padded like every decoder input. */
    private static byte[] padded(BytesInput bytes) throws IOException {
        byte[] raw = bytes.toByteArray();
        return Arrays.copyOf(raw, raw.length + Bytes.PADDING);
    }

    private static int length(byte[] padded) {
        return padded.length - Bytes.PADDING;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 5, 7, 8, 9, 13, 16, 17, 24, 31, 32})
    void rleBitPackedHybrid(int bitWidth) throws IOException {
        SplittableRandom random = new SplittableRandom(bitWidth);
        int[] values = new int[10_007];
        long max = bitWidth == 32 ? 0xFFFF_FFFFL : (1L << bitWidth) - 1;
        for (int i = 0; i < values.length; ) {
            int run = random.nextInt(3) == 0 ? random.nextInt(1, 40) : 1;
            int value = (int) (max == 0 ? 0 : random.nextLong(max + 1));
            for (int k = 0; k < run && i < values.length; k++) {
                values[i++] = value;
            }
        }
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(bitWidth, 64, 1 << 20, HEAP);
        for (int value : values) {
            encoder.writeInt(value);
        }
        byte[] bytes = padded(encoder.toBytes());
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(bitWidth).reset(bytes, 0, length(bytes));
        int[] decoded = new int[values.length];
        // Uneven reads cross run and group boundaries.
        for (int done = 0, step = 1; done < values.length; step = step * 3 % 1001 + 1) {
            int n = Math.min(step, values.length - done);
            decoder.read(decoded, done, n);
            done += n;
        }
        assertArrayEquals(values, decoded);
    }

    @Test
    void rleStreamThatEndsEarlyIsCorrupt() throws IOException {
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(3, 64, 1 << 20, HEAP);
        for (int i = 0; i < 100; i++) {
            encoder.writeInt(i % 8);
        }
        byte[] bytes = padded(encoder.toBytes());
        RleBitPackedDecoder decoder = new RleBitPackedDecoder(3).reset(bytes, 0, length(bytes));
        int[] out = new int[200];
        assertThrows(CorruptDataException.class, () -> decoder.read(out, 0, 200));
    }

    @Test
    void deltaBinaryPackedIntegersAndLongs() throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        int[] ints = new int[5_000];
        long[] longs = new long[5_000];
        for (int i = 0; i < ints.length; i++) {
            ints[i] = switch (i % 7) {
                case 0 -> Integer.MIN_VALUE;
                case 1 -> Integer.MAX_VALUE;
                case 2 -> random.nextInt();
                default -> i * 3 + random.nextInt(5);
            };
            longs[i] = switch (i % 5) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MAX_VALUE;
                case 2 -> random.nextLong();
                default -> i * 1_000_000_007L;
            };
        }
        DeltaBinaryPackingValuesWriterForInteger intWriter = new DeltaBinaryPackingValuesWriterForInteger(64, 1 << 20, HEAP);
        DeltaBinaryPackingValuesWriterForLong longWriter = new DeltaBinaryPackingValuesWriterForLong(64, 1 << 20, HEAP);
        for (int i = 0; i < ints.length; i++) {
            intWriter.writeInteger(ints[i]);
            longWriter.writeLong(longs[i]);
        }
        byte[] intBytes = padded(intWriter.getBytes());
        long[] decoded = new long[ints.length];
        DeltaBinaryPackedDecoder ints32 = new DeltaBinaryPackedDecoder(intBytes, 0, length(intBytes), true, ints.length);
        ints32.read(decoded, 1000);
        ints32.read(Arrays.copyOfRange(decoded, 0, 0), 0);
        long[] rest = new long[ints.length - 1000];
        ints32.read(rest, rest.length);
        System.arraycopy(rest, 0, decoded, 1000, rest.length);
        assertArrayEquals(Arrays.stream(ints).asLongStream().toArray(), decoded);
        assertEquals(length(intBytes), ints32.endPosition());

        byte[] longBytes = padded(longWriter.getBytes());
        DeltaBinaryPackedDecoder longs64 = new DeltaBinaryPackedDecoder(longBytes, 0, length(longBytes), false, longs.length);
        long[] decodedLongs = new long[longs.length];
        longs64.read(decodedLongs, longs.length);
        assertArrayEquals(longs, decodedLongs);
        assertThrows(CorruptDataException.class, () -> longs64.read(new long[1], 1));
        assertThrows(CorruptDataException.class,
                () -> new DeltaBinaryPackedDecoder(longBytes, 0, length(longBytes), false, longs.length - 1));
    }

    private static Binary[] strings(int count) {
        Binary[] values = new Binary[count];
        for (int i = 0; i < count; i++) {
            String text = i % 50 == 0 ? "" : "prefix/shared/" + (i / 7) + "/é" + "x".repeat(i % 30);
            values[i] = Binary.fromString(text);
        }
        return values;
    }

    private static void assertDecodes(Binary[] expected, BinaryValuesDecoder decoder) {
        BinaryChunk chunk = new BinaryChunk();
        int done = 0;
        for (int step = 1; done < expected.length; step = step * 5 % 997 + 1) {
            int n = Math.min(step, expected.length - done);
            decoder.read(chunk, n);
            for (int i = 0; i < n; i++) {
                byte[] actual = Arrays.copyOfRange(chunk.data(), chunk.offsets()[i], chunk.offsets()[i + 1]);
                assertArrayEquals(expected[done + i].getBytes(), actual, "value " + (done + i));
            }
            done += n;
        }
    }

    @Test
    void deltaLengthAndDeltaByteArrays() throws IOException {
        Binary[] values = strings(3_000);
        ValuesWriter lengths = new DeltaLengthByteArrayValuesWriter(64, 1 << 20, HEAP);
        ValuesWriter incremental = new DeltaByteArrayWriter(64, 1 << 20, HEAP);
        for (Binary value : values) {
            lengths.writeBytes(value);
            incremental.writeBytes(value);
        }
        byte[] dlba = padded(lengths.getBytes());
        assertDecodes(values, new DeltaLengthBinaryDecoder(dlba, 0, length(dlba), values.length));
        byte[] dba = padded(incremental.getBytes());
        assertDecodes(values, new DeltaByteArrayDecoder(dba, 0, length(dba), values.length));
    }

    @Test
    void byteStreamSplitOfIntsAndFixedLengthBytes() throws IOException {
        ByteStreamSplitValuesWriter.IntegerByteStreamSplitValuesWriter ints =
                new ByteStreamSplitValuesWriter.IntegerByteStreamSplitValuesWriter(64, 1 << 20, HEAP);
        ByteStreamSplitValuesWriter.FixedLenByteArrayByteStreamSplitValuesWriter fixed =
                new ByteStreamSplitValuesWriter.FixedLenByteArrayByteStreamSplitValuesWriter(3, 64, 1 << 20, HEAP);
        int count = 1_001;
        Binary[] triples = new Binary[count];
        long[] expected = new long[count];
        for (int i = 0; i < count; i++) {
            expected[i] = i * -77_777;
            ints.writeInteger((int) expected[i]);
            triples[i] = Binary.fromConstantByteArray(new byte[] {(byte) i, (byte) (i >> 8), (byte) -i});
            fixed.writeBytes(triples[i]);
        }
        byte[] intBytes = padded(ints.getBytes());
        long[] decoded = new long[count];
        new ByteStreamSplitDecoder(4, true, intBytes, 0, length(intBytes)).read(decoded, count);
        assertArrayEquals(expected, decoded);
        byte[] fixedBytes = padded(fixed.getBytes());
        assertDecodes(triples, new ByteStreamSplitBinaryDecoder(3, fixedBytes, 0, length(fixedBytes)));
    }

    @Test
    void plainByteArrayWithALengthPastThePageIsCorrupt() {
        byte[] bytes = new byte[8 + Bytes.PADDING];
        Bytes.putInt(bytes, 0, 1_000_000);
        PlainBinaryDecoder decoder = new PlainBinaryDecoder(bytes, 0, 8);
        assertThrows(CorruptDataException.class, () -> decoder.read(new BinaryChunk(), 1));
    }

    @Test
    void dictionaryIndexOutsideTheDictionaryIsCorrupt() throws IOException {
        RunLengthBitPackingHybridEncoder encoder = new RunLengthBitPackingHybridEncoder(4, 64, 1 << 20, HEAP);
        for (int i = 0; i < 16; i++) {
            encoder.writeInt(i);
        }
        byte[] raw = encoder.toBytes().toByteArray();
        byte[] bytes = new byte[raw.length + 1 + Bytes.PADDING];
        bytes[0] = 4;
        System.arraycopy(raw, 0, bytes, 1, raw.length);
        FixedDictionaryDecoder decoder = new FixedDictionaryDecoder(new long[10], bytes, 0, raw.length + 1, new int[16]);
        assertThrows(CorruptDataException.class, () -> decoder.read(new long[16], 16));
    }
}
