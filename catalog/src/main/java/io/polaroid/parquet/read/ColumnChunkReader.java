package io.polaroid.parquet.read;

import io.polaroid.parquet.compress.Decompressors;
import io.polaroid.parquet.compress.PageDecompressor;
import io.polaroid.parquet.decode.BinaryChunk;
import io.polaroid.parquet.decode.BinaryDictionaryDecoder;
import io.polaroid.parquet.decode.BinaryValuesDecoder;
import io.polaroid.parquet.decode.ByteStreamSplitBinaryDecoder;
import io.polaroid.parquet.decode.ByteStreamSplitDecoder;
import io.polaroid.parquet.decode.Bytes;
import io.polaroid.parquet.decode.DeltaBinaryPackedDecoder;
import io.polaroid.parquet.decode.DeltaByteArrayDecoder;
import io.polaroid.parquet.decode.DeltaLengthBinaryDecoder;
import io.polaroid.parquet.decode.FixedDictionaryDecoder;
import io.polaroid.parquet.decode.FixedValuesDecoder;
import io.polaroid.parquet.decode.LegacyBitPackedLevels;
import io.polaroid.parquet.decode.LevelDecoder;
import io.polaroid.parquet.decode.PlainBinaryDecoder;
import io.polaroid.parquet.decode.PlainBooleanDecoder;
import io.polaroid.parquet.decode.PlainFixedBinaryDecoder;
import io.polaroid.parquet.decode.PlainFixedDecoder;
import io.polaroid.parquet.decode.PlainInt96Decoder;
import io.polaroid.parquet.decode.RleBitPackedDecoder;
import io.polaroid.parquet.decode.RleBooleanDecoder;
import io.polaroid.parquet.format.ColumnChunkMeta;
import io.polaroid.parquet.format.CorruptDataException;
import io.polaroid.parquet.format.FileReads;
import io.polaroid.parquet.page.DataPage;
import io.polaroid.parquet.page.DictionaryPage;
import io.polaroid.parquet.page.PageReader;
import io.polaroid.parquet.schema.LeafColumn;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.EnumMap;
import java.util.Map;
import org.apache.parquet.format.CompressionCodec;
import org.apache.parquet.format.Encoding;
import org.apache.parquet.format.Type;

/**
 * Reads one leaf column, chunk after chunk (one per row group): fetches the whole chunk with one positional
 * read, walks its pages, decodes the dictionary once, and for each data page sets up level decoders and the
 * value decoder for the page's encoding. Callers consume a page as levels plus values, then ask for more.
 */
public final class ColumnChunkReader {
    private final LeafColumn column;
    private final FileChannel channel;
    private final int definitionBitWidth;
    private final int repetitionBitWidth;
    private final Map<CompressionCodec, PageDecompressor> decompressors = new EnumMap<>(CompressionCodec.class);
    private byte[] chunkBuffer;
    private byte[] pageBuffer;
    private final int[] indexScratch = new int[LeafValues.STEP];
    private PageReader pages;
    private long[] fixedDictionary;
    private BinaryChunk binaryDictionary;
    private int pageRemaining;
    private LevelDecoder definitionLevels;
    private LevelDecoder repetitionLevels;
    private FixedValuesDecoder fixedValues;
    private BinaryValuesDecoder binaryValues;

    public ColumnChunkReader(LeafColumn column, FileChannel channel) {
        this.column = column;
        this.channel = channel;
        this.definitionBitWidth = bitWidth(column.maxDefinitionLevel());
        this.repetitionBitWidth = bitWidth(column.maxRepetitionLevel());
    }

    public LeafColumn column() {
        return column;
    }

    /** Starts reading {@code chunk}: reads its bytes from the file. */
    public void open(ColumnChunkMeta chunk) throws IOException {
        CorruptDataException.check(chunk.length() <= Integer.MAX_VALUE - Bytes.PADDING - 16,
                "column chunk of " + chunk.length() + " bytes is larger than 2 GiB");
        int length = (int) chunk.length();
        PageDecompressor decompressor = decompressors.computeIfAbsent(chunk.codec(),
                codec -> Decompressors.forCodec(codec).orElse(null));
        if (decompressor == null) {
            throw new UnsupportedCodecException(chunk.codec());
        }
        chunkBuffer = Bytes.ensureCapacity(chunkBuffer, length);
        FileReads.readFully(channel, chunk.start(), chunkBuffer, 0, length);
        pages = new PageReader(chunkBuffer, length, decompressor, chunk.codec() == CompressionCodec.UNCOMPRESSED,
                pageBuffer);
        fixedDictionary = null;
        binaryDictionary = null;
        pageRemaining = 0;
        fixedValues = null;
        binaryValues = null;
    }

    /**
     * Level entries left in the current page; loads the next data page when the current one is used up.
     * Returns 0 at the end of the chunk.
     */
    public int available() {
        while (pageRemaining == 0) {
            Object page = pages.next();
            pageBuffer = pages.pageBuffer();
            if (page == null) {
                return 0;
            }
            if (page instanceof DictionaryPage dictionary) {
                readDictionary(dictionary);
            } else {
                startDataPage((DataPage) page);
            }
        }
        return pageRemaining;
    }

    /**
     * Reads {@code n} definition levels (n at most {@link #available()}) into {@code out[offset..]} and returns how
     * many are the max level, i.e. non-null values. A column without definition levels reads nothing and
     * returns {@code n}.
     */
    public int readDefinitionLevels(int[] out, int offset, int n) {
        if (definitionLevels == null) {
            return n;
        }
        return definitionLevels.read(out, offset, n, column.maxDefinitionLevel());
    }

    /** Reads {@code n} repetition levels; a column without them reads zeros. */
    public void readRepetitionLevels(int[] out, int offset, int n) {
        if (repetitionLevels == null) {
            java.util.Arrays.fill(out, offset, offset + n, 0);
        } else {
            repetitionLevels.read(out, offset, n, 0);
        }
    }

    /** Marks {@code n} entries of the current page consumed (their levels and values have been read). */
    public void consumed(int n) {
        pageRemaining -= n;
    }

    public FixedValuesDecoder fixedValues() {
        return fixedValues;
    }

    public BinaryValuesDecoder binaryValues() {
        return binaryValues;
    }

    private void readDictionary(DictionaryPage page) {
        Encoding encoding = page.encoding();
        CorruptDataException.check(encoding == Encoding.PLAIN || encoding == Encoding.PLAIN_DICTIONARY,
                "dictionary page encoded as " + encoding);
        byte[] buffer = page.buffer();
        int count = page.count();
        switch (column.physicalType()) {
            case INT32, FLOAT, INT64, DOUBLE -> {
                PlainFixedDecoder plain = new PlainFixedDecoder(width(column.physicalType()), buffer, page.start(), page.end());
                checkDictionarySize(count, plain.remainingValues());
                fixedDictionary = new long[count];
                plain.read(fixedDictionary, count);
            }
            case INT96 -> {
                PlainInt96Decoder plain = new PlainInt96Decoder(buffer, page.start(), page.end());
                checkDictionarySize(count, plain.remainingValues());
                fixedDictionary = new long[count];
                plain.read(fixedDictionary, count);
            }
            case BYTE_ARRAY -> {
                PlainBinaryDecoder plain = new PlainBinaryDecoder(buffer, page.start(), page.end());
                checkDictionarySize(count, plain.maxRemainingValues());
                binaryDictionary = new BinaryChunk();
                plain.read(binaryDictionary, count);
            }
            case FIXED_LEN_BYTE_ARRAY -> {
                PlainFixedBinaryDecoder plain = new PlainFixedBinaryDecoder(column.typeLength(), buffer, page.start(),
                        page.end());
                checkDictionarySize(count, plain.remainingValues());
                binaryDictionary = new BinaryChunk();
                plain.read(binaryDictionary, count);
            }
            default -> throw new CorruptDataException("dictionary page for a " + column.physicalType() + " column");
        }
    }

    private static void checkDictionarySize(int count, int fits) {
        CorruptDataException.check(count <= fits, "dictionary page claims " + count + " values but holds at most " + fits);
    }

    private void startDataPage(DataPage page) {
        int count = page.valueCount();
        byte[] levels = page.levelBuffer();
        int valuesStart;
        if (page.v2()) {
            repetitionLevels = column.maxRepetitionLevel() == 0 ? null
                    : new RleBitPackedDecoder(repetitionBitWidth).reset(levels, page.repetitionStart(), page.definitionStart());
            definitionLevels = column.maxDefinitionLevel() == 0 ? null
                    : new RleBitPackedDecoder(definitionBitWidth).reset(levels, page.definitionStart(), page.levelsEnd());
            valuesStart = page.valuesStart();
        } else {
            int position = page.repetitionStart();
            int end = page.levelsEnd();
            repetitionLevels = null;
            definitionLevels = null;
            if (column.maxRepetitionLevel() > 0) {
                LevelSection section = levelSection(page.repetitionEncoding(), repetitionBitWidth, levels, position, end, count);
                repetitionLevels = section.decoder();
                position = section.end();
            }
            if (column.maxDefinitionLevel() > 0) {
                LevelSection section = levelSection(page.definitionEncoding(), definitionBitWidth, levels, position, end, count);
                definitionLevels = section.decoder();
                position = section.end();
            }
            valuesStart = position;
        }
        fixedValues = null;
        binaryValues = null;
        createValueDecoder(page.valueEncoding(), page.valueBuffer(), valuesStart, page.valuesEnd(), count);
        pageRemaining = count;
    }

    private record LevelSection(LevelDecoder decoder, int end) {
    }

    private static LevelSection levelSection(Encoding encoding, int bitWidth, byte[] buffer, int position, int end,
                                             int count) {
        if (encoding == Encoding.BIT_PACKED) {
            int length = CorruptDataException.checkLength(LegacyBitPackedLevels.byteLength(count, bitWidth),
                    end - (long) position, "BIT_PACKED levels");
            return new LevelSection(new LegacyBitPackedLevels(bitWidth, buffer, position, position + length),
                    position + length);
        }
        CorruptDataException.check(encoding == Encoding.RLE, "levels encoded as " + encoding);
        CorruptDataException.check(end - position >= 4, "level section has no length prefix");
        int length = CorruptDataException.checkLength(Bytes.getInt(buffer, position), end - position - 4L, "level section");
        int start = position + 4;
        return new LevelSection(new RleBitPackedDecoder(bitWidth).reset(buffer, start, start + length), start + length);
    }

    private void createValueDecoder(Encoding encoding, byte[] buffer, int start, int end, int count) {
        Type type = column.physicalType();
        boolean dictionaryEncoded = encoding == Encoding.PLAIN_DICTIONARY || encoding == Encoding.RLE_DICTIONARY;
        switch (type) {
            case BOOLEAN -> fixedValues = switch (encoding) {
                case PLAIN -> new PlainBooleanDecoder(buffer, start, end);
                case RLE -> new RleBooleanDecoder(buffer, start, end);
                default -> throw unsupported(encoding);
            };
            case INT32, INT64, FLOAT, DOUBLE -> {
                int width = width(type);
                if (dictionaryEncoded) {
                    fixedValues = new FixedDictionaryDecoder(fixedDictionaryOrEmpty(), buffer, start, end, indexScratch);
                } else {
                    fixedValues = switch (encoding) {
                        case PLAIN -> new PlainFixedDecoder(width, buffer, start, end);
                        case DELTA_BINARY_PACKED -> {
                            if (type != Type.INT32 && type != Type.INT64) {
                                throw unsupported(encoding);
                            }
                            yield new DeltaBinaryPackedDecoder(buffer, start, end, type == Type.INT32, count);
                        }
                        case BYTE_STREAM_SPLIT -> new ByteStreamSplitDecoder(width, width == 4, buffer, start, end);
                        default -> throw unsupported(encoding);
                    };
                }
            }
            case INT96 -> {
                if (dictionaryEncoded) {
                    fixedValues = new FixedDictionaryDecoder(fixedDictionaryOrEmpty(), buffer, start, end, indexScratch);
                } else if (encoding == Encoding.PLAIN) {
                    fixedValues = new PlainInt96Decoder(buffer, start, end);
                } else {
                    throw unsupported(encoding);
                }
            }
            case BYTE_ARRAY, FIXED_LEN_BYTE_ARRAY -> {
                if (dictionaryEncoded) {
                    binaryValues = new BinaryDictionaryDecoder(binaryDictionaryOrEmpty(), buffer, start, end, indexScratch);
                } else {
                    binaryValues = switch (encoding) {
                        case PLAIN -> type == Type.BYTE_ARRAY ? new PlainBinaryDecoder(buffer, start, end)
                                : new PlainFixedBinaryDecoder(column.typeLength(), buffer, start, end);
                        case DELTA_LENGTH_BYTE_ARRAY -> {
                            if (type != Type.BYTE_ARRAY) {
                                throw unsupported(encoding);
                            }
                            yield new DeltaLengthBinaryDecoder(buffer, start, end, count);
                        }
                        case DELTA_BYTE_ARRAY -> new DeltaByteArrayDecoder(buffer, start, end, count);
                        case BYTE_STREAM_SPLIT -> {
                            if (type != Type.FIXED_LEN_BYTE_ARRAY) {
                                throw unsupported(encoding);
                            }
                            yield new ByteStreamSplitBinaryDecoder(column.typeLength(), buffer, start, end);
                        }
                        default -> throw unsupported(encoding);
                    };
                }
            }
            default -> throw unsupported(encoding);
        }
    }

    /**
     * A dictionary-encoded page without a dictionary page can only be read if all its values are null; an
     * empty dictionary lets such pages through and makes any index fail as corrupt.
     */
    private long[] fixedDictionaryOrEmpty() {
        return fixedDictionary != null ? fixedDictionary : new long[0];
    }

    private BinaryChunk binaryDictionaryOrEmpty() {
        if (binaryDictionary == null) {
            binaryDictionary = new BinaryChunk();
        }
        return binaryDictionary;
    }

    private CorruptDataException unsupported(Encoding encoding) {
        return new CorruptDataException("unsupported encoding " + encoding + " for a " + column.physicalType() + " column");
    }

    static int width(Type type) {
        return switch (type) {
            case INT32, FLOAT -> 4;
            case INT64, DOUBLE -> 8;
            default -> 0;
        };
    }

    private static int bitWidth(int maxLevel) {
        return 32 - Integer.numberOfLeadingZeros(maxLevel);
    }
}
