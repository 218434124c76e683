#!/bin/sh
# A real ticket's QR code, as the queue screen draws it, read back from the screenshot PNG by
# `desa-kiosk scan` (ZXing) and judged with the kiosk's keys: valid on its day at the kiosk that
# signed it; forged at a kiosk with another key; expired when it is another day's; unknown at a
# kiosk that has no ticket key at all.
# usage: queue_ticket_qr.sh DESA_KIOSK ASSETS_DIR OUT_DIR
set -eu
kiosk=$1; assets=$2; out=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
# The demo village with every service open around the clock: the test passes at any hour, any day.
sed -E -e 's/^(mon|tue|wed|thu) = ".*"$/\1 = "00:00-24:00"/' \
       -e 's/^fri = ".*"$/fri = "00:00-24:00"\nsat = "00:00-24:00"\nsun = "00:00-24:00"/' \
       "$assets/demo/kiosk.toml" > "$work/kiosk.toml"

# take DATA_DIR CLOCK_STEP SHOT: a resident takes a "Surat Keterangan Usaha" ticket on screen.
take() {
  cat > "$work/take.script" <<SCRIPT
$2
tap #home.tile.queue
tap #queue.service.usaha
expect text "D001"
screenshot $3
SCRIPT
  "$kiosk" --config "$work/kiosk.toml" --data-dir "$1" run-script "$work/take.script" --screenshots "$out" >/dev/null
}

# verdict DATA_DIR PNG: the scan's JSON line for the QR code in the picture.
verdict() {
  "$kiosk" --config "$work/kiosk.toml" --data-dir "$1" scan "$2" | grep '"format":"QRCode"' || true
}

expect() {  # LINE VERDICT WHAT
  case "$1" in
    *"\"verdict\":\"$2\""*) echo "ok: $3 -> $2" ;;
    *) echo "FAIL: $3: expected $2, got: $1"; exit 1 ;;
  esac
}

take "$work/kiosk1" "clock now" ticket-today
take "$work/kiosk1" "# the script's own day: 2025-12-01" ticket-2025-12-01
take "$work/kiosk2" "clock now" other-kiosk-ticket

today=$(verdict "$work/kiosk1" "$out/ticket-today.png")
expect "$today" valid "today's ticket at the kiosk that issued it"
case "$today" in
  *'"kind":"ticket"'*'"value":"D001"'*) ;;
  *) echo "FAIL: the valid ticket does not read as ticket D001: $today"; exit 1 ;;
esac
case "$today" in
  *'"text":"DESA-ANTRI:1:18.01.04.2001:'*':D001:usaha:'*) ;;
  *) echo "FAIL: unexpected payload: $today"; exit 1 ;;
esac
expect "$(verdict "$work/kiosk2" "$out/ticket-today.png")" forged "the same ticket at a kiosk with another key"
expect "$(verdict "$work/kiosk1" "$out/other-kiosk-ticket.png")" forged "another kiosk's ticket shown here"
expect "$(verdict "$work/kiosk1" "$out/ticket-2025-12-01.png")" expired "a ticket of another day"
expect "$(verdict "$work/kiosk-new" "$out/ticket-today.png")" unknown "a kiosk without any ticket key"
[ ! -e "$work/kiosk-new/queue/ticket.secret" ] || { echo "FAIL: scanning created a key"; exit 1; }
echo "ok: every verdict read from rendered PNGs"
