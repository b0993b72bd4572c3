package io.polaroid.parquet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;

/** Writes test files with parquet-java's example (Group) writer. */
final class ParquetJavaFiles {
    private ParquetJavaFiles() {
    }

    /** The writer options a test varies. */
    record Options(CompressionCodecName codec, boolean v2, boolean dictionary, boolean byteStreamSplit, int pageSize,
                   int rowGroupSize) {
        static Options defaults() {
            return new Options(CompressionCodecName.SNAPPY, false, true, false, 8 * 1024, 128 * 1024);
        }

        Options with(CompressionCodecName newCodec, boolean newV2, boolean newDictionary) {
            return new Options(newCodec, newV2, newDictionary, byteStreamSplit, pageSize, rowGroupSize);
        }

        Options withByteStreamSplit() {
            return new Options(codec, v2, false, true, pageSize, rowGroupSize);
        }
    }

    static ExampleParquetWriter.Builder builder(Path file, MessageType schema, Options options) {
        ExampleParquetWriter.Builder builder = ExampleParquetWriter.builder(new LocalOutputFile(file));
        if (options.codec() == CompressionCodecName.LZ4) {
            builder = builder.withCodecFactory(new HadoopLz4CodecFactory());
        }
        return builder
                .withConf(new Configuration(false))
                .withType(schema)
                .withCompressionCodec(options.codec())
                .withWriterVersion(options.v2() ? ParquetProperties.WriterVersion.PARQUET_2_0
                        : ParquetProperties.WriterVersion.PARQUET_1_0)
                .withDictionaryEncoding(options.dictionary())
                .withByteStreamSplitEncoding(options.byteStreamSplit())
                .withPageSize(options.pageSize())
                .withDictionaryPageSize(options.pageSize())
                .withRowGroupSize((long) options.rowGroupSize());
    }

    static void write(Path file, MessageType schema, Options options, int rows, RowWriter rowWriter) {
        write(builder(file, schema, options), schema, rows, rowWriter);
    }

    static void write(ExampleParquetWriter.Builder builder, MessageType schema, int rows, RowWriter rowWriter) {
        org.apache.parquet.example.data.simple.SimpleGroupFactory factory =
                new org.apache.parquet.example.data.simple.SimpleGroupFactory(schema);
        try (ParquetWriter<Group> writer = builder.build()) {
            for (int i = 0; i < rows; i++) {
                Group group = factory.newGroup();
                rowWriter.write(i, group);
                writer.write(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * parquet-java's record reader over a local file, without Hadoop's FileSystem (whose user lookup fails on
     * JDK 23+).
     */
    static org.apache.parquet.hadoop.ParquetReader<Group> reader(Path file) throws IOException {
        return new org.apache.parquet.hadoop.ParquetReader.Builder<Group>(new org.apache.parquet.io.LocalInputFile(file),
                new org.apache.parquet.conf.PlainParquetConfiguration()) {
            @Override
            protected org.apache.parquet.hadoop.api.ReadSupport<Group> getReadSupport() {
                return new org.apache.parquet.hadoop.example.GroupReadSupport();
            }
        }.build();
    }

    /** Fills the group of row {@code i}. */
    interface RowWriter {
        void write(int i, Group group);
    }
}
