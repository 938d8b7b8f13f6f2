#!/usr/bin/env bash
# Builds LiveLens and its benchmark, starts the server, runs the standard matrix of issue 5 against it,
# stops the server, and writes the Markdown report to bench/results/ (and stdout).
#
#   bench/run.sh [--quick] [--port N] [--no-build] [-- SERVER FLAGS...]
#
#   --quick     short runs (a few minutes in all) for trying it out; the numbers are rougher
#   --port N    first port to try (default 18100; the next free one up to N+99 is used)
#   --no-build  use the jars already built
#   after --     flags for the server, e.g. -- --workers 2 --max-in-flight 2
#   JAVA_OPTS   JVM flags for the server (default: none)
set -euo pipefail
cd "$(dirname "$0")/.."

quick=()
port=18100
build=1
server_flags=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) quick=(--quick); shift ;;
    --port) port="$2"; shift 2 ;;
    --no-build) build=0; shift ;;
    --) shift; server_flags=("$@"); break ;;
    *) echo "run.sh: unknown option $1" >&2; exit 2 ;;
  esac
done

build_with_maven() {
  # Offline first (fast, and this machine's mirror is partial); online if something is missing.
  mvn -B -q -o "$@" || mvn -B -q "$@"
}

if [[ $build -eq 1 ]]; then
  echo "building target/livelens.jar and bench/target/livelens-bench.jar ..." >&2
  build_with_maven package -DskipTests
  build_with_maven -f bench/pom.xml package
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
last=$((port + 99))
while ! port_free "$port"; do
  port=$((port + 1))
  if [[ $port -gt $last ]]; then echo "run.sh: no free port" >&2; exit 1; fi
done

mkdir -p bench/results
stamp=$(date +%Y%m%d-%H%M%S)
log="bench/results/server-$stamp.log"
# shellcheck source=bench/server.sh
source bench/server.sh
# shellcheck disable=SC2086
start_server "$log" "$port" ${JAVA_OPTS:-} -jar target/livelens.jar --port "$port" "${server_flags[@]}"
echo "server pid $server on port $port (log: $log)" >&2

commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
if [[ -n "$(git status --porcelain --untracked-files=no 2>/dev/null)" ]]; then commit="$commit+changes"; fi
java -jar bench/target/livelens-bench.jar matrix --port "$port" --pid "$server" "${quick[@]}" \
  --server-flags "${JAVA_OPTS:-} --port $port ${server_flags[*]}" --commit "$commit"
