package io.polaroid.cli;

import io.polaroid.cli.demo.DemoData;
import io.polaroid.cli.demo.DemoQuery;
import io.polaroid.cli.demo.TradesGenerator;
import io.polaroid.cli.format.Durations;
import io.polaroid.cli.format.ResultFormat;
import io.polaroid.cli.format.TableFormat;
import io.polaroid.cli.progress.Progress;
import io.polaroid.cli.sql.StatementOutcome;
import io.polaroid.cli.sql.StatementRunner;
import io.polaroid.error.ErrorCode;
import io.polaroid.error.PolaroidException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code polaroid demo}: generates a trades dataset (once; later runs reuse it), registers it as
 * {@code trades} with {@code cache = 'memory'}, and runs example queries, printing each with its result
 * and time.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a demo trades dataset, register it and run example queries.")
final class DemoCommand implements Callable<Integer> {
    static final String DATASET = "trades";

    @ParentCommand
    private PolaroidCli cli;

    @Mixin
    private CatalogOption catalog;

    @Option(names = "--rows", defaultValue = "10000000", paramLabel = "N", converter = RowCount.class,
            description = "Rows to generate (default: ${DEFAULT-VALUE}; 10_000_000 and 10M work too).")
    private long rows;

    @Option(names = "--force", description = "Generate the data again even if it exists.")
    private boolean force;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the demo's Parquet files go (default: demo-data next to the catalog directory).")
    private String dataDirectory;

    @Override
    public Integer call() throws SQLException {
        PolaroidHome home = cli.home();
        Path catalogDirectory = catalog.resolve(home);
        Path dataRoot = dataDirectory != null ? home.expandHome(dataDirectory).toAbsolutePath().normalize()
                : siblingDataRoot(catalogDirectory);
        DemoData demoData = new DemoData(dataRoot);
        PrintWriter out = cli.out();
        try (Connection connection = JdbcConnections.embedded(catalogDirectory, cli.err())) {
            // before minutes of generating: is the name free, or ours from an earlier run?
            Optional<String> registeredLocation = registeredLocation(connection);
            checkNotTakenByOtherData(registeredLocation, demoData.directory());
            DemoData.Contents data = prepareData(demoData, TradesGenerator.Spec.of(rows));
            out.printf(Locale.ROOT, "Polaroid demo: %,d trades in %d Parquet files (%s) in %s%n",
                    data.spec().rows(), data.files().size(), megabytes(data.bytes()), data.directory());
            out.println("Catalog: " + catalogDirectory);
            out.println();
            StatementRunner runner = new StatementRunner(connection);
            register(runner, data, registeredLocation.isPresent());
            runQueries(runner, data.spec());
        }
        printNextSteps(out, catalogDirectory, home);
        return 0;
    }

    /** {@code <catalog>/../demo-data}: beside the catalog, so one {@code --catalog} keeps a demo together. */
    private static Path siblingDataRoot(Path catalogDirectory) {
        Path parent = catalogDirectory.getParent();
        return (parent == null ? catalogDirectory : parent).resolve("demo-data");
    }

    private DemoData.Contents prepareData(DemoData demoData, TradesGenerator.Spec spec) {
        Optional<DemoData.Contents> existing = force ? Optional.empty() : demoData.existing(spec);
        if (existing.isPresent()) {
            cli.err().println("Using the demo data generated before in " + demoData.directory()
                    + " (--force generates it again)");
            return existing.get();
        }
        AtomicLong written = new AtomicLong();
        String label = String.format(Locale.ROOT, "generating %,d trades", spec.rows());
        try (Progress progress = Progress.bar(cli.err(), cli.environment().stderrIsTerminal(), label, written::get,
                spec.rows(), "rows")) {
            DemoData.Contents contents = demoData.generate(spec, Runtime.getRuntime().availableProcessors(),
                    written::addAndGet);
            progress.finish(contents.files().size() + " Parquet files, " + megabytes(contents.bytes()) + " in "
                    + contents.directory());
            return contents;
        }
    }

    private static void checkNotTakenByOtherData(Optional<String> registeredLocation, Path demoDirectory) {
        if (registeredLocation.isPresent()
                && !Path.of(registeredLocation.get()).toAbsolutePath().normalize().equals(demoDirectory)) {
            throw new PolaroidException(ErrorCode.DUPLICATE_TABLE, "the catalog already has a dataset '" + DATASET
                    + "' over '" + registeredLocation.get() + "', not over the demo data in '" + demoDirectory
                    + "'; drop it (DROP DATASET " + DATASET + ") or give the demo another --catalog");
        }
    }

    /**
     * Registers the data as {@code trades}, or refreshes the registration of an earlier run (which also picks
     * up regenerated files); either loads the data into memory, which is what takes time here.
     */
    private void register(StatementRunner runner, DemoData.Contents data, boolean registered) throws SQLException {
        String sql = registered ? "REFRESH DATASET " + DATASET
                : "CREATE DATASET IF NOT EXISTS " + DATASET + " FROM '"
                        + data.directory().toString().replace("'", "''") + "' WITH (cache = 'memory')";
        PrintWriter out = cli.out();
        out.println(sql + ";");
        out.flush();
        String label = String.format(Locale.ROOT, "loading %,d rows into memory", data.spec().rows());
        try (Progress progress = Progress.spinner(cli.err(), cli.environment().stderrIsTerminal(), label)) {
            runner.run(sql, new TableFormat(), out);
            progress.finish("done");
        }
        out.println();
    }

    /** Where {@code main.trades} points, if the catalog has it. */
    private static Optional<String> registeredLocation(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet datasets = statement.executeQuery("SHOW DATASETS")) {
            while (datasets.next()) {
                if ("main".equalsIgnoreCase(datasets.getString("schema"))
                        && DATASET.equalsIgnoreCase(datasets.getString("name"))) {
                    return Optional.of(datasets.getString("location"));
                }
            }
        }
        return Optional.empty();
    }

    private void runQueries(StatementRunner runner, TradesGenerator.Spec spec) throws SQLException {
        PrintWriter out = cli.out();
        ResultFormat table = new TableFormat();
        List<DemoQuery> queries = DemoQuery.all(spec);
        for (int i = 0; i < queries.size(); i++) {
            DemoQuery query = queries.get(i);
            out.println("-- " + (i + 1) + ". " + query.title());
            out.println(query.sql() + ";");
            StatementOutcome outcome = runner.run(query.sql(), table, out);
            out.println("Time: " + Durations.format(outcome.elapsed()));
            out.println();
            out.flush();
        }
    }

    private void printNextSteps(PrintWriter out, Path catalogDirectory, PolaroidHome home) {
        boolean defaultCatalog = catalogDirectory.equals(home.defaultCatalog().toAbsolutePath().normalize());
        String catalogArgument = defaultCatalog ? "" : " --catalog " + catalogDirectory;
        out.println("Explore it yourself:");
        out.println("  ./polaroid shell" + catalogArgument);
        out.println("  ./polaroid sql" + catalogArgument + " \"SELECT * FROM trades LIMIT 5\"");
        out.flush();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }

    /** A positive row count: {@code 10000000}, {@code 10_000_000}, {@code 10,000,000}, {@code 10M}, {@code 500k}. */
    static final class RowCount implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String text) {
            String digits = text.strip().replace("_", "").replace(",", "").toLowerCase(Locale.ROOT);
            long multiplier = 1;
            if (digits.endsWith("k")) {
                multiplier = 1_000;
            } else if (digits.endsWith("m")) {
                multiplier = 1_000_000;
            } else if (digits.endsWith("g") || digits.endsWith("b")) {
                multiplier = 1_000_000_000;
            }
            if (multiplier > 1) {
                digits = digits.substring(0, digits.length() - 1);
            }
            long value;
            try {
                value = Math.multiplyExact(Long.parseLong(digits), multiplier);
            } catch (NumberFormatException | ArithmeticException e) {
                throw new CommandLine.TypeConversionException("'" + text + "' is not a row count");
            }
            if (value < 1) {
                throw new CommandLine.TypeConversionException("the row count must be positive, not " + text);
            }
            return value;
        }
    }
}
