#!/usr/bin/env bash
# Sync benchmark (docs/benchmarks.md, "Sync"): a real desa-hub on 127.0.0.1 (random port) and the
# kiosk's own sync code (shared/sync), run by build/bench/desa_sync_bench:
#   wire      bytes of an unchanged poll vs re-downloading everything, re-sent bytes after a cut
#             download (tests/e2e/fault_proxy.py) vs restarting from zero, a 1 % union catalogue
#             change as a delta vs a new snapshot; then the SLOT for the hub's own catalogue deltas
#             (`desa-hub content publish catalog FILE`, helper "catalog-channel"): measured when that
#             command makes delta-*.csv files, else reported as PENDING;
#   load      hub throughput for signed polls, heartbeats and 50-record batches with 8/32/64 kiosks;
#   national  enrolment of the first 10,000 desa of wilayah-indonesia.csv as kiosks, or of all
#             83,762 with --national-full (adds ~10 minutes per database on 2 cores).
# wire on SQLite only (bytes do not depend on the database); load and national on SQLite and on a
# throw-away PostgreSQL cluster (scripts/pg-test-cluster.sh, set to fsync=on like production).
#
#   bench/sync/run.sh [--quick] [--no-pg] [--national-full] [BUILD_DIR]   (default BUILD_DIR: build)
#
# Default: ~6 minutes on 2 cores. --quick: ~2 minutes (20k-holding catalogue, 8/32 kiosks for
# 2 s, 3,000 desa). Results go to docs/benchmarks.md by hand.
set -euo pipefail

quick=()
national=()
pg=1
build=""
for arg in "$@"; do
    case $arg in
        --quick) quick=(--quick) ;;
        --no-pg) pg=0 ;;
        --national-full) national=(--national-full) ;;
        -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
        *) build=$arg ;;
    esac
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${build:-$root/build}
data=${WILAYAH_DIR:-$root/../shared/data}

work=$(mktemp -d "${TMPDIR:-/tmp}/desa-sync-bench.XXXXXX")
chmod 755 "$work"  # the postgres user must reach the cluster's directory inside it
pg_dir="$work/pg"
cleanup() {
    if [[ -d $pg_dir ]]; then "$root/scripts/pg-test-cluster.sh" stop "$pg_dir" || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -DDESA_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$work/configure.log" 2>&1 ||
        { cat "$work/configure.log" >&2; exit 1; }
fi
cmake --build "$build" -j"$(nproc)" --target desa-hub desa_sync_bench >"$work/build.log" 2>&1 ||
    { tail -n 40 "$work/build.log" >&2; exit 1; }

bench=("$build/bench/desa_sync_bench" --hub "$build/hub/desa-hub" --regions "$data/wilayah-lampung.csv"
       --wilayah "$data/wilayah-indonesia.csv" --proxy "$root/tests/e2e/fault_proxy.py" "${quick[@]}" "${national[@]}")

echo "== machine"
echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "CPUs: $(nproc), $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "RAM: $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "OS: $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release), kernel $(uname -r)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
start=$SECONDS

echo
echo "== SQLite (wire, load, national)"
"${bench[@]}" --work "$work/sqlite" --only wire,load,national

if [[ $pg == 1 ]]; then
    echo
    echo "== PostgreSQL (load, national)"
    if url=$("$root/scripts/pg-test-cluster.sh" start "$pg_dir" 2>"$work/pg-start.log"); then
        # The test cluster runs with fsync=off (given on its command line, so ALTER SYSTEM cannot
        # change it); a province's hub would not: restart it with the same options and fsync=on.
        bindir=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
        opts=$(sed -e 's/^[^ ]* "-D" "[^"]*" //' -e 's/"//g' -e 's/fsync=off/fsync=on/' "$pg_dir/data/postmaster.opts")
        as_owner=()
        [[ $(id -u) == 0 ]] && as_owner=(runuser -u postgres --)
        "${as_owner[@]}" "$bindir/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -m fast restart -o "$opts" >/dev/null
        echo "PostgreSQL $(psql -tA "$url" -c 'SHOW server_version'), fsync=$(psql -tA "$url" -c 'SHOW fsync'), synchronous_commit=$(psql -tA "$url" -c 'SHOW synchronous_commit')"
        "${bench[@]}" --work "$work/postgresql" --pg "$url" --only load,national
    else
        echo "PostgreSQL not available: $(cat "$work/pg-start.log")"
    fi
fi

echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); total $((SECONDS - start)) s"
