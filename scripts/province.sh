#!/usr/bin/env bash
# A synthetic Qinghai with its ground truth (issue #19, docs/performance.md "Province generator"):
#
#   scripts/province.sh generate --persons N [--seed S] [--as-of 2017-10-15] --out DIR [--records-per-file M]
#   scripts/province.sh check --truth DIR/truth --database jdbc:postgresql://HOST:PORT/postgres [--user U]
#                             [--password P] [--run ID]
#
# generate writes DIR/files/{system}/ (data files with done files, spec §3-§4), DIR/events/{system}.jsonl (one
# event per line for canbao.in.{system}.events), DIR/civil/mz_jzdx_exchange.csv (front-database rows),
# DIR/national/insured-elsewhere.csv (canbao.national.simulator.persons-file) and DIR/truth/ (persons.csv: expected
# category, exclusion, flags, 缺少险种; quarantine.csv: the records the hub must reject). check compares the latest
# completed comparison run (or --run) with the truth, prints the confusion matrix and every disagreement (numbers
# masked) and exits 1 on any. The generator is test code: each call compiles it first (a flat heap of
# CANBAO_PROVINCE_HEAP, 256m, holds any size).
set -euo pipefail
cd "$(dirname "$0")/.."
heap="${CANBAO_PROVINCE_HEAP:-256m}"
./mvnw -q -B -ntp test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/province.classpath
exec java -Xmx"$heap" -cp "target/classes:target/test-classes:$(cat target/province.classpath)" \
  cn.canbao.hub.province.ProvinceCommand "$@"
