#!/usr/bin/env bash
# Installs what is missing, builds, and starts the kiosk on its demo village.
# Extra arguments go to desa-kiosk, e.g. --windowed --size 1280x800 --no-lockdown.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build build -j"$(nproc)" --target desa-kiosk
exec ./build/kiosk/desa-kiosk "$@"
