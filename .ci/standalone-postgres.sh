#!/usr/bin/env bash
# Makes sure a standalone PostgreSQL 15 runs on 127.0.0.1:5432 with a fresh database for this CI run,
# installing it from Debian's packages when the machine has none. Sourced: exports the connection.
set -euo pipefail

if ! command -v pg_ctlcluster >/dev/null 2>&1 || [ ! -d /usr/lib/postgresql/15 ]; then
  echo "installing PostgreSQL 15"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql-15 >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 \+main'; then
  pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | grep -q '^15 \+main .* online'; then
  pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do
  pg_isready -q -h 127.0.0.1 -p 5432 && break
  sleep 1
done

password="ci-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
database="canbao_ci_$$"
runuser -u postgres -- psql -q -v ON_ERROR_STOP=1 <<SQL
DO \$\$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'canbao_ci') THEN
    CREATE ROLE canbao_ci LOGIN;
  END IF;
END \$\$;
ALTER ROLE canbao_ci PASSWORD '$password';
CREATE DATABASE $database OWNER canbao_ci;
SQL

export CANBAO_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:5432/$database"
export CANBAO_TEST_POSTGRES_USER=canbao_ci
export CANBAO_TEST_POSTGRES_PASSWORD="$password"
