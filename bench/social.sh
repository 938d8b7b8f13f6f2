#!/usr/bin/env bash
# The social API at platform scale: 10,000 videos, 1,000 accounts, 200,000 likes, 20,000 follows, 2,000
# replies, 250,000 views and 1,000,000 watch events (bench/social-data.py), then the feed, a watch page's
# API calls and liking timed one request at a time (bench/social-measure.py), on SQLite and, when
# LIVELENS_BENCH_PG_URL names a PostgreSQL server whose user may CREATE DATABASE, on PostgreSQL.
#   bench/social.sh [--no-build] [--port N] [--requests N]
# Needs sqlite3, psql (for PostgreSQL), curl and python3; writes a Markdown table to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
build=1; port=18400; requests=500
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --port) port="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ $build -eq 1 ]] && mvn -B -q -o package -DskipTests >&2
work=$(mktemp -d /tmp/livelens-social-bench-XXXX)
api="http://127.0.0.1:$port"
server=""
pg_db="livelens_social_bench"
stop() { [[ -n "$server" ]] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null || true; server=""; }
trap 'stop; rm -rf "$work"' EXIT

# start DATA-DIR [database flags...]
start() {
  local data="$1"; shift
  java -jar target/livelens.jar --port "$port" --data-dir "$data" --admins bencher "$@" >>"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 240); do curl -fs "$api/healthz" >/dev/null 2>&1 && return; sleep 0.5; done
  echo "the server did not start; see $work/server.log" >&2; tail -20 "$work/server.log" >&2; exit 1
}

seconds() { python3 -c "import time; print(f'{time.time() - $1:.0f}')"; }

echo "| database | what | p50 ms | p95 ms | max ms | requests |"
echo "| --- | --- | --- | --- | --- | --- |"

echo >&2 "SQLite: migrating, seeding ..."
start "$work/sqlite"; stop
t0=$(date +%s)
python3 bench/social-data.py sqlite | sqlite3 "$work/sqlite/livelens.db" >/dev/null
echo >&2 "SQLite seeded in $(seconds "$t0") s"
start "$work/sqlite"
python3 bench/social-measure.py "$port" SQLite --requests "$requests"
stop

if [[ -n "${LIVELENS_BENCH_PG_URL:-}" ]]; then
  echo >&2 "PostgreSQL: migrating, seeding ..."
  psql -q "$LIVELENS_BENCH_PG_URL" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)" -c "CREATE DATABASE $pg_db"
  bench_url="${LIVELENS_BENCH_PG_URL%/*}/$pg_db"
  start "$work/pg" --db-url "$bench_url"; stop
  t0=$(date +%s)
  python3 bench/social-data.py postgres | psql -q -v ON_ERROR_STOP=1 "$bench_url" >/dev/null
  echo >&2 "PostgreSQL seeded in $(seconds "$t0") s"
  start "$work/pg" --db-url "$bench_url"
  python3 bench/social-measure.py "$port" PostgreSQL --requests "$requests"
  stop
  psql -q "$LIVELENS_BENCH_PG_URL" -c "DROP DATABASE IF EXISTS $pg_db WITH (FORCE)"
fi
