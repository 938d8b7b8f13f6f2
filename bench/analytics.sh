#!/usr/bin/env bash
# Watch analytics' numbers: events stored per second with the time to acknowledgement (a committed
# transaction), then reads of the analytics API once the video has that many events.
#   bench/analytics.sh [--no-build] [--port N] [-- analytics options, e.g. --connections 128 --seconds 60]
# Ends with the server's CPU per read. Needs Debian's ffmpeg, curl and python3 (a loopback file server for
# the import); writes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18400
# shellcheck source=bench/script-options.sh
source bench/script-options.sh
work=$(mktemp -d /tmp/livelens-analytics-bench-XXXX)
api="http://127.0.0.1:$port"
server=""; files=""
mkdir -p bench/results
trap '[[ -n "$server" ]] && kill "$server"; [[ -n "$files" ]] && kill "$files"; cp "$work/server.log" bench/results/analytics-server.log; rm -rf "$work"' EXIT

# An hour of video (tiny and at 1 fps, so it is quick to make and package): heartbeats need its length.
ffmpeg -v error -f lavfi -i testsrc=size=160x120:rate=1 -t 3600 -c:v libx264 -preset ultrafast -g 2 \
  -pix_fmt yuv420p -movflags +faststart "$work/hour.mp4"
python3 -m http.server 0 --bind 127.0.0.1 --directory "$work" >"$work/files.log" 2>&1 &
files=$!
java -jar target/livelens.jar --port "$port" --data-dir "$work/data" --allow-private-urls --warmup-seconds 0 \
  >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "$api/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
sleep 1
files_port=$(grep -o 'port [0-9]*' "$work/files.log" | head -1 | cut -d' ' -f2)
jar="$work/cookies" # the import makes this client a guest identity: the video and its analytics are its own
video=$(curl -fs -b "$jar" -c "$jar" -X POST -H 'Content-Type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$files_port/hour.mp4\"}" "$api/api/imports" \
  | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
for _ in $(seq 1 600); do
  status=$(curl -fs -b "$jar" "$api/api/videos/$video" | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
  [[ $status != processing ]] && break
  sleep 0.5
done
[[ $status == ready ]] || { echo "the test video ended $status; see $work/server.log" >&2; exit 1; }
# Players reach it by its link; the analytics are read as its owner.
curl -fs -b "$jar" -X PATCH -H 'Content-Type: application/json' -d '{"visibility":"unlisted"}' \
  "$api/api/videos/$video" >/dev/null
cookie="livelens_session=$(awk '$6 == "livelens_session" {print $7}' "$jar")"
echo "server pid $server, video $video; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar bench/target/livelens-bench.jar analytics --port "$port" --video "$video" --cookie "$cookie" "${extra[@]}"
# The server's CPU for one read, from its own clock ticks over 500 more reads (a noisy machine stretches
# the reads' wall time, much less their CPU).
ticks() { awk '{print $14 + $15}' "/proc/$server/stat"; }
before=$(ticks)
java -jar bench/target/livelens-bench.jar analytics --port "$port" --video "$video" --cookie "$cookie" \
  --connections 1 --seconds 1 \
  --reads 500 | tail -1
echo "server CPU per read: $(( ($(ticks) - before) * 10000 / 500 )) us (500 reads, and one player for 1 s)"
echo "events stored: $(sqlite3 "$work/data/livelens.db" 'SELECT COUNT(*) FROM watch_events' 2>/dev/null || echo '?')"
