#!/usr/bin/env bash
# Time from process start to the first presented frame, under a virtual display.
#
#   bench/startup_bench.sh [RUNS] [path/to/desa-kiosk] [path/to/desa_first_frame_floor]
#                          [path/to/desa_catalog_generate]
#
# Runs `desa-kiosk --windowed --size 1280x800 --exit-after-first-frame` RUNS times (default 15)
# under xvfb-run and collects the "first-frame-ms N" it prints (measured inside the process from
# the kernel's start time, so xvfb-run's own overhead is not counted):
#   first-boot   a fresh --data-dir each run (creates and migrates the database)
#   restart      one --data-dir reused (the database already exists: an ordinary reboot)
#   restart-100k the same with a catalogue of CATALOG_RECORDS (default 100000) generated titles,
#                imported once with `desa-kiosk catalog import` (CATALOG_RECORDS=0 leaves it out)
#   floor        desa_first_frame_floor: the same window and renderer with one cleared frame and
#                nothing else, i.e. what SDL + X11 + GL cost before the kiosk does any work.
# Also the CPU time each run used (user+sys, all threads; the process runs to exit, so this includes
# tear-down). Prints one "startup ..." line per set for run_all.sh, then a table. Bar: median < 500 ms.
# The wall figure depends on how busy the cores are: run it on an otherwise idle machine.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-15}
kiosk=${2:-$root/build/kiosk/desa-kiosk}
floor=${3:-$root/build/bench/desa_first_frame_floor}
generate=${4:-$(dirname "$floor")/desa_catalog_generate}
catalog_records=${CATALOG_RECORDS:-100000}
export DESA_ASSETS_DIR=${DESA_ASSETS_DIR:-$root/assets}
export SDL_AUDIODRIVER=dummy
per_run_timeout_s=30

[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number" >&2; exit 2; }
[[ -x $kiosk ]] || { echo "no kiosk binary at $kiosk (build first)" >&2; exit 2; }
[[ -x $floor ]] || { echo "no floor binary at $floor (build first)" >&2; exit 2; }
[[ $catalog_records =~ ^[0-9]+$ ]] || { echo "CATALOG_RECORDS must be a number" >&2; exit 2; }
((catalog_records == 0)) || [[ -x $generate ]] ||
    { echo "no catalogue generator at $generate (build desa_catalog_generate, or CATALOG_RECORDS=0)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run not installed (apt-get install -y xvfb)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/desa-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

# one_run OUTFILE COMMAND...: appends "first-frame-ms cpu-ms" to OUTFILE. The command runs under
# `bash -c '...; times'` so the CPU time (user+sys, all threads) of that one process is reported too:
# unlike the wall figure, it hardly changes when other processes compete for the cores.
one_run() {
    local out=$1 text first cpu
    shift
    # timeout: a hung X server or kiosk must not hang the benchmark.
    if ! text=$(timeout -k 5 "$per_run_timeout_s" xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" \
        bash -c '"$@" || exit; times' run "$@" 2>>"$work/stderr.log"); then
        echo "run failed: $*" >&2
        tail -n 20 "$work/stderr.log" >&2
        return 1
    fi
    first=$(sed -n 's/^first-frame-ms //p' <<<"$text")
    # `times` prints the shell's own times, then its children's: "0m0.165s 0m0.059s".
    cpu=$(tail -n 1 <<<"$text" | awk '{
        t = 0
        for (i = 1; i <= 2; i++) { split($i, p, "m"); sub("s", "", p[2]); t += p[1] * 60 + p[2] }
        printf "%.0f", t * 1000 }')
    [[ -n $first && -n $cpu ]] || { echo "no first-frame-ms from: $*" >&2; return 1; }
    echo "$first $cpu" >>"$out"
}

# summary NAME FILE: median, min, max of the first column (wall ms) and the median of the second (CPU ms).
summary() {
    local cpu_median
    cpu_median=$(awk '{print $2}' "$2" | sort -g | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }')
    awk '{print $1}' "$2" | sort -g | awk -v n="$1" -v cpu="$cpu_median" '
        { v[NR] = $1 }
        END {
            med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "startup %s median_ms %.1f min_ms %.1f max_ms %.1f cpu_median_ms %.0f runs %d\n", n, med, v[1], v[NR], cpu, NR
        }'
}

echo "start-up: $runs runs each; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# One untimed run first: page cache and Mesa's shader cache warm, as on a kiosk that has booted before.
one_run "$work/discard" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame --data-dir "$(mktemp -d "$work/d.XXXXXX")"

reuse=$(mktemp -d "$work/reuse.XXXXXX")
sets="first-boot restart"
if ((catalog_records > 0)); then
    # A village library's whole catalogue in kiosk.db: the start-up must not read all of it.
    big=$(mktemp -d "$work/big.XXXXXX")
    "$generate" --records "$catalog_records" --out "$work/catalog.csv" >&2
    "$kiosk" --config "$DESA_ASSETS_DIR/demo/kiosk.toml" --data-dir "$big" catalog import "$work/catalog.csv" \
        >"$work/import.log" 2>&1 || { echo "catalogue import failed:" >&2; tail -n 20 "$work/import.log" >&2; exit 1; }
    rm -f "$work/catalog.csv"
    echo "catalogue: $catalog_records records, kiosk.db $(du -m "$big/kiosk.db" | cut -f1) MB" >&2
    one_run "$work/discard" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame --data-dir "$big"
    sets="$sets restart-100k"
fi
for ((i = 0; i < runs; i++)); do
    one_run "$work/first-boot" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame \
        --data-dir "$(mktemp -d "$work/d.XXXXXX")"
    one_run "$work/restart" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame --data-dir "$reuse"
    ((catalog_records == 0)) ||
        one_run "$work/restart-100k" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame --data-dir "$big"
    one_run "$work/floor" "$floor" --size 1280x800
done

{
    for set in $sets floor; do summary "$set" "$work/$set"; done
} | tee "$work/results"

echo
awk '
    { med[$2] = $4; lo[$2] = $6; hi[$2] = $8; cpu[$2] = $10 }
    END {
        printf "%-12s %10s %8s %8s %12s\n", "run", "median_ms", "min_ms", "max_ms", "cpu_med_ms"
        n = split("first-boot restart restart-100k floor", s, " ")
        for (i = 1; i <= n; i++) if (s[i] in med) printf "%-12s %10.1f %8.1f %8.1f %12.0f\n", s[i], med[s[i]], lo[s[i]], hi[s[i]], cpu[s[i]]
        printf "kiosk (first boot) / bare window: %.1fx; the kiosk'\''s own start-up work: ~%.0f ms\n",
               med["first-boot"] / med["floor"], med["first-boot"] - med["floor"]
        printf "bar: median < 500 ms: %s\n", med["first-boot"] < 500 ? "met" : "MISSED"
        if ("restart-100k" in med)
            printf "bar with the 100k catalogue: median < 500 ms: %s\n", med["restart-100k"] < 500 ? "met" : "MISSED"
    }' "$work/results"
