#!/bin/sh
# The union catalogue from hub to kiosk, end to end, with a real desa-hub on 127.0.0.1 (random
# port) and the real desa-kiosk: four libraries' catalogues (CSV, MARC, the demo village's own)
# published in one command, pulled by `sync --once` and searchable as "elsewhere" with each
# library's counts, the kiosk's own library left out; a 1 % change published as a delta that is the
# only file the next sync downloads; a tampered file on the hub refused with the old union still in
# use, and the same version installed once the file is whole again; a signed version whose files the
# kiosk cannot read rejected by the apply hook, the union unchanged. On SQLite, and again on
# PostgreSQL when DESA_TEST_PG_URL is set.
# usage: sync_catalog.sh DESA_HUB DESA_KIOSK
set -u
hub=$1; kiosk=$2
. "$(dirname "$0")/sync_common.sh"
each_backend "$0" "$@"
work=$(mktemp -d)
# KEEP_WORK=1 keeps the work directory for a look after a failure.
trap 'stop_hub; drop_hub_db; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
use_hub_db
export DESA_ASSETS_DIR="${DESA_ASSETS_DIR:-}" SDL_VIDEODRIVER=dummy
assets=${DESA_ASSETS_DIR:-$(dirname "$0")/../../assets}
tests_data=$(dirname "$0")/../data

# catalogue FILE PREFIX COUNT STEP: a library's catalogue as generic CSV, COUNT books with valid
# ISBN-13s; book 1 is "Teknik Irigasi Tetes untuk Sawah Tadah Hujan" (two copies). STEP applies a
# 1 % change: books 2-4 gone, book 1 with three copies (one on loan), 5-9 retitled, a new book.
# STEP 3 adds one more book again.
catalogue() {
  python3 - "$@" <<'PY'
import csv, sys
out, prefix, count, step = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def isbn(n):
    d = "978602" + "%06d" % n
    s = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(d))
    return d + str((10 - s % 10) % 10)
topics = ["Pertanian", "Peternakan", "Perikanan", "Kesehatan", "Koperasi", "Sejarah", "Dongeng", "Teknologi"]
rows = []
for i in range(1, count + 1):
    title = "Seri %s Desa Jilid %d" % (topics[i % len(topics)], i)
    barcodes, statuses = "%s-%05d" % (prefix, i), "available"
    if i == 1:
        title = "Teknik Irigasi Tetes untuk Sawah Tadah Hujan"
        barcodes, statuses = "%s-1a|%s-1b" % (prefix, prefix), "available|available"
    if step >= 2 and i in (2, 3, 4):
        continue
    if step >= 2 and i == 1:
        barcodes, statuses = "%s-1a|%s-1b|%s-1c" % (prefix, prefix, prefix), "available|on_loan|available"
    if step >= 2 and 5 <= i <= 9:
        title += " Edisi Kedua"
    rows.append(["%s-%05d" % (prefix, i), title, "Tim Penyusun %s" % topics[i % len(topics)], isbn(i), 2000 + i % 24,
                 "Penerbit Desa", barcodes, statuses])
if step >= 2:
    rows.append(["%s-90001" % prefix, "Membuat Biogas dari Kotoran Sapi", "Tim Penyusun Energi", isbn(90001), 2024,
                 "Penerbit Desa", "%s-90001" % prefix, "available"])
if step >= 3:
    rows.append(["%s-90002" % prefix, "Panduan Hidroponik Sayuran Daun", "Tim Penyusun Pertanian", isbn(90002), 2024,
                 "Penerbit Desa", "%s-90002" % prefix, "available"])
with open(out, "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["control_number", "title", "authors", "isbns", "year", "publisher", "barcodes", "copy_statuses"])
    w.writerows(rows)
PY
}

# elsewhere QUERY: the kiosk's search JSON; `libs` gets "name copies/available; ..." of the first
# title found only elsewhere (those with a copy on the shelf first, then the nearest).
elsewhere() {
  found=$(k "$kd" catalog search --json "$1")
  libs=$(json_get "$found" '"; ".join("%s %d/%d" % (l["name"], l["copies"], l["available"]) for l in d["elsewhere"][0]["libraries"]) if d["elsewhere"] else ""')
}
catalog_report() { json_get "$1" '[c for c in d["channels"] if c["channel"] == "catalog"][0]'; }

"$hub" keys init --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || { echo "FAIL: keys init"; exit 1; }
"$hub" regions import "$assets/regions/wilayah-lampung.csv" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" \
  || { echo "FAIL: regions import: $(tail -1 "$work/hub.log")"; exit 1; }
start_hub "$work/hub"
kiosk_config
kd="$work/kiosk"
new_code
k "$kd" enroll "$hub_url" "$code" > /dev/null || { echo "FAIL: enrolment: $(tail -1 "$work/kiosk.log")"; exit 1; }

# --- Refusals: nothing published, no version used.
catalogue "$work/merak.csv" MB 1000 1
catalogue "$work/prov.csv" PROV 300 1
pub() { "$hub" content publish catalog --data-dir "$work/hub" --json "$@" 2>>"$work/hub.log"; }
pub "$work/merak.csv" --library-name A --library-name B > /dev/null; rc=$?
[ $rc -eq 2 ] && contains "$(tail -1 "$work/hub.log")" "one --library-name per FILE" || fail "unaligned names: rc $rc"
pub "$work/merak.csv" "$work/prov.csv" --library 18.01.04.2007 > /dev/null; rc=$?
[ $rc -eq 2 ] && contains "$(tail -1 "$work/hub.log")" "one --library per FILE" || fail "unaligned --library: rc $rc"
pub "$work/merak.csv" --library desa-x > /dev/null; rc=$?
[ $rc -eq 2 ] && contains "$(tail -1 "$work/hub.log")" "--village" || fail "a new library without its village: rc $rc"
pub "$work/merak.csv" --library 18.01.99.2999 > /dev/null; rc=$?
[ $rc -eq 2 ] && contains "$(tail -1 "$work/hub.log")" "not in the hub's regions" || fail "an unknown region: rc $rc"
pub "$tests_data/catalog/truncated.xml" --library 18.01.04.2007 > /dev/null; rc=$?
[ $rc -eq 2 ] && contains "$(tail -1 "$work/hub.log")" "unusable" || fail "a broken file: rc $rc"
[ "$("$hub" content list --data-dir "$work/hub" --json 2>>"$work/hub.log")" = "[]" ] || fail "a refused publish made a version"

# --- Version 1: four libraries in one command; names from the hub's regions.
started=$(date +%s.%N)
v1=$(pub "$work/merak.csv" "$work/prov.csv" "$tests_data/catalog/good.mrc" "$assets/demo/catalog.csv" \
  --library 18.01.04.2007 --library 18 --library 18.01.04.2002 --library 18.01.04.2001) \
  || fail "publish of four libraries: $(tail -1 "$work/hub.log")"
publish_s=$(python3 -c "import time; print('%.2f' % (time.time() - $started))")
[ "$(json_get "$v1" 'd["version"]')" = "1" ] && [ "$(json_get "$v1" 'd["new_snapshot"]')" = "true" ] || fail "v1: $v1"
[ "$(json_get "$v1" '[l["name"] for l in d["libraries"] if l["library_id"] == "18.01.04.2007"][0]')" = "Perpustakaan Desa Merak Batin" ] \
  || fail "library name not from the regions: $v1"
[ "$(json_get "$v1" '[l["format"] for l in d["libraries"] if l["library_id"] == "18.01.04.2002"][0]')" = "marc" ] || fail "MARC not read: $v1"
snapshot_bytes=$(json_get "$v1" 'd["snapshot_bytes"]')

report=$(k "$kd" sync --once --json) || fail "first sync failed: $(tail -1 "$work/kiosk.log")"
ch=$(catalog_report "$report")
[ "$(json_get "$ch" 'd["installed"]')" = "true" ] && [ "$(json_get "$ch" 'd["version"]')" = "1" ] || fail "v1 not installed: $ch"
full_bytes=$(json_get "$ch" 'd["bytes_fetched"]')
elsewhere "irigasi tetes"
[ "$libs" = "Perpustakaan Desa Merak Batin 2/2; Perpustakaan Provinsi Lampung 2/2" ] || fail "elsewhere after v1: '$libs' $found"
if command -v sqlite3 > /dev/null; then  # the kiosk's own library (Hajimena) is left out: its catalogue is local
  [ "$(sqlite3 "$kd/union.db" "SELECT group_concat(library_id, ' ') FROM (SELECT library_id FROM catalog_union_libraries ORDER BY 1)")" = "18 18.01.04.2002 18.01.04.2007" ] \
    || fail "union libraries: $(sqlite3 "$kd/union.db" "SELECT library_id FROM catalog_union_libraries")"
fi
report=$(k "$kd" sync --once --json) || fail "unchanged sync failed"
[ "$(json_get "$(catalog_report "$report")" 'd["unchanged"]')" = "true" ] || fail "an unchanged catalogue fetched again: $report"
echo "ok: v1 (4 libraries, snapshot $snapshot_bytes bytes, published in ${publish_s}s) pulled: $full_bytes bytes"

# --- Version 2: 1 % of Merak Batin's books changed: only the delta travels.
unchanged=$(pub "$work/prov.csv" --library 18) || fail "republish of an unchanged library"
[ "$(json_get "$unchanged" 'd["unchanged"]')" = "true" ] || fail "an unchanged library made a version: $unchanged"
catalogue "$work/merak.csv" MB 1000 2
v2=$(pub "$work/merak.csv" --library 18.01.04.2007) || fail "publish of the change: $(tail -1 "$work/hub.log")"
[ "$(json_get "$v2" 'd["version"]')" = "2" ] && [ "$(json_get "$v2" 'd["new_snapshot"]')" = "false" ] || fail "v2: $v2"
[ "$(json_get "$v2" 'd["upserted"]')" = "7" ] && [ "$(json_get "$v2" 'd["deleted"]')" = "3" ] || fail "v2 rows: $v2"
delta_bytes=$(json_get "$v2" 'd["delta_bytes"]')
report=$(k "$kd" sync --once --json) || fail "second sync failed: $(tail -1 "$work/kiosk.log")"
ch=$(catalog_report "$report")
[ "$(json_get "$ch" 'd["installed"]')" = "true" ] && [ "$(json_get "$ch" 'd["version"]')" = "2" ] || fail "v2 not installed: $ch"
[ "$(json_get "$ch" 'd["files_fetched"]')" = "1" ] && [ "$(json_get "$ch" 'd["bytes_fetched"]')" = "$delta_bytes" ] \
  || fail "v2 fetched more than its delta ($delta_bytes bytes): $ch"
elsewhere "irigasi tetes"
[ "$libs" = "Perpustakaan Desa Merak Batin 3/2; Perpustakaan Provinsi Lampung 2/2" ] || fail "changed counts: '$libs'"
elsewhere "biogas kotoran sapi"
[ "$libs" = "Perpustakaan Desa Merak Batin 1/1" ] || fail "new book not found: '$libs' $found"
# Book 2 is gone from Merak Batin; the provincial library holds its own copy (the same ISBN).
elsewhere 9786020000022
[ "$libs" = "Perpustakaan Provinsi Lampung 1/1" ] || fail "a deleted holding is still listed: '$libs'"
echo "ok: v2 (1 % of 1000 books) pulled: $delta_bytes bytes of delta instead of $full_bytes"

# --- Version 3 with its delta tampered with on the hub: refused, version 2 stays in use; whole
#     again, the same version installs.
catalogue "$work/merak.csv" MB 1000 3
v3=$(pub "$work/merak.csv" --library 18.01.04.2007) || fail "publish v3"
sha=$(json_get "$v3" '[f["sha256"] for f in d["files"] if f["name"] == "delta-3.csv"][0]')
stored="$work/hub/files/$sha"
cp "$stored" "$work/delta-3.good"
python3 - "$stored" <<'PY'
import sys
data = bytearray(open(sys.argv[1], "rb").read())
data[-5] ^= 0x01  # same size, other bytes
open(sys.argv[1], "wb").write(bytes(data))
PY
k "$kd" sync --once --json > "$work/tampered.json"; rc=$?
[ $rc -ne 0 ] || fail "a tampered file was accepted"
contains "$(cat "$work/tampered.json")" "does not match" || fail "tampering not reported: $(cat "$work/tampered.json")"
[ "$(json_get "$(k "$kd" status --json)" '[c["version"] for c in d["channels"] if c["channel"] == "catalog"][0]')" = "2" ] \
  || fail "the catalog version moved: $(k "$kd" status --json)"
elsewhere "hidroponik sayuran"
[ -z "$libs" ] || fail "tampered content in use: $libs"
elsewhere "biogas kotoran sapi"
[ "$libs" = "Perpustakaan Desa Merak Batin 1/1" ] || fail "version 2 no longer in use: '$libs'"
[ -z "$(ls -A "$kd/sync/tmp")" ] || fail "the bad part stayed in sync/tmp: $(ls "$kd/sync/tmp")"
cp "$work/delta-3.good" "$stored"
report=$(k "$kd" sync --once --json) || fail "sync after repair failed: $(tail -1 "$work/kiosk.log")"
[ "$(json_get "$(catalog_report "$report")" 'd["version"]')" = "3" ] || fail "v3 not installed: $report"
elsewhere "hidroponik sayuran"
[ "$libs" = "Perpustakaan Desa Merak Batin 1/1" ] || fail "v3 not searchable: '$libs'"
echo "ok: a tampered delta refused, version 2 kept; repaired, version 3 installed"

# --- A version whose files the kiosk cannot use (a directory published as is, its snapshot without
#     a title column): signed and whole, but not applied; version 3 stays in use.
mkdir -p "$work/raw"
printf 'library_id,library_name,village_code\n18.01.04.2007,Perpustakaan Desa Merak Batin,18.01.04.2007\n' > "$work/raw/libraries.csv"
printf 'library_id,control_number,copies,available\n18.01.04.2007,X-1,1,1\n' > "$work/raw/snapshot-4.csv"
"$hub" content publish catalog "$work/raw" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || fail "publish of a directory"
report=$(k "$kd" sync --once --json)
ch=$(catalog_report "$report")
contains "$(json_get "$ch" 'd["rejected"]')" "no 'title' column" && [ "$(json_get "$ch" 'd["installed"]')" = "false" ] \
  || fail "unusable files not rejected: $ch"
[ "$(json_get "$(k "$kd" status --json)" '[c["version"] for c in d["channels"] if c["channel"] == "catalog"][0]')" = "3" ] \
  || fail "the catalog version moved to unusable files"
elsewhere "hidroponik sayuran"
[ "$libs" = "Perpustakaan Desa Merak Batin 1/1" ] || fail "version 3 no longer in use: '$libs'"
echo "ok: unusable files rejected by the apply hook, version 3 kept"

# --- A library removed: a new snapshot without it (also after the directory published as is).
v4=$(pub --remove-library 18) || fail "remove a library: $(tail -1 "$work/hub.log")"
[ "$(json_get "$v4" 'd["new_snapshot"]')" = "true" ] || fail "v4: $v4"
k "$kd" sync --once > /dev/null || fail "sync of v4 failed: $(tail -1 "$work/kiosk.log")"
elsewhere "irigasi tetes"
[ "$libs" = "Perpustakaan Desa Merak Batin 3/2" ] || fail "the removed library is still listed: '$libs'"
echo "ok: a removed library's holdings gone"

if [ $failures -ne 0 ]; then
  echo "--- kiosk log"; grep -v '\[info\]' "$work/kiosk.log" | tail -20
  echo "--- hub log"; tail -20 "$work/hub.log"
  echo "$failures failure(s)"; exit 1
fi
echo "sync catalog ($DESA_E2E_BACKEND): all checks passed"
