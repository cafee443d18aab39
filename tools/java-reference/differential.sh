#!/usr/bin/env bash
# Runs the differential programs through Java's TopologyTestDriver (dev-only; see README.md).
#   tools/java-reference/differential.sh                   print every program's output
#   tools/java-reference/differential.sh --write-fixtures  regenerate test/fixtures/java-differential/*.txt
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
"$HERE/describe.sh" --list >/dev/null
cd "$HERE"
ARGS=()
if [ "${1:-}" = "--write-fixtures" ]; then ARGS=(--write "$REPO/test/fixtures/java-differential"); fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "target/classes:$(cat target/classpath.txt)" kstreams.reference.Differential "${ARGS[@]}"
