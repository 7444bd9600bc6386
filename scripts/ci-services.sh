#!/usr/bin/env bash
# Starts a throwaway PostgreSQL cluster and a throwaway Redis for tests (CI and local
# development). Installs nothing: it needs the PostgreSQL server binaries (e.g. Debian's
# `postgresql`, plus `postgresql-15-postgis-3` for PostGIS) and `redis-server`. Idempotent: when
# the cluster is already running it only makes sure the role and database exist; when something
# already answers on the Redis port it is used as it is.
#
#   eval "$(scripts/ci-services.sh)"    # exports MARSAD_TEST_PG and MARSAD_TEST_REDIS
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

# Redis for the queue tests: loopback only, in memory (no snapshots, no append-only file).
REDIS_PORT="${MARSAD_REDIS_PORT:-56379}"
redis_up() { (exec 3<>"/dev/tcp/127.0.0.1/$REDIS_PORT" && printf 'PING\r\n' >&3 && head -c 5 <&3 | grep -q PONG) 2>/dev/null; }
if redis_up; then
  log "Redis already running on 127.0.0.1:$REDIS_PORT"
elif command -v redis-server >/dev/null 2>&1; then
  log "starting Redis on 127.0.0.1:$REDIS_PORT"
  REDIS_DIR="$(dirname "$DATA")/../marsad-redis"
  mkdir -p "$REDIS_DIR"
  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --daemonize yes --save '' --appendonly no \
    --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" >/dev/null
  for _ in $(seq 50); do redis_up && break; sleep 0.1; done
  redis_up || { log "Redis did not start (see $REDIS_DIR/redis.log)"; exit 1; }
else
  log "no redis-server found: the queue tests will be skipped"
  exit 0
fi
echo "export MARSAD_TEST_REDIS=redis://127.0.0.1:$REDIS_PORT"
