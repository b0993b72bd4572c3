package io.polaroid.jdbc.auto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.config.ConnectionUrl;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Reading the auto mode's properties and environment, and refusing bad values before anything is tried. */
class AutoSettingsTest {
    private static final UnaryOperator<String> NO_ENVIRONMENT = name -> null;

    private static AutoSettings settings(String properties, UnaryOperator<String> environment) throws SQLException {
        return AutoSettings.from(ConnectionUrl.parse("jdbc:polaroid:auto:" + properties, null), environment);
    }

    private static AutoSettings settings(String properties) throws SQLException {
        return settings(properties, NO_ENVIRONMENT);
    }

    @ParameterizedTest
    @CsvSource({"embedded,EMBEDDED", "remote,REMOTE", "arrow,ARROW", "standalone,EMBEDDED", "distributed,REMOTE",
            "portable,ARROW", "PORTABLE,ARROW", "' Remote ',REMOTE"})
    void theModePropertyTakesNamesAndAliases(String name, ModeName expected) throws SQLException {
        assertEquals(Optional.of(expected), settings(";mode='" + name + "'").explicitMode());
        assertEquals(Optional.of(expected), settings("", Map.of("BACKEND_MODE", name)::get).explicitMode());
    }

    @Test
    void thePropertyWinsOverTheEnvironment() throws SQLException {
        UnaryOperator<String> environment = Map.of("BACKEND_MODE", "distributed", "GRPC_SERVER", "env-host:1")::get;
        AutoSettings settings = settings(";mode=arrow;server=prop-host:2", environment);
        assertEquals(Optional.of(ModeName.ARROW), settings.explicitMode());
        assertEquals("mode", settings.explicitSource());
        assertEquals(Optional.of("prop-host:2"), settings.server());
        AutoSettings fromEnvironment = settings("", environment);
        assertEquals(Optional.of(ModeName.REMOTE), fromEnvironment.explicitMode());
        assertEquals("BACKEND_MODE", fromEnvironment.explicitSource());
        assertEquals(Optional.of("env-host:1"), fromEnvironment.server());
    }

    @Test
    void autoAndBlankMeanNoExplicitMode() throws SQLException {
        assertEquals(Optional.empty(), settings(";mode=auto").explicitMode());
        assertEquals(Optional.empty(), settings("", Map.of("BACKEND_MODE", "AUTO")::get).explicitMode());
        assertEquals(Optional.empty(), settings("", Map.of("BACKEND_MODE", "  ")::get).explicitMode());
        assertEquals(Optional.empty(), settings("", Map.of("GRPC_SERVER", "")::get).server());
    }

    @Test
    void anUnknownModeNameIsRefusedNamingTheAllowedValues() {
        SQLException property = assertThrows(SQLException.class, () -> settings(";mode=cloud"));
        assertEquals("08001", property.getSQLState());
        assertTrue(property.getMessage().contains("'cloud' in mode"), property.getMessage());
        for (String name : List.of("auto", "embedded", "remote", "arrow", "standalone", "distributed", "portable")) {
            assertTrue(property.getMessage().contains(name), property.getMessage());
        }
        SQLException environment = assertThrows(SQLException.class,
                () -> settings("", Map.of("BACKEND_MODE", "serverless")::get));
        assertTrue(environment.getMessage().contains("'serverless' in BACKEND_MODE"), environment.getMessage());
    }

    @Test
    void theFallbackChainDefaultsToRemoteEmbeddedArrow() throws SQLException {
        assertEquals(List.of(ModeName.REMOTE, ModeName.EMBEDDED, ModeName.ARROW), settings("").fallback());
        assertEquals(List.of(ModeName.ARROW, ModeName.EMBEDDED), settings(";fallback='portable, embedded, arrow'")
                .fallback());
        assertEquals(List.of(), settings(";fallback=none").fallback());
    }

    @Test
    void anExplicitModeComesFirstThenTheRestOfTheChain() throws SQLException {
        assertEquals(List.of(ModeName.ARROW, ModeName.REMOTE, ModeName.EMBEDDED), settings(";mode=arrow").explicitOrder());
        assertEquals(List.of(ModeName.EMBEDDED), settings(";mode=embedded;fallback=none").explicitOrder());
    }

    @ParameterizedTest
    @ValueSource(strings = {";fallback=remote,cloud", ";fallback='remote,,arrow'", ";fallback=auto"})
    void aBadFallbackChainIsRefused(String properties) {
        SQLException error = assertThrows(SQLException.class, () -> settings(properties));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains("fallback"), error.getMessage());
    }

    @Test
    void theThresholdIsWholeMebibytes() throws SQLException {
        assertEquals(OptionalLong.of(512L << 20), settings(";dataSizeThresholdMb=512").thresholdBytes());
        assertEquals(OptionalLong.of(0), settings(";dataSizeThresholdMb=0").thresholdBytes());
        assertEquals(OptionalLong.empty(), settings("").thresholdBytes());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "1.5", "lots", "99999999999999999999"})
    void aBadThresholdIsRefused(String value) {
        SQLException error = assertThrows(SQLException.class, () -> settings(";dataSizeThresholdMb=" + value));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains("dataSizeThresholdMb"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"host:port", "http://host:1", "host:1:2", "a b:1", "host:123456"})
    void aBadServerAddressIsRefusedBeforeAnyFallback(String server) {
        SQLException error = assertThrows(SQLException.class, () -> settings("", Map.of("GRPC_SERVER", server)::get));
        assertEquals("08001", error.getSQLState());
        assertTrue(error.getMessage().contains("GRPC_SERVER"), error.getMessage());
    }

    @Test
    void serverAddressesInTheirUsualForms() throws SQLException {
        assertEquals(Optional.of("localhost:50051"), settings(";server=//localhost:50051").server());
        assertEquals(Optional.of("[::1]:50051"), settings(";server=[::1]:50051").server());
        assertEquals(Optional.of("db.example.com"), settings(";server=db.example.com").server());
    }

    @Test
    void aTargetIsRefused() {
        SQLException error = assertThrows(SQLException.class, () -> settings("/data/catalog"));
        assertTrue(error.getMessage().contains("takes no target"), error.getMessage());
    }

    @Test
    void theAutoModesOwnPropertiesDoNotPassThroughButTheRestDo() throws SQLException {
        AutoSettings settings = settings(";mode=remote;server=h:1;catalog=/c;path=/p;fallback=none;"
                + "dataSizeThresholdMb=1;user=alice;password=secret;memoryLimit=1g");
        assertEquals(Optional.of(Path.of("/c")), settings.catalog());
        assertEquals(Optional.of("/p"), settings.path());
        assertEquals(Map.of("user", "alice", "password", "secret", "memoryLimit", "1g", "connectTimeoutMs", "2000"),
                Map.copyOf(settings.passThrough()));
        assertFalse(settings.toString().contains("secret"));
        assertEquals("500", settings(";connectTimeoutMs=500").passThrough().getProperty("connectTimeoutMs"));
        assertThrows(SQLException.class, () -> settings(";connectTimeoutMs=soon"));
    }

    @Test
    void aCatalogUnderHomeIsExpanded() throws SQLException {
        assertEquals(Optional.of(Path.of(System.getProperty("user.home"), "/cat")), settings(";catalog=~/cat").catalog());
    }
}
