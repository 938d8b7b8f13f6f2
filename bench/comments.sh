#!/usr/bin/env bash
# GET /api/videos/<id>/comments with 50,000 comments in the database (bench/seed/comments.sql over the 1,000
# accounts and 10,000 videos of bench/seed/platform.sql), on SQLite and, when given, PostgreSQL:
#   bench/comments.sh [--no-build] [--port N] [--postgres postgresql://user:pass@host:port/db]
# With --postgres, a fresh database is made beside the one named (its user needs CREATEDB) and dropped after.
# Needs sqlite3, psql and curl; writes a Markdown table to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
port=18320; postgres=""; build=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --port) port="$2"; shift 2 ;;
    --postgres) postgres="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $build -eq 1 ]] && mvn -B -q -o package -DskipTests
work=$(mktemp -d /tmp/livelens-comments-bench-XXXX)
api="http://127.0.0.1:$port"
server=""; dropdb=""
stop() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
trap 'stop; [[ -n "$dropdb" ]] && psql -q "$postgres" -c "DROP DATABASE IF EXISTS $dropdb WITH (FORCE)"; rm -rf "$work"' EXIT

start() { # $@: the database's flags
  java -jar target/livelens.jar --port "$port" --data-dir "$work/data" --warmup-seconds 0 "$@" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 120); do curl -fs "$api/healthz" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the server did not start; see $work/server.log" >&2; exit 1
}

# 500 GETs of $2, one at a time, after 50 to warm up: one table row named $1.
measure() {
  for _ in $(seq 1 50); do curl -fs -o /dev/null "$api$2"; done
  for _ in $(seq 1 500); do curl -fs -o /dev/null -w '%{time_total}\n' "$api$2"; done | sort -n |
    awk -v what="$1" '{a[NR]=$1} END {printf "| %s | %.1f | %.1f | %.1f |\n", what, a[int(NR*0.5)]*1000, a[int(NR*0.95)]*1000, a[NR]*1000}'
}

run() { # $1: database name; $2: the command that runs SQL from stdin; then the server's database flags
  local name="$1" sql="$2"; shift 2
  start "$@"; stop # migrated
  cat bench/seed/platform.sql bench/seed/comments.sql | $sql >/dev/null
  start "$@"
  local hot typical next
  hot=$(echo "SELECT MIN(id) FROM videos WHERE visibility = 'public';" | $sql | tr -d ' \n')
  typical=$(echo "SELECT MAX(id) FROM videos WHERE visibility = 'public';" | $sql | tr -d ' \n')
  next=$(curl -fs "$api/api/videos/$hot/comments" | python3 -c 'import json,sys;print(json.load(sys.stdin)["next"])')
  echo "| $name: total comments | $(echo 'SELECT COUNT(*) FROM comments;' | $sql | tr -d ' \n') | | |"
  measure "$name: a video with 5,000 comments, first page (50 + their replies)" "/api/videos/$hot/comments"
  measure "$name: the same, second page (?before=)" "/api/videos/$hot/comments?before=$next"
  measure "$name: a video with 5 comments" "/api/videos/$typical/comments"
  stop
}

echo "| GET /api/videos/<id>/comments (a visitor) | p50 ms | p95 ms | max ms |"
echo "| --- | --- | --- | --- |"
run SQLite "sqlite3 -bail $work/data/livelens.db"
if [[ -n "$postgres" ]]; then
  dropdb="livelens_comments_bench_$$"
  psql -q "$postgres" -c "CREATE DATABASE $dropdb"
  url="${postgres%/*}/$dropdb"
  rm -rf "$work/data"
  run PostgreSQL "psql -q -t -A -v ON_ERROR_STOP=1 $url" --db-url "$url"
fi
