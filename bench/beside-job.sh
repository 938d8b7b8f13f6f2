#!/usr/bin/env bash
# Live streams beside a job (issue 21): 4 live `edges` streams of 640x480 at 30 fps, first 20 s alone, then
# while a 1-minute video (640x480, 30 fps: the bench frames looped, with sound) is processed through `faces`.
# Prints each stream's median fps a second in both phases, their ratio, and the job's time.
#   bench/beside-job.sh [--no-build] [--port N] [-- beside-job options, e.g. --job-filter edges --alone-seconds 30]
# Needs Debian's ffmpeg (to make the video) and curl. The server is the real jar in its own JVM, with its warm-up.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18600
# shellcheck source=bench/script-options.sh
source bench/script-options.sh
work=$(mktemp -d /tmp/livelens-beside-job-XXXX)
mkdir -p bench/results
echo "making a 1-minute video of the bench frames (640x480, 30 fps) ..." >&2
ffmpeg -v error -stream_loop -1 -framerate 30 -i bench/frames/frame-%03d.jpg -f lavfi -i sine=frequency=440 -t 60 \
  -c:v libx264 -preset veryfast -g 60 -pix_fmt yuv420p -c:a aac -movflags +faststart "$work/minute.mp4"
# shellcheck source=bench/server.sh
source bench/server.sh
start_server "$work/server.log" "$port" -jar target/livelens.jar --port "$port" --data-dir "$work/data" \
  --allow-private-urls
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; cp "$work/server.log" bench/results/beside-job-server.log; rm -rf "$work"' EXIT
echo "server pid $server; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
java -jar bench/target/livelens-bench.jar beside-job --port "$port" --video "$work/minute.mp4" "${extra[@]}"
