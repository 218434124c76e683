#!/usr/bin/env bash
# A throw-away PostgreSQL cluster for the hub tests (Debian's postgresql-15 binaries, no system
# service touched): `start DIR` creates and starts it in DIR and prints its URL (use that as
# DESA_TEST_PG_URL); `stop DIR` stops it and removes DIR. As root the server runs as the
# `postgres` user (PostgreSQL refuses to run as root); otherwise as the calling user.
set -euo pipefail

bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$bindir" ] && [ -x "$bindir/initdb" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; exit 1; }

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

cmd=${1:-}
dir=${2:-}
[ -n "$dir" ] || { echo "usage: $0 start|stop DIR" >&2; exit 2; }

case "$cmd" in
  start)
    mkdir -p "$dir"
    if [ "$(id -u)" -eq 0 ]; then
      chown postgres:postgres "$dir"
      runuser -u postgres -- test -x "$dir" \
        || { echo "the postgres user cannot reach $dir: make its parent directories searchable (chmod 755)" >&2; exit 1; }
    fi
    as_owner "$bindir/initdb" -D "$dir/data" -U desa -A trust --no-sync -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
      || { cat "$dir/initdb.log" >&2; exit 1; }
    # A free port: nothing answers on it (a race with another starter only makes pg_ctl fail, and
    # we then try the next one).
    for port in $(seq 55432 55532); do
      (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && continue
      if as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
           -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
        echo "postgresql://desa@127.0.0.1:$port/postgres"
        exit 0
      fi
    done
    echo "could not start PostgreSQL; see $dir/server.log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null || true
    fi
    rm -rf "$dir"
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2; exit 2 ;;
esac
