#!/bin/sh
# A village office's queue services from the hub, end to end, with a real desa-hub on 127.0.0.1
# (random port) and the real desa-kiosk: a file with problems refused by `content publish
# queue-services` naming each key, nothing published; a valid one published for the village,
# pulled by `sync --once` and used by `queue services` instead of kiosk.toml's; a second version
# without one service keeps that service's waiting ticket (withdrawn: listed by `queue status`, no
# new tickets) and numbering continues; a version published behind the validation (a generic
# channel publish of a broken file) is refused by the kiosk's apply hook, the services in use
# kept; another village's services never reach this kiosk. On SQLite, and again on PostgreSQL
# when DESA_TEST_PG_URL is set.
# usage: sync_queue_services.sh DESA_HUB DESA_KIOSK
set -u
hub=$1; kiosk=$2
. "$(dirname "$0")/sync_common.sh"
each_backend "$0" "$@"
work=$(mktemp -d)
trap 'stop_hub; drop_hub_db; [ -n "${KEEP_WORK:-}" ] || rm -rf "$work"' EXIT
use_hub_db
export DESA_ASSETS_DIR="${DESA_ASSETS_DIR:-}" SDL_VIDEODRIVER=dummy
assets=${DESA_ASSETS_DIR:-$(dirname "$0")/../../assets}
channel=queue_services_1801042001

# services FILE ID:PREFIX...: open every day all day, so the test runs at any hour.
services() {
  out=$1; shift
  : > "$out"
  for s in "$@"; do
    cat >> "$out" <<TOML
[[queue.service]]
id = "${s%%:*}"
name_id = "Layanan ${s%%:*}"
prefix = "${s##*:}"
counters = [1, 2]
[queue.service.hours]
mon = "00:00-24:00"
tue = "00:00-24:00"
wed = "00:00-24:00"
thu = "00:00-24:00"
fri = "00:00-24:00"
sat = "00:00-24:00"
sun = "00:00-24:00"
TOML
  done
}
publish() { "$hub" content publish queue-services --data-dir "$work/hub" "$@" 2>>"$work/hub.err"; }
ids() { json_get "$(k "$kd" queue services --json)" '" ".join(s["id"] for s in d)'; }
channel_report() { json_get "$1" '[c for c in d["channels"] if c["channel"] == "'"$channel"'"][0]'; }

"$hub" keys init --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" || { echo "FAIL: keys init"; exit 1; }
"$hub" regions import "$assets/regions/wilayah-lampung.csv" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" \
  || { echo "FAIL: regions import"; exit 1; }
start_hub "$work/hub"
kiosk_config
kd="$work/kiosk"
new_code
k "$kd" enroll "$hub_url" "$code" > /dev/null || { echo "FAIL: enrolment: $(tail -1 "$work/kiosk.log")"; exit 1; }
configured=$(ids)
[ -n "$configured" ] || fail "the demo kiosk.toml lists no services"

# Nothing published yet: the sync reports the channel unchanged, kiosk.toml's services serve.
r=$(k "$kd" sync --once --json) || fail "first sync: $(tail -1 "$work/kiosk.log")"
[ "$(json_get "$(channel_report "$r")" 'd["unchanged"]')" = true ] || fail "unpublished channel not unchanged: $r"
[ "$(ids)" = "$configured" ] || fail "services changed without a publish: $(ids)"

# Files with problems: refused with the key named, nothing published.
services "$work/bad.toml" "domisili:a"
printf '[queue]\ntimezone = "WIB"\n' >> "$work/bad.toml"
: > "$work/hub.err"
publish "$work/bad.toml" --village 18.01.04.2001 > /dev/null; rc=$?
[ $rc -eq 2 ] || fail "bad file: exit $rc, expected 2"
contains "$(cat "$work/hub.err")" "queue.service[0].prefix" || fail "prefix not named: $(cat "$work/hub.err")"
contains "$(cat "$work/hub.err")" "queue.timezone" || fail "timezone not named: $(cat "$work/hub.err")"
printf '[[queue.service]\nid = "x"\n' > "$work/syntax.toml"
publish "$work/syntax.toml" --village 18.01.04.2001 > /dev/null; [ $? -eq 2 ] || fail "syntax error accepted"
services "$work/dup.toml" "domisili:A" "ktp:A"
: > "$work/hub.err"
publish "$work/dup.toml" --village 18.01.04.2001 > /dev/null; [ $? -eq 2 ] || fail "duplicate prefix accepted"
contains "$(cat "$work/hub.err")" "queue.service[1].prefix" || fail "duplicate prefix not named: $(cat "$work/hub.err")"
services "$work/ok.toml" "domisili:A" "sktm:S"
publish "$work/ok.toml" --village 18.01.04 > /dev/null; [ $? -eq 2 ] || fail "a kecamatan code accepted as --village"
publish "$work/ok.toml" --village 18.01.04.9999 > /dev/null; [ $? -eq 1 ] || fail "an unknown village accepted"
channels=$("$hub" content list --data-dir "$work/hub" --json 2>>"$work/hub.log")
contains "$channels" "$channel" && fail "a refused file made a version: $channels"

# Version 1: two services, installed by the next sync and used instead of kiosk.toml's.
v=$(publish "$work/ok.toml" --village 18.01.04.2001 --json) || fail "publish v1: $(cat "$work/hub.err")"
[ "$(json_get "$v" 'd["version"]')" = 1 ] || fail "publish v1: $v"
[ "$(json_get "$(publish "$work/ok.toml" --village 18.01.04.2001 --json)" 'd["unchanged"]')" = true ] \
  || fail "the same file published again made a version"
services "$work/other.toml" "kebun:K"
publish "$work/other.toml" --village 18.01.04.2002 > /dev/null || fail "publish for the neighbour village"
r=$(k "$kd" sync --once --json) || fail "sync v1: $(tail -1 "$work/kiosk.log")"
[ "$(json_get "$(channel_report "$r")" 'd["installed"]')" = true ] || fail "v1 not installed: $r"
[ -f "$kd/queue-services.toml" ] || fail "no <data>/queue-services.toml"
[ "$(ids)" = "domisili sktm" ] || fail "hub services not used: $(ids)"
s1=$(json_get "$(k "$kd" queue take sktm --json)" 'd["number"]')
a1=$(json_get "$(k "$kd" queue take domisili --json)" 'd["number"]')
[ "$s1" = S001 ] && [ "$a1" = A001 ] || fail "tickets with hub services: $s1 $a1"

# Version 2 drops sktm and adds ktp: S001 still waits (withdrawn), no new sktm tickets, A continues.
services "$work/v2.toml" "domisili:A" "ktp:K"
publish "$work/v2.toml" --village 18.01.04.2001 > /dev/null || fail "publish v2"
k "$kd" sync --once > /dev/null || fail "sync v2: $(tail -1 "$work/kiosk.log")"
[ "$(ids)" = "domisili ktp" ] || fail "v2 services: $(ids)"
st=$(k "$kd" queue status --json)
[ "$(json_get "$st" '[s["waiting"] for s in d["services"] if s["id"] == "sktm" and s["withdrawn"]][0]')" = 1 ] \
  || fail "the withdrawn service's waiting ticket is gone: $st"
k "$kd" queue take sktm --json > /dev/null && fail "a ticket for a withdrawn service"
[ "$(json_get "$(k "$kd" queue take domisili --json)" 'd["number"]')" = A002 ] || fail "numbering did not continue"

# A broken file published behind the validation: the kiosk's apply hook refuses it, v2 stays.
mkdir -p "$work/broken"
services "$work/broken/queue-services.toml" "domisili:a"
"$hub" content publish channel "$channel" "$work/broken" --data-dir "$work/hub" > /dev/null 2>>"$work/hub.log" \
  || fail "generic publish"
r=$(k "$kd" sync --once --json)
rejected=$(json_get "$(channel_report "$r")" 'd["rejected"]')
contains "$rejected" "queue.service[0].prefix" || fail "broken version not rejected by key: $r"
[ "$(ids)" = "domisili ktp" ] || fail "services after a refused version: $(ids)"

if [ $failures -eq 0 ]; then echo "PASS: queue services from the hub ($DESA_E2E_BACKEND)"; exit 0; fi
exit 1
