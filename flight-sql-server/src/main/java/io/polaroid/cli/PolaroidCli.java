package io.polaroid.cli;

import io.polaroid.cli.format.OutputClosedException;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import io.polaroid.cli.serve.HashPasswordCommand;
import io.polaroid.cli.serve.HealthCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code polaroid} command line. Each subcommand is a class of its own ({@link DemoCommand},
 * {@link SqlCommand}, {@link ShellCommand}); a new one ({@code serve}, {@code http}) is added by writing
 * its class and listing it in {@code SUBCOMMANDS} below. Subcommands reach what they share through
 * {@code @ParentCommand PolaroidCli}: the {@link CliEnvironment}, the default locations
 * ({@link PolaroidHome}) and the {@link ErrorReporter}.
 *
 * <p>Exit codes: 0 success, 1 a statement or step failed (printed as {@code ERROR [SQLSTATE]: message}),
 * 2 the command line itself was wrong.
 */
@Command(name = "polaroid", mixinStandardHelpOptions = true, versionProvider = PolaroidCli.Version.class,
        description = "SQL over Parquet datasets: registered datasets, an in-process engine, a JDBC driver.")
public final class PolaroidCli implements Callable<Integer> {
    /** The subcommands, in the order the usage lists them. */
    private static final List<Class<?>> SUBCOMMANDS = List.of(DemoCommand.class, SqlCommand.class,
            ShellCommand.class, ServeCommand.class, HttpCommand.class, HashPasswordCommand.class, HealthCommand.class,
            CommandLine.HelpCommand.class);

    /** Exit code of a command line that could not be parsed (picocli's convention). */
    public static final int USAGE = 2;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "Show log messages and stack traces.")
    private boolean verbose;

    @Spec
    private CommandSpec spec;

    private final CliEnvironment environment;

    public PolaroidCli(CliEnvironment environment) {
        this.environment = Objects.requireNonNull(environment, "environment");
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new BufferedWriter(
                new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16), false);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int exitCode = commandLine(CliEnvironment.system(), out, err, subcommandsFor(args)).execute(args);
        out.flush();
        err.flush();
        // JLine and engine threads must not keep the JVM alive once the command is done
        System.exit(exitCode);
    }

    /** The command line, ready to {@link CommandLine#execute execute}, writing to {@code out} and {@code err}. */
    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err, SUBCOMMANDS);
    }

    /**
     * The subcommands a process started with {@code args} needs: only the one named first, when one is.
     * Picocli reflects over every subcommand it is given (a few hundred milliseconds for all of them in a
     * cold JVM, as picocli's classes are too old for class-data sharing), and {@code polaroid http} has half
     * a second from launch to its first answer.
     */
    static List<Class<?>> subcommandsFor(String[] args) {
        if (args.length > 0) {
            for (Class<?> subcommand : SUBCOMMANDS) {
                Command command = subcommand.getAnnotation(Command.class);
                if (command != null && command.name().equals(args[0]) && subcommand != CommandLine.HelpCommand.class) {
                    return List.of(subcommand);
                }
            }
        }
        return SUBCOMMANDS;
    }

    private static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err,
                                           List<Class<?>> subcommands) {
        PolaroidCli cli = new PolaroidCli(environment);
        CommandLine commandLine = new CommandLine(cli);
        subcommands.forEach(commandLine::addSubcommand);
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionStrategy(parseResult -> {
            cli.verbose = verboseRequested(parseResult);
            CliLogging.configure(cli.verbose);
            return new CommandLine.RunLast().execute(parseResult);
        });
        commandLine.setExecutionExceptionHandler((failure, failed, parseResult) -> {
            if (failure instanceof OutputClosedException) {
                return 0; // the reader of our output went away (| head): nothing left to say
            }
            return cli.errors().report(failure);
        });
        return commandLine;
    }

    /** With no subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return USAGE;
    }

    public CliEnvironment environment() {
        return environment;
    }

    public PolaroidHome home() {
        return new PolaroidHome(environment);
    }

    public boolean verbose() {
        return verbose;
    }

    public ErrorReporter errors() {
        return new ErrorReporter(spec.commandLine().getErr(), verbose);
    }

    public PrintWriter out() {
        return spec.commandLine().getOut();
    }

    public PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** {@code --verbose} given anywhere: on {@code polaroid} itself or on a subcommand (it is inherited). */
    private static boolean verboseRequested(ParseResult parseResult) {
        for (ParseResult level = parseResult; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }

    /** The version from the jar's manifest ({@code Implementation-Version}). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = PolaroidCli.class.getPackage().getImplementationVersion();
            return new String[] {"polaroid " + (version == null ? "(development build)" : version)};
        }
    }
}
