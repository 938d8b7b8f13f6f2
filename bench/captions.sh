#!/usr/bin/env bash
# Live captions' delay (speech end -> final caption) over a real /ws/captions socket of a real server
# (bench/speech/CaptionDelayBench.java), with the test speech (src/test/resources/speech: two LibriVox
# utterances ending at 2.99 s and 9.29 s):
#   bench/captions.sh [--rounds N] [--port N]
# Needs: the project compiled (mvn -o test-compile), ffmpeg and curl.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18330; rounds=8
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
work=$(mktemp -d /tmp/livelens-captions-bench-XXXX)
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
CP="target/classes:$(cat "$work/cp.txt")"
ffmpeg -hide_banner -loglevel error -nostdin -i src/test/resources/speech/austen.mp4 -vn -ac 1 -ar 16000 \
  -f s16le "$work/speech.pcm"
. bench/server.sh
start_server "$work/server.log" "$port" -cp "$CP" dev.livelens.Main --port "$port" --data-dir "$work/data" \
  --warmup-seconds 0 --transcribe-threads 1
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true; rm -rf "$work"' EXIT
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$CP" bench/speech/CaptionDelayBench.java "$port" "$work/speech.pcm" "$rounds" 2.99,9.29
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
