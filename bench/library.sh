#!/usr/bin/env bash
# The library's numbers: packaging a minute of video (copied and transcoded), cuts, GET /api/videos with
# 10,000 videos, and a minute of video through `faces` while 4 live streams run at 30 fps.
#   bench/library.sh [--no-build] [--port N]
# Needs Debian's ffmpeg, sqlite3, curl and python3 (for the loopback file server); writes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1; port=18300
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --port) port="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
# LIVELENS_BENCH: another command for the load generator (e.g. java -cp with both jars)
bench=${LIVELENS_BENCH:-"java -jar bench/target/livelens-bench.jar"}
if [[ $build -eq 1 ]]; then
  mvn -B -q -o package -DskipTests
  [[ -n "${LIVELENS_BENCH:-}" ]] || mvn -B -q -o -f bench/pom.xml package
fi
work=$(mktemp -d /tmp/livelens-library-bench-XXXX)
data="$work/data"; media="$work/media"; mkdir -p "$media"
api="http://127.0.0.1:$port"
server=""; files=""
stop() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
trap 'stop; [[ -n "$files" ]] && kill "$files" 2>/dev/null; rm -rf "$work"' EXIT

start() {
  java -jar target/livelens.jar --port "$port" --data-dir "$data" --allow-private-urls >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$api/healthz" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the server did not start; see $work/server.log" >&2; exit 1
}
now() { date +%s.%N; }
# POST $1 with body $2, then poll the new video until it is no longer processing; prints seconds taken.
job() {
  local t0 id status
  t0=$(now)
  id=$(curl -fs -b "$work/jar" -c "$work/jar" -X POST -H 'Content-Type: application/json' -d "$2" "$api$1" | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
  status=processing
  while [[ $status == processing ]]; do
    sleep 0.2
 status=$(curl -fs -b "$work/jar" "$api/api/videos/$id" | python3 -c 'import json,sys;print(json.load(sys.stdin)["status"])')
  done
  [[ $status == ready ]] || { echo "job $1 ended $status" >&2; exit 1; }
  echo "$id" > "$work/last_id"
  python3 -c "print(f'{$(now) - $t0:.1f}')"
}

echo "making 1-minute test videos (640x480, 30 fps) ..." >&2
ffmpeg -v error -f lavfi -i testsrc2=size=640x480:rate=30 -f lavfi -i sine=frequency=440 -t 60 \
  -c:v libx264 -preset veryfast -g 60 -pix_fmt yuv420p -c:a aac -movflags +faststart "$media/h264.mp4"
ffmpeg -v error -f lavfi -i testsrc2=size=640x480:rate=30 -f lavfi -i sine=frequency=440 -t 60 \
  -c:v mpeg4 -q:v 4 -c:a aac -movflags +faststart "$media/mpeg4.mp4"
ffmpeg -v error -loop 1 -i bench/frames/$(ls bench/frames | grep -m1 jpg) -f lavfi -i sine=frequency=440 -t 60 \
  -r 30 -c:v libx264 -preset veryfast -g 60 -pix_fmt yuv420p -vf scale=640:480 -c:a aac -movflags +faststart "$media/face.mp4"
python3 -m http.server 0 --bind 127.0.0.1 --directory "$media" >"$work/files.log" 2>&1 &
files=$!
sleep 1
files_port=$(python3 - "$files" <<'PY'
import sys, subprocess
out = subprocess.run(["ss", "-ltnp"], capture_output=True, text=True).stdout
for line in out.splitlines():
    if f"pid={sys.argv[1]}," in line:
        print(line.split()[3].rsplit(":", 1)[1]); break
PY
)
start
echo "| what | seconds |"
echo "| --- | --- |"
echo "| import + package 1 min H.264 (copy) | $(job /api/imports "{\"url\":\"http://127.0.0.1:$files_port/h264.mp4\"}") |"
h264=$(cat "$work/last_id")
echo "| import + package 1 min MPEG-4 part 2 (transcode to H.264) | $(job /api/imports "{\"url\":\"http://127.0.0.1:$files_port/mpeg4.mp4\"}") |"
echo "| fast cut 10-40 s | $(job "/api/videos/$h264/cuts" '{"start":10,"end":40,"exact":false}') |"
echo "| exact cut 10-40 s | $(job "/api/videos/$h264/cuts" '{"start":10,"end":40,"exact":true}') |"
echo "| import + package 1 min face clip | $(job /api/imports "{\"url\":\"http://127.0.0.1:$files_port/face.mp4\"}") |"
face=$(cat "$work/last_id")

echo >&2 "faces over 1 min of video while 4 live streams run ..."
$bench run --port "$port" --pid "$server" --filter faces --streams 4 --fps 30 \
  --seconds 20 > "$work/alone.md"
( sleep 5; job "/api/videos/$face/process" '{"filter":"faces"}' > "$work/process.txt" ) &
processing=$!
$bench run --port "$port" --pid "$server" --filter faces --streams 4 --fps 30 \
  --seconds 60 > "$work/with-job.md"
wait "$processing"
echo "| 1 min of video through faces, beside 4 live faces streams | $(cat "$work/process.txt") |"
echo
echo "4 live faces streams alone (20 s):"; cat "$work/alone.md"
echo "4 live faces streams while the job runs (60 s, the job starting 5 s in):"; cat "$work/with-job.md"

echo >&2 "10,000 videos of 100 owners in the database (half of them public) ..."
stop
sqlite3 "$data/livelens.db" <<'SQL'
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 100)
INSERT INTO users (id, username, username_key, password_hash, session_epoch, created_at, password_changed_at)
SELECT 1000 + i, 'owner' || i, 'owner' || i, '', 0, 0, 0 FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
INSERT INTO videos (id, title, source, created_at, duration_ms, width, height, codec, size_bytes, status, poster,
                    owner_id, visibility)
SELECT printf('bench%011d', i), 'Bench video ' || i, 'upload', 1700000000000 + i * 1000, 60000, 640, 480, 'h264',
       1000000, 'ready', 0, 1000 + i % 100, CASE WHEN i % 2 = 0 THEN 'public' ELSE 'private' END FROM n;
SQL
start
for _ in $(seq 1 50); do curl -fs -o /dev/null "$api/api/videos"; done
for path in "/api/videos" "/api/videos?offset=5000" "/api/videos?q=video%2099"; do
  for _ in $(seq 1 500); do curl -fs -o /dev/null -w '%{time_total}\n' "$api$path"; done | sort -n |
    awk -v p="$path" '{a[NR]=$1} END {printf "| GET %s with 10,003 videos (a visitor: the public ones): p50 %.1f ms, p95 %.1f ms, max %.1f ms (500 requests, one at a time) |\n", p, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
done
