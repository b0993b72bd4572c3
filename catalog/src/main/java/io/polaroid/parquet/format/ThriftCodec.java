package io.polaroid.parquet.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.PageHeader;
import org.apache.parquet.format.Util;
import shaded.parquet.org.apache.thrift.TBase;
import shaded.parquet.org.apache.thrift.TConfiguration;
import shaded.parquet.org.apache.thrift.TException;
import shaded.parquet.org.apache.thrift.protocol.TCompactProtocol;
import shaded.parquet.org.apache.thrift.transport.TIOStreamTransport;

/**
 * Reads and writes the thrift structures of Parquet (compact protocol).
 *
 * <p>Reads are bounded by the bytes that can actually hold the structure: thrift refuses a string, binary
 * or list whose declared size exceeds the message size, so a corrupt length can never make us allocate
 * more than the region it was read from.
 */
public final class ThriftCodec {
    private static final int MAX_NESTING = 64;

    private ThriftCodec() {
    }

    /** Reads a {@link FileMetaData} from {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public static FileMetaData readFileMetaData(byte[] bytes, int offset, int length) {
        FileMetaData metadata = new FileMetaData();
        read(metadata, new ArrayInput(bytes, offset, length));
        return metadata;
    }

    /** A page header read from a byte region, and how many bytes it took. */
    public record Header(PageHeader header, int size) {
    }

    /** Reads one page header from at most {@code length} bytes of {@code bytes} starting at {@code offset}. */
    public static Header readPageHeader(byte[] bytes, int offset, int length) {
        ArrayInput input = new ArrayInput(bytes, offset, length);
        PageHeader header = new PageHeader();
        read(header, input);
        return new Header(header, input.position - offset);
    }

    public static void writePageHeader(PageHeader header, OutputStream out) throws IOException {
        Util.writePageHeader(header, out);
    }

    public static byte[] serialize(FileMetaData metadata) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            Util.writeFileMetaData(metadata, out);
        } catch (IOException e) {
            throw new IllegalStateException("in-memory thrift serialization failed", e);
        }
        return out.toByteArray();
    }

    private static void read(TBase<?, ?> target, ArrayInput input) {
        int limit = Math.max(1, input.limit - input.position);
        try {
            TConfiguration configuration = new TConfiguration(limit, limit, MAX_NESTING);
            target.read(new TCompactProtocol(new TIOStreamTransport(configuration, input)));
        } catch (TException | RuntimeException e) {
            String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw new CorruptDataException("invalid thrift " + target.getClass().getSimpleName() + ": " + detail);
        }
    }

    /** An input stream over a byte range that knows its position (ByteArrayInputStream hides it). */
    private static final class ArrayInput extends InputStream {
        private final byte[] bytes;
        private final int limit;
        private int position;

        ArrayInput(byte[] bytes, int offset, int length) {
            if (offset < 0 || length < 0 || offset + length > bytes.length) {
                throw new CorruptDataException("thrift region outside its buffer");
            }
            this.bytes = bytes;
            this.position = offset;
            this.limit = offset + length;
        }

        @Override
        public int read() {
            return position < limit ? bytes[position++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            int n = Math.min(length, limit - position);
            if (n <= 0) {
                return -1;
            }
            System.arraycopy(bytes, position, target, offset, n);
            position += n;
            return n;
        }

        @Override
        public int available() {
            return limit - position;
        }
    }
}
