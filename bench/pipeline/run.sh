#!/usr/bin/env bash
# Benchmark B2 (issue #19): a data file through the hub's batch intake route (SFTP consumer, file intake, format
# reader, mapping, COPY rows) against a plain Java loop over the same reader and mapping, both ending at the same
# counting seam instead of PostgreSQL (PipelineBenchmark.java says what each side does). One JVM runs the packaged
# hub's classes with everything embedded plus the harness; CPU seconds of that JVM per file are the figure.
#   bench/pipeline/run.sh [CARD|POLICE] [records (CARD) | bytes (POLICE)]
# BENCH_ROUNDS (5), BENCH_WARMUPS (2), BENCH_MODES (route,loop-sftp,loop-disk), BENCH_JAVA_OPTS (e.g. a JFR
# recording), BENCH_NO_BUILD=1 (take the hub's jar as it was last packaged). Writes bench/out/pipeline/<system>/
# result.txt and hub.log. Building and generating run first; the measurement itself waits for /tmp/bench.lock, so that
# no two benchmarks run at once (-o: the hub's embedded PostgreSQL must not inherit the lock and hold it).
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/../.." && pwd)
system=${1:-CARD}
case "$system" in
  CARD) size=${2:-1000000}; file=CARD_630000_20171015_001.csv ;;
  POLICE) size=${2:-150000000}; file=POLICE_630000_20171015_001_FULL.xml ;;
  *) echo "system CARD or POLICE" >&2; exit 2 ;;
esac
out="$root/bench/out/pipeline/$system"
classes="$out/classes"
hub="$out/hub"

rm -rf "$out" && mkdir -p "$out"
[ "${BENCH_NO_BUILD:-0}" = 1 ] || (cd "$root" && ./mvnw -q -B -o package -DskipTests)
# the packaged hub's own classes and libraries, exactly what its jar runs with
mkdir -p "$hub" "$classes"
(cd "$hub" && unzip -q "$root"/target/canbao-hub-*-exec.jar 'BOOT-INF/*')
classpath="$hub/BOOT-INF/classes:$hub/BOOT-INF/lib/*"
javac --release 17 -encoding UTF-8 -nowarn -cp "$classpath" -d "$classes" $(find "$bench/src/main/java" -name '*.java')

case "$system" in
  CARD) python3 "$root/bench/ingest/generate_card.py" "$out/$file" "$size" ;;
  POLICE) python3 "$root/bench/ingest/generate_police.py" "$out/$file" "$size" ;;
esac

cd "$root"
exec 9>/tmp/bench.lock
flock 9
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'); commit $(git rev-parse --short HEAD); $(date -u '+%F %T UTC'); load $(cut -d' ' -f1-3 /proc/loadavg)" \
  | tee "$out/result.txt"
java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$classes:$classpath" \
  -Db2.system="$system" -Db2.file="$out/$file" -Db2.rounds="${BENCH_ROUNDS:-5}" -Db2.warmups="${BENCH_WARMUPS:-2}" \
  -Db2.modes="${BENCH_MODES:-route,loop-sftp,loop-disk}" \
  cn.canbao.hub.bench.pipeline.PipelineBenchmark \
  --canbao.data-dir="$out/data" --canbao.demo.enabled=false --server.port=0 --canbao.sftp.port=2422 \
  --canbao.broker.port=61816 --canbao.database.embedded-port=15632 9>&- > "$out/hub.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true' EXIT
tail -f --pid=$pid "$out/hub.log" | grep --line-buffered '^B2 ' | sed 's/^B2 //' | tee -a "$out/result.txt"
wait $pid
trap - EXIT
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$out/result.txt"
