#!/usr/bin/env bash
# The cost of the network hop per frame: the same load against one node (workers in the same JVM, a
# local hop) and against an HTTP node whose only worker is a worker node in another JVM (a cross-JVM
# hop on loopback). Prints the load generator's rows and the CPU seconds per frame of every process.
#
#   bench/cluster-hop.sh [--no-build] [--seconds 20] [--filters none,edges] [--streams 1] [--fps 30]
set -euo pipefail
cd "$(dirname "$0")/.."

build=1
seconds=20
filters=none,edges
streams=1
fps=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --seconds) seconds="$2"; shift 2 ;;
    --filters) filters="$2"; shift 2 ;;
    --streams) streams="$2"; shift 2 ;;
    --fps) fps="$2"; shift 2 ;;
    *) echo "cluster-hop.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ $build -eq 1 ]]; then
  mvn -B -q -o package -DskipTests
  mvn -B -q -o -f bench/pom.xml package
fi

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_seconds() { awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat"; }
wait_healthy() {
  for _ in $(seq 1 240); do
    curl -fs "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "cluster-hop.sh: node on port $1 did not become healthy" >&2; exit 1
}

work=$(mktemp -d)
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
node() { # node NAME PORT FLAGS... : starts a node in the background, its pid in $last_pid
  local name=$1 port=$2; shift 2
  java -jar target/livelens.jar --host 127.0.0.1 --port "$port" --warmup-seconds 6 --data-dir "$work/$name" \
    --node-name "$name" "$@" >"$work/$name.log" 2>&1 &
  last_pid=$!
  pids+=("$last_pid")
}

idle_seconds=5
measure() { # measure LABEL PORT PIDS... : one load run per filter, CPU seconds per answered frame per process
  local label=$1 port=$2; shift 2
  # What each process burns with no frames (timers, samplers, Hazelcast's heartbeats), to subtract.
  local idle0=() idle1=()
  for pid in "$@"; do idle0+=("$(cpu_seconds "$pid")"); done
  sleep "$idle_seconds"
  for pid in "$@"; do idle1+=("$(cpu_seconds "$pid")"); done
  for filter in ${filters//,/ }; do
    local before=() after=()
    local started=$(date +%s.%N)
    for pid in "$@"; do before+=("$(cpu_seconds "$pid")"); done
    row=$(java -jar bench/target/livelens-bench.jar run --port "$port" --pid "$1" --filter "$filter" \
      --streams "$streams" --fps "$fps" --in-flight 2 --seconds "$seconds" --warmup 3)
    for pid in "$@"; do after+=("$(cpu_seconds "$pid")"); done
    local elapsed=$(python3 -c "import time; print(time.time() - $started)")
    echo "$label $filter: $row"
    local answered=$(echo "$row" | grep "^| $filter" | awk -F'|' '{ gsub(/ /, "", $6); print $6 }')
    for i in "${!before[@]}"; do
      python3 -c "
busy = ${after[$i]} - ${before[$i]}; idle = (${idle1[$i]} - ${idle0[$i]}) / $idle_seconds * $elapsed
print('  process $i: %.2f CPU s over %.1f s, %.2f when idle; %.3f ms a frame above idle (%s frames answered, warm-up included)'
      % (busy, $elapsed, idle, (busy - idle) * 1000 / ($answered * ($seconds + 3) / $seconds), '$answered'))"
    done
  done
  curl -fs "http://127.0.0.1:$port/metrics" | grep '^vertx_eventbus_bytes_.*livelens.frames' || true
}

echo "load: $(uptime)"
port=$(free_port)
node single "$port" --role all --workers 1
single=$last_pid
wait_healthy "$port"
measure "one JVM (local hop)" "$port" "$single"
kill "$single"; wait "$single" 2>/dev/null || true

http_port=$(free_port); worker_port=$(free_port); hz_http=$(free_port); hz_worker=$(free_port)
node http "$http_port" --role http --cluster --cluster-port "$hz_http"
http=$last_pid
wait_healthy "$http_port"
node worker "$worker_port" --role worker --workers 1 --cluster --cluster-port "$hz_worker" \
  --cluster-members "127.0.0.1:$hz_http"
worker=$last_pid
wait_healthy "$worker_port"
measure "two JVMs (cross-JVM hop)" "$http_port" "$http" "$worker"
echo "load: $(uptime)"
