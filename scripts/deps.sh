#!/usr/bin/env bash
# Installs the Debian 12 packages the kiosk needs to build, run and test, if any are missing.
# Uses sudo only when not already root (CI runs as root without sudo).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsdl2-dev libimgui-dev libfreetype-dev libstb-dev fonts-noto-core
  libsqlite3-dev libsodium-dev libtomlplusplus-dev nlohmann-json3-dev libspdlog-dev libcli11-dev libexpat1-dev
  libcurl4-openssl-dev libzxing-dev
  libcpp-httplib-dev libpq-dev zlib1g-dev libzip-dev
  libespeak-ng-dev espeak-ng-data  # the display board's offline voice (espeak-ng, voice "id")
  catch2
  python3 sqlite3 faketime  # sync end-to-end tests: JSON in shell, fault proxy, expired code, 1970 clock
  chromium chromium-driver  # counter console end-to-end test in a headless browser (WebDriver)
)
[ "${DESA_WITH_BENCH_TOOLS:-0}" = 1 ] && packages+=(xvfb)
# The PostgreSQL server, for the hub tests against PostgreSQL (.ci/run starts a throw-away
# cluster with scripts/pg-test-cluster.sh); without it those tests run on SQLite only.
[ "${DESA_WITH_POSTGRES:-0}" = 1 ] && packages+=(postgresql-15)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

as_root=()
[ "$(id -u)" -eq 0 ] || as_root=(sudo)
echo "Installing: ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}"
