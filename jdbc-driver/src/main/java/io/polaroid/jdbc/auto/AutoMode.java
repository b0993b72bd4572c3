package io.polaroid.jdbc.auto;

import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.mode.Backend;
import io.polaroid.jdbc.mode.ConnectionMode;
import io.polaroid.jdbc.mode.ConnectionModes;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code jdbc:polaroid:auto:}: opens the embedded, remote or arrow mode as its properties and the
 * environment say, falling back to the next mode when one cannot be opened.
 *
 * <p>The modes are tried in the {@link AttemptOrder}; a mode whose input (server, catalog, path) is not
 * given is passed over. The first that opens is the connection's mode ({@code getClientInfo("mode")}
 * names it); if any mode before it failed, the connection carries one SQLWarning naming each failed
 * mode, why it failed, and the mode chosen. A failure moves on to the next mode when its SQLState is of
 * class 08 (the server, catalog or files could not be reached or opened); any other failure — above all
 * 28000, a server that rejected the credentials — ends the attempt at once, because connecting
 * elsewhere would hide it. When no mode opens, the connection fails with 08001 listing every mode in
 * order with its reason.
 *
 * <p>The remote mode is opened with a short {@code connectTimeoutMs} (2 s unless given) so a fallback
 * opens quickly when the server is down. Once open, a remote connection behaves as
 * {@code jdbc:polaroid://}: if its server dies mid-session the running statement fails with 08006, later
 * statements with 08003 and {@code isValid} is false; the auto mode does not reconnect or switch modes
 * under an open connection (its prepared statements and settings live on the server).
 */
public final class AutoMode implements ConnectionMode {
    public static final String NAME = "auto";
    private static final Logger LOG = LoggerFactory.getLogger(AutoMode.class);

    private final UnaryOperator<String> environment;
    private final Function<String, Optional<ConnectionMode>> modes;

    /** Reads the process environment and opens the modes registered in {@link ConnectionModes}. */
    public AutoMode() {
        this(System::getenv, ConnectionModes::find);
    }

    /**
     * @param environment the environment variables, by name (tests pass a map's {@code get})
     * @param modes       the mode of a name ({@code embedded}, {@code remote}, {@code arrow})
     */
    AutoMode(UnaryOperator<String> environment, Function<String, Optional<ConnectionMode>> modes) {
        this.environment = Objects.requireNonNull(environment, "environment");
        this.modes = Objects.requireNonNull(modes, "modes");
    }

    @Override
    public List<String> names() {
        return List.of(NAME);
    }

    /** The auto mode's own properties and those of every mode it can open, which pass through. */
    @Override
    public List<ConnectionProperty> properties() {
        Map<String, ConnectionProperty> byName = new LinkedHashMap<>();
        AutoProperties.ALL.forEach(property -> byName.put(property.name(), property));
        for (ModeName mode : ModeName.values()) {
            modes.apply(mode.canonical()).ifPresent(delegate ->
                    delegate.properties().forEach(property -> byName.putIfAbsent(property.name(), property)));
        }
        return List.copyOf(byName.values());
    }

    @Override
    public Backend open(ConnectionUrl url) throws SQLException {
        AutoSettings settings = AutoSettings.from(url, environment);
        Map<ModeName, Target> targets = new LinkedHashMap<>();
        for (ModeName mode : ModeName.values()) {
            targets.put(mode, Target.of(mode, settings));
        }
        AttemptOrder order = AttemptOrder.of(settings, mode -> targets.get(mode) instanceof Target.Ready,
                mode -> DataSize.of(mode, settings));
        LOG.debug("auto mode {}: trying {} ({})", settings, order.modes(), order.reason());
        List<Attempt> attempts = new ArrayList<>();
        for (ModeName mode : order.modes()) {
            boolean explicit = settings.explicitMode().filter(mode::equals).isPresent();
            Target target = targets.get(mode);
            if (target instanceof Target.Missing missing) {
                attempts.add(Attempt.skipped(mode, missing.reason(), explicit || missing.given()));
                continue;
            }
            Target.Ready ready = (Target.Ready) target;
            Optional<ConnectionMode> delegate = modes.apply(mode.canonical());
            if (delegate.isEmpty()) {
                attempts.add(Attempt.skipped(mode, "this driver has no " + mode + " mode", explicit));
                continue;
            }
            Backend backend;
            try {
                backend = delegate.get().open(ready.url());
            } catch (SQLException e) {
                if (!movesOn(e)) {
                    throw e;
                }
                LOG.debug("auto mode: {} ({}) failed, trying the next mode", mode, ready.what(), e);
                attempts.add(Attempt.failed(mode, ready.what(), e));
                continue;
            }
            return withFallbackWarning(backend, mode, ready, attempts);
        }
        throw nothingOpened(order, attempts);
    }

    /** Whether a failure to open one mode lets the next be tried: it could not be reached or opened. */
    private static boolean movesOn(SQLException e) {
        return e.getSQLState() != null && e.getSQLState().startsWith("08");
    }

    private static Backend withFallbackWarning(Backend backend, ModeName chosen, Target.Ready ready,
                                               List<Attempt> attempts) {
        List<Attempt> notable = attempts.stream().filter(Attempt::notable).toList();
        if (notable.isEmpty()) {
            return backend;
        }
        String warning = "jdbc:polaroid:auto: opened the " + chosen + " mode (" + ready.what() + ") because "
                + notable.stream().map(Attempt::describe).collect(Collectors.joining("; "));
        LOG.warn(warning);
        List<String> warnings = new ArrayList<>();
        warnings.add(warning);
        warnings.addAll(backend.warnings());
        return new Backend(backend.session(), backend.mode(), backend.dialect(), backend.usesLocalFiles(), warnings,
                backend.release(), backend.link());
    }

    private static SQLException nothingOpened(AttemptOrder order, List<Attempt> attempts) {
        String tried = attempts.isEmpty() ? "no mode to try (fallback=none and no mode given; set mode or fallback)"
                : attempts.stream().map(Attempt::describe).collect(Collectors.joining("; "));
        SQLException error = new SQLNonTransientConnectionException("jdbc:polaroid:auto: no mode could be opened, "
                + "tried in " + order.reason() + ": " + tried, "08001",
                attempts.stream().flatMap(attempt -> attempt.failure().stream()).findFirst().orElse(null));
        attempts.stream().flatMap(attempt -> attempt.failure().stream()).skip(1).forEach(error::addSuppressed);
        return error;
    }
}
