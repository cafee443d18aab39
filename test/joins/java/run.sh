#!/usr/bin/env bash
# Prints what real Java Kafka Streams 4.4 outputs for the join scenarios of test/joins/*.test.ts
# (TopologyTestDriver runs as "key value @timestamp" lines, and Topology.describe() texts).
# Dev-only: needs Java 17 + Maven. Usage: test/joins/java/run.sh [scenario-prefix]
set -euo pipefail
cd "$(dirname "$0")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -q -o -f pom.xml dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" 2>/dev/null \
  || mvn -q -f pom.xml dependency:build-classpath -Dmdep.outputFile="$work/cp.txt"
cp="$(cat "$work/cp.txt")"
javac -cp "$cp" -d "$work" Joins.java
exec java -cp "$work:$cp" Joins "$@"
