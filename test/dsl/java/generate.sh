#!/usr/bin/env bash
# Regenerates ../fixtures/<program>.txt with real Java Kafka Streams (Java 17 + Maven).
# The programs in Describe.java mirror test/dsl/programs.ts line for line.
# generate.sh --behaviour prints the Java TopologyTestDriver outputs the behaviour tests expect.
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -f pom.xml dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
cp="$(cat "$work/cp.txt")"
javac -cp "$cp" -d "$work" Describe.java Behaviour.java Explicit.java
if [ "${1:-}" = "--behaviour" ]; then exec java -cp "$work:$cp" Behaviour; fi
if [ "${1:-}" = "--explicit" ]; then exec java -cp "$work:$cp" Explicit; fi
java -cp "$work:$cp" Describe > "$work/describe.txt"
python3 - "$work/describe.txt" ../fixtures <<'PY'
import re, sys
text = open(sys.argv[1]).read()
for m in re.finditer(r'=== (\S+)\n(.*?)=== end\n', text, re.S):
    open(f'{sys.argv[2]}/{m.group(1)}.txt', 'w').write(m.group(2))
PY
