#!/usr/bin/env bash
# Measures the Dealflow that ./run-local.sh started (or any other: see bench/README.md for the settings) and writes
# bench/results/<date>-<cores>c-<memory>g.{md,json}; Gatling's HTML reports go to bench/target/gatling.
#   bench/run.sh                                   every scenario, DESIGN §8's durations and scale
#   bench/run.sh -Dbench.scenarios=open,move -Dbench.duration=20s
set -euo pipefail
cd "$(dirname "$0")/.."
# builds only the bench and what it depends on (deal-api, platform), inside the reactor: nothing is installed
./mvnw -q -pl bench -am -DskipTests package
# Gatling reads String internals for its log writer, as its own Maven plugin allows
exec java -Xms512m -Xmx2g --add-opens java.base/java.lang=ALL-UNNAMED "$@" -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.dealflow.bench.Bench
