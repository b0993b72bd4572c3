#!/usr/bin/env bash
# Training run for class-data sharing / the JDK 25 AOT cache of `polaroid http`: starts the server with
# $JAVA_OPTS (which name the archive to write, see below), runs the statements a serverless instance runs
# (each result format, parameters, an error), then stops it with SIGTERM so the JVM writes the archive.
#
#   JAVA_OPTS="-XX:AOTCacheOutput=$PWD/polaroid-http.aot" bench/http/train.sh          # JDK 25
#   JAVA_OPTS="-XX:ArchiveClassesAtExit=$PWD/polaroid-http.jsa" bench/http/train.sh    # JDK 17/21
#
# Extra arguments go to `polaroid http` (default: the default catalog, which `./polaroid demo` fills).
# POLAROID names the launcher (default: ./polaroid next to this repository's root).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
POLAROID="${POLAROID:-$ROOT/polaroid}"
PORT="${TRAIN_PORT:-18089}"

"$POLAROID" http --port "$PORT" "$@" &
SERVER=$!
for _ in $(seq 1 600); do
  curl -s -o /dev/null "http://127.0.0.1:$PORT/health" && break
  sleep 0.1
done
query() { curl -s -o /dev/null -w "%{http_code} " "http://127.0.0.1:$PORT/query" -d "$1"; }
for format in json csv arrow parquet; do
  query "{\"sql\": \"SELECT count(*) AS n FROM trades WHERE price > 100\", \"format\": \"$format\"}"
  query "{\"sql\": \"SELECT symbol, avg(price) AS p, sum(volume) AS v FROM trades WHERE ts > TIMESTAMP '2024-03-04 10:00:00' GROUP BY symbol ORDER BY symbol\", \"format\": \"$format\"}"
  query "{\"sql\": \"SELECT * FROM trades WHERE symbol = ? LIMIT 10000\", \"format\": \"$format\", \"params\": [\"AAPL\"]}"
done
query "{\"sql\": \"SELECT symbol, count(*) AS n, avg(price) AS price, sum(volume) AS volume FROM trades10k WHERE side = 'B' GROUP BY symbol ORDER BY volume DESC LIMIT 5\"}"
query '{"sql": "SELECT no_such_column FROM trades"}'
query '{"sql": "not json'
curl -s -o /dev/null "http://127.0.0.1:$PORT/openapi.json"
echo
kill -TERM "$SERVER"
wait "$SERVER" || true
