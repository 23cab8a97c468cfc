#!/usr/bin/env bash
# Installs what the browser tests (`cargo test -p formaction-tests --test browser`) need, when it is
# missing: Debian's Chromium and ChromeDriver, and axe-core and htmx 2 (`htmx.org`) from the npm
# registry into target/npm/node_modules (where the tests look for them). Quick and silent when all is there.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
    echo "browser-deps: installing chromium and chromium-driver (Debian)"
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
    else
        sudo apt-get update
        sudo DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium chromium-driver
    fi
fi

# Both in one `npm install`: with `--no-save`, an install of one package removes the other.
axe=target/npm/node_modules/axe-core
htmx=target/npm/node_modules/htmx.org
if ! [ -f "$axe/axe.min.js" ] || ! grep -q '"version": "4\.' "$axe/package.json" 2>/dev/null \
    || ! [ -f "$htmx/dist/htmx.min.js" ] || ! grep -q '"version": "2\.' "$htmx/package.json" 2>/dev/null; then
    echo "browser-deps: installing axe-core@4 and htmx.org@2 (npm) into target/npm"
    mkdir -p target/npm
    npm install --no-save --no-audit --no-fund --prefix target/npm axe-core@4 htmx.org@2
fi
