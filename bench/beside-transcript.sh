#!/usr/bin/env bash
# Live streams beside a transcript (issue 25): 4 live `edges` streams of 640x480 at 30 fps, first 20 s alone,
# then while a video with an hour of real speech (the LibriVox test clip looped, under a 64x64 picture at
# 1 fps) is imported and transcribed. The measurement stops after --max-job-seconds (default 180): an hour
# of audio takes longer than that to transcribe; the report says how far the transcript got.
#   bench/beside-transcript.sh [--no-build] [--port N] [-- beside-job options, e.g. --max-job-seconds 600]
# Needs Debian's ffmpeg (to make the video) and curl. The server is the real jar in its own JVM.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18620
# shellcheck source=bench/script-options.sh
source bench/script-options.sh
work=$(mktemp -d /tmp/livelens-beside-transcript-XXXX)
mkdir -p bench/results
echo "making a video with an hour of speech ..." >&2
ffmpeg -v error -f lavfi -i color=c=gray:s=64x64:r=1 -stream_loop -1 -i src/test/resources/speech/austen.mp4 \
  -map 0:v -map 1:a -t 3600 -c:v libx264 -preset veryfast -g 2 -pix_fmt yuv420p -c:a aac -b:a 64k \
  -movflags +faststart "$work/hour.mp4"
# shellcheck source=bench/server.sh
source bench/server.sh
start_server "$work/server.log" "$port" -jar target/livelens.jar --port "$port" --data-dir "$work/data" \
  --allow-private-urls --transcribe-threads 1
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; cp "$work/server.log" bench/results/beside-transcript-server.log; rm -rf "$work"' EXIT
echo "server pid $server; $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
java -jar bench/target/livelens-bench.jar beside-job --port "$port" --video "$work/hour.mp4" --job-filter transcript \
  --max-job-seconds 180 "${extra[@]}"
