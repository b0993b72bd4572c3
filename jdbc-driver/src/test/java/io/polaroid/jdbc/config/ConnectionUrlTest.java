package io.polaroid.jdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class ConnectionUrlTest {

    private static ConnectionUrl parse(String url) throws SQLException {
        return ConnectionUrl.parse(url, new Properties());
    }

    @Test
    void embeddedWithoutATargetIsTransient() throws SQLException {
        ConnectionUrl url = parse("jdbc:polaroid:embedded:");
        assertEquals("embedded", url.mode());
        assertEquals("", url.target());
        assertTrue(url.properties().isEmpty());
    }

    @Test
    void theTargetRunsToTheFirstSemicolonAndKeepsColonsAndGlobCharacters() throws SQLException {
        assertEquals("/var/lib/polaroid", parse("jdbc:polaroid:embedded:/var/lib/polaroid").target());
        assertEquals("C:\\data\\catalog", parse("jdbc:polaroid:embedded:C:\\data\\catalog;schema=x").target());
        assertEquals("/data/2024-??/*.parquet", parse("jdbc:polaroid:arrow:/data/2024-??/*.parquet").target());
    }

    @Test
    void modeNamesIgnoreCase() throws SQLException {
        assertEquals("embedded", parse("jdbc:polaroid:EMBEDDED:/x").mode());
        assertEquals("embedded", parse("jdbc:polaroid:embedded").mode());
    }

    @Test
    void theFutureFormsParseIntoModeAndTarget() throws SQLException {
        ConnectionUrl remote = parse("jdbc:polaroid://localhost:50051;user=ann");
        assertEquals(ConnectionUrl.REMOTE, remote.mode());
        assertEquals("//localhost:50051", remote.target());
        assertEquals("ann", remote.properties().getProperty("user"));
        ConnectionUrl flight = parse("jdbc:polaroid:flight://host:1234");
        assertEquals("flight", flight.mode());
        assertEquals("//host:1234", flight.target());
        assertEquals("auto", parse("jdbc:polaroid:auto:;mode=embedded").mode());
    }

    @Test
    void urlPropertiesOverrideTheGivenPropertiesAndQuotesProtectSemicolons() throws SQLException {
        Properties info = new Properties();
        info.setProperty("schema", "fromInfo");
        info.setProperty("batchRows", "1024");
        ConnectionUrl url = ConnectionUrl.parse("jdbc:polaroid:embedded:/c;schema=fromUrl;path='a;b'", info);
        assertEquals("fromUrl", url.properties().getProperty("schema"));
        assertEquals("1024", url.properties().getProperty("batchRows"));
        assertEquals("a;b", url.properties().getProperty("path"));
        assertEquals("fromInfo", info.getProperty("schema"), "the caller's Properties are not modified");
    }

    @Test
    void malformedUrlsFailWith08001AndDoNotShowProperties() {
        for (String url : new String[] {"jdbc:polaroid:", "jdbc:polaroid::/x", "jdbc:polaroid:9x:/y",
                "jdbc:polaroid:embedded:/x;password='secret"}) {
            SQLException error = assertThrows(SQLNonTransientConnectionException.class, () -> parse(url), url);
            assertEquals("08001", error.getSQLState(), url);
        }
        SQLException error = assertThrows(SQLException.class,
                () -> parse("jdbc:polaroid:embedded:/x;password='secret"));
        assertFalse(error.getMessage().contains("secret"), error.getMessage());
    }

    @Test
    void onlyPolaroidUrlsAreAccepted() {
        assertTrue(ConnectionUrl.accepts("jdbc:polaroid:embedded:"));
        assertFalse(ConnectionUrl.accepts("jdbc:duckdb:"));
        assertFalse(ConnectionUrl.accepts("jdbc:avatica:remote:url=http://x"));
        assertFalse(ConnectionUrl.accepts(null));
    }

    @Test
    void theDisplayFormHidesProperties() throws SQLException {
        assertEquals("jdbc:polaroid://h:1;...", parse("jdbc:polaroid://h:1;password=secret").display());
        assertFalse(parse("jdbc:polaroid://h:1;password=secret").toString().contains("secret"));
    }
}
