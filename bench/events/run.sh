#!/usr/bin/env bash
# Events benchmark (B3, docs/performance.md "Events (B3)"): scheme events in → registry committed → receipt out,
# against the Artemis command line's own producer/consumer (`artemis perf client`) moving messages of the same size,
# persistent, through a broker of its own. Both on this machine, one after the other, in the same run.
#
#   bench/events/run.sh [events] [rate]     default 5000 events as fast as they are taken, then 20 s at 1000/s
#                                           (the baseline: 20 s as fast as it goes, then 20 s at the rate)
#   BENCH_CONSUMERS="1 4 8"                 the hub's consumers per events queue, one hub start each (default "1 8")
#   BENCH_WARMUP=10000                      events sent first and not measured: after a warm-up of 2,000 the JIT
#                                           compiler threads still took a third of the hub's CPU while it was measured
#   BENCH_HUB_JVM_OPTIONS=...               e.g. -XX:StartFlightRecording=filename=/tmp/hub.jfr to see where it goes
#
# The hub runs as README's run command starts it (embedded broker, embedded PostgreSQL), from the jar
# (./mvnw -q -B package -DskipTests); its sender is bench/events/EventLoad.java, a JMS client of its own process
# as the scheme system would be. Run from the repository root.
set -euo pipefail

EVENTS=${1:-5000}
RATE=${2:-1000}
CONSUMERS=${BENCH_CONSUMERS:-1 8}
WARMUP=${BENCH_WARMUP:-10000}
WORK=${BENCH_WORK:-/var/tmp/canbao-events-bench}
ARTEMIS_VERSION=2.40.0
ARTEMIS_HOME=$WORK/apache-artemis-$ARTEMIS_VERSION
HUB_DATA=$WORK/hub
HTTP_PORT=${BENCH_HTTP_PORT:-8096}
BROKER_PORT=${BENCH_BROKER_PORT:-61696}
BASELINE_PORT=${BENCH_BASELINE_PORT:-61695}
JAR=$(ls target/canbao-hub-*-exec.jar | head -1)
OUT=$WORK/out
mkdir -p "$WORK/lib" "$OUT"
rm -rf "$WORK/lib"/* "$WORK/baseline-broker" "$HUB_DATA"

if [ ! -x "$ARTEMIS_HOME/bin/artemis" ]; then
  ./mvnw -q -B dependency:get -Dtransitive=false \
    -Dartifact="org.apache.activemq:apache-artemis:$ARTEMIS_VERSION:tar.gz:bin"
  tar xzf ~/.m2/repository/org/apache/activemq/apache-artemis/$ARTEMIS_VERSION/apache-artemis-$ARTEMIS_VERSION-bin.tar.gz \
    -C "$WORK"
fi
(cd "$WORK/lib" && unzip -q -j "$OLDPWD/$JAR" 'BOOT-INF/lib/*.jar')

wait_for_port() {
  for _ in $(seq 1 120); do
    (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null && return 0
    sleep 1
  done
  echo "nothing listens on port $1" >&2
  return 1
}
load() { echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"; }

# the size of one event as EventLoad sends it, UTF-8
SIZE=$(java -cp "$WORK/lib/*" bench/events/EventLoad.java size 2>/dev/null | tail -1)
echo "== $(date -u '+%F %T') UTC, commit $(git rev-parse --short HEAD), $(nproc) cores, events of $SIZE bytes"

echo "== baseline: artemis perf client, persistent, $SIZE bytes, through a broker of its own"
"$ARTEMIS_HOME/bin/artemis" create "$WORK/baseline-broker" --silent --no-web --require-login --user bench \
  --password bench --default-port "$BASELINE_PORT" >"$OUT/baseline-create.log"
# like the hub's broker (config/broker/canbao-broker.xml), it does not block producers on a disk mostly used
sed -i 's|<max-disk-usage>90</max-disk-usage>|<max-disk-usage>-1</max-disk-usage>|' "$WORK/baseline-broker/etc/broker.xml"
"$WORK/baseline-broker/bin/artemis" run >"$OUT/baseline-broker.log" 2>&1 &
BASELINE=$!
trap 'kill $BASELINE 2>/dev/null || true' EXIT
wait_for_port "$BASELINE_PORT"
perf() {
  "$ARTEMIS_HOME/bin/artemis" perf client --url "tcp://127.0.0.1:$BASELINE_PORT" --user bench --password bench \
    --persistent --message-size "$SIZE" --warmup 2 --duration "$PERF_SECONDS" "$@" queue://bench.events
}
# the client's summary: messages received in the measured seconds, and the percentiles of their transfer time
# (sent to received) in ms; at a rate, the producer's delay behind its schedule too
summary() {
  awk -v seconds="$PERF_SECONDS" '
    /total received/ { printf "received %d in %d s = %.0f/s", $4, seconds, $4 / seconds }
    /aggregated transfer time/ { printf ", transfer p50 %.1f ms p99 %.1f ms max %.1f ms", $10 / 1000, $18 / 1000, $(NF - 1) / 1000 }
    /aggregated delay send time/ { printf ", behind schedule p50 %.1f ms", $11 / 1000 }
    END { print "" }' "$1"
}
PERF_SECONDS=20
load
perf >"$OUT/baseline-unbounded.log" 2>&1
echo "unbounded: $(summary "$OUT/baseline-unbounded.log")"
load
perf --rate "$RATE" >"$OUT/baseline-rate.log" 2>&1
echo "at $RATE/s:  $(summary "$OUT/baseline-rate.log")"
kill "$BASELINE"
wait "$BASELINE" 2>/dev/null || true
trap - EXIT

FIRST=0
for consumers in $CONSUMERS; do
  echo "== the hub, $consumers consumer(s) per events queue"
  java ${BENCH_HUB_JVM_OPTIONS:-} -jar "$JAR" --canbao.data-dir="$HUB_DATA" --canbao.demo.enabled=false \
    --canbao.national.simulator.enabled=false --canbao.registry.periodic-refresh=false \
    --canbao.intake.event-consumers="$consumers" --server.port="$HTTP_PORT" --canbao.sftp.port=2296 \
    --canbao.broker.port="$BROKER_PORT" --canbao.database.embedded-port=0 >>"$OUT/hub.log" 2>&1 &
  HUB=$!
  trap 'kill $HUB 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    curl -fs "http://127.0.0.1:$HTTP_PORT/actuator/health" >/dev/null && break
    kill -0 "$HUB" 2>/dev/null || { echo "the hub did not start: $OUT/hub.log"; exit 1; }
    sleep 1
  done
  send() {
    java -cp "$WORK/lib/*" bench/events/EventLoad.java "tcp://127.0.0.1:$BROKER_PORT" \
      "$HUB_DATA/secrets/broker/pension.properties" "$1" "$2" "$FIRST" 2>>"$OUT/sender.log" | tail -1
  }
  load
  # each send's events are new eventIds (the numbers go on from the last send's), so none is a duplicate
  echo "warm-up:   $(send "$WARMUP" 0)"
  FIRST=$((FIRST + WARMUP))
  load
  echo "unbounded: $(send "$EVENTS" 0)"
  FIRST=$((FIRST + EVENTS))
  load
  echo "at $RATE/s:  $(send $((RATE * 20)) "$RATE")"
  FIRST=$((FIRST + RATE * 20))
  kill "$HUB"
  wait "$HUB" 2>/dev/null || true
  trap - EXIT
done
