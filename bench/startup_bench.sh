#!/usr/bin/env bash
# Time from process start to the first presented frame, under a virtual display.
#
#   bench/startup_bench.sh [RUNS] [path/to/desa-kiosk] [path/to/desa_first_frame_floor]
#
# Runs `desa-kiosk --windowed --size 1280x800 --exit-after-first-frame` RUNS times (default 15)
# under xvfb-run and collects the "first-frame-ms N" it prints (measured inside the process from
# the kernel's start time, so xvfb-run's own overhead is not counted):
#   first-boot   a fresh --data-dir each run (creates and migrates the database)
#   restart      one --data-dir reused (the database already exists: an ordinary reboot)
#   floor        desa_first_frame_floor: the same window and renderer with one cleared frame and
#                nothing else, i.e. what SDL + X11 + GL cost before the kiosk does any work.
# Prints one "startup ..." line per set for run_all.sh, then a table. Bar: median < 500 ms.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${1:-15}
kiosk=${2:-$root/build/kiosk/desa-kiosk}
floor=${3:-$root/build/bench/desa_first_frame_floor}
export DESA_ASSETS_DIR=${DESA_ASSETS_DIR:-$root/assets}
export SDL_AUDIODRIVER=dummy
per_run_timeout_s=30

[[ $runs =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number" >&2; exit 2; }
[[ -x $kiosk ]] || { echo "no kiosk binary at $kiosk (build first)" >&2; exit 2; }
[[ -x $floor ]] || { echo "no floor binary at $floor (build first)" >&2; exit 2; }
command -v xvfb-run >/dev/null || { echo "xvfb-run not installed (apt-get install -y xvfb)" >&2; exit 2; }

work=$(mktemp -d "${TMPDIR:-/tmp}/desa-startup.XXXXXX")
trap 'rm -rf "$work"' EXIT

# one_run OUTFILE COMMAND...: appends the printed first-frame-ms to OUTFILE.
one_run() {
    local out=$1 line
    shift
    # timeout: a hung X server or kiosk must not hang the benchmark.
    if ! line=$(timeout -k 5 "$per_run_timeout_s" xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" "$@" \
        2>>"$work/stderr.log" | grep '^first-frame-ms '); then
        echo "run failed: $*" >&2
        tail -n 20 "$work/stderr.log" >&2
        return 1
    fi
    echo "${line#first-frame-ms }" >>"$out"
}

# summary NAME FILE: median, min, max of the numbers in FILE.
summary() {
    sort -g "$2" | awk -v n="$1" '
        { v[NR] = $1 }
        END {
            med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "startup %s median_ms %.1f min_ms %.1f max_ms %.1f runs %d\n", n, med, v[1], v[NR], NR
        }'
}

echo "start-up: $runs runs each; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
# One untimed run first: page cache and Mesa's shader cache warm, as on a kiosk that has booted before.
one_run "$work/discard" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame --data-dir "$(mktemp -d "$work/d.XXXXXX")"

reuse=$(mktemp -d "$work/reuse.XXXXXX")
for ((i = 0; i < runs; i++)); do
    one_run "$work/first-boot" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame \
        --data-dir "$(mktemp -d "$work/d.XXXXXX")"
    one_run "$work/restart" "$kiosk" --windowed --size 1280x800 --exit-after-first-frame --data-dir "$reuse"
    one_run "$work/floor" "$floor" --size 1280x800
done

{
    summary first-boot "$work/first-boot"
    summary restart "$work/restart"
    summary floor "$work/floor"
} | tee "$work/results"

echo
awk '
    { med[$2] = $4; lo[$2] = $6; hi[$2] = $8 }
    END {
        printf "%-11s %10s %8s %8s\n", "run", "median_ms", "min_ms", "max_ms"
        split("first-boot restart floor", s, " ")
        for (i = 1; i <= 3; i++) printf "%-11s %10.1f %8.1f %8.1f\n", s[i], med[s[i]], lo[s[i]], hi[s[i]]
        printf "kiosk (first boot) / bare window: %.1fx; the kiosk'\''s own start-up work: ~%.0f ms\n",
               med["first-boot"] / med["floor"], med["first-boot"] - med["floor"]
        printf "bar: median < 500 ms: %s\n", med["first-boot"] < 500 ? "met" : "MISSED"
    }' "$work/results"
