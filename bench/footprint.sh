#!/usr/bin/env bash
# Cold start and peak RSS of the arrow connection mode next to the embedded mode
# (io.polaroid.bench.footprint.FirstQuery); results go to stdout as a Markdown table.
#
# Each run is a fresh JVM that connects, runs one small query and prints when its first row arrived and
# its VmHWM. "Cold start" is from just before the JVM is launched to that first row; the median of
# FOOTPRINT_RUNS runs is reported. A last run per mode logs class loading and counts the gRPC, Netty and
# Flight classes the JVM loaded.
#
# Environment:
#   JAVA_HOME          the JDK to run with; else `java` on the PATH
#   FOOTPRINT_FILE     the Parquet file the query reads (default: a day of bench/data/trades-10000000)
#   FOOTPRINT_RUNS     launches per mode (default 5)
#   FOOTPRINT_HEAP     -Xmx of every launch (default 512m)
#   BENCH_BUILD_DIR    Maven build directory name (default target)
#   BENCH_SKIP_BUILD   set to 1 to use the last build as it is
set -euo pipefail

ROOT="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD_DIR="${BENCH_BUILD_DIR:-target}"
TARGET="$ROOT/bench/$BUILD_DIR"
RUNS="${FOOTPRINT_RUNS:-5}"
HEAP="${FOOTPRINT_HEAP:-512m}"
FILE="${FOOTPRINT_FILE:-$(ls "$ROOT"/bench/data/trades-10000000/*.parquet 2>/dev/null | head -n 1 || true)}"
[ -f "$FILE" ] || { echo "footprint.sh: no Parquet file; set FOOTPRINT_FILE (or run bench/run.sh once to generate data)" >&2; exit 1; }
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/java}"
JAVA="${JAVA:-$(command -v java)}"
JAVA_MAJOR="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p')"
JVM_FLAGS=(--add-opens=java.base/java.nio=ALL-UNNAMED "-Xmx$HEAP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn)
if [ "${JAVA_MAJOR:-17}" -ge 24 ]; then
  JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow) # Arrow allocates through sun.misc.Unsafe
fi

if [ "${BENCH_SKIP_BUILD:-0}" != 1 ]; then
  (cd "$ROOT" && mvn -q -B -o -DskipTests -Dpolaroid.build.dir="$BUILD_DIR" -pl bench -am package) >&2
fi
CP="$(ls "$TARGET"/polaroid-bench-*.jar | grep -v -e '-sources' -e '-tests' | head -n 1):$(cat "$TARGET/bench.classpath")"
STEM="$(basename "$FILE" .parquet)"

run() { # mode, extra JVM options...; prints the FirstQuery line with cold_ms added
  local mode="$1"; shift
  local url sql setup=()
  if [ "$mode" = arrow ]; then
    url="jdbc:polaroid:arrow:$FILE"; sql="SELECT count(*) FROM \"$STEM\""
  else
    url="jdbc:polaroid:embedded:"; sql="SELECT count(*) FROM trades"
    setup=("CREATE DATASET trades FROM '$FILE' WITH (cache = 'none')")
  fi
  local start line
  start="$(date +%s%3N)"
  line="$("$JAVA" "${JVM_FLAGS[@]}" "$@" -cp "$CP" io.polaroid.bench.footprint.FirstQuery "$url" "$sql" "${setup[@]}")"
  local first="${line#*first_row_epoch_ms=}"; first="${first%% *}"
  echo "cold_ms=$((first - start)) $line"
}

field() { sed -n "s/.*$1=\([0-9-]*\).*/\1/p"; }
median() { sort -n | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : int((v[NR/2]+v[NR/2+1])/2)}'; }

echo "file: $FILE ($(du -h "$FILE" | cut -f1)), heap $HEAP, $RUNS runs per mode, $("$JAVA" -version 2>&1 | head -n 1)" >&2
echo "| mode | cold start, median ms (min-max) | peak RSS (VmHWM), median MiB | rows counted | gRPC/Netty/Flight threads | gRPC/Netty/Flight classes loaded | classes loaded |"
echo "|---|---|---|---|---|---|---|"
for mode in arrow embedded; do
  results="$(for _ in $(seq "$RUNS"); do run "$mode"; done)"
  echo "$results" | sed 's/^/  /' >&2
  cold="$(echo "$results" | field cold_ms | median)"
  coldmin="$(echo "$results" | field cold_ms | sort -n | head -n 1)"
  coldmax="$(echo "$results" | field cold_ms | sort -n | tail -n 1)"
  rss="$(echo "$results" | field vm_hwm_kb | median)"
  count="$(echo "$results" | field first_value | head -n 1)"
  threads="$(echo "$results" | field network_threads | sort -n | tail -n 1)"
  log="$(mktemp "${TMPDIR:-/tmp}/polaroid-footprint-classes.XXXXXX")"
  run "$mode" "-Xlog:class+load=info:file=$log" >/dev/null
  network="$(grep -c -E ' (io\.grpc|io\.netty|org\.apache\.arrow\.flight)\.' "$log" || true)"
  total="$(grep -c 'class,load' "$log" || true)"
  rm -f "$log"
  echo "| $mode | $cold ($coldmin-$coldmax) | $((rss / 1024)) | $count | $threads | $network | $total |"
done
