#!/bin/sh
# Kiosk <-> hub end to end, with a real desa-hub process on 127.0.0.1 (random port) and the real
# desa-kiosk: enrolment and its refusals (bad address, typo, unknown, used and expired codes, a QR
# naming another key, an unreachable hub), an aspiration up exactly once even when synced again,
# its status and answer down, slides published and pulled, an unchanged poll answered 304, a
# personal submission sealed to the pinned key and opened at the hub, a kiosk clock in 1970
# corrected by the hub (with faketime), and a revoked kiosk refused. On SQLite, and again on
# PostgreSQL when DESA_TEST_PG_URL is set.
# usage: sync_roundtrip.sh DESA_HUB DESA_KIOSK
set -u
hub=$1; kiosk=$2
. "$(dirname "$0")/sync_common.sh"
each_backend "$0" "$@"
work=$(mktemp -d)
trap 'stop_hub; drop_hub_db; rm -rf "$work"' EXIT
use_hub_db
export DESA_ASSETS_DIR="${DESA_ASSETS_DIR:-}" SDL_VIDEODRIVER=dummy

"$hub" keys init --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || { echo "FAIL: keys init"; exit 1; }
start_hub "$work/hub"
kiosk_config
kd="$work/kiosk"

# --- Enrolment refusals: each exits non-zero with one line naming the reason; nothing is pinned.
out=$(k "$kd" enroll "ftp://$hub_port" ABCD-EFGH-JKMN 2>&1); rc=$?
[ $rc -eq 2 ] && contains "$(tail -1 "$work/kiosk.log")" "bad_hub_url" || fail "bad address: rc $rc"
k "$kd" enroll "$hub_url" ABCD-EFGH-JKM > /dev/null; rc=$?
[ $rc -eq 2 ] && contains "$(tail -1 "$work/kiosk.log")" "bad_code" || fail "typo: rc $rc"
# Unknown: a well-formed code made by another hub. Used: a code spent by another kiosk first.
"$hub" keys init --data-dir "$work/other-hub" > /dev/null 2>&1
other=$(env -u DESA_HUB_DB "$hub" kiosk enroll --data-dir "$work/other-hub" --village 18.01.04.2001 --json 2>/dev/null)
k "$kd" enroll "$hub_url" "$(json_get "$other" 'd["display_code"]')" > /dev/null; rc=$?
[ $rc -eq 1 ] && contains "$(tail -1 "$work/kiosk.log")" "code_unknown" || fail "unknown code: rc $rc $(tail -1 "$work/kiosk.log")"
new_code
k "$work/spent" enroll "$hub_url" "$code" > /dev/null || fail "first use of a code refused: $(tail -1 "$work/kiosk.log")"
k "$kd" enroll "$hub_url" "$code" > /dev/null; rc=$?
[ $rc -eq 1 ] && contains "$(tail -1 "$work/kiosk.log")" "code_used" || fail "used code: rc $rc"
new_code
if hub_sql_available; then  # expire it in the hub's own database rather than wait an hour
  hub_sql "UPDATE enrol_codes SET expires_at = 1 WHERE code = '$code'" > /dev/null
  k "$kd" enroll "$hub_url" "$code" > /dev/null; rc=$?
  [ $rc -eq 1 ] && contains "$(tail -1 "$work/kiosk.log")" "code_expired" || fail "expired code: rc $rc $(tail -1 "$work/kiosk.log")"
  new_code
fi
bad_qr=$(printf '%s' "$qr" | sed 's/:[0-9a-f]*$/:0123456789abcdef/')
k "$kd" enroll "$bad_qr" > /dev/null; rc=$?
[ $rc -eq 1 ] && contains "$(tail -1 "$work/kiosk.log")" "fingerprint_mismatch" || fail "QR of another key: rc $rc"
new_code
k "$kd" enroll "http://127.0.0.1:1" "$code" > /dev/null; rc=$?
[ $rc -eq 1 ] && contains "$(tail -1 "$work/kiosk.log")" "unreachable" || fail "unreachable hub: rc $rc"
status=$(k "$kd" status --json)
[ "$(json_get "$status" 'd["enrolled"]')" = "false" ] || fail "a refused enrolment pinned something: $status"

# --- Enrolment by the QR text (with its fingerprint): the code survived the unreachable attempt.
out=$(k "$kd" enroll "$qr") || fail "QR enrolment refused: $(tail -1 "$work/kiosk.log")"
echo "ok: $out"
status=$(k "$kd" status --json)
kiosk_id=$(json_get "$status" 'd["kiosk_id"]')
[ "$(json_get "$status" 'd["enrolled"]')" = "true" ] || fail "not enrolled after success: $status"
[ "$(json_get "$status" 'd["province_key"]')" = "$(json_get "$code_json" 'd["sign_fingerprint"]')" ] || fail "other key pinned"
[ "$(stat -c %a "$kd/sync/kiosk.secret")" = "600" ] || fail "kiosk.secret is not 0600"
new_code
k "$kd" enroll "$hub_url" "$code" > /dev/null; rc=$?
[ $rc -eq 1 ] && contains "$(tail -1 "$work/kiosk.log")" "already_enrolled" || fail "silent re-enrolment: rc $rc"

# --- Up: one aspiration, synced twice, listed once at the hub.
submission "$work/a.json" "Jalan Dusun II berlubang"
result=$(k "$kd" aspirations submit --json "$work/a.json")
track=$(json_get "$result" 'd["tracking_code"]')
[ -n "$track" ] || fail "no tracking code: $result"
k "$kd" sync --once > "$work/sync1.out" || fail "first sync failed: $(tail -1 "$work/kiosk.log")"
[ "$(hub_count "$track")" = "1" ] || fail "after the first sync the hub lists $track $(hub_count "$track") times"
k "$kd" sync --once > /dev/null || fail "second sync failed: $(tail -1 "$work/kiosk.log")"
[ "$(hub_count "$track")" = "1" ] || fail "after the second sync the hub lists $track $(hub_count "$track") times"
status=$(k "$kd" status --json)
[ "$(json_get "$status" 'd["pending_outbox"]')" = "0" ] || fail "outbox not empty after sync: $status"
[ "$(json_get "$status" '"outbox" in d["last_success"]')" = "true" ] || fail "no last success for the outbox: $status"
list=$(k "$kd" aspirations list --json)
[ "$(json_get "$list" 'd[0]["status"]')" = "sent" ] || fail "not marked sent on the kiosk: $list"
echo "ok: $track up once ($(cat "$work/sync1.out"))"

# --- Down: status and answer.
"$hub" aspirations set-status --data-dir "$work/hub" "$track" verified > /dev/null 2>>"$work/hub.log" || fail "set-status"
k "$kd" sync --once > /dev/null || fail "sync after set-status failed: $(tail -1 "$work/kiosk.log")"
list=$(k "$kd" aspirations list --json)
[ "$(json_get "$list" 'd[0]["status"]')" = "verified" ] || fail "status not verified on the kiosk: $list"
"$hub" aspirations answer --data-dir "$work/hub" "$track" "Perbaikan dijadwalkan bulan depan." > /dev/null 2>>"$work/hub.log" || fail "answer"
k "$kd" sync --once > /dev/null || fail "sync after answer failed"
list=$(k "$kd" aspirations list --json)
[ "$(json_get "$list" 'd[0]["status"]')" = "answered" ] || fail "not answered on the kiosk: $list"
[ "$(json_get "$list" '[s["answer"] for s in d[0]["timeline"] if s["status"] == "answered"][0]')" = "Perbaikan dijadwalkan bulan depan." ] \
  || fail "answer text lost: $list"
echo "ok: status verified then answered arrived"

# --- Content: slides published, pulled whole and identical; an unchanged poll is a 304.
mkdir -p "$work/slides"
head -c 700000 /dev/urandom > "$work/slides/01.png"
printf 'Musyawarah desa Sabtu 09.00\n' > "$work/slides/02.txt"
"$hub" content publish slides "$work/slides" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || fail "publish slides"
report=$(k "$kd" sync --once --json) || fail "sync after publish failed: $(tail -1 "$work/kiosk.log")"
[ "$(json_get "$report" '[c for c in d["channels"] if c["channel"] == "slides"][0]["installed"]')" = "true" ] || fail "slides not installed: $report"
for f in 01.png 02.txt; do
  cmp -s "$work/slides/$f" "$kd/content/slides/1/$f" || fail "slides/$f differs from the published one"
done
[ -z "$(ls -A "$kd/sync/tmp")" ] || fail "sync/tmp not empty after install: $(ls "$kd/sync/tmp")"
report=$(k "$kd" sync --once --json) || fail "unchanged sync failed"
[ "$(json_get "$report" '[c for c in d["channels"] if c["channel"] == "slides"][0]["unchanged"]')" = "true" ] || fail "unchanged poll fetched again: $report"
echo "ok: slides v1 pulled; unchanged cycle: $(json_get "$report" 'd["wire"]')"
# A second version sharing a file: only the new file travels.
printf 'Posyandu Senin\n' > "$work/slides/03.txt"
"$hub" content publish slides "$work/slides" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log"
report=$(k "$kd" sync --once --json) || fail "sync of slides v2 failed"
ch=$(json_get "$report" '[c for c in d["channels"] if c["channel"] == "slides"][0]')
[ "$(json_get "$ch" 'd["version"]')" = "2" ] && [ "$(json_get "$ch" 'd["files_fetched"]')" = "1" ] || fail "v2 did not reuse files: $ch"
[ -d "$kd/content/slides/1" ] && fail "old version left on disk"
cmp -s "$work/slides/03.txt" "$kd/content/slides/2/03.txt" || fail "slides v2 content"
echo "ok: slides v2: $ch"

# --- A personal submission is sealed to the pinned province key: the hub opens it.
cat > "$work/p.json" <<'JSON'
{"type": "aspirasi", "category": "pelayanan_publik", "title": "Pelayanan KTP di balai desa",
 "text": "Mohon layanan perekaman KTP elektronik diadakan di balai desa sebulan sekali.",
 "identity": "rahasia", "name": "Siti Aminah", "nik": "1801044505870003", "phone": "081234567890"}
JSON
result=$(k "$kd" aspirations submit --json "$work/p.json")
ptrack=$(json_get "$result" 'd["tracking_code"]')
[ -n "$ptrack" ] || fail "personal submission refused: $result"
k "$kd" sync --once > /dev/null || fail "sync of the personal submission failed"
shown=$("$hub" aspirations show --data-dir "$work/hub" "$ptrack" --decrypt --json 2>>"$work/hub.log")
contains "$shown" "Siti Aminah" || fail "the hub cannot open the sealed identity (sealed to another key?): $shown"
grep -q "Siti Aminah\|1801044505870003\|081234567890" "$work/kiosk.log" "$work/hub.log" && fail "personal data in a log"
echo "ok: a personal submission sealed on the kiosk was opened at the hub"

# --- A kiosk clock in 1970 (a Pi after a power cut): the hub's clock_skew answer corrects it and
#     the request is signed again; back on the right clock, the stale correction heals the same way.
if command -v faketime > /dev/null; then
  submission "$work/c.json" "Saluran air tersumbat di RT 05"
  k "$kd" aspirations submit --json "$work/c.json" > /dev/null || fail "submission refused"
  faketime '1970-01-02 00:00:00' "$kiosk" --data-dir "$kd" --config "$work/kiosk.toml" sync --once > /dev/null 2>>"$work/kiosk.log" \
    || fail "sync with a 1970 clock failed: $(tail -1 "$work/kiosk.log")"
  offset=$(json_get "$(k "$kd" status --json)" 'd["clock_offset"]')
  [ "$offset" -gt 1000000000 ] || fail "no clock correction stored: $offset"
  [ "$(json_get "$(k "$kd" status --json)" 'd["pending_outbox"]')" = "0" ] || fail "not sent with a 1970 clock"
  k "$kd" sync --once > /dev/null || fail "sync after the clock came back failed: $(tail -1 "$work/kiosk.log")"
  offset=$(json_get "$(k "$kd" status --json)" 'abs(d["clock_offset"])')
  [ "$offset" -lt 300 ] || fail "the stale correction stayed: $offset"
  echo "ok: a 1970 clock corrected by the hub"
else
  echo "skip: faketime not installed (clock correction)"
fi

# --- Revoked: the next sync fails with a one-line reason; nothing is marked sent.
"$hub" kiosk revoke --data-dir "$work/hub" "$kiosk_id" > /dev/null 2>>"$work/hub.log" || fail "revoke"
submission "$work/b.json" "Lampu jalan padam di RT 03"
k "$kd" aspirations submit --json "$work/b.json" > /dev/null || fail "submission refused"
before=$(json_get "$(k "$kd" status --json)" 'd["pending_outbox"]')
k "$kd" sync --once > /dev/null; rc=$?
[ $rc -eq 1 ] && contains "$(tail -1 "$work/kiosk.log")" "revoked" || fail "revoked kiosk: rc $rc $(tail -1 "$work/kiosk.log")"
status=$(k "$kd" status --json)
# The cycle may add its heartbeat to the outbox before uploading; nothing may leave it.
[ "$before" -ge 1 ] && [ "$(json_get "$status" 'd["pending_outbox"]')" -ge "$before" ] ||
  fail "a refused record was marked sent: $before before, $status"
contains "$(json_get "$status" 'd["last_error"]')" "revoked" || fail "status does not show the error: $status"

if [ $failures -ne 0 ]; then
  echo "--- kiosk log"; grep -v '\[info\]' "$work/kiosk.log" | tail -20
  echo "--- hub log"; tail -20 "$work/hub.log"
  echo "$failures failure(s)"; exit 1
fi
echo "sync roundtrip: all checks passed"
