#!/usr/bin/env bash
# National exchange benchmark (docs/performance.md, "National exchange at 6 M persons"; issue #18, "Scale"): the
# packaged hub on the comparison benchmark's private PostgreSQL 15 cluster, driven through its REST API, with a JMS
# client of its own process (bench/national/NationalConsumer.java) draining canbao.out.national as the national
# system would. Three measured steps, each against a baseline measured in the same run:
#
#   1. the first PERSON_INCREMENT, everyone (the change log as migration V19 writes it for an existing registry);
#      baseline: psql's COPY of the same persons, with their participations, as JSON to a file;
#   2. a nightly PERSON_INCREMENT after BENCH_CHANGED_PERCENT (1) % of the persons changed, logged as a registry
#      refresh logs them (the rows note-person-changes.sql writes); baseline: the same COPY of those persons;
#   3. the COMPARE_REQUESTs of the latest comparison run's UNINSURED and LAPSED persons (CompareRequests.writeDue and
#      the outbox sending them); baseline: psql's COPY of the same numbers in JSON arrays of 1,000.
#
#   bench/national/run.sh                   on the database of bench/compare/run.sh (generated there if missing)
#   BENCH_HEAP=512m                         the hub's -Xmx: small, so that a heap growing with the increment fails
#   BENCH_CHANGED_PERCENT=1                 persons changed before the nightly increment
#   BENCH_STEPS="1 2 3"                     the steps measured (e.g. BENCH_STEPS=3: the requests alone)
#
# The hub reads routes/ and config/ from the working directory: to measure another commit, run from a snapshot of
# its tree (git archive) with its jar built there, not with another jar in this tree.
#
# Figures come from the hub's own tables (national_increment, national_outbox, national_run_request), its log, its
# GC log (heap after each collection) and /proc (its CPU time). Needs the PostgreSQL 15 server binaries and the hub's
# jar (./mvnw -q -B package -DskipTests). Run as root from the repository root.
set -euo pipefail

PERSONS=${BENCH_PERSONS:-6000000}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
PGDATA=${BENCH_PGDATA:-/var/tmp/canbao-compare-bench/pg}
PGPORT=${BENCH_PGPORT:-5499}
WORK=${BENCH_WORK:-/var/tmp/canbao-national-bench}
HUB_DATA=$WORK/hub
HTTP_PORT=${BENCH_HTTP_PORT:-8098}
BROKER_PORT=${BENCH_BROKER_PORT:-61698}
HEAP=${BENCH_HEAP:-512m}
CHANGED_PERCENT=${BENCH_CHANGED_PERCENT:-1}
JAR=$(ls target/canbao-hub-*-exec.jar | head -1)
STEPS=" ${BENCH_STEPS:-1 2 3} "
measured() { [[ "$STEPS" == *" $1 "* ]]; }
DB=canbao_bench
PSQL=(psql -X -q -h 127.0.0.1 -p "$PGPORT" -U postgres)
sql() { "${PSQL[@]}" -d "$DB" -v ON_ERROR_STOP=1 -At "$@"; }
source "$(dirname "${BASH_SOURCE[0]}")/../lib/cluster.sh"

cluster_start
HUB=
CONSUMER=
stop_hub() {
  if [ -n "$CONSUMER" ]; then kill "$CONSUMER" 2>/dev/null; wait "$CONSUMER" 2>/dev/null || true; CONSUMER=; fi
  if [ -n "$HUB" ]; then kill "$HUB" 2>/dev/null; wait "$HUB" 2>/dev/null || true; HUB=; fi
}
trap 'stop_hub; cluster_stop' EXIT

if [ -z "$("${PSQL[@]}" -At -c "SELECT 1 FROM pg_database WHERE datname = '$DB'")" ]; then
  "${PSQL[@]}" -c "CREATE DATABASE $DB"
  apply_migrations
  echo "== generating $PERSONS persons (bench/compare/generate.sql)"
  "${PSQL[@]}" -d "$DB" -v persons="$PERSONS" -f bench/compare/generate.sql
else
  apply_migrations
fi

# The national state of an earlier run goes; the change log holds everyone, as V19 logs an existing registry; the
# comparison runs there are count as asked about, so that the hub asks about none at its start (step 3 asks again).
echo "== national state as after migration V19"
sql -c "TRUNCATE national_outbox, national_compare_request, national_request_person, national_run_request,
          national_increment, registry_person_change RESTART IDENTITY" \
    -c "UPDATE national_increment_position SET watermark = 0" \
    -c "INSERT INTO registry_person_change (id_number, changed_at)
        SELECT id_number, now() FROM registry_person ORDER BY id_number" \
    -c "INSERT INTO national_run_request (run_id, written_at) SELECT id, now() FROM comparison_run" \
    -c "VACUUM ANALYZE registry_person_change"
"${PSQL[@]}" -d "$DB" -c "VACUUM ANALYZE national_outbox"

mkdir -p "$WORK/lib" "$WORK/out"
OUT=$WORK/out
rm -rf "$HUB_DATA/broker" "$WORK/lib"/*
unzip -q -j "$JAR" 'BOOT-INF/lib/*.jar' -d "$WORK/lib"
: >"$OUT/hub.log"

now_ms() { date +%s%3N; }
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$HUB/stat"; }
checkpoint() { "${PSQL[@]}" -d "$DB" -c "CHECKPOINT"; }
# The machine is shared: a measured step waits (up to BENCH_QUIET_WAIT seconds, 180) for a one-minute load below 1.5
# and reports the load it started at.
quiet() {
  for _ in $(seq 1 $(( ${BENCH_QUIET_WAIT:-180} / 5 ))); do
    awk '{ exit !($1 < 1.5) }' /proc/loadavg && break
    sleep 5
  done
  echo "load at start: $(cut -d' ' -f1-3 /proc/loadavg)"
}
# waits until the outbox sent every message of $1 and the consumer took them all
drained() {
  local type=$1 total
  while [ "$(sql -c "SELECT count(*) FROM national_outbox WHERE message_type = '$type' AND sent_at IS NULL")" != 0 ]; do
    sleep 1
  done
  total=$(sql -c "SELECT count(*) FROM national_outbox WHERE message_type = '$type'")
  while [ "$(grep -c " $type " "$OUT/consumer.log" || true)" -lt "$total" ]; do sleep 1; done
}
last_taken_ms() { grep " $1 " "$OUT/consumer.log" | tail -1 | cut -d' ' -f1; }

java -Xmx"$HEAP" -Xlog:gc:file="$OUT/gc.log":time -jar "$JAR" --canbao.database.embedded=false \
  --spring.datasource.url="jdbc:postgresql://127.0.0.1:$PGPORT/$DB" --spring.datasource.username=postgres \
  --spring.flyway.enabled=false --canbao.data-dir="$HUB_DATA" --canbao.demo.enabled=false \
  --canbao.national.simulator.enabled=false --canbao.compare.keep-runs=3 --canbao.database.embedded-port=0 \
  --server.port="$HTTP_PORT" --canbao.sftp.port=2298 --canbao.broker.port="$BROKER_PORT" \
  >>"$OUT/hub.log" 2>&1 &
HUB=$!
for _ in $(seq 1 180); do
  curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null && break
  kill -0 "$HUB" 2>/dev/null || { echo "the hub did not start: $OUT/hub.log"; exit 1; }
  sleep 1
done
AUTH="operator:$(cat "$HUB_DATA/secrets/api/operator.password")"
java -cp "$WORK/lib/*" bench/national/NationalConsumer.java "tcp://127.0.0.1:$BROKER_PORT" \
  "$HUB_DATA/secrets/broker/national.properties" >"$OUT/consumer.log" 2>"$OUT/consumer.err" &
CONSUMER=$!
until grep -qs consuming "$OUT/consumer.log"; do sleep 1; done

# one PERSON_INCREMENT through the API, then its messages to the consumer; prints the step's figures
increment() {
  local name=$1 posted stored cpu0 cpu1 json id
  checkpoint
  quiet
  cpu0=$(cpu_s)
  posted=$(now_ms)
  json=$(curl -fs -u "$AUTH" -X POST "http://127.0.0.1:$HTTP_PORT/api/v1/national/increments")
  stored=$(now_ms)
  drained PERSON_INCREMENT
  cpu1=$(cpu_s)
  id=$(sed -nE 's/^\{"id":([0-9]+).*/\1/p' <<<"$json")
  echo "$name: increment $id $(sql -c "SELECT persons || ' persons in ' || messages || ' messages'
    FROM national_increment WHERE id = $id")"
  sql -F' ' -c "SELECT $posted, $stored, round(extract(epoch FROM max(sent_at)) * 1000), $(last_taken_ms PERSON_INCREMENT),
      $cpu1 - $cpu0, sum(length(body)) FROM national_outbox WHERE increment_id = $id" >"$OUT/$name.times"
  echo "$name window $posted $(last_taken_ms PERSON_INCREMENT)" >>"$OUT/windows"
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
}

# the same persons (bench_national_persons) as JSON of the same content, by one psql COPY to a file: what reading
# and writing them costs PostgreSQL alone, without the hub, the outbox or the broker
baseline() {
  local name=$1 started
  checkpoint
  quiet
  started=$(now_ms)
  sql -c "COPY (SELECT json_build_object('idNumber', p.id_number, 'name', p.name,
      'sourceSystem', coalesce(p.name_system, p.systems[1]), 'receivedAt', p.merged_at, 'sex', p.sex,
      'ethnicity', p.ethnicity, 'birthDate', p.birth_date, 'populationCategory', p.population_category,
      'householdRegion', p.household_region, 'residenceRegion', p.residence_region, 'vitalStatus', p.vital_status,
      'address', p.address, 'statusChangedOn', p.status_changed_on,
      'participations', (SELECT json_agg(json_build_object('scheme', q.scheme, 'insuredRegion', q.insured_region,
          'employerId', q.employer_id, 'contributionStatus', q.contribution_status, 'personStatus', q.person_status,
          'startDate', q.start_date, 'endDate', q.end_date, 'lastPaidMonth', q.last_paid_month)
          ORDER BY q.scheme, q.system, q.source_key, q.ordinal)
        FROM registry_participation q WHERE q.id_number = p.id_number))
    FROM registry_person p WHERE p.id_number IN (SELECT b.id_number FROM bench_national_persons b)
    ORDER BY p.id_number) TO STDOUT" >"$OUT/$name.json"
  echo "$name: $(( $(now_ms) - started )) ms, $(stat -c %s "$OUT/$name.json") bytes"
  rm -f "$OUT/$name.json"
  echo "$name $(( $(now_ms) - started ))" >>"$OUT/baselines"
}
: >"$OUT/windows"
: >"$OUT/baselines"
rm -f "$OUT"/*.times

sql -c "DROP TABLE IF EXISTS bench_national_persons" \
    -c "CREATE TABLE bench_national_persons AS SELECT DISTINCT id_number FROM registry_person_change" \
    -c "ANALYZE bench_national_persons"
if measured 1; then
  echo "== 1. first PERSON_INCREMENT: everyone"
  increment first
  echo "== 1. baseline: COPY of the same persons as JSON"
  baseline first-baseline
fi

if measured 2; then
echo "== 2. nightly PERSON_INCREMENT after $CHANGED_PERCENT % of the persons changed"
# without step 1 the change log still holds everyone: the nightly increment carries only the changes below
measured 1 || sql -c "DELETE FROM registry_person_change"
# spread over the registry as a refresh's merged persons are, logged as note-person-changes.sql logs them
sql -c "TRUNCATE bench_national_persons" \
    -c "INSERT INTO bench_national_persons SELECT id_number FROM registry_person
        ORDER BY hashbpchar(id_number) LIMIT (SELECT count(*) * $CHANGED_PERCENT / 100 FROM registry_person)" \
    -c "INSERT INTO registry_person_change (id_number, changed_at)
        SELECT id_number, now() FROM bench_national_persons ORDER BY id_number" \
    -c "ANALYZE bench_national_persons" -c "ANALYZE registry_person_change"
increment nightly
echo "== 2. baseline: COPY of the same persons as JSON"
baseline nightly-baseline
fi

if measured 3; then
echo "== 3. COMPARE_REQUESTs of the latest comparison run's UNINSURED and LAPSED persons"
RUN=$(sql -c "SELECT max(id) FROM comparison_run WHERE status = 'COMPLETED'")
if [ -z "$RUN" ]; then
  # the hub asks about the run at its first look after the run completed
  echo "no completed comparison run: the hub runs one"
  checkpoint
  quiet
  CPU0=$(cpu_s)
  RUN=$(curl -fs -u "$AUTH" -H 'Content-Type: application/json' -d '{"asOf": "2017-10-15"}' \
    "http://127.0.0.1:$HTTP_PORT/api/v1/runs" | sed -E 's/^\{"id":([0-9]+).*/\1/')
else
  checkpoint
  quiet
  CPU0=$(cpu_s)
  # the run counts as not asked about yet: the hub's next look (canbao.national.request-poll-delay-ms) claims it
  sql -c "DELETE FROM national_run_request WHERE run_id = $RUN"
fi
until grep -q "COMPARE_REQUESTs written: run $RUN " "$OUT/hub.log"; do sleep 1; done
echo "run $RUN: $(sql -c "SELECT count(*) FROM comparison_result WHERE run_id = $RUN
  AND category IN ('UNINSURED', 'LAPSED')") persons UNINSURED or LAPSED"
drained COMPARE_REQUEST
CPU1=$(cpu_s)
WRITTEN=$(grep "COMPARE_REQUESTs written: run $RUN " "$OUT/hub.log" | tail -1 | cut -c1-28)
sql -F' ' -c "SELECT round(extract(epoch FROM n.written_at) * 1000),
    round(extract(epoch FROM CAST('$WRITTEN' AS timestamptz)) * 1000),
    (SELECT round(extract(epoch FROM max(o.sent_at)) * 1000) FROM national_outbox o
     WHERE o.message_type = 'COMPARE_REQUEST'), $(last_taken_ms COMPARE_REQUEST), $CPU1 - $CPU0,
    n.persons, n.messages FROM national_run_request n WHERE n.run_id = $RUN" >"$OUT/requests.times"
echo "requests window $(cut -d' ' -f1 "$OUT/requests.times") $(last_taken_ms COMPARE_REQUEST)" >>"$OUT/windows"
echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== 3. baseline: COPY of the same numbers in JSON arrays of 1,000"
checkpoint
quiet
STARTED=$(now_ms)
sql -c "COPY (SELECT json_build_object('idNumbers', json_agg(id_number ORDER BY id_number))
    FROM (SELECT r.id_number, (row_number() OVER (ORDER BY r.id_number) - 1) / 1000 AS chunk
          FROM comparison_result r WHERE r.run_id = $RUN AND r.category IN ('UNINSURED', 'LAPSED')) asked
    GROUP BY chunk ORDER BY chunk) TO STDOUT" >/dev/null
echo "requests-baseline $(( $(now_ms) - STARTED ))" >>"$OUT/baselines"
fi
HWM=$(awk '/VmHWM/ { print $2 }' "/proc/$HUB/status")

echo "== summary"
python3 - "$OUT" "$HWM" "$HEAP" <<'PY'
import datetime, pathlib, re, sys
out, hwm_kb, heap = pathlib.Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
baselines = dict(line.split() for line in (out / "baselines").read_text().splitlines())
windows = {line.split()[0]: [int(v) for v in line.split()[2:]] for line in (out / "windows").read_text().splitlines()}
gcs = []  # (epoch ms, heap before MB, heap after MB)
for line in (out / "gc.log").read_text().splitlines():
    m = re.match(r"\[([^\]]+)\].* (\d+)M->(\d+)M\(\d+M\)", line)
    if m:
        at = datetime.datetime.strptime(m.group(1), "%Y-%m-%dT%H:%M:%S.%f%z").timestamp() * 1000
        gcs.append((at, int(m.group(2)), int(m.group(3))))
def heap_in(name):
    start, end = windows[name]
    inside = [g for g in gcs if start <= g[0] <= end]
    if not inside:
        return "no collection"
    afters = [g[2] for g in inside]
    return (f"{len(inside)} collections, heap before a collection ≤ {max(g[1] for g in inside)} MB, after: "
            f"first {afters[0]} MB, max {max(afters)} MB, last {afters[-1]} MB (-Xmx{heap})")
s = lambda a, b: (b - a) / 1000
for name in ("first", "nightly"):
    if not (out / f"{name}.times").exists():
        continue
    posted, stored, sent, taken, cpu, chars = (float(v) for v in (out / f"{name}.times").read_text().split())
    base = int(baselines[f"{name}-baseline"]) / 1000
    print(f"{name} increment: POST → stored {s(posted, stored):.1f} s, → every message sent {s(posted, sent):.1f} s, "
          f"→ taken by the consumer {s(posted, taken):.1f} s; hub CPU {cpu:.0f} s; {chars / 1e9:.2f} G characters; "
          f"baseline COPY {base:.1f} s, ratio (to taken) {s(posted, taken) / base:.2f}")
    print(f"  {heap_in(name)}")
if (out / "requests.times").exists():
    claimed, written, sent, taken, cpu, persons, messages = (float(v) for v in (out / "requests.times").read_text().split())
    base = int(baselines["requests-baseline"]) / 1000
    print(f"requests: {persons:.0f} persons in {messages:.0f} messages; writeDue {s(claimed, written):.1f} s, "
          f"→ every message sent {s(claimed, sent):.1f} s, → taken by the consumer {s(claimed, taken):.1f} s; "
          f"hub CPU {cpu:.0f} s; baseline COPY {base:.1f} s")
    print(f"  {heap_in('requests')}")
print(f"hub resident set, peak: {hwm_kb / 1024:.0f} MB")
PY
