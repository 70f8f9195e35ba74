#!/usr/bin/env bash
# A throwaway PostgreSQL for the tests and CI:
#   eval "$(bash build/postgres.sh start)"   # initdb into a temp folder, free port, prints `export ATTIO_TEST_POSTGRES=...`
#   bash build/postgres.sh env               # prints the export line of the running cluster again
#   bash build/postgres.sh stop              # stops it and deletes the folder
#
# The cluster listens on 127.0.0.1 only, its unix socket sits in the temp folder, and its password is random per start.
# fsync is off: the tests kill client processes, never the server, so server durability is not what they measure and a
# shared 2-core CI machine is spared the flushes. Binaries are looked up on PATH and in /usr/lib/postgresql/*/bin;
# `apt-get install -y postgresql` only runs when none is found. Running as root, the server runs as the system user
# attio-pg (created when missing), because postgres refuses to run as root.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
state="$root/artifacts/postgres/state.env"
database="attio_test"
user="attio"

log() { echo "postgres.sh: $*" >&2; }
fail() { log "$*"; exit 1; }

find_bin() {
  local dir
  if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && command -v postgres >/dev/null 2>&1; then
    dirname "$(command -v initdb)"
    return 0
  fi
  for dir in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && [ -x "$dir/postgres" ]; then
      echo "$dir"
      return 0
    fi
  done
  return 1
}

ensure_bin() {
  local bin
  if bin=$(find_bin); then echo "$bin"; return 0; fi
  log "PostgreSQL binaries not found; installing the postgresql package"
  command -v apt-get >/dev/null 2>&1 || fail "no initdb/pg_ctl/postgres on PATH or in /usr/lib/postgresql/*/bin, and no apt-get to install them"
  DEBIAN_FRONTEND=noninteractive apt-get install -y postgresql >&2 || fail "apt-get install -y postgresql failed"
  bin=$(find_bin) || fail "postgresql installed but initdb/pg_ctl/postgres still not found"
  echo "$bin"
}

# Runs a command as the cluster's owner: attio-pg when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u attio-pg -- "$@"
  else
    "$@"
  fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$((20000 + RANDOM % 30000))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      echo "$port"
      return 0
    fi
  done
  fail "no free TCP port found on 127.0.0.1"
}

running() {
  [ -f "$state" ] || return 1
  # shellcheck disable=SC1090
  . "$state"
  [ -n "${ATTIO_PG_DIR:-}" ] && [ -f "$ATTIO_PG_DIR/data/postmaster.pid" ] && as_owner "$ATTIO_PG_BIN/pg_ctl" -D "$ATTIO_PG_DIR/data" status >/dev/null 2>&1
}

print_env() {
  echo "export ATTIO_TEST_POSTGRES='$ATTIO_TEST_POSTGRES'"
}

start() {
  if running; then
    log "already running in $ATTIO_PG_DIR"
    print_env
    return 0
  fi
  local bin dir port password
  bin=$(ensure_bin)
  if [ "$(id -u)" -eq 0 ] && ! id attio-pg >/dev/null 2>&1; then
    useradd --system --no-create-home --shell /usr/sbin/nologin attio-pg || fail "could not create the system user attio-pg"
  fi
  dir=$(mktemp -d "${TMPDIR:-/tmp}/attio-pg.XXXXXX")
  mkdir -p "$dir/sock"
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 20)
  printf '%s\n' "$password" >"$dir/pwfile"
  [ "$(id -u)" -eq 0 ] && chown -R attio-pg "$dir"
  chmod 700 "$dir"
  as_owner "$bin/initdb" -D "$dir/data" -U "$user" --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --no-locale >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; fail "initdb failed (log above)"; }
  rm -f "$dir/pwfile"
  echo "CREATE DATABASE $database;" | as_owner "$bin/postgres" --single -D "$dir/data" postgres >"$dir/createdb.log" 2>&1 \
    || { cat "$dir/createdb.log" >&2; fail "creating database $database failed (log above)"; }
  port=$(free_port)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-p $port -k $dir/sock -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off -c max_connections=200" start >&2 \
    || { cat "$dir/server.log" >&2; fail "pg_ctl start failed (server log above)"; }
  mkdir -p "$(dirname "$state")"
  ATTIO_PG_DIR="$dir"
  ATTIO_PG_BIN="$bin"
  ATTIO_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Database=$database;Username=$user;Password=$password"
  {
    echo "ATTIO_PG_DIR='$ATTIO_PG_DIR'"
    echo "ATTIO_PG_BIN='$ATTIO_PG_BIN'"
    echo "ATTIO_TEST_POSTGRES='$ATTIO_TEST_POSTGRES'"
  } >"$state"
  chmod 600 "$state"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') running on 127.0.0.1:$port (data in $dir)"
  print_env
}

stop() {
  if [ ! -f "$state" ]; then
    log "not running (no $state)"
    return 0
  fi
  # shellcheck disable=SC1090
  . "$state"
  if [ -n "${ATTIO_PG_DIR:-}" ] && [ -d "$ATTIO_PG_DIR/data" ]; then
    as_owner "$ATTIO_PG_BIN/pg_ctl" -D "$ATTIO_PG_DIR/data" -m immediate -w stop >&2 || log "pg_ctl stop failed; removing the folder anyway"
  fi
  [ -n "${ATTIO_PG_DIR:-}" ] && rm -rf "$ATTIO_PG_DIR"
  rm -f "$state"
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) running || fail "not running (start it with: bash build/postgres.sh start)"; print_env ;;
  *) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 3 ;;
esac
