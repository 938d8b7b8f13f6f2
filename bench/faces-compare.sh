#!/usr/bin/env bash
# faces on BlazeFace against faces on the Haar cascade (issue 26), from an independent client: the same
# 16 streams × 60 fps of the bench frames (640x480) through `faces`, once per detector, each against a fresh
# server in its own JVM (with its warm-up). Frames per server CPU-second = "fps total" / "server CPU".
#   bench/faces-compare.sh [--no-build] [--port N] [-- run options, e.g. --streams 8 --seconds 30]
set -euo pipefail
cd "$(dirname "$0")/.."
port=18700
# shellcheck source=bench/script-options.sh
source bench/script-options.sh
# shellcheck source=bench/server.sh
source bench/server.sh
work=$(mktemp -d /tmp/livelens-faces-compare-XXXX)
mkdir -p bench/results
echo "$(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg); commit $(git rev-parse --short HEAD)"
for detector in blazeface haar; do
  start_server "$work/$detector.log" "$port" -jar target/livelens.jar --port "$port" --data-dir "$work/data-$detector" \
    --face-detector "$detector"
  echo "## faces on $detector (server pid $server)"
  java -jar bench/target/livelens-bench.jar run --port "$port" --pid "$server" --filter faces --streams 16 --fps 60 \
    --seconds 20 "${extra[@]}"
  kill "$server"; wait "$server" 2>/dev/null || true
done
rm -rf "$work"
