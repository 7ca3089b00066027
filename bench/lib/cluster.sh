# The private PostgreSQL 15 cluster of a benchmark, sourced by bench/compare/run.sh, bench/national/run.sh and
# bench/refresh/run.sh. The sourcing script sets PGBIN (the server binaries), PGDATA and PGPORT; for
# apply_migrations also DB and PSQL (psql and its connection options, an array). Run as root: the cluster runs as
# user postgres.

# Creates the cluster if PGDATA holds none and starts it unless it runs. Stock settings except the WAL size, so a
# load does not checkpoint every few seconds; a script's further settings are its arguments (-c name=value …).
cluster_start() {
  if [ ! -s "$PGDATA/PG_VERSION" ]; then
    mkdir -p "$PGDATA"
    chown -R postgres "$PGDATA"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if ! runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" status >/dev/null; then
    runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w \
      -o "-p $PGPORT -c listen_addresses=127.0.0.1 -c max_wal_size=16GB $*" start
  fi
}

cluster_stop() {
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -m fast stop >/dev/null
}

# The hub runs with Flyway off on a benchmark's database, so the harness applies the migrations itself and notes which
# it applied: a database kept from an earlier run gets the migrations added since it was generated. The repeatable
# ones (R__: functions and views, CREATE OR REPLACE) follow every time, as Flyway applies them after the versioned ones.
apply_migrations() {
  local db=("${PSQL[@]}" -d "$DB" -v ON_ERROR_STOP=1) migration name
  "${db[@]}" -c "CREATE TABLE IF NOT EXISTS bench_migration (file TEXT PRIMARY KEY)"
  for migration in $(ls src/main/resources/db/migration/V*.sql | sort -V); do
    name=$(basename "$migration")
    [ -n "$("${db[@]}" -At -c "SELECT 1 FROM bench_migration WHERE file = '$name'")" ] && continue
    echo "== migration $name"
    "${db[@]}" -1 -f "$migration" -c "INSERT INTO bench_migration VALUES ('$name')"
  done
  for migration in $(ls src/main/resources/db/migration/R__*.sql | sort); do
    echo "== migration $(basename "$migration")"
    "${db[@]}" -1 -f "$migration" >/dev/null
  done
}
