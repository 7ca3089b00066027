#!/usr/bin/env bash
# The long fuzz run (docs/reliability.md, "Fuzzing"): N malformed files, events and front-database rows (default
# 10000) made from a seed (default 20171015), sent through the real transports of an in-process hub, each awaited
# to its answer; then the format readers alone over the same seed's files; then N survey results posted over HTTP
# (SurveyResultFuzzTest, its findings in the test's output). The JVM that runs both the hub and the harness gets a
# modest heap, so "bounded memory" means something. The report: target/fuzz/report.txt; each
# unanswered input: target/fuzz/unanswered/. Takes about 10 minutes for 10000 inputs on 2 cores.
#
#   scripts/fuzz.sh [inputs] [seed]
set -euo pipefail
cd "$(dirname "$0")/.."

inputs="${1:-10000}"
seed="${2:-20171015}"
heap="${CANBAO_FUZZ_HEAP:-1g}"

status=0
./mvnw -B -ntp test -Dtest='MalformedInputFuzzTest,FormatReadersFuzzTest,SurveyResultFuzzTest' \
  -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcanbao.fuzz.inputs="$inputs" -Dcanbao.fuzz.reader-files="$inputs" -Dcanbao.fuzz.survey-inputs="$inputs" \
  -Dcanbao.fuzz.seed="$seed" \
  -Djunit.jupiter.execution.timeout.mode=disabled -Dcanbao.test.fork-timeout-s=0 \
  -DargLine="-Xmx$heap" || status=$?
cat target/fuzz/report.txt 2>/dev/null || echo "no report: the hub did not start (see the test output above)"
exit "$status"
