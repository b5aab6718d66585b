#!/usr/bin/env bash
# Starts a throw-away PostgreSQL server on loopback for the PostgreSQL half of the storage tests and prints the
# JDBC URL to use (export OPENSCIS_TEST_PG_URL=...). Installs Debian's server if the machine lacks it.
# Usage: .ci/start-postgres.sh [port]   (stop with: .ci/stop-postgres.sh)
set -euo pipefail
port="${1:-55432}"
dir="${OPENSCIS_PG_DIR:-/tmp/openscis-pg-$port}"
bindir=""
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
if [ -z "$bindir" ]; then
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) >&2
  fi
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && bindir="$d"; done
fi
[ -n "$bindir" ] || { echo "no PostgreSQL server binaries found" >&2; exit 1; }
run_as=()
if [ "$(id -u)" = 0 ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  run_as=(runuser -u postgres --)
fi
if [ -f "$dir/postmaster.pid" ]; then
  "${run_as[@]}" "$bindir/pg_ctl" -D "$dir" stop -m fast >/dev/null 2>&1 || true
fi
rm -rf "$dir"; mkdir -p "$dir"
[ "$(id -u)" = 0 ] && chown postgres "$dir"
"${run_as[@]}" "$bindir/initdb" -D "$dir" -U openscis --auth=trust -E UTF8 >/dev/null
"${run_as[@]}" "$bindir/pg_ctl" -D "$dir" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" -l "$dir/server.log" -w start >/dev/null
"${run_as[@]}" "$bindir/createdb" -h 127.0.0.1 -p "$port" -U openscis openscis_test
echo "jdbc:postgresql://127.0.0.1:$port/openscis_test?user=openscis"
