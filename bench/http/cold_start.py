#!/usr/bin/env python3
"""Cold start of `polaroid http`: wall time from launching the process to the first answer of POST /query.

Usage: cold_start.py RUNS -- COMMAND...   (COMMAND must make the server listen on 127.0.0.1:$BENCH_PORT)
Polls the port every 2 ms with the query itself, so the time includes JVM start, engine open, planning and
running the first query. Prints one line per run and the median. Standard library only.
"""
import http.client
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import time

QUERY = json.dumps({"sql": os.environ.get("BENCH_SQL", "SELECT count(*) AS n FROM trades WHERE price > 100"),
                    "format": "json"})


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def cpu_seconds(pid):
    """CPU time (user + system) the process has used: the work behind the wall time, which a busy machine
    stretches. The command must exec the JVM (the launcher does), so the pid is the JVM's."""
    with open("/proc/%d/stat" % pid) as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def one_run(command):
    port = free_port()
    env = dict(os.environ, BENCH_PORT=str(port))
    command = [part.replace("$BENCH_PORT", str(port)) for part in command]
    started = time.monotonic()
    process = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = started + 60
        while time.monotonic() < deadline:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                connection.request("POST", "/query", QUERY, {"Content-Type": "application/json"})
                response = connection.getresponse()
                body = response.read()
                elapsed = time.monotonic() - started
                cpu = cpu_seconds(process.pid)
                if response.status != 200:
                    raise SystemExit("query failed: %d %s" % (response.status, body[:300]))
                return elapsed, cpu, body
            except (ConnectionRefusedError, ConnectionResetError, http.client.RemoteDisconnected):
                time.sleep(0.002)
        raise SystemExit("no answer within 60 s")
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(30)


def main():
    runs = int(sys.argv[1])
    command = sys.argv[sys.argv.index("--") + 1:]
    times = []
    cpus = []
    for i in range(runs):
        elapsed, cpu, body = one_run(command)
        times.append(elapsed * 1000)
        cpus.append(cpu * 1000)
        print("run %d: %.0f ms (CPU %.0f ms)  %s" % (i + 1, elapsed * 1000, cpu * 1000,
                                                  body.decode()[:60].replace("\n", " ")))
    print("median %.0f ms, min %.0f ms, max %.0f ms over %d runs; CPU median %.0f ms; load %s" % (
        statistics.median(times), min(times), max(times), runs, statistics.median(cpus),
        open("/proc/loadavg").read().split()[0]))


if __name__ == "__main__":
    main()
