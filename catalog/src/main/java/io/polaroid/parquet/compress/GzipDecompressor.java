package io.polaroid.parquet.compress;

import io.polaroid.parquet.format.CorruptDataException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/** GZIP pages (RFC 1952 members, possibly several) through the JDK's inflater. */
final class GzipDecompressor implements PageDecompressor {
    @Override
    public boolean plausibleSize(byte[] input, int offset, int length, int uncompressedLength) {
        if (length < 18) {
            return false;
        }
        // ISIZE, the member's uncompressed size modulo 2^32, ends a single-member stream.
        int end = offset + length;
        long isize = (input[end - 4] & 0xFFL) | (input[end - 3] & 0xFFL) << 8 | (input[end - 2] & 0xFFL) << 16
                | (input[end - 1] & 0xFFL) << 24;
        return isize == uncompressedLength || uncompressedLength <= Decompressors.MAX_UNVERIFIED_PAGE_SIZE;
    }

    @Override
    public void decompress(byte[] input, int offset, int length, byte[] output, int uncompressedLength) {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(input, offset, length), 64 * 1024)) {
            int total = 0;
            while (total < uncompressedLength) {
                int n = in.read(output, total, uncompressedLength - total);
                if (n < 0) {
                    break;
                }
                total += n;
            }
            CorruptDataException.check(total == uncompressedLength && in.read() < 0,
                    "GZIP page does not decompress to its declared " + uncompressedLength + " bytes");
        } catch (IOException e) {
            throw new CorruptDataException("invalid GZIP page: " + e.getMessage());
        }
    }
}
