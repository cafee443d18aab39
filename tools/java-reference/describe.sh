#!/usr/bin/env bash
# Prints Java Kafka Streams' Topology.describe() for a sample program (dev-only; see README.md).
#   tools/java-reference/describe.sh <program>       print one description
#   tools/java-reference/describe.sh --list          list the programs
#   tools/java-reference/describe.sh --write-fixtures  regenerate test/fixtures/java-describe/*.txt
# Builds with Maven when the sources changed (offline first, online if something is missing).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
cd "$HERE"

STAMP=target/.built
if [ ! -f "$STAMP" ] || [ ! -f target/classpath.txt ] \
  || [ -n "$(find pom.xml src -newer "$STAMP" -print -quit)" ]; then
  goals=(compile dependency:build-classpath -Dmdep.outputFile=target/classpath.txt)
  if ! mvn -q -B -o "${goals[@]}" >target-build.log 2>&1; then
    mvn -q -B "${goals[@]}" >target-build.log 2>&1 || { cat target-build.log >&2; exit 1; }
  fi
  rm -f target-build.log
  touch "$STAMP"
fi

CP="target/classes:$(cat target/classpath.txt)"
QUIET=(-Dorg.slf4j.simpleLogger.defaultLogLevel=error)
if [ "${1:-}" = "--write-fixtures" ]; then
  exec java "${QUIET[@]}" -cp "$CP" kstreams.reference.Describe --write "$REPO/test/fixtures/java-describe"
fi
exec java "${QUIET[@]}" -cp "$CP" kstreams.reference.Describe "$@"
