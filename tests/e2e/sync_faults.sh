#!/bin/sh
# Sync converges through a hostile network: the real desa-kiosk talks to the real desa-hub through
# tests/e2e/fault_proxy.py, which drops requests, cuts answers mid-body, truncates them, answers
# 500/503 with Retry-After, stalls, and serves a captive portal's 200 HTML page. Each broken
# attempt exits non-zero with a one-line reason and marks nothing; repeated `sync --once` runs
# converge: the hub holds exactly one copy of every record, status updates apply once, the slides
# arrive whole with at most one chunk re-sent per interruption, and sync/tmp ends empty.
# usage: sync_faults.sh DESA_HUB DESA_KIOSK
set -u
hub=$1; kiosk=$2
work=$(mktemp -d)
. "$(dirname "$0")/sync_common.sh"
proxy_pid=""
trap 'stop_hub; [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null; rm -rf "$work"' EXIT
export DESA_ASSETS_DIR="${DESA_ASSETS_DIR:-}" SDL_VIDEODRIVER=dummy

"$hub" keys init --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || { echo "FAIL: keys init"; exit 1; }
start_hub "$work/hub"
kd="$work/kiosk"
kiosk_config
kk() { k "$kd" "$@"; }
new_code
kk enroll "$hub_url" "$code" > /dev/null || { echo "FAIL: enrolment: $(tail -1 "$work/kiosk.log")"; exit 1; }

python3 "$(dirname "$0")/fault_proxy.py" --upstream "127.0.0.1:$hub_port" --plan "$work/plan" \
  --log "$work/proxy.log" --stall-seconds 45 > "$work/proxy.out" 2>&1 &
proxy_pid=$!
i=0; proxy_port=""
while [ $i -lt 100 ] && [ -z "$proxy_port" ]; do
  proxy_port=$(sed -n 's/^listening on 127\.0\.0\.1:\([0-9]*\)$/\1/p' "$work/proxy.out" 2>/dev/null); sleep 0.1; i=$((i + 1))
done
[ -n "$proxy_port" ] || { echo "FAIL: the fault proxy did not start"; exit 1; }
proxy="http://127.0.0.1:$proxy_port"

n=1
while [ $n -le 12 ]; do
  submission "$work/s$n.json" "Laporan warga nomor $n tentang jalan"
  kk aspirations submit --json "$work/s$n.json" > /dev/null || fail "submission $n refused"
  n=$((n + 1))
done
mkdir -p "$work/slides"
head -c 700000 /dev/urandom > "$work/slides/01.png"   # 3 chunks of 256 KiB
head -c 300000 /dev/urandom > "$work/slides/02.png"   # 2 chunks
"$hub" content publish slides "$work/slides" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || fail "publish"

cat > "$work/plan" <<'PLAN'
reset_request /v1/outbox
drop_mid_body /v1/outbox
truncate /v1/outbox
portal /v1/outbox
503 /v1/aspirations
500 /v1/channels/slides
portal /v1/channels/slides
drop_mid_body /v1/files
pass /v1/files
truncate /v1/files
reset_request /v1/files
portal /v1/files
stall /v1/files
PLAN
interruptions=3  # file answers that carried part of a chunk and failed: drop_mid_body, truncate, stall

# converge LABEL MAX: sync --once through the proxy until it succeeds.
converge() {
  attempts=0; ok=0
  while [ $attempts -lt "$2" ]; do
    attempts=$((attempts + 1))
    if kk sync --once --hub "$proxy" > /dev/null; then ok=1; break; fi
    reason=$(tail -1 "$work/kiosk.log")
    lines=$(printf '%s\n' "$reason" | wc -l)
    [ "$lines" -eq 1 ] || fail "$1: the failure is not one line"
    echo "  attempt $attempts: $reason"
  done
  [ $ok -eq 1 ] || fail "$1: no success after $attempts attempts"
  echo "ok: $1 converged after $attempts attempt(s)"
}

start=$(date +%s)
converge "outbox, status feed and slides" 20
echo "   ($(( $(date +%s) - start )) s, one stall included)"
[ -z "$(cat "$work/plan")" ] || fail "faults left unused (the kiosk did not make the expected requests): $(cat "$work/plan")"

list=$("$hub" aspirations list --data-dir "$work/hub" --json 2>>"$work/hub.log")
total=$(json_get "$list" 'len(d)')
distinct=$(json_get "$list" 'len(set(a["tracking_code"] for a in d))')
[ "$total" = "12" ] && [ "$distinct" = "12" ] || fail "the hub holds $total record(s), $distinct distinct, expected 12"
status=$(kk status --json)
[ "$(json_get "$status" 'd["pending_outbox"]')" = "0" ] || fail "records still pending: $status"
[ "$(json_get "$status" 'd["last_error"]')" = "None" ] || [ "$(json_get "$status" 'd["last_error"] is None')" = "true" ] \
  || fail "an error is still shown after success: $status"
for f in 01.png 02.png; do cmp -s "$work/slides/$f" "$kd/content/slides/1/$f" || fail "slides/$f differs"; done
[ -z "$(ls -A "$kd/sync/tmp")" ] || fail "sync/tmp not empty: $(ls -la "$kd/sync/tmp")"

# Bytes of file bodies the proxy passed on, against the 1,000,000 bytes of the two files.
file_bytes=$(awk '$3 ~ /^\/v1\/files\// { s += $5 } END { print s + 0 }' "$work/proxy.log")
file_requests=$(awk '$3 ~ /^\/v1\/files\// { n++ } END { print n + 0 }' "$work/proxy.log")
extra=$((file_bytes - 1000000))
limit=$((interruptions * 262144 + file_requests * 400))
echo "ok: files: $file_requests requests, $file_bytes bytes to the kiosk for 1000000 (re-sent and headers: $extra, limit $limit)"
[ $extra -le $limit ] || fail "too many bytes re-sent: $extra > $limit"

# Down again through faults: a status change arrives exactly once.
track=$(json_get "$list" 'd[0]["tracking_code"]')
"$hub" aspirations set-status --data-dir "$work/hub" "$track" verified > /dev/null 2>>"$work/hub.log" || fail "set-status"
printf 'drop_mid_body /v1/aspirations\ntruncate /v1/aspirations\nportal /v1/aspirations\n' > "$work/plan"
converge "status update" 6
kl=$(kk aspirations list --json)
steps=$(printf '%s' "$kl" | python3 -c '
import json, sys
code = sys.argv[1].replace("-", "")
for a in json.load(sys.stdin):
    if a["tracking_code"].replace("-", "") == code:
        print(",".join(s["status"] for s in a["timeline"]))' "$track")
[ "$steps" = "received,sent,verified" ] || fail "timeline of $track: $steps"

# Unchanged through the proxy: nothing re-downloaded, the manifest answered 304.
before=$(wc -l < "$work/proxy.log")
kk sync --once --hub "$proxy" > /dev/null || fail "unchanged sync failed"
tail -n +$((before + 1)) "$work/proxy.log" | grep -q '/v1/files/' && fail "an unchanged poll downloaded files"

if [ $failures -ne 0 ]; then
  echo "--- proxy log"; cat "$work/proxy.log"
  echo "--- kiosk log"; grep -v '\[info\]' "$work/kiosk.log" | tail -20
  echo "$failures failure(s)"; exit 1
fi
echo "sync through faults: all checks passed"
