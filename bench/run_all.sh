#!/usr/bin/env bash
# Builds what the benchmarks need (if needed) and runs all three, then prints a summary.
#
#   bench/run_all.sh [BUILD_DIR]        (default: build)
#
# Takes about 5 minutes: start-up (4 x 15 runs under xvfb-run, one 100k-title import), frame time (headless, ~1 min),
# idle CPU (4 x ~35-50 s under Xvfb); then sync (bench/sync/run.sh: ~10 more minutes, ~2 with
# SYNC_QUICK=1; SYNC=0 leaves it out). Needs xvfb (apt-get install -y xvfb). Results go to
# docs/benchmarks.md by hand. Set STARTUP_RUNS, FRAMES, SAMPLE_S to change the sizes.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
build=${1:-$root/build}
export DESA_ASSETS_DIR=${DESA_ASSETS_DIR:-$root/assets}

log=$(mktemp -d "${TMPDIR:-/tmp}/desa-bench.XXXXXX")
trap 'rm -rf "$log"' EXIT

if [[ ! -f $build/CMakeCache.txt ]]; then
    cmake -S "$root" -B "$build" -DDESA_WERROR=ON >"$log/configure.log" 2>&1 ||
        { cat "$log/configure.log" >&2; exit 1; }
fi
cmake --build "$build" -j"$(nproc)" --target desa-kiosk desa_frame_bench desa_first_frame_floor desa_catalog_generate \
    >"$log/build.log" 2>&1 || { tail -n 40 "$log/build.log" >&2; exit 1; }

echo "== machine"
echo "date (UTC): $(date -u '+%Y-%m-%d %H:%M:%S')"
echo "CPUs: $(nproc), $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "RAM: $(awk '/^MemTotal:/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
echo "OS: $(sed -n 's/^PRETTY_NAME="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' /etc/os-release), kernel $(uname -r)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== 1. start-up to first presented frame (xvfb-run, 1280x800)"
"$here/startup_bench.sh" "${STARTUP_RUNS:-15}" "$build/kiosk/desa-kiosk" "$build/bench/desa_first_frame_floor" \
    "$build/bench/desa_catalog_generate" |
    tee "$log/startup"

echo
echo "== 2. frame time, headless 1280x800"
"$build/bench/desa_frame_bench" --frames "${FRAMES:-300}" | tee "$log/frames"

echo
echo "== 3. idle CPU under Xvfb"
"$here/idle_cpu.sh" "$build/kiosk/desa-kiosk" | tee "$log/idle"

if [[ ${SYNC:-1} != 0 ]]; then
    echo
    echo "== 4. sync: bytes on the wire, resumption, hub throughput, national enrolment (bench/sync/run.sh)"
    sync_args=()
    [[ ${SYNC_QUICK:-0} != 0 ]] && sync_args+=(--quick)
    "$here/sync/run.sh" "${sync_args[@]}" "$build" | tee "$log/sync"
fi

echo
echo "== summary"
cat "$log/startup" "$log/frames" "$log/idle" | awk '
    $1 == "startup" { start[$2] = $4; lo[$2] = $6; hi[$2] = $8; scpu[$2] = $10 }
    $1 == "frame-ms" { fmed[$2] = $4; fp95[$2] = $6; fmax[$2] = $8; fcpu[$2] = $10; order[++nf] = $2 }
    $1 == "idle-frames" { frames[$2] = $4; naive[$2] = $8 }
    $1 == "idle-cpu" { cpu[$2] = $4; if ($10 > hwm) hwm = $10 }
    END {
        printf "start-up, first boot: median %.0f ms (min %.0f, max %.0f, CPU %.0f ms); restart %.0f ms; bare window %.0f ms  [bar < 500 ms: %s]\n",
            start["first-boot"], lo["first-boot"], hi["first-boot"], scpu["first-boot"], start["restart"], start["floor"],
            start["first-boot"] < 500 ? "met" : "MISSED"
        if ("restart-100k" in start)
            printf "start-up with a 100k catalogue: median %.0f ms (min %.0f, max %.0f, CPU %.0f ms)  [bar < 500 ms: %s]\n",
                start["restart-100k"], lo["restart-100k"], hi["restart-100k"], scpu["restart-100k"],
                start["restart-100k"] < 500 ? "met" : "MISSED"
        for (i = 1; i <= nf; i++)
            printf "frame %-17s median %6.2f ms  p95 %6.2f  max %6.2f  (cpu %6.2f)\n", order[i], fmed[order[i]],
                fp95[order[i]], fmax[order[i]], fcpu[order[i]]
        printf "idle frames in 30 s (manual clock): home %d, attract %d; naive loop %d\n", frames["home"],
            frames["attract"], naive["home"]
        printf "idle CPU, home:    %6.2f %% of a core; --redraw-always %6.2f %%\n", cpu["home"], cpu["home-redraw-always"]
        printf "idle CPU, attract: %6.2f %% of a core; --redraw-always %6.2f %%", cpu["attract"], cpu["attract-redraw-always"]
        if (cpu["attract"] > 0) printf "  (naive/kiosk %.1fx)", cpu["attract-redraw-always"] / cpu["attract"]
        printf "\npeak RSS: %.1f MB  [bar < 150 MB: %s]\n", hwm, hwm < 150 ? "met" : "MISSED"
    }'
[[ -f $log/sync ]] && grep -E '^(wire\.(unchanged_poll|unchanged_ratio|resume_ratio|catalog_ratio|catalog_hub_delta)|load\.[a-z]+\.(poll|heartbeat|batch50)\.k32|national\.[a-z]+\.enrol):' "$log/sync" || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
