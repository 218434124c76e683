#!/usr/bin/env bash
# CPU used by an idle kiosk, next to the naive 60 fps redraw loop (--redraw-always), under Xvfb.
#
#   bench/idle_cpu.sh [path/to/desa-kiosk]        (default: build/kiosk/desa-kiosk)
#
# Four runs, each in its own Xvfb server (started here, so the figure is the kiosk process's own,
# not xvfb-run's):
#   home     default demo config; starts on the home screen, attract only after 120 s:
#            wait 3 s for start-up, then sample 30 s.
#   attract  a copy of the demo config with [idle] reset/attract after 15 s: wait 18 s for the
#            switch to the attract screen (running text at 20 fps), then sample 30 s.
# each once as the kiosk runs and once with --redraw-always.
# CPU % = (utime+stime from /proc/PID/stat, all threads) / wall time, as % of one core.
# Also: Xvfb's own CPU over the same window, and the kiosk's peak RSS (VmHWM).
#
# Environment: SAMPLE_S (30), STARTUP_S (3), ATTRACT_WAIT_S (18) to change the windows.
# Prints one "idle-cpu ..." line per run for run_all.sh, then a table.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/.." && pwd)
kiosk=${1:-$root/build/kiosk/desa-kiosk}
assets=${DESA_ASSETS_DIR:-$root/assets}
sample_s=${SAMPLE_S:-30}
startup_s=${STARTUP_S:-3}
attract_wait_s=${ATTRACT_WAIT_S:-18}

[[ -x $kiosk ]] || { echo "no kiosk binary at $kiosk (build first)" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "Xvfb not installed (apt-get install -y xvfb)" >&2; exit 2; }
export DESA_ASSETS_DIR=$assets
export SDL_AUDIODRIVER=dummy

work=$(mktemp -d "${TMPDIR:-/tmp}/desa-idle-cpu.XXXXXX")
xvfb_pid=""
kiosk_pid=""

stop_pid() {  # stop_pid PID: TERM, then KILL after 3 s (a locked-down kiosk ignores SIGTERM)
    local pid=$1 i
    [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 30; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    stop_pid "$kiosk_pid"
    stop_pid "$xvfb_pid"
    kiosk_pid=""
    xvfb_pid=""
}
trap 'cleanup; rm -rf "$work"' EXIT
trap 'exit 130' INT TERM

clk_tck=$(getconf CLK_TCK)

# sleep in the background and wait for it: bash runs the INT/TERM trap during `wait`, not during
# a foreground `sleep`, so Ctrl-C cleans up at once.
pause() {
    sleep "$1" &
    wait $! || true
}

# utime+stime of a process in clock ticks (fields 14 and 15, counted after the ")" of the name).
cpu_ticks() {
    local stat
    stat=$(<"/proc/$1/stat")
    stat=${stat##*) }
    # shellcheck disable=SC2086
    set -- $stat
    echo $((${12} + ${13}))
}
now_s() { date +%s.%N; }

# A display number nobody uses (xvfb-run -a counts down from 99; start well above it).
free_display() {
    local n
    for ((n = 140; n < 240; n++)); do
        [[ -e /tmp/.X$n-lock || -e /tmp/.X11-unix/X$n ]] || { echo "$n"; return 0; }
    done
    echo "no free X display number" >&2
    return 1
}

start_xvfb() {
    local n i
    n=$(free_display)
    Xvfb ":$n" -screen 0 1280x800x24 -nolisten tcp >"$work/xvfb-$n.log" 2>&1 &
    xvfb_pid=$!
    for ((i = 0; i < 100; i++)); do  # up to 10 s for the socket
        [[ -S /tmp/.X11-unix/X$n ]] && break
        kill -0 "$xvfb_pid" 2>/dev/null || { echo "Xvfb :$n died:" >&2; cat "$work/xvfb-$n.log" >&2; return 1; }
        sleep 0.1
    done
    [[ -S /tmp/.X11-unix/X$n ]] || { echo "Xvfb :$n did not come up" >&2; return 1; }
    export DISPLAY=":$n"
}

# measure NAME CONFIG WAIT_S [extra kiosk args...]
measure() {
    local name=$1 config=$2 wait_s=$3
    shift 3
    local data t0 t1 k0 k1 x0 x1 hwm rss_anon rss_file
    data=$(mktemp -d "$work/data.XXXXXX")
    start_xvfb
    "$kiosk" --windowed --size 1280x800 --data-dir "$data" --config "$config" "$@" \
        >"$work/$name.out" 2>"$work/$name.err" &
    kiosk_pid=$!
    pause "$wait_s"
    if ! kill -0 "$kiosk_pid" 2>/dev/null; then
        echo "kiosk exited during start-up ($name):" >&2
        cat "$work/$name.err" >&2
        return 1
    fi
    t0=$(now_s); k0=$(cpu_ticks "$kiosk_pid"); x0=$(cpu_ticks "$xvfb_pid")
    pause "$sample_s"
    t1=$(now_s); k1=$(cpu_ticks "$kiosk_pid"); x1=$(cpu_ticks "$xvfb_pid")
    hwm=$(awk '/^VmHWM:/ {print $2}' "/proc/$kiosk_pid/status")
    rss_anon=$(awk '/^RssAnon:/ {print $2}' "/proc/$kiosk_pid/status")
    rss_file=$(awk '/^RssFile:/ {print $2}' "/proc/$kiosk_pid/status")
    cleanup
    awk -v n="$name" -v k=$((k1 - k0)) -v x=$((x1 - x0)) -v t0="$t0" -v t1="$t1" -v hz="$clk_tck" \
        -v hwm="$hwm" -v anon="$rss_anon" -v file="$rss_file" 'BEGIN {
            wall = t1 - t0
            printf "idle-cpu %s kiosk_pct %.2f xvfb_pct %.2f wall_s %.1f peak_rss_mb %.1f rss_anon_mb %.1f rss_file_mb %.1f\n",
                n, 100 * k / hz / wall, 100 * x / hz / wall, wall, hwm / 1024, anon / 1024, file / 1024
        }' | tee -a "$work/results"
}

# The demo config with the attract screen after 15 s (the smallest values the validator accepts).
attract_config=$work/kiosk-attract.toml
sed -e 's/^reset_after_s *=.*/reset_after_s = 15/' \
    -e 's/^warn_before_s *=.*/warn_before_s = 0/' \
    -e 's/^attract_after_s *=.*/attract_after_s = 15/' \
    "$assets/demo/kiosk.toml" >"$attract_config"
grep -q '^attract_after_s = 15$' "$attract_config" || { echo "could not rewrite [idle] in the demo config" >&2; exit 1; }
mkdir "$work/check"
"$kiosk" --config "$attract_config" --data-dir "$work/check" check-config >/dev/null 2>"$work/check.err" ||
    { cat "$work/check.err" >&2; exit 1; }

echo "idle CPU: ${sample_s} s windows; $(nproc) CPUs; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
demo=$assets/demo/kiosk.toml
measure home "$demo" "$startup_s"
measure home-redraw-always "$demo" "$startup_s" --redraw-always
measure attract "$attract_config" "$attract_wait_s"
measure attract-redraw-always "$attract_config" "$attract_wait_s" --redraw-always

echo
awk '
    { cpu[$2] = $4; xvfb[$2] = $6; hwm[$2] = $10 }
    function ratio(naive, kiosk) {
        if (kiosk > 0) return sprintf("%.1fx", naive / kiosk)
        return naive > 0 ? "inf (kiosk used 0 ticks)" : "-"
    }
    END {
        printf "%-10s %12s %14s %12s %14s %9s\n", "situation", "kiosk_cpu%", "redraw_cpu%", "xvfb_cpu%", "xvfb_redraw%", "naive/kiosk"
        split("home attract", s, " ")
        for (i = 1; i <= 2; i++) {
            n = s[i]
            printf "%-10s %12.2f %14.2f %12.2f %14.2f %9s\n", n, cpu[n], cpu[n "-redraw-always"], xvfb[n],
                   xvfb[n "-redraw-always"], ratio(cpu[n "-redraw-always"], cpu[n])
        }
        max = 0
        for (k in hwm) if (hwm[k] > max) max = hwm[k]
        printf "peak RSS (VmHWM) of the kiosk, worst run: %.1f MB (bar: < 150 MB)\n", max
    }' "$work/results"
