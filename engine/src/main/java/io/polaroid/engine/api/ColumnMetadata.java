package io.polaroid.engine.api;

/**
 * Keys of Arrow field metadata that describe a result column to SQL clients. They are the keys the
 * Flight SQL protocol defines ({@code ARROW:FLIGHT:SQL:*}), so a result schema means the same thing in
 * every mode: produced by the engine, sent over Flight unchanged, read by the JDBC front.
 */
public final class ColumnMetadata {
    public static final String CATALOG_NAME = "ARROW:FLIGHT:SQL:CATALOG_NAME";
    public static final String SCHEMA_NAME = "ARROW:FLIGHT:SQL:DB_SCHEMA_NAME";
    public static final String TABLE_NAME = "ARROW:FLIGHT:SQL:TABLE_NAME";
    /** The SQL type name as the dialect spells it, e.g. {@code VARCHAR}, {@code TIMESTAMP WITH TIME ZONE}. */
    public static final String TYPE_NAME = "ARROW:FLIGHT:SQL:TYPE_NAME";
    public static final String PRECISION = "ARROW:FLIGHT:SQL:PRECISION";
    public static final String SCALE = "ARROW:FLIGHT:SQL:SCALE";
    public static final String IS_AUTO_INCREMENT = "ARROW:FLIGHT:SQL:IS_AUTO_INCREMENT";
    public static final String IS_CASE_SENSITIVE = "ARROW:FLIGHT:SQL:IS_CASE_SENSITIVE";
    public static final String IS_READ_ONLY = "ARROW:FLIGHT:SQL:IS_READ_ONLY";
    public static final String IS_SEARCHABLE = "ARROW:FLIGHT:SQL:IS_SEARCHABLE";

    private ColumnMetadata() {
    }
}
