#!/usr/bin/env bash
# How fast a freshly started server is for its first users: starts target/livelens.jar, waits for
# /healthz to answer 200, measures gray (16 streams at 60 fps, saturating) for 10 s at once, again 30 s
# after ready, and prints both and their ratio. Each measurement is its own client JVM, started fresh,
# so the client is equally cold in both and independent of the server.
#
#   bench/coldstart.sh [--runs N] [--port N] [--no-build] [-- SERVER FLAGS...]
#
#   --runs N    start the server N times (default 1); a line each, then the medians
#   --port N    first port to try (default 18200)
#   --no-build  use the jars already built
#   after --    flags for the server, e.g. -- --warmup-seconds 0
set -euo pipefail
cd "$(dirname "$0")/.."

runs=1
port=18200
build=1
server_flags=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --) shift; server_flags=("$@"); break ;;
    *) echo "coldstart.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

if [[ $build -eq 1 ]]; then
  mvn -B -q -o package -DskipTests || mvn -B -q package -DskipTests
  mvn -B -q -o -f bench/pom.xml package || mvn -B -q -f bench/pom.xml package
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
now_ms() { date +%s%3N; }

# One 10-second gray window; prints "fps server-cores other-cores" from the run's table row. Frames per
# server CPU-second say how efficient the server was, whatever share of the cores other processes left it.
measure() {
  java -jar bench/target/livelens-bench.jar run --port "$1" --pid "$2" --filter gray --streams 16 --fps 60 \
    --warmup 0 --seconds 10 2>/dev/null | awk -F'|' '$3 ~ /gray/ { print $11 + 0, $20 + 0, $22 + 0 }'
}

mkdir -p bench/results
cold_all=()
warm_all=()
echo "| run | ready after s | cold fps (0-10 s) | warm fps (30-40 s) | cold / warm | fps per server core cold / warm | ratio | other cores cold / warm |"
echo "|--:|--:|--:|--:|--:|--:|--:|---|"
for run in $(seq 1 "$runs"); do
  while ! port_free "$port"; do port=$((port + 1)); done
  log="bench/results/coldstart-server-$run.log"
  started=$(now_ms)
  java ${JAVA_OPTS:-} -jar target/livelens.jar --port "$port" "${server_flags[@]}" >"$log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$port/healthz")" == 200 ]]; do
    if ! kill -0 "$server" 2>/dev/null; then echo "coldstart.sh: the server did not start; see $log" >&2; exit 1; fi
    sleep 0.1
  done
  ready=$(now_ms)
  read -r cold cold_cpu cold_other < <(measure "$port" "$server")
  sleep "$(awk -v left=$((ready + 30000 - $(now_ms))) 'BEGIN { print (left > 0 ? left / 1000 : 0) }')"
  read -r warm warm_cpu warm_other < <(measure "$port" "$server")
  kill "$server"; wait "$server" 2>/dev/null || true
  cold_all+=("$cold"); warm_all+=("$warm")
  awk -v r="$run" -v s="$(( ready - started ))" -v c="$cold" -v w="$warm" -v cc="$cold_cpu" -v wc="$warm_cpu" \
    -v co="$cold_other" -v wo="$warm_other" 'BEGIN { printf "| %d | %.1f | %.0f | %.0f | %.0f%% | %.0f / %.0f | %.0f%% | %.2f / %.2f |\n",
      r, s / 1000, c, w, 100 * c / w, c / cc, w / wc, 100 * (c / cc) / (w / wc), co, wo }'
  port=$((port + 1))
done
median() { printf '%s\n' "$@" | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
mc=$(median "${cold_all[@]}"); mw=$(median "${warm_all[@]}")
awk -v c="$mc" -v w="$mw" 'BEGIN { printf "| median | | %.0f | %.0f | %.0f%% | | | |\n", c, w, 100 * c / w }'
