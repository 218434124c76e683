#!/bin/sh
# The QR code on a record screen, as rendered, decodes to the record's key facts: render the
# screen headless, then read the PNG through the same scan pipeline the camera uses.
# usage: library_qr.sh DESA_KIOSK
set -eu
kiosk=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$kiosk" --data-dir "$work/data" screenshot --screen library-record --size 1280x800 --out "$work/record.png" >/dev/null
out=$("$kiosk" scan "$work/record.png")
echo "$out"
case "$out" in
  *'"format":"QRCode"'*'Judul: Budidaya Kopi Robusta Lampung'*) ;;
  *) echo "FAIL: the record's QR code did not decode to its title"; exit 1 ;;
esac
case "$out" in
  *'Perpustakaan Desa: Hajimena'*) echo "ok: the on-screen QR code reads back" ;;
  *) echo "FAIL: the QR code lacks the library"; exit 1 ;;
esac
