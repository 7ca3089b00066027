#!/usr/bin/env bash
# The crash harness's long run (docs/reliability.md, "Crash consistency"): packages the hub, then runs the
# event-burst crash test and [trials] crash trials (default 100; half kill -9 of the JVM, half of the JVM and its
# embedded PostgreSQL) from workload seed [seed] (default 20171015; trial i uses seed + i for its moment of crash).
# The report is written to target/crash-trials/report.md; a trial that does not come clean keeps its data directory
# and hub logs under target/crash-trials/runs/trial-<i>/. About 40 s a trial on an idle 2-core machine.
#
#   scripts/crash-trials.sh [trials] [seed]        e.g. MAVEN_ARGS=-o scripts/crash-trials.sh 100 20171015
set -euo pipefail
cd "$(dirname "$0")/.."
trials="${1:-100}"
seed="${2:-20171015}"

./mvnw -B -ntp -q -DskipTests package
./mvnw -B -ntp surefire:test -Dtest='CrashTrialsTest,EventBurstCrashTest' \
  -Dcanbao.crash.trials="$trials" -Dcanbao.crash.seed="$seed" \
  -Djunit.jupiter.execution.timeout.mode=disabled -Dcanbao.test.fork-timeout-s=0
echo "report: target/crash-trials/report.md"
