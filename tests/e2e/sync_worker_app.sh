#!/bin/sh
# The sync worker inside the running kiosk (not `sync --once`): started with the app, its first
# cycle delivers what residents submitted before, the idle app does not spin while the worker waits
# for its next cycle, and SIGTERM ends the app (and the worker) at once with exit code 0. The real
# desa-hub on 127.0.0.1 and the real desa-kiosk on SDL's dummy video driver. The worker's schedule,
# back-off and recovery are timed in tests/hub/test_sync_worker_hub.cpp.
# usage: sync_worker_app.sh DESA_HUB DESA_KIOSK
set -u
hub=$1; kiosk=$2
. "$(dirname "$0")/sync_common.sh"
each_backend "$0" "$@"
work=$(mktemp -d)
kiosk_pid=""
stop_kiosk() {
  if [ -n "$kiosk_pid" ]; then kill -9 "$kiosk_pid" 2>/dev/null; wait "$kiosk_pid" 2>/dev/null; kiosk_pid=""; fi
}
trap 'stop_kiosk; stop_hub; drop_hub_db; rm -rf "$work"' EXIT
use_hub_db
export DESA_ASSETS_DIR="${DESA_ASSETS_DIR:-}" SDL_VIDEODRIVER=dummy

"$hub" keys init --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || { echo "FAIL: keys init"; exit 1; }
start_hub "$work/hub"
kiosk_config
printf '\n[sync]\ninterval_minutes = 30\n' >> "$work/kiosk.toml"
kd="$work/kiosk"
new_code
k "$kd" enroll "$hub_url" "$code" > /dev/null || fail "enrolment refused: $(tail -1 "$work/kiosk.log")"
submission "$work/a.json" "Lampu jalan padam di Dusun II"
tracking=$(json_get "$(k "$kd" aspirations submit --json "$work/a.json")" 'd["tracking_code"]')
[ -n "$tracking" ] || fail "submission refused: $(tail -1 "$work/kiosk.log")"

started=$(date +%s)
"$kiosk" --data-dir "$kd" --config "$work/kiosk.toml" --windowed --no-lockdown --size 800x600 \
  > /dev/null 2>>"$work/app.log" &
kiosk_pid=$!
i=0
while [ $i -lt 150 ] && [ "$(hub_count "$tracking")" != 1 ]; do sleep 0.2; i=$((i + 1)); done
[ "$(hub_count "$tracking")" = 1 ] || fail "the running app did not deliver the aspiration: $(tail -3 "$work/app.log")"
echo "delivered by the app's worker $(( $(date +%s) - started )) s after start"
contains "$(cat "$work/app.log")" "sync worker started" || fail "no worker start in the log"
status=$(k "$kd" status --json)
[ "$(json_get "$status" 'd["pending_outbox"]')" = 0 ] || fail "outbox not empty: $status"
[ "$(json_get "$status" 'd["last_error"]')" = null ] || fail "last error after a good cycle: $status"

# Idle with the worker waiting: CPU time over 3 s stays small (an event loop, not a redraw loop).
ticks() { awk '{print $14 + $15}' "/proc/$kiosk_pid/stat"; }
a=$(ticks); sleep 3; b=$(ticks)
echo "idle app: $((b - a)) CPU ticks in 3 s"
[ $((b - a)) -le 60 ] || fail "the idle app used $((b - a)) ticks in 3 s"

# SIGTERM: the loop ends, the worker is stopped and joined, exit code 0, quickly.
t0=$(date +%s%N)
kill -TERM "$kiosk_pid"
wait "$kiosk_pid"; rc=$?
kiosk_pid=""
ms=$(( ($(date +%s%N) - t0) / 1000000 ))
echo "stopped in $ms ms (exit $rc)"
[ $rc -eq 0 ] || fail "exit code $rc after SIGTERM"
[ $ms -lt 5000 ] || fail "took $ms ms to stop"
contains "$(cat "$work/app.log")" "stopped by a signal" || fail "no clean stop in the log"

[ $failures -eq 0 ] && echo "PASS" || { echo "$failures failure(s)"; cat "$work/app.log" | grep -v migration | tail -20; }
[ $failures -eq 0 ]
