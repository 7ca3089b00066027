#!/usr/bin/env bash
# Registry refresh benchmark (issue #19, B4; docs/performance.md, "Registry refresh"): a POLICE full snapshot of
# ~1 GB (953,251 persons) and a CARD file of 1,000,000 holders go over SFTP into the packaged hub on a private
# PostgreSQL 15 cluster; then a comparison run, whose first step is the registry's first full refresh; then a CARD
# file with 1 % of its holders changed and a second run (the nightly increment). Each refresh against its baseline
# in the same run: psql \copy of the same records' typed fields into a staging table and one
# INSERT … ON CONFLICT of them into a typed table keyed by (system, source key).
#
#   bench/refresh/run.sh                 (root; ~15 min; needs /usr/lib/postgresql/15/bin and OpenSSH sftp)
#   BENCH_REUSE=1 bench/refresh/run.sh   keeps the generated files
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
out=${BENCH_OUT:-/var/tmp/canbao-refresh-bench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=$out/pg
PGPORT=${BENCH_PGPORT:-5497}
HTTP_PORT=${BENCH_HTTP_PORT:-8097}
SFTP_PORT=2297
DB=canbao_refresh
PSQL=(psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$PGPORT" -U postgres)
source "$root/bench/lib/cluster.sh"
police=POLICE_630000_20171015_001_FULL.xml
card=CARD_630000_20171015_001.csv
card_nightly=CARD_630000_20171016_001.csv

mkdir -p "$out/files"
if [ -z "${BENCH_REUSE:-}" ] || [ ! -s "$out/files/$card_nightly.ok" ]; then
  python3 "$root/bench/ingest/generate_police.py" "$out/files/$police" 1073741824 >"$out/files/police.records"
  python3 "$root/bench/ingest/generate_card.py" "$out/files/$card" 1000000
  python3 "$root/bench/refresh/change_card.py" "$out/files/$card" "$out/files/$card_nightly" 100
fi
(cd "$root" && ./mvnw -q -B package -DskipTests)
JAR=$(ls "$root"/target/canbao-hub-*-exec.jar | head -1)

# a new cluster every run; every statement of a second or more is logged with its time, which says where a refresh
# spends it
cluster_stop 2>/dev/null || true
rm -rf "$PGDATA" "$out/hub"
cluster_start -c log_min_duration_statement=1000
HUB=
stop_hub() { if [ -n "$HUB" ]; then kill "$HUB" 2>/dev/null; wait "$HUB" 2>/dev/null || true; HUB=; fi; }
trap 'stop_hub; cluster_stop' EXIT
"${PSQL[@]}" -c "CREATE DATABASE $DB"

java -Xmx1g -jar "$JAR" --canbao.database.embedded=false \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" --spring.datasource.username=postgres \
  --canbao.data-dir="$out/hub" --canbao.demo.enabled=false --canbao.registry.periodic-refresh=false \
  --server.port="$HTTP_PORT" --canbao.sftp.port=$SFTP_PORT --canbao.broker.port=61697 >"$out/hub.log" 2>&1 &
HUB=$!
until grep -q "Started CanbaoHubApplication" "$out/hub.log"; do
  kill -0 $HUB 2>/dev/null || { tail -40 "$out/hub.log"; exit 1; }
  sleep 1
done
auth="operator:$(cat "$out/hub/secrets/api/operator.password")"

deliver() { # system file
  printf 'put %s in/\nput %s in/\n' "$out/files/$2" "$out/files/$2.ok" | sftp -q -b - -P $SFTP_PORT \
    -i "$out/hub/secrets/sftp/$1" -o UserKnownHostsFile="$out/hub/secrets/known_hosts" \
    -o StrictHostKeyChecking=yes "$1@127.0.0.1"
  until [ -f "$out/hub/exchange/$1/receipt/$2.receipt.json" ]; do sleep 1; done
  grep -o "$2 from [A-Z]*: .* in [0-9]* ms" "$out/hub.log" | tail -1
}
# a comparison run; prints its refresh step's milliseconds
refresh_by_run() { # asOf
  "${PSQL[@]}" -d "$DB" -c CHECKPOINT
  local run
  run=$(curl -fs -u "$auth" -H 'Content-Type: application/json' -d "{\"asOf\": \"$1\"}" \
    "http://127.0.0.1:$HTTP_PORT/api/v1/runs" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  while [ "$("${PSQL[@]}" -d "$DB" -At -c "SELECT status FROM comparison_run WHERE id = $run")" = RUNNING ]; do
    sleep 2
  done
  curl -fs -u "$auth" "http://127.0.0.1:$HTTP_PORT/api/v1/runs/$run" >"$out/run-$run.json"
  grep -o 'Registry refresh: [^"]*' "$out/hub.log" | tail -1 >&2
  grep -o 'Registry refresh: .* in [0-9]* ms' "$out/hub.log" | tail -1 | grep -o '[0-9]* ms$' | cut -d' ' -f1
}
# the baseline: the typed fields of the records read since the high water mark `from`, out to a file and back
# through COPY into a staging table and one upsert into a typed table with the registry statements' key and index
baseline() { # from-id
  "${PSQL[@]}" -d "$DB" -c "\copy (SELECT system, source_key, id_number, stated_at, name, sex, ethnicity, birth_date,
      population_category, household_region, residence_region, vital_status, address, status_changed_on
      FROM source_statement WHERE source_record_id > $1 AND id_number IS NOT NULL) TO '$out/records.tsv'"
  "${PSQL[@]}" -d "$DB" -c "CREATE TABLE IF NOT EXISTS bench_statement (system VARCHAR(20), source_key VARCHAR(200),
      id_number CHAR(18) NOT NULL, stated_at TIMESTAMPTZ, name VARCHAR(100), sex CHAR(1), ethnicity CHAR(2),
      birth_date DATE, population_category CHAR(1), household_region VARCHAR(9), residence_region VARCHAR(9),
      vital_status CHAR(1), address VARCHAR(300), status_changed_on DATE, PRIMARY KEY (system, source_key))" \
    -c "CREATE INDEX IF NOT EXISTS bench_statement_person ON bench_statement (id_number)" \
    -c "CHECKPOINT"
  local start
  start=$(date +%s%N)
  "${PSQL[@]}" -d "$DB" -c "BEGIN" -c "CREATE TEMP TABLE bench_staging (LIKE bench_statement) ON COMMIT DROP" \
    -c "\copy bench_staging FROM '$out/records.tsv'" \
    -c "INSERT INTO bench_statement SELECT DISTINCT ON (system, source_key) * FROM bench_staging
        ORDER BY system, source_key, stated_at DESC
        ON CONFLICT (system, source_key) DO UPDATE SET id_number = EXCLUDED.id_number, stated_at = EXCLUDED.stated_at,
          name = EXCLUDED.name, sex = EXCLUDED.sex, ethnicity = EXCLUDED.ethnicity, birth_date = EXCLUDED.birth_date,
          population_category = EXCLUDED.population_category, household_region = EXCLUDED.household_region,
          residence_region = EXCLUDED.residence_region, vital_status = EXCLUDED.vital_status,
          address = EXCLUDED.address, status_changed_on = EXCLUDED.status_changed_on" -c "COMMIT"
  echo $(( ($(date +%s%N) - start) / 1000000 ))
}

echo "== ingest"
deliver police "$police"
deliver card "$card"
echo "== first full refresh"
high=$("${PSQL[@]}" -d "$DB" -At -c "SELECT coalesce(max(high_water), 0) FROM registry_refresh")
first=$(refresh_by_run 2017-10-15)
first_base=$(baseline "$high")
echo "== nightly: $card_nightly (1 % of the holders changed)"
high=$("${PSQL[@]}" -d "$DB" -At -c "SELECT max(high_water) FROM registry_refresh")
deliver card "$card_nightly"
nightly=$(refresh_by_run 2017-10-16)
nightly_base=$(baseline "$high")
stop_hub

{
  echo "first full refresh: $first ms; baseline (\\copy + upsert of the same records) $first_base ms; ratio $(awk "BEGIN {printf \"%.2f\", $first / $first_base}")"
  echo "nightly refresh: $nightly ms; baseline $nightly_base ms; ratio $(awk "BEGIN {printf \"%.2f\", $nightly / $nightly_base}")"
  echo "persons: $("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM registry_person"), records: $("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM source_record")"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet || echo +changes), date: $(date -u +%FT%TZ)"
  echo "statements of a second or more (server log):"
  grep -E 'duration: [0-9.]+ ms' "$PGDATA/server.log" | sed -E 's/.*duration: ([0-9.]+) ms +statement: (.{0,110}).*/\1 ms  \2/'
} | tee "$out/result.txt"
