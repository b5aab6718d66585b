#!/usr/bin/env bash
# Stops the server .ci/start-postgres.sh started.
port="${1:-55432}"
dir="${OPENSCIS_PG_DIR:-/tmp/openscis-pg-$port}"
for d in /usr/lib/postgresql/*/bin; do [ -x "$d/pg_ctl" ] && bindir="$d"; done
run_as=(); [ "$(id -u)" = 0 ] && run_as=(runuser -u postgres --)
[ -f "$dir/postmaster.pid" ] && "${run_as[@]}" "$bindir/pg_ctl" -D "$dir" stop -m fast >/dev/null
exit 0
