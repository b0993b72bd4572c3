package io.polaroid.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.columnar.Batch;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of bad input fails with a clear PolaroidException naming the file, never leaks, never hangs. */
class BadInputTest extends AllocatorTest {

    private static PolaroidException footerFails(Path file, ErrorCode code, String messagePart) {
        PolaroidException error = assertThrows(PolaroidException.class, () -> ParquetFooter.read(file));
        assertEquals(code, error.code(), error.getMessage());
        assertTrue(error.getMessage().contains(file.toString()), "message names the file: " + error.getMessage());
        assertTrue(error.getMessage().contains(messagePart), error.getMessage());
        return error;
    }

    private Path duckFile(String name, String options) {
        Path file = dir.resolve(name);
        try (DuckDb duck = new DuckDb()) {
            duck.copy(DuckDbInteropTest.ALL_TYPES.replace("ROWS", "3000"), file, options);
        }
        return file;
    }

    @Test
    void missingFile() {
        footerFails(dir.resolve("nope.parquet"), ErrorCode.FILE_NOT_FOUND, "not found");
    }

    @Test
    void directory() {
        footerFails(dir, ErrorCode.DATA_CORRUPTED, "directory");
    }

    @Test
    void emptyFile() throws IOException {
        Path file = Files.createFile(dir.resolve("empty.parquet"));
        footerFails(file, ErrorCode.DATA_CORRUPTED, "empty");
    }

    @Test
    void notParquet() throws IOException {
        Path file = Files.writeString(dir.resolve("text.parquet"), "id,name\n1,one\n2,two\n3,three\n");
        footerFails(file, ErrorCode.DATA_CORRUPTED, "not a Parquet file");
        Path tiny = Files.writeString(dir.resolve("tiny.parquet"), "PAR1");
        footerFails(tiny, ErrorCode.DATA_CORRUPTED, "too small");
    }

    @ParameterizedTest
    @ValueSource(ints = {5, 100, 1000, 20_000, -100, -9, -1})
    void truncatedFile(int cut) throws IOException {
        Path file = duckFile("whole.parquet", "");
        byte[] bytes = Files.readAllBytes(file);
        int length = cut > 0 ? Math.min(cut, bytes.length - 1) : bytes.length + cut;
        Path truncated = Files.write(dir.resolve("truncated.parquet"), Arrays.copyOf(bytes, length));
        footerFails(truncated, ErrorCode.DATA_CORRUPTED, "");
    }

    @Test
    void footerLengthLargerThanTheFile() throws IOException {
        Path file = duckFile("len.parquet", "");
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 5] = (byte) 0x7F;
        footerFails(Files.write(file, bytes), ErrorCode.DATA_CORRUPTED, "footer length");
    }

    private Path encrypted(String name, boolean plaintextFooter) {
        Path file = dir.resolve(name);
        MessageType schema = MessageTypeParser.parseMessageType("message m { required int64 id; optional binary s (STRING); }");
        byte[] key = "0123456789012345".getBytes(StandardCharsets.US_ASCII);
        FileEncryptionProperties.Builder encryption = FileEncryptionProperties.builder(key);
        if (plaintextFooter) {
            encryption.withPlaintextFooter();
        }
        ParquetJavaFiles.write(ParquetJavaFiles.builder(file, schema, ParquetJavaFiles.Options.defaults())
                .withEncryption(encryption.build()), schema, 100, (i, group) -> {
                    group.add("id", (long) i);
                    group.add("s", "x" + i);
                });
        return file;
    }

    @Test
    void encryptedFooter() {
        footerFails(encrypted("enc.parquet", false), ErrorCode.DATA_CORRUPTED, "encrypted");
    }

    @Test
    void plaintextFooterWithEncryptedColumns() {
        footerFails(encrypted("enc-plain.parquet", true), ErrorCode.DATA_CORRUPTED, "encrypted");
    }

    @Test
    void unsupportedCodecNamesFileColumnAndCodec() {
        Path file = duckFile("brotli.parquet", "COMPRESSION brotli");
        ParquetFooter footer = ParquetFooter.read(file);
        PolaroidException error = assertThrows(PolaroidException.class, () -> Reads.rows(footer, Reads.all(footer, 500), allocator));
        assertEquals(ErrorCode.FEATURE_NOT_SUPPORTED, error.code());
        assertTrue(error.getMessage().contains(file.toString()) && error.getMessage().contains("'id'")
                && error.getMessage().contains("BROTLI"), error.getMessage());
    }

    @Test
    void fileChangedSinceItsFooterWasRead() throws IOException {
        Path file = duckFile("changing.parquet", "");
        ParquetFooter footer = ParquetFooter.read(file);
        Files.setLastModifiedTime(file, FileTime.fromMillis(footer.lastModifiedMillis() - 60_000));
        PolaroidException error = assertThrows(PolaroidException.class,
                () -> ParquetReader.open(footer, Reads.all(footer, 100), allocator));
        assertEquals(ErrorCode.IO_ERROR, error.code());
        assertTrue(error.getMessage().contains("changed"), error.getMessage());
    }

    @Test
    void fileDeletedAfterItsFooterWasRead() throws IOException {
        Path file = duckFile("deleted.parquet", "");
        ParquetFooter footer = ParquetFooter.read(file);
        Files.delete(file);
        assertEquals(ErrorCode.FILE_NOT_FOUND, assertThrows(PolaroidException.class,
                () -> ParquetReader.open(footer, Reads.all(footer, 100), allocator)).code());
    }

    /**
     * Random byte corruption anywhere in a file (pages, page headers, footer) must end in a PolaroidException or
     * in values; never another exception, a leak, a huge allocation or a hang.
     */
    @ParameterizedTest
    @ValueSource(strings = {"COMPRESSION uncompressed", "COMPRESSION snappy, PARQUET_VERSION v2", "COMPRESSION zstd"})
    void randomCorruptionFailsCleanly(String options) throws IOException {
        fuzz(duckFile("fuzz-source.parquet", options + ", ROW_GROUP_SIZE 1000"), options.hashCode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"v1", "v2"})
    void randomCorruptionOfNestedColumnsFailsCleanly(String version) throws IOException {
        Path file = dir.resolve("nested-fuzz-source.parquet");
        try (DuckDb duck = new DuckDb()) {
            duck.copy(DuckDbInteropTest.NESTED.replace("ROWS", "2000"), file,
                    "COMPRESSION uncompressed, PARQUET_VERSION " + version);
        }
        fuzz(file, version.hashCode());
    }

    /**
     * Random byte corruption anywhere in a file (pages, page headers, footer) must end in a PolaroidException or
     * in values; never another exception, a leak, a huge allocation or a hang.
     */
    private void fuzz(Path original, long seed) throws IOException {
        byte[] bytes = Files.readAllBytes(original);
        SplittableRandom random = new SplittableRandom(seed);
        Path file = dir.resolve("fuzzed.parquet");
        int failures = 0;
        for (int attempt = 0; attempt < 150; attempt++) {
            byte[] corrupt = bytes.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                // Half the time aim at the footer, where sizes and offsets live.
                int footerStart = Math.max(0, corrupt.length - 4000);
                int at = random.nextBoolean() ? footerStart + random.nextInt(corrupt.length - footerStart)
                        : random.nextInt(corrupt.length);
                corrupt[at] = (byte) random.nextInt(256);
            }
            Files.write(file, corrupt);
            try {
                ParquetFooter footer = ParquetFooter.read(file);
                Reads.drain(footer, Reads.all(footer, 700), allocator);
            } catch (PolaroidException e) {
                failures++;
                assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
            }
            assertEquals(0, allocator.getAllocatedMemory(), "leak after attempt " + attempt);
        }
        assertTrue(failures > 0, "some corruptions must be detected");
    }

    @Test
    void corruptPageDataNamesTheColumn() throws IOException {
        Path file = duckFile("pages.parquet", "COMPRESSION uncompressed");
        ParquetFooter footer = ParquetFooter.read(file);
        byte[] bytes = Files.readAllBytes(file);
        // Overwrite the first page header of the first chunk with garbage: a header that cannot be parsed.
        Arrays.fill(bytes, 4, 40, (byte) 0xFF);
        Files.write(file, bytes);
        Files.setLastModifiedTime(file, FileTime.fromMillis(footer.lastModifiedMillis()));
        PolaroidException error = assertThrows(PolaroidException.class, () -> Reads.rows(footer, Reads.all(footer, 500), allocator));
        assertEquals(ErrorCode.DATA_CORRUPTED, error.code());
        assertTrue(error.getMessage().contains("'id'") && error.getMessage().contains(file.toString()), error.getMessage());
    }

    @Test
    void badRequests() {
        Path file = duckFile("requests.parquet", "");
        ParquetFooter footer = ParquetFooter.read(file);
        assertEquals(ErrorCode.INVALID_PARAMETER_VALUE, assertThrows(PolaroidException.class, () -> ParquetReader.open(
                footer, new ParquetReadRequest(footer.arrowSchema().getFields(), List.of(7), 100), allocator)).code());
        var wrongType = new org.apache.arrow.vector.types.pojo.Field("s",
                org.apache.arrow.vector.types.pojo.FieldType.nullable(new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)), null);
        PolaroidException mismatch = assertThrows(PolaroidException.class,
                () -> ParquetReader.open(footer, new ParquetReadRequest(List.of(wrongType), List.of(0), 100), allocator));
        assertEquals(ErrorCode.SCHEMA_MISMATCH, mismatch.code());
        assertTrue(mismatch.getMessage().contains("'s'"), mismatch.getMessage());
        var missingRequired = new org.apache.arrow.vector.types.pojo.Field("absent",
                org.apache.arrow.vector.types.pojo.FieldType.notNullable(new org.apache.arrow.vector.types.pojo.ArrowType.Int(64, true)), null);
        assertEquals(ErrorCode.SCHEMA_MISMATCH, assertThrows(PolaroidException.class,
                () -> ParquetReader.open(footer, new ParquetReadRequest(List.of(missingRequired), List.of(0), 100), allocator)).code());
        try (ParquetReader reader = ParquetReader.open(footer, Reads.all(footer, 100), allocator)) {
            Batch batch = reader.next();
            assertEquals(100, batch.rowCount());
        }
    }
}
