package io.polaroid.parquet.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.apache.parquet.column.values.rle.RunLengthBitPackingHybridDecoder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Our RLE/bit-packed encoder, decoded by parquet-java's decoder. */
class RleEncoderTest {
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 8, 11, 20, 32})
    void parquetJavaDecodesWhatWeEncode(int bitWidth) throws IOException {
        SplittableRandom random = new SplittableRandom(bitWidth);
        int count = 9_999;
        int[] values = new int[count];
        long bound = bitWidth == 32 ? 1L << 32 : 1L << bitWidth;
        for (int i = 0; i < count; ) {
            int run = random.nextInt(4) == 0 ? random.nextInt(1, 30) : 1;
            int value = (int) random.nextLong(bound);
            for (int k = 0; k < run && i < count; k++) {
                values[i++] = value;
            }
        }
        ByteSink out = new ByteSink(16);
        RleEncoder.encode(values, count, bitWidth, out);
        RunLengthBitPackingHybridDecoder decoder = new RunLengthBitPackingHybridDecoder(bitWidth,
                new ByteArrayInputStream(out.array(), 0, out.size()));
        for (int i = 0; i < count; i++) {
            assertEquals(values[i], decoder.readInt(), "value " + i);
        }
    }
}
