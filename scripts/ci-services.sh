#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster for tests (CI and local development). Installs nothing:
# it needs the PostgreSQL server binaries (e.g. Debian's `postgresql`, plus
# `postgresql-15-postgis-3` for PostGIS). Idempotent: when the cluster is already running it only
# makes sure the role and database exist.
#
#   eval "$(scripts/ci-services.sh)"    # exports MARSAD_TEST_PG
#
# The cluster lives under /tmp, listens on 127.0.0.1 only, and its password is a fixed, local,
# throwaway one: never use this for real data.
set -euo pipefail

PORT="${MARSAD_PG_PORT:-55432}"
DATA="${MARSAD_PG_DATA:-/tmp/marsad-pg/data}"
LOG="$(dirname "$DATA")/server.log"
ROLE=marsad
DB=marsad
PASSWORD=marsad-ci-only

log() { echo "ci-services: $*" >&2; }

# The newest installed server binaries (pg_ctl is not on PATH on Debian).
BIN="${MARSAD_PG_BIN:-}"
if [ -z "$BIN" ]; then
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then
    BIN="$(pg_config --bindir)"
  else
    BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  fi
fi
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  log "no PostgreSQL server binaries found (install postgresql, or set MARSAD_PG_BIN)"
  exit 1
fi

# initdb and the server refuse to run as root: run them as the postgres user then.
if [ "$(id -u)" = 0 ]; then
  RUN_AS=(runuser -u postgres --)
else
  RUN_AS=()
fi
as_owner() { "${RUN_AS[@]}" "$@"; }

mkdir -p "$(dirname "$DATA")"
if [ "$(id -u)" = 0 ]; then chown postgres: "$(dirname "$DATA")"; fi

if [ ! -s "$DATA/PG_VERSION" ]; then
  log "initdb $DATA"
  as_owner "$BIN/initdb" -D "$DATA" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
    -E UTF8 --locale=C.UTF-8 >/dev/null
fi

if as_owner "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; then
  log "already running"
else
  log "starting on 127.0.0.1:$PORT"
  as_owner "$BIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k /tmp -c fsync=off -c max_connections=200" start >/dev/null
fi

psql_admin() { as_owner env PGOPTIONS="-c client_min_messages=warning" "$BIN/psql" -h /tmp -p "$PORT" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }

# The role creates a database per test, so it needs CREATEDB (not superuser).
psql_admin -d postgres <<SQL
SELECT 'CREATE ROLE $ROLE LOGIN CREATEDB' WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '$ROLE')
\gexec
ALTER ROLE $ROLE LOGIN CREATEDB PASSWORD '$PASSWORD';
-- DROP DATABASE ... WITH (FORCE) of a test database must be able to end an autovacuum worker.
GRANT pg_signal_backend TO $ROLE;
SELECT 'CREATE DATABASE $DB OWNER $ROLE' WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = '$DB')
\gexec
SQL

# PostGIS is not a trusted extension: create it as superuser in template1 (so every database the
# tests create has it) and in the main database. Without PostGIS the store falls back to lat/lon.
if [ -n "$(psql_admin -d postgres -tA -c "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'")" ]; then
  for d in template1 "$DB"; do psql_admin -d "$d" -c 'CREATE EXTENSION IF NOT EXISTS postgis'; done
  log "PostGIS enabled"
else
  log "PostGIS not available: the store will use its lat/lon fallback"
fi

echo "export MARSAD_TEST_PG=postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB"
