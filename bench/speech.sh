#!/bin/sh
# Speech to text measured (bench/speech/SpeechBench.java): model load, real-time factor at normal priority
# and at nice 19 (as the server runs it), word accuracy on real recorded English speech (LibriVox, from
# Debian's pocketsphinx-testdata), and the transcript search over 1,000 videos (bench/speech-search.sh).
# Needs: the project compiled (mvn -o test-compile), and pocketsphinx-testdata's librivox folder
# (apt-get download pocketsphinx-testdata; dpkg-deb -x …) at $LIBRIVOX.
set -e
cd "$(dirname "$0")/.."
LIBRIVOX=${LIBRIVOX:-/usr/share/pocketsphinx/test/data/librivox}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mvn -B -q -o dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="target/classes:$(cat "$WORK/cp.txt")"
mkdir -p "$WORK/model"
unzip -q target/classes/speech/vosk-model-en.aar 'assets/model-en-us/*' -d "$WORK/aar"
echo "== normal priority"
java -cp "$CP" bench/speech/SpeechBench.java "$WORK/aar/assets/model-en-us" "$LIBRIVOX" "$WORK"
echo "== nice 19 (how the server transcribes)"
nice -n 19 java -cp "$CP" bench/speech/SpeechBench.java "$WORK/aar/assets/model-en-us" "$LIBRIVOX" "$WORK" | grep -v "^  \|search"
echo "== transcript search"
java -cp "$CP" bench/speech/SearchBench.java "$WORK" "${LIVELENS_TEST_PG_URL:-}"
