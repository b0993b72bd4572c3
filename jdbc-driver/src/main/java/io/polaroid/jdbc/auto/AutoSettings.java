package io.polaroid.jdbc.auto;

import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.config.PropertyValues;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * What a {@code jdbc:polaroid:auto:} URL asks for, read from its properties and, where a property is not
 * set, the environment ({@code BACKEND_MODE}, {@code GRPC_SERVER}). Everything is checked here, before
 * any mode is tried, so a mistake in the auto mode's own settings fails at once instead of looking like
 * an unreachable server.
 *
 * @param explicitMode   the mode asked for by {@code mode} or {@code BACKEND_MODE}; empty to choose
 * @param explicitSource where the explicit mode comes from ({@code mode} or {@code BACKEND_MODE}), for messages
 * @param server         the server address, without a leading {@code //}
 * @param catalog        the catalog directory, {@code ~} meaning the user's home as in {@code jdbc:polaroid:embedded:~/dir}
 * @param fallback       the modes to try after the first, in order, without duplicates
 * @param thresholdBytes {@code dataSizeThresholdMb} in bytes; empty when not set
 * @param passThrough    the properties for the opened mode: all but the auto mode's own, with the
 *                       auto mode's connect timeout
 */
record AutoSettings(Optional<ModeName> explicitMode, String explicitSource, Optional<String> server,
                    Optional<Path> catalog, Optional<String> path, List<ModeName> fallback,
                    OptionalLong thresholdBytes, Properties passThrough) {
    static final long MIB = 1L << 20;
    /** host, host:port, [v6], [v6]:port: the forms a Flight SQL address takes; the remote mode checks the rest. */
    private static final Pattern SERVER_ADDRESS = Pattern.compile("(\\[[0-9A-Fa-f:.%a-zA-Z]+]|[^\\s:/\\[\\]?;@]+)(:\\d{1,5})?");
    private static final String NO_FALLBACK = "none";

    AutoSettings {
        Objects.requireNonNull(explicitMode, "explicitMode");
        Objects.requireNonNull(explicitSource, "explicitSource");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(path, "path");
        fallback = List.copyOf(fallback);
        Objects.requireNonNull(thresholdBytes, "thresholdBytes");
        Objects.requireNonNull(passThrough, "passThrough");
    }

    /**
     * @param environment the environment variables ({@code System::getenv} outside tests)
     * @throws SQLException 08001 naming the property or variable at fault and what it accepts
     */
    static AutoSettings from(ConnectionUrl url, UnaryOperator<String> environment) throws SQLException {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(environment, "environment");
        if (!url.target().isBlank()) {
            throw invalid("jdbc:polaroid:auto: takes no target ('" + url.target() + "' in " + url.display()
                    + "): give the server, catalog and path as properties, e.g. "
                    + "jdbc:polaroid:auto:;server=localhost:50051;catalog=/data/catalog");
        }
        Properties properties = url.properties();
        Optional<ModeName> explicit = Optional.empty();
        String explicitSource = "";
        Optional<Setting> mode = setting(properties, AutoProperties.MODE, environment, AutoProperties.BACKEND_MODE);
        if (mode.isPresent()) {
            explicit = ModeName.parseOrAuto(mode.get().value(), mode.get().source());
            explicitSource = mode.get().source();
        }
        Optional<Setting> server = setting(properties, AutoProperties.SERVER, environment, AutoProperties.GRPC_SERVER);
        if (server.isPresent()) {
            checkServer(server.get());
        }
        Optional<Path> catalog = Optional.empty();
        if (AutoProperties.CATALOG.isSet(properties)) {
            catalog = Optional.of(localPath(AutoProperties.CATALOG.value(properties), AutoProperties.CATALOG));
        }
        Optional<String> path = optional(properties, AutoProperties.PATH);
        Properties passThrough = new Properties();
        for (String name : properties.stringPropertyNames()) {
            if (AutoProperties.ALL.stream().noneMatch(property -> property.name().equals(name))) {
                passThrough.setProperty(name, properties.getProperty(name));
            }
        }
        int connectTimeout = PropertyValues.positiveInt(AutoProperties.CONNECT_TIMEOUT_MS, properties);
        passThrough.setProperty(AutoProperties.CONNECT_TIMEOUT_MS.name(), Integer.toString(connectTimeout));
        return new AutoSettings(explicit, explicitSource, server.map(AutoSettings::withoutSlashes), catalog, path,
                fallback(properties), threshold(properties), passThrough);
    }

    /** The modes in the order they are tried: an explicit mode first, then the fallback chain. */
    List<ModeName> explicitOrder() {
        List<ModeName> order = new ArrayList<>();
        explicitMode.ifPresent(order::add);
        fallback.stream().filter(mode -> !order.contains(mode)).forEach(order::add);
        return order;
    }

    /** A property's value, else the environment variable's; blank counts as not set. */
    private record Setting(String value, String source) {
    }

    private static Optional<Setting> setting(Properties properties, ConnectionProperty property,
                                             UnaryOperator<String> environment, String variable) {
        if (property.isSet(properties)) {
            return Optional.of(new Setting(property.value(properties), property.name()));
        }
        String value = environment.apply(variable);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(new Setting(value.trim(), variable));
    }

    private static Optional<String> optional(Properties properties, ConnectionProperty property) {
        return property.isSet(properties) ? Optional.of(property.value(properties)) : Optional.empty();
    }

    private static String withoutSlashes(Setting server) {
        return server.value().startsWith("//") ? server.value().substring(2) : server.value();
    }

    private static void checkServer(Setting server) throws SQLException {
        if (!SERVER_ADDRESS.matcher(withoutSlashes(server)).matches()) {
            throw invalid("invalid server address '" + server.value() + "' in " + server.source()
                    + ": write host:port, e.g. localhost:50051 or [::1]:50051");
        }
    }

    /** {@code text} with a leading {@code ~} or {@code ~/} meaning the user's home, as the embedded and arrow modes read it. */
    static String expandHome(String text) {
        return text.equals("~") || text.startsWith("~/") ? System.getProperty("user.home") + text.substring(1) : text;
    }

    private static Path localPath(String text, ConnectionProperty property) throws SQLException {
        try {
            return Path.of(expandHome(text));
        } catch (InvalidPathException e) {
            throw invalid("invalid " + property.name() + " '" + text + "': " + e.getMessage());
        }
    }

    private static List<ModeName> fallback(Properties properties) throws SQLException {
        String text = AutoProperties.FALLBACK.value(properties);
        List<ModeName> chain = new ArrayList<>();
        if (text.equalsIgnoreCase(NO_FALLBACK)) {
            return chain;
        }
        for (String name : text.split(",", -1)) {
            if (name.isBlank()) {
                throw invalid("fallback '" + text + "' has an empty entry: list modes separated by commas, e.g. "
                        + AutoProperties.DEFAULT_FALLBACK + ", or write " + NO_FALLBACK);
            }
            ModeName mode = ModeName.parse(name, AutoProperties.FALLBACK.name());
            if (!chain.contains(mode)) {
                chain.add(mode);
            }
        }
        return chain;
    }

    private static OptionalLong threshold(Properties properties) throws SQLException {
        if (!AutoProperties.DATA_SIZE_THRESHOLD_MB.isSet(properties)) {
            return OptionalLong.empty();
        }
        String text = AutoProperties.DATA_SIZE_THRESHOLD_MB.value(properties);
        try {
            long mib = Long.parseLong(text);
            if (mib >= 0 && mib <= Long.MAX_VALUE / MIB) {
                return OptionalLong.of(mib * MIB);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid("invalid value '" + text + "' for connection property "
                + AutoProperties.DATA_SIZE_THRESHOLD_MB.name() + ": expected a whole number of MiB, 0 or more, e.g. 512");
    }

    private static SQLException invalid(String message) {
        return new SQLNonTransientConnectionException(message, "08001");
    }

    @Override
    public String toString() {
        // passThrough may hold a password: never printed
        return "AutoSettings{mode=" + explicitMode.map(ModeName::canonical).orElse(ModeName.AUTO) + ", server=" + server
                + ", catalog=" + catalog + ", path=" + path + ", fallback=" + fallback + "}";
    }
}
