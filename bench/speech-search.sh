#!/bin/sh
# The transcript search timed over 1,000 videos (bench/speech/SearchBench.java) in SQLite and, when
# LIVELENS_TEST_PG_URL names a PostgreSQL database, in PostgreSQL too (in a scratch schema it drops after).
# Needs: the project compiled (mvn -o test-compile).
set -e
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
java -cp "target/classes:$(cat "$WORK/cp.txt")" bench/speech/SearchBench.java "$WORK" "${LIVELENS_TEST_PG_URL:-}"
