#!/usr/bin/env bash
# Runs the differential programs through Java's TopologyTestDriver (dev-only; see README.md).
#   tools/java-reference/differential.sh                   print every program's output
#   tools/java-reference/differential.sh --write-fixtures  regenerate test/fixtures/java-differential/*.txt
#   tools/java-reference/differential.sh --write DIR [name,name]  write (some programs) to DIR
# DIFFERENTIAL_SEEDS=101-1000 runs other seeds than the fixtures' 1-100.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
REPO="$(cd "$HERE/../.." && pwd)"
"$HERE/describe.sh" --list >/dev/null
cd "$HERE"
if [ "${1:-}" = "--write-fixtures" ]; then shift; set -- --write "$REPO/test/fixtures/java-differential" "$@"; fi
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=error ${DIFFERENTIAL_SEEDS:+-Ddifferential.seeds=$DIFFERENTIAL_SEEDS} \
  -cp "target/classes:$(cat target/classpath.txt)" kstreams.reference.Differential "$@"
