#!/usr/bin/env bash
# GET /api/videos with 10,000 videos of 100 owners (half public), as a visitor, as one of the owners (their
# own videos and everyone's public ones; ?mine=1) and halfway down the list (?offset=2500, and the same place
# by keyset, ?after=, where the server has it), on SQLite or, with --pg, on PostgreSQL.
#   bench/list.sh [--no-build] [--port N] [--pg postgresql://user:password@host:port/database] [--requests N]
# --pg names a server whose user may CREATE DATABASE: a fresh database is made for the run and dropped after.
# LIVELENS_JAR: another server jar to measure (e.g. a build of an older commit, for a before/after).
# Needs curl, sqlite3 (SQLite) or psql (PostgreSQL) and python3; writes a Markdown table to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1; port=18310; pg=""; requests=500
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --port) port="$2"; shift 2 ;;
    --pg) pg="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $build -eq 1 ]] && mvn -B -q -o package -DskipTests
work=$(mktemp -d /tmp/livelens-list-bench-XXXX)
api="http://127.0.0.1:$port"
server=""; db_flags=(); pg_db=""
stop() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
cleanup() {
  stop
  [[ -n "$pg_db" ]] && psql -q "$pg" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
if [[ -n "$pg" ]]; then
  pg_db="livelens_list_bench_$$"
  psql -q "$pg" -c "CREATE DATABASE $pg_db" >/dev/null
  pg_url="${pg%/*}/$pg_db"
  db_flags=(--db-url "$pg_url")
fi

java -jar "${LIVELENS_JAR:-target/livelens.jar}" --port "$port" --data-dir "$work/data" "${db_flags[@]}" >>"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 1 240); do curl -fs "$api/healthz" >/dev/null 2>&1 && break; sleep 0.5; done
curl -fs "$api/healthz" >/dev/null || { echo "the server did not start; see $work/server.log" >&2; exit 1; }

# One of the 100 owners is a real account, so the benchmark can ask as an owner.
curl -fs -c "$work/jar" -H 'Content-Type: application/json' -d '{"username":"bench-owner","password":"bench password 1"}' \
  "$api/api/auth/signup" >/dev/null
me=$(curl -fs -b "$work/jar" "$api/api/me" | python3 -c 'import json,sys;print(json.load(sys.stdin)["id"])')
# Video ids are 16 characters: "bench" and the number in 11 digits (each database pads its own way).
seed="
INSERT INTO users (id, username, username_key, password_hash, session_epoch, created_at, password_changed_at)
SELECT 1000 + i, 'owner' || i, 'owner' || i, '', 0, 0, 0 FROM (SELECT i FROM n WHERE i < 100) owners;
INSERT INTO videos (id, title, source, created_at, duration_ms, width, height, codec, size_bytes, status, poster,
                    owner_id, visibility)
SELECT 'bench' || PAD, 'Bench video ' || i, 'upload', 1700000000000 + i * 1000,
       60000, 640, 480, 'h264', 1000000, 'ready', 0,
       CASE WHEN i % 100 = 0 THEN $me ELSE 1000 + i % 100 END,
       CASE WHEN i % 2 = 0 THEN 'public' ELSE 'private' END FROM n;"
echo "10,000 videos of 100 owners (half of them public) ..." >&2
if [[ -n "$pg" ]]; then
  pad="lpad(i::text, 11, '0')"
  psql -q "$pg_url" -c "CREATE TEMP TABLE n AS SELECT generate_series(1, 10000) AS i; ${seed//PAD/$pad} ANALYZE videos;" >/dev/null
  where="PostgreSQL"
else
  pad="printf('%011d', i)"
  sqlite3 "$work/data/livelens.db" >/dev/null "PRAGMA busy_timeout = 10000; CREATE TEMP TABLE n AS WITH RECURSIVE s(i) AS
    (SELECT 1 UNION ALL SELECT i + 1 FROM s WHERE i < 10000) SELECT i FROM s; ${seed//PAD/$pad} ANALYZE;"
  where="SQLite"
fi
# The middle of a visitor's list (the 5,000 public videos): by offset, and the same place by keyset.
after=$(curl -fs "$api/api/videos?offset=2499&limit=1" | python3 -c 'import json,sys;print(json.load(sys.stdin).get("next",""))')

measure() { # $1: what, $2: path, $3: curl options
  for _ in $(seq 1 50); do curl -fs -o /dev/null $3 "$api$2"; done
  for _ in $(seq 1 "$requests"); do curl -fs -o /dev/null -w '%{time_total}\n' $3 "$api$2"; done | sort -n |
    awk -v what="$1" -v p="$2" '{a[NR]=$1} END {printf "| %s | `%s` | %.1f | %.1f | %.1f |\n", what, p, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}
echo "$where, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start; $requests requests one at a time after 50"
echo
echo "| who | request | p50 ms | p95 ms | max ms |"
echo "| --- | --- | --: | --: | --: |"
measure "visitor" "/api/videos" ""
measure "owner" "/api/videos" "-b $work/jar"
measure "owner" "/api/videos?mine=1" "-b $work/jar"
measure "visitor" "/api/videos?offset=2500" ""
[[ -n "$after" ]] && measure "visitor" "/api/videos?after=$after" ""
