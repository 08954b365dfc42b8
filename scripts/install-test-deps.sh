#!/usr/bin/env bash
# Test dependencies outside .NET/npm: Debian's Chromium for the Playwright browser test (no browser download)
# and Thai fonts so its screenshots are readable. Idempotent and non-interactive; test.sh runs it when present.
set -euo pipefail
if [ -x /usr/bin/chromium ] && [ -d /usr/share/fonts/truetype/tlwg ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo -n"
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-thai-tlwg >/dev/null
[ -x /usr/bin/chromium ]
