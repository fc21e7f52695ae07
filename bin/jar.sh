#!/usr/bin/env bash
# Prints the path of the bundle's jar, building it first when it is missing or older than the sources.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/customs-bridge.jar
if [ ! -f "$jar" ] || [ -n "$(find src routes pom.xml -newer "$jar" -print -quit)" ]; then
  echo "Building $jar ..." >&2
  mvn -B -q package -DskipTests >&2
fi
echo "$jar"
