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
# The launcher JVM hosts the Kafka broker: Kafka's own start script gives a broker 1 GB of heap.
exec java -Xmx1g -jar deploy/local/target/dealflow-local.jar "$@"
