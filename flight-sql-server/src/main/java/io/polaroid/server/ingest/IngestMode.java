package io.polaroid.server.ingest;

import java.util.Objects;

/**
 * What an ingest does depending on whether its dataset exists, as Flight SQL's
 * {@code CommandStatementIngest.TableDefinitionOptions} says.
 *
 * @param ifMissing  when the dataset does not exist
 * @param ifExists   when it does
 */
public record IngestMode(IfMissing ifMissing, IfExists ifExists) {
    public enum IfMissing { FAIL, CREATE }

    public enum IfExists { FAIL, APPEND, REPLACE }

    public IngestMode {
        Objects.requireNonNull(ifMissing, "ifMissing");
        Objects.requireNonNull(ifExists, "ifExists");
    }

    /** Create a new dataset; fail if it exists. */
    public static final IngestMode CREATE = new IngestMode(IfMissing.CREATE, IfExists.FAIL);
    /** Append to an existing dataset; fail if it does not exist. */
    public static final IngestMode APPEND = new IngestMode(IfMissing.FAIL, IfExists.APPEND);
}
