#!/usr/bin/env bash
# Uploads from disk (issue 23): a minute of 720p30 video of each kind uploaded over tus and packaged
# (remuxed or transcoded), and a 2 GB file streamed through, with the server's resident memory.
#   bench/uploads.sh [--no-build] [--port N] [--big-mb N]
# Needs Debian's ffmpeg and curl; writes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1; port=18320; big_mb=2048
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --port) port="$2"; shift 2 ;;
    --big-mb) big_mb="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $build -eq 1 ]] && mvn -B -q -o package -DskipTests
work=$(mktemp -d /tmp/livelens-uploads-bench-XXXX)
in="$work/in"; mkdir -p "$in"
server=""
trap '[[ -n "$server" ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT

echo "making 1-minute 720p30 test videos ..." >&2
src=(-f lavfi -i testsrc2=size=1280x720:rate=30 -f lavfi -i sine=frequency=440:sample_rate=48000 -t 60)
ffmpeg -v error "${src[@]}" -c:v libx264 -preset veryfast -g 60 -pix_fmt yuv420p -c:a aac "$in/h264.mp4"
ffmpeg -v error "${src[@]}" -c:v libx265 -preset ultrafast -x265-params log-level=error -tag:v hvc1 -c:a aac "$in/hevc.mp4"
ffmpeg -v error "${src[@]}" -c:v mpeg4 -q:v 4 -c:a libmp3lame "$in/mpeg4.avi"
ffmpeg -v error "${src[@]}" -c:v libvpx-vp9 -deadline realtime -cpu-used 8 -b:v 2M -c:a libopus "$in/vp9.mkv"
echo "making a ${big_mb} MB H.264 file ..." >&2
ffmpeg -v error -f lavfi -i testsrc2=size=1280x720:rate=30 -t 20 -c:v libx264 -preset ultrafast -qp 0 \
  -pix_fmt yuv420p "$work/lossless.mp4"
loops=$(( big_mb * 1000000 / $(stat -c %s "$work/lossless.mp4") ))
ffmpeg -v error -stream_loop "$loops" -i "$work/lossless.mp4" -c copy -fs "${big_mb}M" "$in/big.mp4"

java -jar target/livelens.jar --port "$port" --host 127.0.0.1 --data-dir "$work/data" \
  --max-upload-bytes $(( (big_mb + 100) * 1048576 )) >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for file in h264.mp4 hevc.mp4 mpeg4.avi vp9.mkv big.mp4; do
  java bench/tus/UploadFile.java "$port" "$server" "$in/$file"
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
