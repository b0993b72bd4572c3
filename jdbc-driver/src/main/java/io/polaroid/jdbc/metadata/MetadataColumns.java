package io.polaroid.jdbc.metadata;

/**
 * The columns of every {@code DatabaseMetaData} result, named, typed and ordered as the JDBC javadoc of
 * each method lists them (see {@link MetadataTable} for the notation). Results Polaroid has no rows
 * for (keys, indexes, procedures, privileges, UDTs) still come with these columns, because tools read
 * them by name and position.
 */
public final class MetadataColumns {
    private MetadataColumns() {
    }

    public static MetadataTable catalogs() {
        return MetadataTable.of("TABLE_CAT");
    }

    public static MetadataTable schemas() {
        return MetadataTable.of("TABLE_SCHEM", "TABLE_CATALOG?");
    }

    public static MetadataTable tableTypes() {
        return MetadataTable.of("TABLE_TYPE");
    }

    public static MetadataTable tables() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "TABLE_TYPE", "REMARKS?", "TYPE_CAT?",
                "TYPE_SCHEM?", "TYPE_NAME?", "SELF_REFERENCING_COL_NAME?", "REF_GENERATION?");
    }

    public static MetadataTable columns() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:int",
                "TYPE_NAME", "COLUMN_SIZE:int?", "BUFFER_LENGTH:int?", "DECIMAL_DIGITS:int?", "NUM_PREC_RADIX:int?",
                "NULLABLE:int", "REMARKS?", "COLUMN_DEF?", "SQL_DATA_TYPE:int?", "SQL_DATETIME_SUB:int?",
                "CHAR_OCTET_LENGTH:int?", "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG?", "SCOPE_SCHEMA?",
                "SCOPE_TABLE?", "SOURCE_DATA_TYPE:short?", "IS_AUTOINCREMENT", "IS_GENERATEDCOLUMN");
    }

    public static MetadataTable typeInfo() {
        return MetadataTable.of("TYPE_NAME", "DATA_TYPE:int", "PRECISION:int", "LITERAL_PREFIX?", "LITERAL_SUFFIX?",
                "CREATE_PARAMS?", "NULLABLE:short", "CASE_SENSITIVE:boolean", "SEARCHABLE:short",
                "UNSIGNED_ATTRIBUTE:boolean", "FIXED_PREC_SCALE:boolean", "AUTO_INCREMENT:boolean",
                "LOCAL_TYPE_NAME?", "MINIMUM_SCALE:short", "MAXIMUM_SCALE:short", "SQL_DATA_TYPE:int?",
                "SQL_DATETIME_SUB:int?", "NUM_PREC_RADIX:int?");
    }

    public static MetadataTable functions() {
        return MetadataTable.of("FUNCTION_CAT?", "FUNCTION_SCHEM?", "FUNCTION_NAME", "REMARKS?",
                "FUNCTION_TYPE:short", "SPECIFIC_NAME");
    }

    public static MetadataTable functionColumns() {
        return MetadataTable.of("FUNCTION_CAT?", "FUNCTION_SCHEM?", "FUNCTION_NAME", "COLUMN_NAME",
                "COLUMN_TYPE:short", "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int?", "LENGTH:int?", "SCALE:short?",
                "RADIX:short?", "NULLABLE:short", "REMARKS?", "CHAR_OCTET_LENGTH:int?", "ORDINAL_POSITION:int",
                "IS_NULLABLE", "SPECIFIC_NAME");
    }

    public static MetadataTable procedures() {
        return MetadataTable.of("PROCEDURE_CAT?", "PROCEDURE_SCHEM?", "PROCEDURE_NAME", "RESERVED1?", "RESERVED2?",
                "RESERVED3?", "REMARKS?", "PROCEDURE_TYPE:short", "SPECIFIC_NAME");
    }

    public static MetadataTable procedureColumns() {
        return MetadataTable.of("PROCEDURE_CAT?", "PROCEDURE_SCHEM?", "PROCEDURE_NAME", "COLUMN_NAME",
                "COLUMN_TYPE:short", "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int?", "LENGTH:int?", "SCALE:short?",
                "RADIX:short?", "NULLABLE:short", "REMARKS?", "COLUMN_DEF?", "SQL_DATA_TYPE:int?",
                "SQL_DATETIME_SUB:int?", "CHAR_OCTET_LENGTH:int?", "ORDINAL_POSITION:int", "IS_NULLABLE",
                "SPECIFIC_NAME");
    }

    public static MetadataTable primaryKeys() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:short",
                "PK_NAME?");
    }

    /** {@code getImportedKeys}, {@code getExportedKeys} and {@code getCrossReference}. */
    public static MetadataTable foreignKeys() {
        return MetadataTable.of("PKTABLE_CAT?", "PKTABLE_SCHEM?", "PKTABLE_NAME", "PKCOLUMN_NAME", "FKTABLE_CAT?",
                "FKTABLE_SCHEM?", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:short", "UPDATE_RULE:short",
                "DELETE_RULE:short", "FK_NAME?", "PK_NAME?", "DEFERRABILITY:short");
    }

    public static MetadataTable indexInfo() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "NON_UNIQUE:boolean", "INDEX_QUALIFIER?",
                "INDEX_NAME?", "TYPE:short", "ORDINAL_POSITION:short", "COLUMN_NAME?", "ASC_OR_DESC?",
                "CARDINALITY:long", "PAGES:long", "FILTER_CONDITION?");
    }

    /** {@code getBestRowIdentifier} and {@code getVersionColumns}. */
    public static MetadataTable rowIdentifiers() {
        return MetadataTable.of("SCOPE:short?", "COLUMN_NAME", "DATA_TYPE:int", "TYPE_NAME", "COLUMN_SIZE:int?",
                "BUFFER_LENGTH:int?", "DECIMAL_DIGITS:short?", "PSEUDO_COLUMN:short");
    }

    public static MetadataTable columnPrivileges() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "COLUMN_NAME", "GRANTOR?", "GRANTEE",
                "PRIVILEGE", "IS_GRANTABLE?");
    }

    public static MetadataTable tablePrivileges() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "GRANTOR?", "GRANTEE", "PRIVILEGE",
                "IS_GRANTABLE?");
    }

    public static MetadataTable udts() {
        return MetadataTable.of("TYPE_CAT?", "TYPE_SCHEM?", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:int", "REMARKS?",
                "BASE_TYPE:short?");
    }

    public static MetadataTable superTypes() {
        return MetadataTable.of("TYPE_CAT?", "TYPE_SCHEM?", "TYPE_NAME", "SUPERTYPE_CAT?", "SUPERTYPE_SCHEM?",
                "SUPERTYPE_NAME");
    }

    public static MetadataTable superTables() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "SUPERTABLE_NAME");
    }

    public static MetadataTable attributes() {
        return MetadataTable.of("TYPE_CAT?", "TYPE_SCHEM?", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE:int",
                "ATTR_TYPE_NAME", "ATTR_SIZE:int?", "DECIMAL_DIGITS:int?", "NUM_PREC_RADIX:int?", "NULLABLE:int",
                "REMARKS?", "ATTR_DEF?", "SQL_DATA_TYPE:int?", "SQL_DATETIME_SUB:int?", "CHAR_OCTET_LENGTH:int?",
                "ORDINAL_POSITION:int", "IS_NULLABLE", "SCOPE_CATALOG?", "SCOPE_SCHEMA?", "SCOPE_TABLE?",
                "SOURCE_DATA_TYPE:short?");
    }

    public static MetadataTable clientInfoProperties() {
        return MetadataTable.of("NAME", "MAX_LEN:int", "DEFAULT_VALUE?", "DESCRIPTION?");
    }

    public static MetadataTable pseudoColumns() {
        return MetadataTable.of("TABLE_CAT?", "TABLE_SCHEM?", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:int",
                "COLUMN_SIZE:int?", "DECIMAL_DIGITS:int?", "NUM_PREC_RADIX:int?", "COLUMN_USAGE", "REMARKS?",
                "CHAR_OCTET_LENGTH:int?", "IS_NULLABLE");
    }
}
