#!/usr/bin/env bash
# Installs what is missing, builds everything with -Werror, and runs every test (unit, screen,
# end-to-end UI scripts) headless. This is what CI runs.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DDESA_WERROR=ON
cmake --build build -j"$(nproc)"
cd build
ctest --output-on-failure -j"$(nproc)"
