#!/usr/bin/env bash
# Dealflow on this machine with one command: build every module (tests skipped), then start
# Kafka and the services with the local launcher. Ctrl-C stops everything.
#   ./run-local.sh            keep Kafka data from the last run
#   ./run-local.sh --reset    start with empty Kafka topics
set -euo pipefail
cd "$(dirname "$0")"

echo "[dealflow] building (tests skipped)..."
# package, not install: the launcher takes the service jars from this build, not from ~/.m2.
./mvnw -q -DskipTests package
# The launcher JVM hosts the Kafka broker. Its live data is about 50 MB after a bench run; 512 MB with the serial
# collector (as the services have) leaves room for bursts without a gigabyte of RSS. Two malloc arenas, as the
# launcher gives the services (LauncherConfig).
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
exec java -Xmx512m -XX:+UseSerialGC -jar deploy/local/target/dealflow-local.jar "$@"
