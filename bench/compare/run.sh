#!/usr/bin/env bash
# Comparison benchmark (docs/performance.md, "Comparison"): a private PostgreSQL 15 cluster with a synthetic
# province-scale registry, one comparison run of the hub through its REST API, then the hand-written reference
# statement, and a check that both give every person the same category.
#
#   bench/compare/run.sh [persons]          default 6000000 (about 2.5 participations per person)
#   BENCH_REUSE=1 bench/compare/run.sh      run again on the database generated last time
#
# Needs the PostgreSQL 15 server binaries (/usr/lib/postgresql/15/bin) and the hub's jar
# (./mvnw -q -B package -DskipTests). Run as root (the cluster runs as user postgres) from the repository root.
set -euo pipefail

PERSONS=${1:-6000000}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${BENCH_PGDATA:-/var/tmp/canbao-compare-bench/pg}
PGPORT=${BENCH_PGPORT:-5499}
HUB_DATA=${BENCH_HUB_DATA:-/var/tmp/canbao-compare-bench/hub}
HTTP_PORT=${BENCH_HTTP_PORT:-8099}
JAR=$(ls target/canbao-hub-*-exec.jar | head -1)
DB=canbao_bench
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres)

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  mkdir -p "$PGDATA"
  chown -R postgres "$(dirname "$PGDATA")"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
# stock settings except the WAL size, so the load does not checkpoint every few seconds
if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null; then
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c max_wal_size=16GB" start
fi
trap 'runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null' EXIT

# the hub runs with Flyway off on this database, so the harness applies the migrations itself and notes which it
# applied: a database kept for BENCH_REUSE gets the migrations added since it was generated
apply_migrations() {
  "${PSQL[@]}" -d "$DB" -c "CREATE TABLE IF NOT EXISTS bench_migration (file TEXT PRIMARY KEY)"
  for migration in $(ls src/main/resources/db/migration/V*.sql | sort -V); do
    name=$(basename "$migration")
    [ -n "$("${PSQL[@]}" -d "$DB" -At -c "SELECT 1 FROM bench_migration WHERE file = '$name'")" ] && continue
    echo "== migration $name"
    "${PSQL[@]}" -d "$DB" -v ON_ERROR_STOP=1 -1 -f "$migration" -c "INSERT INTO bench_migration VALUES ('$name')"
  done
}
if [ -z "${BENCH_REUSE:-}" ]; then
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  apply_migrations
  echo "== generating $PERSONS persons"
  "${PSQL[@]}" -d "$DB" -v persons="$PERSONS" -f bench/compare/generate.sql
else
  apply_migrations
fi

echo "== starting the hub on the benchmark database"
mkdir -p "$HUB_DATA"
java -Xmx1g -jar "$JAR" --canbao.database.embedded=false \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" --spring.datasource.username=postgres \
  --spring.flyway.enabled=false --canbao.data-dir="$HUB_DATA" --canbao.demo.enabled=false \
  --server.port="$HTTP_PORT" --canbao.sftp.port=2299 --canbao.broker.port=61699 \
  >"$HUB_DATA/hub.log" 2>&1 &
HUB=$!
trap '{ kill $HUB; wait $HUB; } 2>/dev/null || true; runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null' EXIT
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null && break
  sleep 1
done
AUTH="operator:$(cat "$HUB_DATA/secrets/api/operator.password")"

# every measurement starts without the dirty pages of what ran before it: a checkpoint falling inside one (the 1.35 GB
# of a run's results, a reference's table) slowed it by up to a fifth (docs/performance.md, fourth round)
checkpoint() { "${PSQL[@]}" -d "$DB" -c "CHECKPOINT"; }

echo "== comparison run"
checkpoint
RUN=$(curl -fs -u "$AUTH" -H 'Content-Type: application/json' -d '{"asOf": "2017-10-15"}' \
  "http://127.0.0.1:$HTTP_PORT/api/v1/runs" | sed -E 's/^\{"id":([0-9]+).*/\1/')
# waits on the database, not the API, so that waiting takes nothing from the run (when an API request still cost a
# bcrypt check at strength 10, a poll every 2 s took 16 CPU-s of one run; decision 0005)
while [ "$("${PSQL[@]}" -d "$DB" -At -c "SELECT status FROM comparison_run WHERE id = $RUN")" = RUNNING ]; do
  sleep 2
done
curl -fs -u "$AUTH" "http://127.0.0.1:$HTTP_PORT/api/v1/runs/$RUN"
echo
# the run's alerts go out before the hub stops, so a later run on this database does not send them meanwhile
while [ "$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM alert_outbox WHERE sent_at IS NULL")" != 0 ]; do
  sleep 2
done
kill $HUB
wait $HUB 2>/dev/null || true

# the reference once on one core and once with PostgreSQL's parallel workers; the faster is the yardstick
for workers in 0 2; do
  echo "== hand-written reference statement, max_parallel_workers_per_gather=$workers"
  checkpoint
  "${PSQL[@]}" -d "$DB" -v workers=$workers -f bench/compare/handwritten.sql
done

# what keeping the coverage costs a refresh (docs/registry.md, "Coverage"): the view for 100,000 persons spread
# over the registry, as many as a large nightly increment merges again
echo "== coverage of 100,000 persons as the registry refresh computes it"
"${PSQL[@]}" -d "$DB" -c "TRUNCATE registry_refresh_person" \
  -c "INSERT INTO registry_refresh_person SELECT id_number FROM registry_person ORDER BY hashbpchar(id_number) LIMIT 100000" \
  -c '\timing on' -c "SELECT count(*) FROM registry_refresh_coverage" -c '\timing off' -c "TRUNCATE registry_refresh_person"

echo "== persons whose category differs between the run and the reference (must be 0)"
"${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM (SELECT * FROM comparison_result WHERE run_id = $RUN) r
  FULL JOIN bench_handwritten h ON h.id_number = r.id_number WHERE r.category IS DISTINCT FROM h.category"
"${PSQL[@]}" -d "$DB" -c "SELECT category, count(*) FROM comparison_result WHERE run_id = $RUN GROUP BY 1 ORDER BY 1"
