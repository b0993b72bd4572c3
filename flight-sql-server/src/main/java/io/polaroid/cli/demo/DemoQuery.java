package io.polaroid.cli.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * An example query of the demo: what it shows and its SQL.
 *
 * @param title one line saying what the query answers
 * @param sql   the statement, formatted for reading
 */
public record DemoQuery(String title, String sql) {
    public DemoQuery {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(sql, "sql");
    }

    /** The example queries over the {@code trades} dataset generated from {@code spec}. */
    public static List<DemoQuery> all(TradesGenerator.Spec spec) {
        List<LocalDate> days = spec.tradingDays();
        String firstDay = days.get(0).toString();
        String secondDay = days.get(0).plusDays(1).toString();
        String topSymbol = Tickers.SYMBOLS.get(0);
        return List.of(
                new DemoQuery("How many trades, over which period",
                        "SELECT COUNT(*) AS trades, COUNT(DISTINCT symbol) AS symbols,\n"
                                + "       MIN(ts) AS first_trade, MAX(ts) AS last_trade, SUM(volume) AS shares\n"
                                + "FROM trades"),
                new DemoQuery("The 10 most traded symbols: volume and VWAP (volume-weighted average price)",
                        "SELECT symbol, COUNT(*) AS trades, SUM(volume) AS volume,\n"
                                + "       ROUND(SUM(price * volume) / SUM(volume), 2) AS vwap,\n"
                                + "       MIN(price) AS low, MAX(price) AS high\n"
                                + "FROM trades\n"
                                + "GROUP BY symbol\n"
                                + "ORDER BY volume DESC\n"
                                + "LIMIT 10"),
                new DemoQuery("OHLCV: 5-minute bars of " + topSymbol + " for the first hour of " + firstDay,
                        "SELECT time_bucket(INTERVAL '5' MINUTE, ts) AS bar,\n"
                                + "       ARG_MIN(price, ts) AS \"open\", MAX(price) AS high, MIN(price) AS low,\n"
                                + "       ARG_MAX(price, ts) AS \"close\", SUM(volume) AS volume, COUNT(*) AS trades\n"
                                + "FROM trades\n"
                                + "WHERE symbol = '" + topSymbol + "'\n"
                                + "  AND ts >= TIMESTAMP '" + firstDay + " 09:30:00'"
                                + " AND ts < TIMESTAMP '" + firstDay + " 10:30:00'\n"
                                + "GROUP BY time_bucket(INTERVAL '5' MINUTE, ts)\n"
                                + "ORDER BY bar"),
                new DemoQuery("Hourly rollup of " + firstDay + ": buy and sell volume, notional in millions",
                        "SELECT date_trunc('hour', ts) AS hour_start, COUNT(*) AS trades,\n"
                                + "       SUM(CASE WHEN side = 'B' THEN volume ELSE 0 END) AS buy_volume,\n"
                                + "       SUM(CASE WHEN side = 'S' THEN volume ELSE 0 END) AS sell_volume,\n"
                                + "       ROUND(SUM(price * volume) / 1000000, 1) AS notional_m\n"
                                + "FROM trades\n"
                                + "WHERE ts >= TIMESTAMP '" + firstDay + " 00:00:00'"
                                + " AND ts < TIMESTAMP '" + secondDay + " 00:00:00'\n"
                                + "GROUP BY date_trunc('hour', ts)\n"
                                + "ORDER BY hour_start"),
                new DemoQuery("Rolling average of the last 10 trades of " + topSymbol + " (window function)",
                        "SELECT symbol, ts, price, volume,\n"
                                + "       ROUND(AVG(price) OVER (PARTITION BY symbol ORDER BY ts\n"
                                + "                              ROWS BETWEEN 9 PRECEDING AND CURRENT ROW), 4)"
                                + " AS avg_10_trades\n"
                                + "FROM trades\n"
                                + "WHERE symbol = '" + topSymbol + "'\n"
                                + "  AND ts >= TIMESTAMP '" + firstDay + " 12:00:00'"
                                + " AND ts < TIMESTAMP '" + firstDay + " 12:05:00'\n"
                                + "ORDER BY ts\n"
                                + "LIMIT 15"));
    }
}
