#!/usr/bin/env bash
# Catalogue benchmark: generates a seeded synthetic catalogue (100k records; also 1M with --big),
# imports it into a fresh kiosk.db and times search() against a LIKE '%word%' scan.
#
#   bench/catalog/run.sh [--big] [BUILD_DIR]          (default BUILD_DIR: build)
#
# 100k: ~4 minutes (3 imports of ~6 s, 2,000 searches, then the LIKE baseline for up to
# LIKE_BUDGET_S = 240 s). --big adds 1M records: generation ~4 s, one import of a few minutes,
# 2,000 searches, LIKE for up to BIG_LIKE_BUDGET_S = 180 s. Every run is bounded by `timeout`.
# Needs ~0.3 GB free in $TMPDIR for 100k, ~2.5 GB more for 1M (the import's WAL is as large as the
# database until it is checkpointed). Results go to docs/benchmarks.md by hand.
set -euo pipefail

big=0
build=""
for arg in "$@"; do
    case $arg in
        --big) big=1 ;;
        -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
        *) build=$arg ;;
    esac
done

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
build=${build:-$root/build}
seed=${SEED:-20261128}
queries=${QUERIES:-2000}

work=$(mktemp -d "${TMPDIR:-/tmp}/desa-catalog-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -DDESA_WERROR=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >"$work/configure.log" 2>&1 ||
        { cat "$work/configure.log" >&2; exit 1; }
fi
cmake --build "$build" -j"$(nproc)" --target desa_catalog_generate desa_catalog_bench >"$work/build.log" 2>&1 ||
    { tail -n 40 "$work/build.log" >&2; exit 1; }
gen=$build/bench/desa_catalog_generate
bench=$build/bench/desa_catalog_bench

echo "== machine"
echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "CPUs: $(nproc), $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "RAM: $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "OS: $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release), kernel $(uname -r)"
echo "SQLite: $(sqlite3 --version 2>/dev/null | cut -d' ' -f1 || echo '?') (CLI; the kiosk links the system libsqlite3)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

run_size() {  # records, label, import runs, LIKE budget, timeout
    local n=$1 label=$2 runs=$3 budget=$4 limit=$5
    echo
    echo "== $label records"
    "$gen" --records "$n" --seed "$seed" --out "$work/catalog-$label.csv"
    timeout "$limit" "$bench" --csv "$work/catalog-$label.csv" --seed "$seed" --queries "$queries" \
        --import-runs "$runs" --like-budget-s "$budget" --max-search-s 600 --data-dir "$work/db-$label" |
        tee "$work/result-$label"
    rm -rf "$work/db-$label" "$work/catalog-$label.csv"
}

run_size 100000 100k 3 "${LIKE_BUDGET_S:-240}" 1200
if ((big)); then
    run_size 1000000 1M 1 "${BIG_LIKE_BUDGET_S:-180}" 2400
fi

echo
echo "== summary"
for label in 100k 1M; do
    f=$work/result-$label
    [[ -f $f ]] || continue
    echo "-- $label"
    grep -E '^import +median|^size +after close|^start-up|^memory +peak RSS [0-9]' "$f"
    awk '/^ALL QUERIES/ { all = 1; next } all && /^  search\(\) / { print "search() all queries   " $0 } all && /^  LIKE page \+ count/ { print "LIKE all queries       " $0 } all && /^  LIKE \/ search/ { print "ratio                  " $0; all = 0 }' "$f"
    sed -n '/^TARGETS/,$p' "$f"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
