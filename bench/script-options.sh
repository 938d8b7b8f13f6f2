# Sourced by the benchmark scripts after they set `port`: reads [--no-build] [--port N] [-- options...]
# into `port` and `extra`, then builds the server and the benchmark jars unless --no-build.
build=1; extra=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=0; shift ;;
    --port) port="$2"; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
if [[ $build -eq 1 ]]; then
  mvn -B -q -o package -DskipTests
  mvn -B -q -o -f bench/pom.xml package
fi
