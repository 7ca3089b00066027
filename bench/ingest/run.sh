#!/usr/bin/env bash
# End-to-end file ingest benchmark (issue "Connectors", performance): one CARD file of N records (default
# 1,000,000) uploaded over SFTP to a hub running with everything embedded, timed from pickup to rows
# committed and receipt written (the hub logs it); then, in the same run and on the same PostgreSQL, the
# baseline: psql \copy of the very rows the hub stored into an equivalent table (same columns, constraints
# and indexes). Prints both times, the ratio and the rate; writes bench/out/ingest/result.txt.
#   bench/ingest/run.sh [records]
set -euo pipefail

bench=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$bench/../.." && pwd)
out="$root/bench/out/ingest"
records=${1:-1000000}
sftp_port=2322
pg_port=15532
file=CARD_630000_20171015_001.csv
# a first, smaller file brings the hub to the state it is in after its first delivery of the day (classes loaded,
# code compiled, connections open); BENCH_WARMUP=0 measures the very first file after start instead
warmup=${BENCH_WARMUP:-100000}
warmup_file=CARD_630000_20171014_001.csv

rm -rf "$out" && mkdir -p "$out"
(cd "$root" && ./mvnw -q -B package -DskipTests)
python3 "$bench/generate_card.py" "$out/$file" "$records"
[ "$warmup" -gt 0 ] && python3 "$bench/generate_card.py" "$out/$warmup_file" "$warmup"

java -Xmx1g ${BENCH_JAVA_OPTS:-} -jar "$root"/target/canbao-hub-*-exec.jar --canbao.data-dir="$out/data" --canbao.demo.enabled=false \
  --server.port=0 --canbao.sftp.port=$sftp_port --canbao.broker.port=61716 \
  --canbao.database.embedded-port=$pg_port > "$out/hub.log" 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null; wait $hub 2>/dev/null || true' EXIT
until grep -q "Started CanbaoHubApplication" "$out/hub.log"; do
  kill -0 $hub 2>/dev/null || { cat "$out/hub.log"; exit 1; }
  sleep 1
done

sftp_card() {
  sftp -q -b - -P $sftp_port -i "$out/data/secrets/sftp/card" \
    -o UserKnownHostsFile="$out/data/secrets/known_hosts" -o StrictHostKeyChecking=yes card@127.0.0.1
}
# CPU seconds (user + system) of a process and of all its descendants that have ended or still run
cpu_of_tree() {
  local total=0 p
  for p in $1 $(pgrep -d ' ' -P "$1" 2>/dev/null); do
    [ "$p" = "$1" ] || { total=$(( total + $(cpu_of_tree "$p") )); continue; }
    total=$(( total + $(awk '{print $14 + $15 + $16 + $17}' "/proc/$p/stat" 2>/dev/null || echo 0) ))
  done
  echo $total
}
if [ "$warmup" -gt 0 ]; then
  printf 'put %s in/\nput %s in/\n' "$out/$warmup_file" "$out/$warmup_file.ok" | sftp_card
  until [ -f "$out/data/exchange/card/receipt/$warmup_file.receipt.json" ]; do sleep 0.5; done
fi

postmaster=$(pgrep -o -f "postgres.*-p $pg_port" || pgrep -o -x postgres)
ticks=$(getconf CLK_TCK)
hub_cpu_before=$(awk '{print $14 + $15}' /proc/$hub/stat); pg_cpu_before=$(cpu_of_tree "$postmaster")
printf 'put %s in/\nput %s in/\n' "$out/$file" "$out/$file.ok" | sftp_card
receipt="$out/data/exchange/card/receipt/$file.receipt.json"
until [ -f "$receipt" ]; do sleep 0.5; done
hub_cpu=$(( $(awk '{print $14 + $15}' /proc/$hub/stat) - hub_cpu_before )); pg_cpu=$(( $(cpu_of_tree "$postmaster") - pg_cpu_before ))
hub_ms=$(grep -o "$file from CARD: .* in [0-9]* ms" "$out/hub.log" | grep -o '[0-9]* ms$' | cut -d' ' -f1)
cat "$receipt" | head -c 400; echo

psql_hub() { psql -q -X -v ON_ERROR_STOP=1 "postgresql://postgres@127.0.0.1:$pg_port/postgres" "$@"; }
columns="system, id_number, source_key, operation, intake_file_id, record_no, received_at, payload"
psql_hub -c "\copy (SELECT $columns FROM source_record WHERE intake_file_id = (SELECT max(id) FROM intake_file)) TO '$out/rows.tsv'"
psql_hub -c "CREATE TABLE bench_copy (LIKE source_record INCLUDING ALL)"
pg_cpu_before=$(cpu_of_tree "$postmaster")
start=$(date +%s%N)
psql_hub -c "\copy bench_copy ($columns) FROM '$out/rows.tsv'"
copy_ms=$(( ($(date +%s%N) - start) / 1000000 ))
copy_pg_cpu=$(( $(cpu_of_tree "$postmaster") - pg_cpu_before ))
psql_hub -c "DROP TABLE bench_copy"

{
  echo "records: $records (after a warm-up file of $warmup records)"
  echo "hub ingest (pickup to commit + receipt): $hub_ms ms ($(( records * 1000 / hub_ms )) records/s)"
  echo "psql \\copy of the same rows into an equivalent table: $copy_ms ms"
  echo "CPU during the hub's ingest: hub JVM $(( hub_cpu * 1000 / ticks )) ms, PostgreSQL $(( pg_cpu * 1000 / ticks )) ms"
  echo "CPU during \\copy: PostgreSQL $(( copy_pg_cpu * 1000 / ticks )) ms"
  echo "ratio hub / copy: $(awk "BEGIN {printf \"%.2f\", $hub_ms / $copy_ms}")"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/result.txt"
