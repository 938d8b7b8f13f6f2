# Sourced by the bench scripts. start_server LOG PORT JAVA-ARGS...: starts the server with the java
# command's arguments, output to LOG; stops it when the script exits; returns once /healthz says ready
# (the warm-up is over). The server's pid is in $server.
start_server() {
  local log="$1" port="$2"
  shift 2
  java "$@" >"$log" 2>&1 &
  server=$!
  trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
  for _ in $(seq 1 240); do
    if curl -fs "http://localhost:$port/healthz" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$server" 2>/dev/null; then echo "$(basename "$0"): the server did not start; see $log" >&2; exit 1; fi
    sleep 0.5
  done
  echo "$(basename "$0"): the server was not ready after 120 s; see $log" >&2
  exit 1
}
