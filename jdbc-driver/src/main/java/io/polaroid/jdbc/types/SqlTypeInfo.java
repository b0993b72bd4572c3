package io.polaroid.jdbc.types;

import java.sql.DatabaseMetaData;
import java.util.Objects;

/**
 * One row of {@code DatabaseMetaData.getTypeInfo} (and of Flight SQL's {@code GetXdbcTypeInfo}, which
 * has the same columns): a type the dialect accepts in {@code CAST}, with how to write its literals.
 *
 * @param precision     maximum {@code COLUMN_SIZE} of the type
 * @param literalPrefix what starts a literal ({@code '}, {@code DATE '}), or null if literals are bare
 * @param literalSuffix what ends a literal, or null
 * @param createParams  the parameters of the type's declaration ({@code precision,scale}), or null
 * @param searchable    a {@link DatabaseMetaData} {@code typePred*} / {@code typeSearchable} constant
 * @param unsigned      whether values are never negative (true for types that are not numbers)
 * @param minimumScale  smallest scale; 0 where scale does not apply
 * @param maximumScale  largest scale; 0 where scale does not apply
 * @param numPrecRadix  10 or 2 for numbers, 0 where it does not apply
 */
public record SqlTypeInfo(String typeName, int dataType, int precision, String literalPrefix, String literalSuffix,
                          String createParams, boolean caseSensitive, short searchable, boolean unsigned,
                          short minimumScale, short maximumScale, int numPrecRadix) {
    public SqlTypeInfo {
        Objects.requireNonNull(typeName, "typeName");
    }

    /** Every type may hold NULL. */
    public short nullable() {
        return (short) DatabaseMetaData.typeNullable;
    }
}
