#!/bin/sh
# The aspiration form end to end, against the real binary on fresh data directories:
# 1. each identity script (anonim, rahasia, nama) ends on the receipt, and afterwards
#    `aspirations list --json` shows exactly that submission; the receipt's QR code decodes to the
#    receipt payload with that tracking code; no name, NIK or phone is readable in kiosk.db or logs.
# 2. a photo from the camera folder: refused over the limit, attached within it.
# 3. a kill -9 right after the receipt is shown loses nothing: the submission is listed and
#    PRAGMA integrity_check of kiosk.db answers ok.
# usage: aspiration_submissions.sh DESA_KIOSK SCRIPTS_DIR
set -u
kiosk=$1; scripts=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
contains() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }

# check_flow NAME IDENTITY TITLE
check_flow() {
  name=$1; identity=$2; title=$3
  data="$work/$name"; shots="$work/$name-shots"
  if ! "$kiosk" --data-dir "$data" run-script "$scripts/aspiration_$name.script" --screenshots "$shots" \
      > "$work/$name.log" 2>&1; then
    fail "$name: the script failed: $(grep -v '\[info\]' "$work/$name.log" | head -3)"
    return
  fi
  list=$("$kiosk" --data-dir "$data" aspirations list --json 2>/dev/null)
  count=$(printf '%s\n' "$list" | grep -c '"tracking_code"')
  [ "$count" -eq 1 ] || fail "$name: $count submissions listed, expected 1: $list"
  contains "$list" "\"identity\": \"$identity\"" || fail "$name: not listed as $identity: $list"
  contains "$list" "\"title\": \"$title\"" || fail "$name: title '$title' not listed: $list"
  code=$(printf '%s\n' "$list" | sed -n 's/.*"tracking_code": "\([^"]*\)".*/\1/p' | head -1)
  scanned=$("$kiosk" scan "$shots/receipt.png" 2>/dev/null)
  plain=$(printf '%s' "$code" | tr -d -)
  contains "$scanned" "\"text\":\"DESA-ASPIRASI:18.01.04.2001:$plain\"" \
    || fail "$name: the receipt's QR code does not name $code: $scanned"
  # Sealed before it touches disk, never logged. (The title is stored readable: the search works.)
  cat "$data"/kiosk.db* | grep -a -q "$title" || fail "$name: the title is not found in kiosk.db (the check is blind)"
  for secret in "Siti Aminah" "Budi Santoso" "1801044505870003" "081234567890" "6281234567890"; do
    if cat "$data"/kiosk.db* | grep -a -q "$secret"; then fail "$name: '$secret' readable in kiosk.db"; fi
    if grep -q "$secret" "$work/$name.log"; then fail "$name: '$secret' in the log"; fi
  done
  echo "ok: $name ($identity) listed as $code"
}

check_flow anonim anonim "Pelatihan pupuk organik"
check_flow rahasia rahasia "Obat habis"
check_flow nama nama "KTP service at the hall"

# 2. A photo from the camera folder: one over the limit is refused with the limit, a real PNG is
#    attached and listed (sealed, so only has_photo shows).
mkdir -p "$work/camera"
printf '\211PNG\r\n\032\n' > "$work/camera/1-big.png"
head -c 500000 /dev/zero >> "$work/camera/1-big.png"
"$kiosk" --data-dir "$work/shot" screenshot --screen attract --size 640x400 --out "$work/camera/2-small.png" >/dev/null 2>&1 \
  || fail "photo: could not make a PNG"
cat > "$work/photo.script" <<'SCRIPT'
tap #home.tile.aspirations
tap #aspiration.type.pengaduan
tap #aspiration.category.infrastruktur
tap #aspiration.title
type "Jembatan retak"
key enter
type "Jembatan kecil di Dusun IV retak di tengah."
tap #osk.done
tap #osk.done
tap #osk.done
tap #osk.done
expect text "Tambahkan foto"
expect text "Langkah 4 dari 6"
tap #aspiration.photo.take
expect text "Foto terlalu besar: paling besar 400 KB."
expect no-text "Foto terlampir"
tap #aspiration.photo.take
expect text "Foto terlampir"
tap #aspiration.photo.take
expect text "Belum ada foto dari kamera"
expect text "Foto terlampir"
tap #aspiration.next
tap #aspiration.identity.anonim
expect text "Periksa sebelum mengirim"
expect text "Foto terlampir"
drag #aspiration.area -900
tap #aspiration.send
expect text "Kode pelacakan"
SCRIPT
out=$("$kiosk" --data-dir "$work/photo" --camera "$work/camera" run-script "$work/photo.script" 2>&1) \
  || fail "photo: $(printf '%s\n' "$out" | grep -v '\[info\]' | head -3)"
list=$("$kiosk" --data-dir "$work/photo" aspirations list --json 2>&1)
contains "$list" '"has_photo": true' || fail "photo: not listed with a photo: $list"
[ "$failures" -eq 0 ] && echo "ok: photo refused over the limit, attached within it, listed"

# 3. kill -9 right after the receipt.
cat > "$work/kill.script" <<'SCRIPT'
tap #home.tile.aspirations
tap #aspiration.type.pengaduan
tap #aspiration.category.infrastruktur
tap #aspiration.title
type "Lampu jalan mati"
key enter
type "Lampu jalan di depan masjid mati sejak seminggu."
tap #osk.done
tap #osk.done
tap #osk.done
tap #osk.done
tap #aspiration.identity.anonim
drag #aspiration.area -900
tap #aspiration.send
expect text "Kode pelacakan"
kill-9
expect text "never reached"
SCRIPT
"$kiosk" --data-dir "$work/killed" run-script "$work/kill.script" > "$work/kill.log" 2>&1
code=$?
[ "$code" -eq 137 ] || fail "kill-9: exit $code, expected 137 (SIGKILL): $(grep -v '\[info\]' "$work/kill.log" | head -3)"
list=$("$kiosk" --data-dir "$work/killed" aspirations list --json 2>&1)
contains "$list" '"title": "Lampu jalan mati"' || fail "kill-9: the submission was lost: $list"
contains "$list" '"status": "received"' || fail "kill-9: not in the received state: $list"
printf 'expect database-ok\n' > "$work/check.script"
out=$("$kiosk" --data-dir "$work/killed" run-script "$work/check.script" 2>&1) || fail "kill-9: $out"
[ "$failures" -eq 0 ] && echo "ok: kill -9 after the receipt lost nothing; integrity_check ok"

exit $((failures > 0))
