package io.polaroid.cli.demo;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo's universe of ticker symbols: how often each trades (Zipf-skewed, like real markets: a few
 * names take a large share of the prints), its starting price and its daily volatility. Everything is
 * derived from the seed, so the same seed always makes the same market.
 */
final class Tickers {
    /** Ordered by how often they trade: the first is the most active. */
    static final List<String> SYMBOLS = List.of(
            "AAPL", "NVDA", "MSFT", "TSLA", "AMZN", "META", "GOOGL", "AMD", "AVGO", "JPM",
            "NFLX", "LLY", "V", "UNH", "XOM", "MA", "COST", "JNJ", "PG", "HD",
            "ORCL", "BAC", "CRM", "ABBV", "CVX", "MRK", "KO", "PEP", "WMT", "ADBE",
            "TMO", "LIN", "MCD", "CSCO", "ACN", "ABT", "DHR", "WFC", "INTC", "DIS",
            "TXN", "PM", "CAT", "VZ", "INTU", "AMGN", "IBM", "QCOM", "GE", "NOW",
            "UNP", "SPGI", "GS", "HON", "LOW", "AMAT", "BA", "RTX", "ISRG", "BKNG",
            "PLD", "T", "NEE", "SBUX", "MS", "ELV", "DE", "BLK", "MDT", "GILD",
            "SYK", "ADP", "LMT", "TJX", "C", "MMC", "CB", "MO", "ZTS", "UBER");

    /** Zipf exponent of trading activity: the top name gets about 13% of trades, the last about 0.4%. */
    private static final double SKEW = 0.8;

    private final double[] cumulativeShare;
    private final double[] share;
    private final double[] startPrice;
    private final double[] dailyVolatility;

    Tickers(long seed) {
        int count = SYMBOLS.size();
        share = new double[count];
        cumulativeShare = new double[count];
        startPrice = new double[count];
        dailyVolatility = new double[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            share[i] = 1 / Math.pow(i + 1, SKEW);
            total += share[i];
        }
        double running = 0;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            share[i] /= total;
            running += share[i];
            cumulativeShare[i] = running;
            startPrice[i] = Math.exp(Math.log(20) + random.nextDouble() * Math.log(900.0 / 20));
            dailyVolatility[i] = 0.012 + random.nextDouble() * 0.025;
        }
        cumulativeShare[count - 1] = 1.0; // no gap at the top from rounding
    }

    int count() {
        return SYMBOLS.size();
    }

    /** The symbol index for a uniform draw {@code u} in [0, 1), following the activity shares. */
    int pick(double u) {
        int low = 0;
        int high = cumulativeShare.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulativeShare[middle] > u) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    double share(int symbol) {
        return share[symbol];
    }

    double startPrice(int symbol) {
        return startPrice[symbol];
    }

    double dailyVolatility(int symbol) {
        return dailyVolatility[symbol];
    }
}
