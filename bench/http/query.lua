-- wrk script: POST one small query to /query and report p95 latency.
-- wrk -t2 -c10 -d60s --latency -s bench/http/query.lua http://127.0.0.1:8080/query
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
-- default: a small query, an aggregate over a 10,000-row dataset (`trades10k`, see BENCH-h8.md)
wrk.body = os.getenv("BENCH_BODY") or
  '{"sql": "SELECT symbol, count(*) AS n, avg(price) AS price, sum(volume) AS volume FROM trades10k WHERE side = \'B\' GROUP BY symbol ORDER BY volume DESC LIMIT 5", "format": "json"}'

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors (status) %d, (connect/read/write/timeout) %d/%d/%d/%d\n",
    summary.requests, summary.errors.status, summary.errors.connect, summary.errors.read,
    summary.errors.write, summary.errors.timeout))
  for _, p in ipairs({50, 90, 95, 99, 99.9}) do
    io.write(string.format("p%s %.2f ms\n", p, latency:percentile(p) / 1000))
  end
  io.write(string.format("throughput %.0f requests/s\n", summary.requests / (summary.duration / 1e6)))
end
