package io.polaroid.jdbc.cursor;

/**
 * The row the accessors of one cursor read, and whether the last value read was NULL. Shared by the
 * cursor (which moves it) and its accessors (which read at it); nested values (list elements, struct
 * members) get a position of their own.
 */
final class ReadPosition {
    int row;
    boolean wasNull;
}
