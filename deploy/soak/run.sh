#!/usr/bin/env bash
# The soak (DESIGN §9): starts a Dealflow of its own on free ports, drives traffic while killing services, the broker
# and PostgreSQL connections, then checks that nothing was lost or doubled. Prints a table; exits 1 on a finding.
#   deploy/soak/run.sh                              10 minutes, 12 faults
#   deploy/soak/run.sh --duration=2m --faults=4     the short run .ci/run uses
#   SOAK_BUILD=false deploy/soak/run.sh ...         without building first (./mvnw verify or package already did)
# Output (launcher log, ledger.csv, findings.txt, report.md) goes to deploy/soak/target/run/ (--work-dir).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ "${SOAK_BUILD:-true}" != "false" ]; then
  # the soak and what it needs: the launcher with every service jar; package, not install
  ./mvnw -q -pl deploy/soak -am -DskipTests package
fi
exec java -Xmx512m -cp "deploy/soak/target/classes:$(cat deploy/soak/target/classpath.txt)" io.dealflow.soak.Soak "$@"
