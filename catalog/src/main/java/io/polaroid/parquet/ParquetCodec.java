package io.polaroid.parquet;

/** The compression codecs {@link ParquetWriter} can write. The reader also reads Hadoop-framed LZ4. */
public enum ParquetCodec {
    UNCOMPRESSED, SNAPPY, GZIP, ZSTD, LZ4_RAW
}
