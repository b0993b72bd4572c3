package io.polaroid.bench.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.bench.target.DuckDbTarget;
import io.polaroid.bench.target.PolaroidEmbeddedTarget;
import io.polaroid.bench.target.Product;
import io.polaroid.bench.target.Storage;
import io.polaroid.bench.target.Target;
import io.polaroid.bench.workload.BenchQuery;
import io.polaroid.bench.workload.Dataset;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner over real drivers on a small file: agreeing answers, a wrong answer, a failing target. */
class RunnerTest {
    private final Runner runner = new Runner(new RunSettings(1, 2, 10, 60), new PrintStream(new ByteArrayOutputStream()));

    @TempDir
    Path temp;

    private List<Dataset> datasets;

    @BeforeEach
    void writeData() throws SQLException, java.io.IOException {
        Path directory = Files.createDirectories(temp.resolve("t"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = duck.createStatement()) {
            statement.execute("COPY (SELECT range AS k, range % 7 AS g, 'name-' || range AS s, "
                    + "TIMESTAMP '2024-03-04 09:30:00.000001' + range * INTERVAL '1' SECOND AS ts FROM range(1000)) "
                    + "TO '" + directory.resolve("part-0.parquet") + "' (FORMAT parquet)");
        }
        datasets = List.of(new Dataset("t", directory));
    }

    private static final BenchQuery QUERY = new BenchQuery("agg", "per group",
            "SELECT g, COUNT(*) AS n, SUM(k) AS total, MAX(s) AS last_name, MIN(ts) AS first_ts FROM t GROUP BY g",
            List.of("t"));

    @Test
    void polaroidAndDuckDbAgreeOnTheSameFile() throws SQLException {
        List<OpenTarget> targets = open(new DuckDbTarget(Storage.FILES, OptionalInt.of(1)),
                new PolaroidEmbeddedTarget(Storage.MEMORY, temp.resolve("catalogs")));
        try {
            assertEquals(List.of(1000L, 1000L), targets.stream().map(t -> t.datasetRows().get("t")).toList());
            QueryOutcome outcome = runner.run(QUERY, targets);
            assertEquals(List.of(), outcome.problems());
            Measurement polaroid = outcome.measurement("polaroid-memory").orElseThrow();
            assertTrue(polaroid.ok());
            assertEquals(7, polaroid.rows());
            assertEquals(2, polaroid.runMillis().size());
            assertTrue(outcome.ratio("polaroid-memory", "duckdb-files").isPresent());
        } finally {
            close(targets);
        }
    }

    @Test
    void aTargetWithAnotherAnswerIsReportedAsWrong() throws SQLException {
        List<OpenTarget> targets = open(new DuckDbTarget(Storage.MEMORY, OptionalInt.empty()), new MissingRowTarget());
        try {
            QueryOutcome outcome = runner.run(QUERY, targets);
            assertEquals(1, outcome.problems().size(), outcome.problems().toString());
            assertTrue(outcome.problems().get(0).startsWith("missing-row WRONG ANSWER (differs from duckdb-memory)"),
                    outcome.problems().get(0));
        } finally {
            close(targets);
        }
    }

    @Test
    void withoutDuckDbTheFirstTargetsAnswerIsTheReference() throws SQLException {
        List<OpenTarget> targets = open(new MissingRowTarget("all-rows", "true"), new MissingRowTarget());
        try {
            QueryOutcome outcome = runner.run(QUERY, targets);
            assertEquals(1, outcome.problems().size(), outcome.problems().toString());
            assertTrue(outcome.problems().get(0).startsWith("missing-row WRONG ANSWER (differs from all-rows)"),
                    outcome.problems().get(0));
        } finally {
            close(targets);
        }
    }

    @Test
    void aFailingQueryIsReportedAndTheOthersStillRun() throws SQLException {
        BenchQuery bad = new BenchQuery("bad", "no such column", "SELECT nope FROM t", List.of("t"));
        List<OpenTarget> targets = open(new DuckDbTarget(Storage.MEMORY, OptionalInt.empty()));
        try {
            QueryOutcome outcome = runner.run(bad, targets);
            assertTrue(outcome.problems().get(0).startsWith("duckdb-memory failed:"), outcome.problems().toString());
            assertTrue(outcome.problems().get(1).startsWith("no reference answer"));
            assertTrue(runner.run(QUERY, targets).problems().isEmpty(), "the connection still works");
        } finally {
            close(targets);
        }
    }

    @Test
    void aTargetThatCannotBeSetUpIsReportedPerQuery() throws SQLException {
        List<OpenTarget> targets = open(new DuckDbTarget(Storage.MEMORY, OptionalInt.empty()));
        targets.add(runner.open(new DuckDbTarget(Storage.FILES, OptionalInt.empty()),
                List.of(new Dataset("t", temp.resolve("absent")))));
        try {
            assertTrue(targets.get(1).error().isPresent());
            QueryOutcome outcome = runner.run(QUERY, targets);
            assertEquals(1, outcome.problems().size());
            assertTrue(outcome.problems().get(0).contains("setup failed"), outcome.problems().toString());
        } finally {
            close(targets);
        }
    }

    private List<OpenTarget> open(Target... targets) {
        List<OpenTarget> open = new ArrayList<>();
        for (Target target : targets) {
            open.add(runner.open(target, datasets));
        }
        return open;
    }

    private static void close(List<OpenTarget> targets) throws SQLException {
        for (OpenTarget target : targets) {
            target.close();
        }
    }

    /**
     * DuckDB over the same file, but its view drops one row: a stand-in for an engine with a bug (or, with
     * condition {@code true}, a non-DuckDB target with the right answer).
     */
    private static final class MissingRowTarget implements Target {
        private final String id;
        private final String condition;

        MissingRowTarget(String id, String condition) {
            this.id = id;
            this.condition = condition;
        }

        MissingRowTarget() {
            this("missing-row", "k <> 500");
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String label() {
            return "missing row";
        }

        @Override
        public Product product() {
            return Product.POLAROID;
        }

        @Override
        public Connection connect(List<Dataset> datasets) throws SQLException {
            Connection connection = DriverManager.getConnection("jdbc:duckdb:");
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE VIEW t AS SELECT * FROM read_parquet("
                        + Target.literal(datasets.get(0).parquetGlob()) + ") WHERE " + condition);
            }
            return connection;
        }

        @Override
        public String describe(Connection connection) {
            return "DuckDB without row 500";
        }
    }
}
