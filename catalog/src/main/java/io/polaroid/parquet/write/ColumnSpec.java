package io.polaroid.parquet.write;

import org.apache.arrow.vector.types.pojo.Field;
import org.apache.parquet.format.SchemaElement;
import org.apache.parquet.format.Type;

/**
 * How one Arrow field is stored: its Parquet schema element and how its vector's values become physical values.
 *
 * @param field        the Arrow field
 * @param element      the Parquet schema element (name, repetition, physical and logical type)
 * @param source       how values are read out of the vector
 * @param typeLength   byte width of FIXED_LEN_BYTE_ARRAY values, else 0
 */
record ColumnSpec(Field field, SchemaElement element, ValueSource source, int typeLength) {

    Type physicalType() {
        return element.getType();
    }

    boolean nullable() {
        return field.isNullable();
    }
}
