#!/usr/bin/env bash
# Runs the Polaroid vs DuckDB benchmark (io.polaroid.bench.BenchMain); `bench/run.sh --help` lists options.
#
# Builds the bench module and what it depends on with Maven first (quietly, offline when ~/.m2 has
# everything), then runs it with the flags Polaroid's launcher uses. Generated data is kept in bench/data,
# reports go to bench/results.
#
# Environment:
#   JAVA_HOME          the JDK to run (and build) with; else `java` on the PATH. Java 17 or newer.
#   BENCH_HEAP         maximum heap (default 8g)
#   BENCH_BUILD_DIR    Maven build directory name (default target; e.g. target-bench beside parallel builds)
#   BENCH_SKIP_BUILD   set to 1 to run the last build as it is
#   BENCH_MAIN         another main class of the bench module to run with the same classpath and flags,
#                      e.g. io.polaroid.bench.parquet.ParquetDecodeBenchmark
#   JAVA_OPTS          more JVM options, appended last
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BENCH_BUILD_DIR:-target}"
TARGET="$ROOT/bench/$BUILD_DIR"

if [ -n "${JAVA_HOME:-}" ]; then
  JAVA="$JAVA_HOME/bin/java"
else
  JAVA="$(command -v java || true)"
fi
[ -x "$JAVA" ] || { echo "bench/run.sh: no java: install JDK 17+ or set JAVA_HOME" >&2; exit 1; }
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  echo "bench/run.sh: building (mvn -pl bench -am package) ..." >&2
  log="$(mktemp "${TMPDIR:-/tmp}/polaroid-bench-build.XXXXXX")"
  if ! (cd "$ROOT" && mvn -q -B -o -DskipTests -Dpolaroid.build.dir="$BUILD_DIR" -pl bench -am package) >"$log" 2>&1 &&
     ! (cd "$ROOT" && mvn -q -B -DskipTests -Dpolaroid.build.dir="$BUILD_DIR" -pl bench -am package) >"$log" 2>&1; then
    tail -n 60 "$log" >&2
    echo "bench/run.sh: the build failed (full log: $log)" >&2
    exit 1
  fi
  rm -f "$log"
fi

JAR="$(ls "$TARGET"/polaroid-bench-*.jar 2>/dev/null | grep -v -e '-sources' -e '-tests' | head -n 1 || true)"
[ -n "$JAR" ] && [ -f "$TARGET/bench.classpath" ] || { echo "bench/run.sh: no build in $TARGET" >&2; exit 1; }

HEAP="${BENCH_HEAP:-8g}"
JVM_FLAGS=(
  --add-opens=java.base/java.nio=ALL-UNNAMED # Arrow reads java.nio.Buffer's address field
  -XX:+UseParallelGC                         # the GC ./polaroid runs the engine with
  "-Xmx$HEAP"
  "-Dpolaroid.bench.home=$ROOT/bench"
  "-Dpolaroid.bench.flightSqlJdbcDriver=$TARGET/drivers/flight-sql-jdbc-driver.jar" # target flightsql-jdbc
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn # Arrow's start-up INFO lines drown the progress
)
if [ "${JAVA_MAJOR:-17}" -ge 22 ]; then
  JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED) # DuckDB's JNI library
fi
if [ "${JAVA_MAJOR:-17}" -ge 24 ]; then
  JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow) # Arrow allocates through sun.misc.Unsafe
fi

# JAVA_OPTS is split on spaces on purpose: it holds several options.
# shellcheck disable=SC2086
exec "$JAVA" "${JVM_FLAGS[@]}" ${JAVA_OPTS:-} -cp "$JAR:$(cat "$TARGET/bench.classpath")" "${BENCH_MAIN:-io.polaroid.bench.BenchMain}" "$@"
