package io.polaroid.ecosystem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.polaroid.jdbc.PolaroidDataSource;
import io.polaroid.jdbc.TestData;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.BadSqlGrammarException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * Spring's {@code JdbcTemplate} and {@code NamedParameterJdbcTemplate} over a {@link PolaroidDataSource},
 * embedded and against a real server: queries, row mappers, named parameters, DDL batches, and Spring's
 * translation of Polaroid's SQLStates into its exception hierarchy.
 */
class SpringJdbcTest {
    record Symbol(String sym, String sector) {
    }

    private static JdbcTemplate jdbc(String url) {
        return new JdbcTemplate(new PolaroidDataSource(url));
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void queryForListAndObject(String url) {
        JdbcTemplate jdbc = jdbc(url);
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT sector, COUNT(*) AS n FROM symbols GROUP BY sector ORDER BY sector");
        assertEquals(3, rows.size());
        // Spring's row maps ignore the case of column labels
        assertEquals("energy", rows.get(0).get("sector"));
        assertEquals(5L, ((Number) rows.get(0).get("N")).longValue());
        assertEquals(TestData.TRADES, jdbc.queryForObject("SELECT COUNT(*) FROM trades", Long.class));
        assertEquals(List.of("S0", "S1", "S10"),
                jdbc.queryForList("SELECT sym FROM symbols ORDER BY sym LIMIT 3", String.class));
        assertEquals(new BigDecimal("0.01"),
                jdbc.queryForObject("SELECT fee FROM trades WHERE id = ?", BigDecimal.class, 1));
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void rowMappers(String url) {
        List<Symbol> symbols = jdbc(url).query("SELECT sym, sector FROM symbols WHERE sector = ? ORDER BY sym",
                (row, index) -> new Symbol(row.getString("sym"), row.getString("sector")), "tech");
        assertEquals(5, symbols.size());
        assertEquals(new Symbol("S0", "tech"), symbols.get(0));
        assertTrue(symbols.stream().allMatch(symbol -> symbol.sector().equals("tech")));
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void namedParameters(String url) {
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(new PolaroidDataSource(url));
        MapSqlParameterSource parameters = new MapSqlParameterSource()
                .addValue("side", "SELL")
                .addValue("minVolume", 49)
                .addValue("syms", List.of("S1", "S2"));
        Long count = named.queryForObject("SELECT COUNT(*) FROM trades WHERE side = :side AND volume >= :minVolume "
                + "AND sym IN (:syms)", parameters, Long.class);
        Long expected = jdbc(url).queryForObject("SELECT COUNT(*) FROM trades WHERE side = 'SELL' AND volume >= 49 "
                + "AND sym IN ('S1', 'S2')", Long.class);
        assertEquals(expected, count);
        assertTrue(count > 0);
        List<String> sectors = named.queryForList("SELECT DISTINCT sector FROM symbols WHERE sym = :sym",
                Map.of("sym", "S4"), String.class);
        assertEquals(List.of("energy"), sectors);
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void batchUpdateOfDdl(String url) {
        JdbcTemplate jdbc = jdbc(url);
        String first = "spring_" + UUID.randomUUID().toString().replace("-", "");
        String second = first + "_b";
        int[] created = jdbc.batchUpdate("CREATE SCHEMA " + first, "CREATE SCHEMA " + second);
        assertEquals(2, created.length);
        List<String> schemas = schemas(jdbc);
        assertTrue(schemas.contains(first) && schemas.contains(second), schemas.toString());
        jdbc.batchUpdate("DROP SCHEMA " + first, "DROP SCHEMA " + second);
        List<String> after = schemas(jdbc);
        assertFalse(after.contains(first) || after.contains(second), after.toString());
    }

    /** The schemas as {@code DatabaseMetaData} lists them, read through Spring's connection callback. */
    private static List<String> schemas(JdbcTemplate jdbc) {
        return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = connection.getMetaData().getSchemas()) {
                while (rows.next()) {
                    names.add(rows.getString("TABLE_SCHEM"));
                }
            }
            return names;
        });
    }

    @ParameterizedTest
    @MethodSource("io.polaroid.ecosystem.Targets#urls")
    void errorsBecomeSpringExceptions(String url) {
        JdbcTemplate jdbc = jdbc(url);
        DataAccessException syntax = assertThrows(DataAccessException.class,
                () -> jdbc.queryForList("SELEC 1"));
        assertInstanceOf(BadSqlGrammarException.class, syntax);
        assertEquals("42601", ((SQLException) syntax.getCause()).getSQLState());
        assertThrows(BadSqlGrammarException.class, () -> jdbc.queryForList("SELECT * FROM no_such_dataset"));
        assertThrows(EmptyResultDataAccessException.class,
                () -> jdbc.queryForObject("SELECT sym FROM symbols WHERE sym = 'nope'", String.class));
    }
}
