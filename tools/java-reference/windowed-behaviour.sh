#!/usr/bin/env bash
# Prints what Java's TopologyTestDriver outputs for the windowed scenarios (dev-only; see README.md).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
"$HERE/describe.sh" --list >/dev/null
cd "$HERE"
exec java -Dorg.slf4j.simpleLogger.defaultLogLevel=error -cp "target/classes:$(cat target/classpath.txt)" kstreams.reference.WindowedBehaviour
