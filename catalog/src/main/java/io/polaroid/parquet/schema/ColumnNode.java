package io.polaroid.parquet.schema;

import org.apache.arrow.vector.types.pojo.Field;

/**
 * A node of a file's schema in Arrow's shape: a leaf, a struct, or a list (maps are lists of key/value
 * structs). Each node knows the definition level from which its value is non-null; list nodes also know
 * the repetition and definition levels at which their elements start. This is all Dremel assembly needs.
 */
public sealed interface ColumnNode permits LeafNode, StructNode, ListNode {

    /** The Arrow field this node reads as. */
    Field field();

    /** A slot of this node holds a non-null value iff its definition level is at least this. */
    int nullDefinitionLevel();
}
