#!/usr/bin/env bash
# Active streams beside many open but silent stream sockets: starts a server jar, opens N sockets that
# never send a frame, then measures S streams of a filter at 30 fps (the run command's table row), and
# says how many stats messages a second the silent sockets were sent meanwhile.
#
#   bench/silent.sh [--jar target/livelens.jar] [--silent 10000] [--streams 16] [--filter edges]
#                   [--seconds 30] [--frames bench/frames] [--port 18300] [-- SERVER FLAGS...]
#
# Needs the bench jar (mvn -f bench/pom.xml package). Raises the open-file limit for both processes; the
# server's connection limits are raised to fit (flags after -- come later and win).
set -euo pipefail
cd "$(dirname "$0")/.."

jar=target/livelens.jar
silent=10000
streams=16
filter=edges
seconds=30
frames=bench/frames
port=18300
server_flags=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jar) jar="$2"; shift 2 ;;
    --silent) silent="$2"; shift 2 ;;
    --streams) streams="$2"; shift 2 ;;
    --filter) filter="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --frames) frames="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    --) shift; server_flags=("$@"); break ;;
    *) echo "silent.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

# 65536 where allowed; else the hard limit (each process needs about one descriptor per socket).
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
echo "open files limit: $(ulimit -n)" >&2
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
while ! port_free "$port"; do port=$((port + 1)); done

mkdir -p bench/results
log="bench/results/silent-server-$(date +%Y%m%d-%H%M%S).log"
limit=$((silent + streams + 100))
# shellcheck source=bench/server.sh
source bench/server.sh
start_server "$log" "$port" -jar "$jar" --port "$port" --max-connections "$limit" \
  --max-connections-per-address "$limit" "${server_flags[@]}"
echo "server $jar pid $server on port $port, flags: ${server_flags[*]:-(none)}; load: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
java -jar bench/target/livelens-bench.jar run --host 127.0.0.1 --port "$port" --pid "$server" --filter "$filter" \
  --streams "$streams" --fps 30 --seconds "$seconds" --warmup 5 --frames "$frames" --silent "$silent"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
