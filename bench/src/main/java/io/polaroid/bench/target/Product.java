package io.polaroid.bench.target;

/** The engine behind a target. DuckDB's answers are the reference every other target is checked against. */
public enum Product {
    POLAROID,
    DUCKDB
}
