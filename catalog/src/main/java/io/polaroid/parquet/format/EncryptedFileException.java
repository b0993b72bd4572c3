package io.polaroid.parquet.format;

/** The file uses Parquet modular encryption, which Polaroid does not read. */
public final class EncryptedFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public EncryptedFileException(String message) {
        super(message, null, false, false);
    }
}
