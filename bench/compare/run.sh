#!/usr/bin/env bash
# Comparison benchmark (docs/performance.md, "Comparison", B5): a private PostgreSQL 15 cluster with a synthetic
# province-scale registry, comparison runs of the hub through its REST API alternating with the hand-written
# reference statement (categories and 缺少险种 from the coverage kept in each person's row), and a check that both
# give every person the same category, the same unmet expectations and the same 缺少险种.
#
#   bench/compare/run.sh [persons]          default 6000000 (2.5 participations per person)
#   BENCH_REUSE=1 bench/compare/run.sh      run again on the database generated last time
#   BENCH_ROUNDS=N                          comparison runs, each between two references (default 3)
#
# Needs the PostgreSQL 15 server binaries (/usr/lib/postgresql/15/bin) and the hub's jar
# (./mvnw -q -B package -DskipTests). Run as root (the cluster runs as user postgres) from the repository root.
set -euo pipefail

PERSONS=${1:-6000000}
ROUNDS=${BENCH_ROUNDS:-3}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${BENCH_PGDATA:-/var/tmp/canbao-compare-bench/pg}
PGPORT=${BENCH_PGPORT:-5499}
HUB_DATA=${BENCH_HUB_DATA:-/var/tmp/canbao-compare-bench/hub}
HTTP_PORT=${BENCH_HTTP_PORT:-8099}
JAR=$(ls target/canbao-hub-*-exec.jar | head -1)
DB=canbao_bench
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres)
source "$(dirname "${BASH_SOURCE[0]}")/../lib/cluster.sh"

cluster_start
trap cluster_stop EXIT

if [ -z "${BENCH_REUSE:-}" ]; then
  "${PSQL[@]}" -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  apply_migrations
  echo "== generating $PERSONS persons"
  "${PSQL[@]}" -d "$DB" -v persons="$PERSONS" -f bench/compare/generate.sql
else
  apply_migrations
fi

# every measurement starts without the dirty pages of what ran before it: a checkpoint falling inside one (the 1.35 GB
# of a run's results, a reference's table) slowed it by up to a fifth (docs/performance.md, fourth round)
checkpoint() { "${PSQL[@]}" -d "$DB" -c "CHECKPOINT"; }

# the hand-written statement's time in ms (the longest statement of the script: the CREATE TABLE … AS); its
# output goes to stderr, through the descriptor (opening /dev/stderr anew would truncate a log file it points to)
reference() {
  checkpoint
  "${PSQL[@]}" -d "$DB" -v workers="$1" -f bench/compare/handwritten.sql | tee >(cat >&2) \
    | sed -nE 's/^Time: ([0-9.]+) ms.*/\1/p' | sort -g | tail -1
}

mkdir -p "$HUB_DATA"
: >"$HUB_DATA/hub.log"
HUB=
stop_hub() { if [ -n "$HUB" ]; then kill "$HUB" 2>/dev/null; wait "$HUB" 2>/dev/null || true; HUB=; fi; }
trap 'stop_hub; cluster_stop' EXIT

# one comparison run of a freshly started hub (as after a deployment: nothing compiled yet); sets RUN (its id) and
# RUN_JSON. It keeps the results of 3 runs, not 14: at 6 M persons each is 1.2 GB, and the benchmark runs many
hub_run() {
  java -Xmx1g -jar "$JAR" --canbao.database.embedded=false \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" --spring.datasource.username=postgres \
    --spring.flyway.enabled=false --canbao.data-dir="$HUB_DATA" --canbao.demo.enabled=false \
    --canbao.compare.keep-runs=3 \
    --server.port="$HTTP_PORT" --canbao.sftp.port=2299 --canbao.broker.port=61699 \
    >>"$HUB_DATA/hub.log" 2>&1 &
  HUB=$!
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null && break
    sleep 1
  done
  local auth
  auth="operator:$(cat "$HUB_DATA/secrets/api/operator.password")"
  checkpoint
  RUN=$(curl -fs -u "$auth" -H 'Content-Type: application/json' -d '{"asOf": "2017-10-15"}' \
    "http://127.0.0.1:$HTTP_PORT/api/v1/runs" | sed -E 's/^\{"id":([0-9]+).*/\1/')
  # waits on the database, not the API, so that waiting takes nothing from the run (when an API request still cost
  # a bcrypt check at strength 10, a poll every 2 s took 16 CPU-s of one run; decision 0005)
  while [ "$("${PSQL[@]}" -d "$DB" -At -c "SELECT status FROM comparison_run WHERE id = $RUN")" = RUNNING ]; do
    sleep 2
  done
  RUN_JSON=$(curl -fs -u "$auth" "http://127.0.0.1:$HTTP_PORT/api/v1/runs/$RUN")
  # the run's alerts go out before the hub stops, so a later run on this database does not send them meanwhile
  while [ "$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM alert_outbox WHERE sent_at IS NULL")" != 0 ]; do
    sleep 2
  done
  # so do its COMPARE_REQUESTs to the national system (docs/national.md), written once the run has completed: left
  # unsent, the next hub would send some 600 messages while it classifies
  for _ in $(seq 1 90); do
    [ "$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM national_run_request WHERE run_id = $RUN")" = 1 ] \
      && [ "$("${PSQL[@]}" -d "$DB" -At -c "SELECT count(*) FROM national_outbox WHERE sent_at IS NULL")" = 0 ] \
      && break
    sleep 2
  done
  stop_hub
}

# The machine's speed drifts by up to a half from one minute to the next (docs/performance.md, sixth round), so
# one run against one reference measured minutes apart says little: the runs alternate with the parallel reference,
# each run is compared with the references just before and after it, and the median of those ratios is the result.
echo "== hand-written reference statement, max_parallel_workers_per_gather=2"
REFERENCES=("$(reference 2)")
RUNS=()
CLASSIFY=()
for round in $(seq 1 "$ROUNDS"); do
  echo "== comparison run, round $round of $ROUNDS"
  hub_run
  echo "$RUN_JSON"
  RUNS+=("$(sed -nE 's/.*"durationMs":([0-9]+).*/\1/p' <<<"$RUN_JSON")")
  CLASSIFY+=("$("${PSQL[@]}" -d "$DB" -At -c "SELECT steps ->> 'classify.results' FROM comparison_run WHERE id = $RUN")")
  echo "== hand-written reference statement, max_parallel_workers_per_gather=2"
  REFERENCES+=("$(reference 2)")
done
echo "== hand-written reference statement, max_parallel_workers_per_gather=0"
ONE_CORE=$(reference 0)

echo "== summary (ms; ratios to the mean of the parallel references before and after the run)"
uptime
python3 - "$ONE_CORE" "${#RUNS[@]}" "${RUNS[@]}" "${CLASSIFY[@]}" "${REFERENCES[@]}" <<'PY'
import statistics, sys
one_core, n = float(sys.argv[1]), int(sys.argv[2])
values = [float(v) for v in sys.argv[3:]]
runs, classify, refs = values[:n], values[n:2 * n], values[2 * n:]
ratios, classify_ratios = [], []
for i, run in enumerate(runs):
    around = (refs[i] + refs[i + 1]) / 2
    ratios.append(run / around)
    classify_ratios.append(classify[i] / around)
    print(f"round {i + 1}: run {run:.0f}, classify.results {classify[i]:.0f}, parallel reference before "
          f"{refs[i]:.0f} after {refs[i + 1]:.0f}; classification / reference {classify[i] / around:.2f} "
          f"(target <= 2), run / reference {run / around:.2f}")
print(f"median classification / parallel reference {statistics.median(classify_ratios):.2f} (target <= 2); "
      f"median run {statistics.median(runs) / 1000:.1f} s (target < 45 s), run / reference "
      f"{statistics.median(ratios):.2f}; one-core reference {one_core:.0f}")
PY

# what keeping the coverage costs a refresh (docs/registry.md, "Coverage"): the view for 100,000 persons spread
# over the registry, as many as a large nightly increment merges again — as the planner would choose, and as the
# refresh computes it for less than a fifth of the registry (RegistryRefresh: hash and merge joins off)
echo "== coverage of 100,000 persons: as the planner chooses, then as the registry refresh computes it"
"${PSQL[@]}" -d "$DB" -c "TRUNCATE registry_refresh_person" \
  -c "INSERT INTO registry_refresh_person SELECT id_number FROM registry_person ORDER BY hashbpchar(id_number) LIMIT 100000" \
  -c '\timing on' -c "SELECT count(*) FROM registry_refresh_coverage" \
  -c "BEGIN" -c "SET LOCAL enable_hashjoin = off" -c "SET LOCAL enable_mergejoin = off" \
  -c "SELECT count(*) FROM registry_refresh_coverage" -c "COMMIT" -c '\timing off' -c "TRUNCATE registry_refresh_person"

echo "== persons whose category, unmet expectations or 缺少险种 differ between the last run and the reference (all 0)"
"${PSQL[@]}" -d "$DB" -c "
  SELECT count(*) FILTER (WHERE r.category IS DISTINCT FROM h.category) AS category,
         count(*) FILTER (WHERE r.unmet IS DISTINCT FROM nullif(array_remove(ARRAY[
             CASE WHEN h.unmet & 1 <> 0 THEN 'MEDICAL' END, CASE WHEN h.unmet & 2 <> 0 THEN 'PENSION' END,
             CASE WHEN h.unmet & 4 <> 0 THEN 'EMPLOYMENT_210' END, CASE WHEN h.unmet & 8 <> 0 THEN 'EMPLOYMENT_410' END,
             CASE WHEN h.unmet & 16 <> 0 THEN 'EMPLOYMENT_510' END, CASE WHEN h.unmet & 32 <> 0 THEN 'EMPLOYMENT_310' END],
             NULL), '{}')) AS unmet,
         count(*) FILTER (WHERE r.missing_schemes IS DISTINCT FROM nullif(array_remove(ARRAY[
             CASE WHEN h.missing & 1 <> 0 THEN '110' END, CASE WHEN h.missing & 2 <> 0 THEN '120' END,
             CASE WHEN h.missing & 4 <> 0 THEN '170' END, CASE WHEN h.missing & 8 <> 0 THEN '210' END,
             CASE WHEN h.missing & 16 <> 0 THEN '310' END, CASE WHEN h.missing & 32 <> 0 THEN '390' END,
             CASE WHEN h.missing & 64 <> 0 THEN '410' END, CASE WHEN h.missing & 128 <> 0 THEN '510' END],
             NULL), '{}')) AS missing_schemes
  FROM (SELECT * FROM comparison_result WHERE run_id = $RUN) r
  FULL JOIN bench_handwritten h ON h.id_number = r.id_number"
"${PSQL[@]}" -d "$DB" -c "SELECT category, count(*) FROM comparison_result WHERE run_id = $RUN GROUP BY 1 ORDER BY 1"
