#!/bin/sh
# Tracking: a submission made with `aspirations submit`, then a resident at the kiosk types its
# code (lower case, with dashes) through the on-screen keyboard: wrong length, a typo and an
# unknown code each get their own message and keep what was typed; the right code shows the
# timeline with the steps not yet reached greyed.
# usage: aspiration_track.sh DESA_KIOSK OUT_DIR
set -eu
kiosk=$1; out=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"
cat > "$work/submission.json" <<'JSON'
{"type": "pengaduan", "category": "infrastruktur", "title": "Jalan Dusun II berlubang",
 "text": "Jalan di Dusun II berlubang sejak musim hujan, mohon diperbaiki.", "identity": "anonim"}
JSON
result=$("$kiosk" --data-dir "$work/data" aspirations submit --json "$work/submission.json" 2>/dev/null)
echo "$result"
code=$(printf '%s' "$result" | sed -n 's/.*"tracking_code":"\([0-9A-Z-]*\)".*/\1/p')
[ ${#code} -eq 13 ] || { echo "FAIL: no tracking code in: $result"; exit 1; }
lower=$(printf '%s' "$code" | tr 'A-Z' 'a-z')
short=$(printf '%s' "$lower" | cut -c1-12)   # the check character left off
last=$(printf '%s' "$lower" | cut -c13)
wrong=2; [ "$last" = "2" ] && wrong=3           # any other symbol is a typo the check catches

# Another valid code this kiosk never issued: our code's first ten symbols rotated by one, and
# their check character (the weighted sum of all eleven is 0 mod 31; 17 = 1/11 mod 31).
alphabet=23456789ABCDEFGHJKMNPQRSTUVWXYZ
plain=$(printf '%s' "$code" | tr -d '-')
body="$(printf '%s' "$plain" | cut -c2-10)$(printf '%s' "$plain" | cut -c1)"
sum=0; i=1
while [ $i -le 10 ]; do
  ch=$(printf '%s' "$body" | cut -c$i)
  prefix=${alphabet%%"$ch"*}
  sum=$(( sum + i * ${#prefix} )); i=$((i + 1))
done
check=$(( (31 - sum % 31) % 31 * 17 % 31 ))
unknown="$body$(printf '%s' "$alphabet" | cut -c$((check + 1)))"
[ "$unknown" != "$plain" ] || unknown=""  # ten equal symbols: no other code to try

cat > "$work/track.script" <<SCRIPT
tap #home.tile.aspirations
tap #aspiration.track
expect screen aspiration-track
expect text "Lacak Aspirasi"
tap #track.code
expect keyboard
type "$short"
key enter
expect text "Yang Anda ketik 10"
expect text "$short"
type "$wrong"
key enter
expect text "salah ketik"
expect text "$short$wrong"
screenshot track-typo
key backspace
type "$last"
key enter
expect no-keyboard
expect text "Jalan Dusun II berlubang"
expect text "Pengaduan · Infrastruktur · Anonim"
expect text "Kode pelacakan: $code"
expect text "Diterima di kiosk"
expect text "Terkirim ke pemerintah daerah"
expect text "Belum"
expect text "Kiosk ini baru tahu"
screenshot track-timeline
SCRIPT
if [ -n "$unknown" ]; then
  cat >> "$work/track.script" <<SCRIPT
tap #track.code
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
key backspace
type "$(printf '%s' "$unknown" | tr 'A-Z' 'a-z')"
key enter
expect text "tidak tercatat di kiosk ini"
expect no-text "Diterima di kiosk"
SCRIPT
fi
"$kiosk" --data-dir "$work/data" run-script "$work/track.script" --screenshots "$out"
echo "ok: typed code found, its problems explained"
