package io.polaroid.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.config.CommonProperties;
import io.polaroid.jdbc.config.ConnectionProperty;
import io.polaroid.jdbc.config.ConnectionUrl;
import io.polaroid.jdbc.mode.ConnectionMode;
import io.polaroid.jdbc.mode.ConnectionModes;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * What tools' driver dialogs (DBeaver, Tableau) read from the driver before connecting: the properties of
 * the URL's mode with description, default and choices, and the driver's version.
 */
class DriverPropertyInfoTest {
    private final PolaroidDriver driver = new PolaroidDriver();

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:polaroid:embedded:/tmp/catalog", "jdbc:polaroid://localhost:31337",
            "jdbc:polaroid:arrow:/data/*.parquet", "jdbc:polaroid:auto:"})
    void listsEveryPropertyOfTheUrlsModeOnce(String url) throws SQLException {
        ConnectionMode mode = ConnectionModes.of(ConnectionUrl.parse(url, new Properties()));
        Set<String> expected = new LinkedHashSet<>();
        CommonProperties.ALL.forEach(property -> expected.add(property.name()));
        mode.properties().forEach(property -> expected.add(property.name()));

        DriverPropertyInfo[] infos = driver.getPropertyInfo(url, new Properties());
        List<String> names = Arrays.stream(infos).map(info -> info.name).collect(Collectors.toList());
        assertEquals(expected, new LinkedHashSet<>(names));
        assertEquals(names.size(), expected.size(), "each property once: " + names);
        for (DriverPropertyInfo info : infos) {
            assertNotNull(info.description, info.name);
            assertFalse(info.description.isBlank(), info.name);
            assertNotNull(info.value, info.name + " shows its default");
            assertFalse(info.required, info.name);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:polaroid:embedded:/tmp/catalog", "jdbc:polaroid://localhost:31337",
            "jdbc:polaroid:arrow:/data/*.parquet", "jdbc:polaroid:auto:"})
    void showsDefaultsAndChoicesAsTheModeDeclaresThem(String url) throws SQLException {
        ConnectionMode mode = ConnectionModes.of(ConnectionUrl.parse(url, new Properties()));
        List<ConnectionProperty> declared = new ArrayList<>(CommonProperties.ALL);
        declared.addAll(mode.properties());
        DriverPropertyInfo[] infos = driver.getPropertyInfo(url, new Properties());
        for (DriverPropertyInfo info : infos) {
            ConnectionProperty property = declared.stream().filter(p -> p.name().equals(info.name)).findFirst()
                    .orElseThrow();
            assertEquals(property.defaultValue(), info.value, info.name);
            if (property.choices().isEmpty()) {
                assertEquals(null, info.choices, info.name);
            } else {
                assertEquals(property.choices(), List.of(info.choices), info.name);
                assertTrue(property.defaultValue().isEmpty() || property.choices().contains(property.defaultValue()),
                        info.name + ": the default is one of the choices");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdbc:polaroid://localhost:31337?tls=true", "jdbc:polaroid://localhost:31337;tls=true"})
    void showsTheValuesAlreadyGivenInTheUrl(String url) throws SQLException {
        DriverPropertyInfo tls = Arrays.stream(driver.getPropertyInfo(url, null))
                .filter(info -> info.name.equals("tls")).findFirst().orElseThrow();
        assertEquals("true", tls.value);
        assertNotNull(tls.choices, "a boolean property offers its choices");
    }

    @Test
    void aForeignOrUnfinishedUrlGetsTheCommonProperties() throws SQLException {
        assertEquals(CommonProperties.ALL.size(), driver.getPropertyInfo("jdbc:postgresql://x/y", null).length);
        assertEquals(CommonProperties.ALL.size(), driver.getPropertyInfo("jdbc:polaroid:nosuchmode:x", null).length);
        assertEquals(CommonProperties.ALL.size(), driver.getPropertyInfo(null, null).length);
    }

    @Test
    void versionsMatchTheProjectVersionAndTheMetadata() throws SQLException {
        try (Connection connection = EmbeddedFixture.shared().connect()) {
            DatabaseMetaData metaData = connection.getMetaData();
            String version = metaData.getDriverVersion();
            assertFalse(version.contains("${"), "the version is filtered in: " + version);
            String[] parts = version.split("[.-]");
            assertEquals(Integer.parseInt(parts[0]), driver.getMajorVersion(), version);
            assertEquals(Integer.parseInt(parts[1]), driver.getMinorVersion(), version);
            assertEquals(driver.getMajorVersion(), metaData.getDriverMajorVersion());
            assertEquals(driver.getMinorVersion(), metaData.getDriverMinorVersion());
        }
        // no transactions and a dialect that is not full SQL-92 entry level: not JDBC compliant, and it says so
        assertFalse(driver.jdbcCompliant());
    }
}
