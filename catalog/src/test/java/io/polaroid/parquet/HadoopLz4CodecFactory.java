package io.polaroid.parquet;

import io.airlift.compress.lz4.Lz4HadoopStreams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Lets parquet-java write the deprecated LZ4 codec (Hadoop block framing) without Hadoop's native-backed
 * Lz4Codec: aircompressor's Hadoop-compatible LZ4 stream writes the same framing.
 */
final class HadoopLz4CodecFactory implements CompressionCodecFactory {
    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codecName) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (OutputStream lz4 = new Lz4HadoopStreams().createOutputStream(out)) {
                    bytes.writeAllTo(lz4);
                }
                return BytesInput.from(out.toByteArray());
            }

            @Override
            public CompressionCodecName getCodecName() {
                return CompressionCodecName.LZ4;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codecName) {
        throw new UnsupportedOperationException("write-only");
    }

    @Override
    public void release() {
    }
}
