#!/usr/bin/env bash
# Install Debian's Chromium and ChromeDriver for the browser tests, if they are missing.
# Never downloads a browser build of its own. Without root or apt-get, it explains and carries on:
# the browser tests then skip with that reason.
set -uo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "install_browser.sh: /usr/bin/chromium is missing and cannot be installed here (needs root and apt-get);"
  echo "  install Debian's 'chromium' and 'chromium-driver' packages to run the browser tests."
  exit 0
fi
echo "==> installing Debian's chromium and chromium-driver for the browser tests"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq chromium chromium-driver >/dev/null \
  || echo "install_browser.sh: apt-get could not install chromium; the browser tests will skip."
