package io.polaroid.bench.run;

/** Receives every value of a result, row by row. */
interface ValueSink {
    void value(int column, Object value);

    void endRow();
}
