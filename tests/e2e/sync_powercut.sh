#!/bin/sh
# Power cuts during sync: `desa-kiosk sync --once` is killed with SIGKILL at random moments (while
# batches go up, status comes down, slides download), new submissions arriving between rounds.
# After every kill kiosk.db passes PRAGMA integrity_check and everything the kiosk marked sent is
# at the hub; in the end sync converges with exactly one copy of every record at the hub, the
# slides whole and sync/tmp empty. Rounds: $DESA_SYNC_POWERCUT_ROUNDS (default 15; the long
# variant of the suite uses 50 or more).
# usage: sync_powercut.sh DESA_HUB DESA_KIOSK
set -u
hub=$1; kiosk=$2
work=$(mktemp -d)
. "$(dirname "$0")/sync_common.sh"
trap 'stop_hub; rm -rf "$work"' EXIT
export DESA_ASSETS_DIR="${DESA_ASSETS_DIR:-}" SDL_VIDEODRIVER=dummy
rounds=${DESA_SYNC_POWERCUT_ROUNDS:-15}
command -v sqlite3 > /dev/null || { echo "skip: sqlite3 not installed"; exit 0; }

"$hub" keys init --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || { echo "FAIL: keys init"; exit 1; }
start_hub "$work/hub"
kiosk_config
kd="$work/kiosk"
new_code
k "$kd" enroll "$hub_url" "$code" > /dev/null || { echo "FAIL: enrolment: $(tail -1 "$work/kiosk.log")"; exit 1; }

mkdir -p "$work/slides"
head -c 3000000 /dev/urandom > "$work/slides/01.png"  # 12 chunks: many moments to cut
"$hub" content publish slides "$work/slides" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || fail "publish"

# Tracking codes the kiosk has marked sent must all be at the hub (nothing acknowledged is lost).
check_sent_at_hub() {
  sent=$(sqlite3 "$kd/kiosk.db" "SELECT a.tracking_code FROM aspirations a JOIN outbox o ON o.uuid = a.outbox_uuid
                                 WHERE o.sent_at IS NOT NULL ORDER BY 1")
  at_hub=$("$hub" aspirations list --data-dir "$work/hub" --json 2>>"$work/hub.log" | python3 -c '
import json, sys
codes = [a["tracking_code"].replace("-", "") for a in json.load(sys.stdin)]
dups = sorted(c for c in set(codes) if codes.count(c) > 1)
if dups: print("DUPLICATE " + " ".join(dups))
print("\n".join(sorted(set(codes))))')
  contains "$at_hub" DUPLICATE && fail "round $1: the hub holds duplicates: $at_hub"
  for c in $sent; do
    printf '%s\n' "$at_hub" | grep -qx "$c" || fail "round $1: $c marked sent on the kiosk but not at the hub"
  done
}

n=0; killed=0
r=1
while [ $r -le "$rounds" ]; do
  # New submissions keep arriving; every fifth round the hub answers one and republishes slides.
  n=$((n + 1)); submission "$work/s.json" "Laporan warga $n tentang lampu jalan"
  k "$kd" aspirations submit --json "$work/s.json" > /dev/null || fail "submission $n refused"
  if [ $((r % 5)) -eq 0 ]; then
    code1=$(sqlite3 "$kd/kiosk.db" "SELECT a.tracking_code FROM aspirations a JOIN outbox o ON o.uuid = a.outbox_uuid
                                    WHERE o.sent_at IS NOT NULL LIMIT 1")
    [ -n "$code1" ] && "$hub" aspirations set-status --data-dir "$work/hub" "$code1" forwarded > /dev/null 2>>"$work/hub.log"
    head -c 1000000 /dev/urandom > "$work/slides/0$((r / 5 + 1)).png"
    "$hub" content publish slides "$work/slides" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log"
  fi
  delay=$(awk -v s="$r" 'BEGIN { srand(s * 7919); printf "%.3f", 0.005 + rand() * 0.15 }')
  "$kiosk" --data-dir "$kd" --config "$work/kiosk.toml" sync --once > /dev/null 2>>"$work/kiosk.log" &
  pid=$!
  sleep "$delay"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null
  verdict=$(sqlite3 "$kd/kiosk.db" "PRAGMA integrity_check" 2>&1)
  [ "$verdict" = "ok" ] || fail "round $r: integrity_check: $verdict"
  check_sent_at_hub "$r"
  r=$((r + 1))
done
echo "ok: $rounds rounds, $killed killed before finishing, integrity ok and nothing acknowledged lost after each"

attempts=0
until k "$kd" sync --once > /dev/null; do
  attempts=$((attempts + 1))
  [ $attempts -lt 5 ] || { fail "no convergence: $(tail -1 "$work/kiosk.log")"; break; }
done
check_sent_at_hub final
pending=$(sqlite3 "$kd/kiosk.db" "SELECT count(*) FROM outbox WHERE sent_at IS NULL")
[ "$pending" = "0" ] || fail "$pending record(s) still pending"
total=$("$hub" aspirations list --data-dir "$work/hub" --json 2>>"$work/hub.log" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
[ "$total" = "$n" ] || fail "the hub holds $total aspiration(s), the kiosk made $n"
version=$(sqlite3 "$kd/kiosk.db" "SELECT version FROM content_channels WHERE channel = 'slides'")
for f in "$work"/slides/*; do
  cmp -s "$f" "$kd/content/slides/$version/$(basename "$f")" || fail "slides v$version: $(basename "$f") differs"
done
[ -z "$(ls -A "$kd/sync/tmp")" ] || fail "sync/tmp not empty: $(ls "$kd/sync/tmp")"
[ "$(ls "$kd/content/slides")" = "$version" ] || fail "old slide versions left: $(ls "$kd/content/slides")"

if [ $failures -ne 0 ]; then
  echo "--- kiosk log"; grep -v '\[info\]' "$work/kiosk.log" | tail -20
  echo "$failures failure(s)"; exit 1
fi
echo "sync power cuts: all checks passed ($n records, slides v$version)"
