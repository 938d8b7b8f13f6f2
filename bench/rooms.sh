#!/usr/bin/env bash
# Rooms' numbers: one member's processed camera fanned out to 0, 1, 4, 8 and 16 viewers (frames a second
# each viewer gets, the server's CPU), then chat delivery among 100 people online.
#   bench/rooms.sh [--no-build] [--port N] [-- rooms options, e.g. --seconds 20 --filter faces]
# The server is the real jar in its own JVM; every person signs up through the account API first.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18500
# shellcheck source=bench/script-options.sh
source bench/script-options.sh
work=$(mktemp -d /tmp/livelens-rooms-bench-XXXX)
server=""
mkdir -p bench/results
trap '[[ -n "$server" ]] && kill "$server"; cp "$work/server.log" bench/results/rooms-server.log; rm -rf "$work"' EXIT
java -jar target/livelens.jar --port "$port" \
  --data-dir "$work/data" --warmup-seconds 0 --max-room-size 20 >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "server pid $server; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar bench/target/livelens-bench.jar rooms --port "$port" --pid "$server" "${extra[@]}"
