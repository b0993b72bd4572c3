package io.polaroid.jdbc.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class PropertyValuesTest {
    private static final ConnectionProperty SIZE = ConnectionProperty.of("size", "a size", "");
    private static final ConnectionProperty COUNT = ConnectionProperty.of("count", "a count", "8");

    private static Properties with(String name, String value) {
        Properties properties = new Properties();
        properties.setProperty(name, value);
        return properties;
    }

    @Test
    void sizesTakeBinaryUnits() throws SQLException {
        assertEquals(OptionalLong.of(1024), PropertyValues.bytes(SIZE, with("size", "1024")));
        assertEquals(OptionalLong.of(64L << 10), PropertyValues.bytes(SIZE, with("size", "64k")));
        assertEquals(OptionalLong.of(512L << 20), PropertyValues.bytes(SIZE, with("size", "512m")));
        assertEquals(OptionalLong.of(512L << 20), PropertyValues.bytes(SIZE, with("size", "512MB")));
        assertEquals(OptionalLong.of(2L << 30), PropertyValues.bytes(SIZE, with("size", "2GiB")));
        assertEquals(OptionalLong.of(1L << 40), PropertyValues.bytes(SIZE, with("size", " 1t ")));
        assertEquals(OptionalLong.empty(), PropertyValues.bytes(SIZE, new Properties()));
    }

    @Test
    void badSizesNameThePropertyWith08001() {
        for (String bad : new String[] {"lots", "-5m", "0", "1.5g", "99999999999999999999", "9000000t"}) {
            SQLException error = assertThrows(SQLException.class, () -> PropertyValues.bytes(SIZE, with("size", bad)),
                    bad);
            assertEquals("08001", error.getSQLState());
            assertTrue(error.getMessage().contains("size") && error.getMessage().contains(bad), error.getMessage());
        }
    }

    @Test
    void positiveIntsFallBackToTheDefault() throws SQLException {
        assertEquals(8, PropertyValues.positiveInt(COUNT, new Properties()));
        assertEquals(100, PropertyValues.positiveInt(COUNT, with("count", "100")));
        assertEquals("08001", assertThrows(SQLException.class,
                () -> PropertyValues.positiveInt(COUNT, with("count", "0"))).getSQLState());
        assertEquals("08001", assertThrows(SQLException.class,
                () -> PropertyValues.positiveInt(COUNT, with("count", "x"))).getSQLState());
    }
}
