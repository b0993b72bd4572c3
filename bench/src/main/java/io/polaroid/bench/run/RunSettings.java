package io.polaroid.bench.run;

/**
 * How often and how long each query runs on each target.
 *
 * @param warmups             untimed runs before the timed ones; at least one always runs, because the first
 *                            run also computes the result digest that is checked against the reference
 * @param runs                timed runs
 * @param budgetSeconds       after this much time in timed runs, stop early (at least one timed run happens):
 *                            a very slow query does not hold up the whole benchmark
 * @param queryTimeoutSeconds {@link java.sql.Statement#setQueryTimeout} of every run
 */
public record RunSettings(int warmups, int runs, double budgetSeconds, int queryTimeoutSeconds) {
    public RunSettings {
        if (warmups < 0 || runs < 1 || !(budgetSeconds > 0) || queryTimeoutSeconds < 0) {
            throw new IllegalArgumentException("warmups >= 0, runs >= 1, budget > 0, timeout >= 0 expected: "
                    + warmups + ", " + runs + ", " + budgetSeconds + ", " + queryTimeoutSeconds);
        }
    }
}
