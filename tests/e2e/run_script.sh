#!/bin/sh
# Runs one UI script against the real desa-kiosk binary, headless, on a fresh data directory.
# usage: run_script.sh DESA_KIOSK SCRIPT OUT_DIR [extra desa-kiosk options...]
set -eu
kiosk=$1; script=$2; out=$3; shift 3
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
mkdir -p "$out"
"$kiosk" --data-dir "$data" "$@" run-script "$script" --screenshots "$out"
