# Shared by the sync end-to-end tests (sourced): a real desa-hub on 127.0.0.1 (random port) and
# the real desa-kiosk on fresh data directories. Expects $hub, $kiosk and $work to be set.

failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
contains() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac; }

# json_get JSON PYTHON_EXPRESSION_ON_d: prints the value (strings bare, others as JSON).
json_get() {
  printf '%s' "$1" | python3 -c '
import json, sys
d = json.load(sys.stdin)
v = eval(sys.argv[1])
print(v if isinstance(v, str) else json.dumps(v))' "$2" 2>/dev/null
}

# The hub's database: SQLite in its data directory, and when DESA_TEST_PG_URL names a PostgreSQL
# server (.ci/run starts one) the whole test runs a second time on it. Call first thing, with the
# script's own path and arguments: `each_backend "$0" "$@"`; it reruns the script once per backend
# (DESA_E2E_BACKEND) and exits with the combined result.
each_backend() {
  [ -n "${DESA_E2E_BACKEND:-}" ] && return 0
  if [ -z "${DESA_TEST_PG_URL:-}" ]; then
    DESA_E2E_BACKEND=sqlite; export DESA_E2E_BACKEND; return 0
  fi
  DESA_E2E_BACKEND=sqlite sh "$@"; rc=$?
  DESA_E2E_BACKEND=postgresql sh "$@" || rc=1
  exit $rc
}

# Points every desa-hub command at the backend (DESA_HUB_DB, which --db reads): on PostgreSQL a
# schema of the test's own, dropped by drop_hub_db. Call after $work is set.
pg_schema=""
use_hub_db() {
  echo "hub database: $DESA_E2E_BACKEND"
  [ "$DESA_E2E_BACKEND" = postgresql ] || return 0
  command -v psql > /dev/null || { echo "FAIL: psql is needed for the PostgreSQL run"; exit 1; }
  pg_schema="e2e_$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
  psql -q "$DESA_TEST_PG_URL" -c "CREATE SCHEMA $pg_schema" > /dev/null || { echo "FAIL: cannot create $pg_schema"; exit 1; }
  case "$DESA_TEST_PG_URL" in *\?*) sep='&' ;; *) sep='?' ;; esac
  DESA_HUB_DB="$DESA_TEST_PG_URL${sep}options=-csearch_path%3D$pg_schema"; export DESA_HUB_DB
}
drop_hub_db() {
  [ -n "$pg_schema" ] && psql -q "$DESA_TEST_PG_URL" -c "DROP SCHEMA IF EXISTS $pg_schema CASCADE" > /dev/null 2>&1
  pg_schema=""
}
# hub_sql SQL: one statement on the hub's database, behind its back (a test's shortcut).
hub_sql() {
  if [ "$DESA_E2E_BACKEND" = postgresql ]; then psql -q -At "$DESA_HUB_DB" -c "$1"; else sqlite3 "$work/hub/hub.db" "$1"; fi
}
hub_sql_available() {
  if [ "$DESA_E2E_BACKEND" = postgresql ]; then command -v psql > /dev/null; else command -v sqlite3 > /dev/null; fi
}

hub_pid=""
stop_hub() {
  if [ -n "$hub_pid" ]; then kill "$hub_pid" 2>/dev/null; wait "$hub_pid" 2>/dev/null; hub_pid=""; fi
}

# start_hub DATA_DIR: starts `desa-hub serve` on a free port; sets hub_url and hub_port.
start_hub() {
  "$hub" serve --data-dir "$1" --listen 127.0.0.1:0 > "$work/hub.out" 2>> "$work/hub.log" &
  hub_pid=$!
  i=0
  while [ $i -lt 100 ]; do
    hub_port=$(sed -n 's/.*listening on 127\.0\.0\.1:\([0-9]*\).*/\1/p' "$work/hub.out" | head -1)
    [ -n "$hub_port" ] && break
    sleep 0.1; i=$((i + 1))
  done
  [ -n "$hub_port" ] || { echo "FAIL: desa-hub did not start: $(cat "$work/hub.log")"; exit 1; }
  hub_url="http://127.0.0.1:$hub_port"
}

# new_code: a fresh one-time enrolment code for the demo village in $code, its QR text in $qr.
new_code() {
  code_json=$("$hub" kiosk enroll --data-dir "$work/hub" --village 18.01.04.2001 --hub-url "$hub_url" --json 2>>"$work/hub.log")
  code=$(json_get "$code_json" 'd["code"]')
  qr=$(json_get "$code_json" 'd["qr_text"]')
}

# The demo village, allowed enough submissions per minute for a test.
kiosk_config() {
  assets=${DESA_ASSETS_DIR:-$(dirname "$0")/../../assets}
  sed 's/^max_per_minute = .*/max_per_minute = 60/' "$assets/demo/kiosk.toml" > "$work/kiosk.toml"
}

# k DATA_DIR ARGS...: desa-kiosk on that data directory, its log appended to $work/kiosk.log.
k() {
  d=$1; shift
  "$kiosk" --data-dir "$d" --config "$work/kiosk.toml" "$@" 2>>"$work/kiosk.log"
}

# hub_count CODE: how many times the hub lists that tracking code.
hub_count() {
  list=$("$hub" aspirations list --data-dir "$work/hub" --json 2>>"$work/hub.log")
  printf '%s' "$list" | python3 -c '
import json, sys
code = sys.argv[1].replace("-", "")
print(sum(1 for a in json.load(sys.stdin) if a["tracking_code"].replace("-", "") == code))' "$1"
}

submission() {  # submission FILE TITLE
  cat > "$1" <<JSON
{"type": "pengaduan", "category": "infrastruktur", "title": "$2",
 "text": "Jalan di Dusun II berlubang sejak musim hujan, mohon diperbaiki.", "identity": "anonim"}
JSON
}
