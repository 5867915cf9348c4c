#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests is present. Uses CHROMIUM_PATH when set,
# otherwise /usr/bin/chromium, installing Debian's package when running as root with apt-get.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Chromium for the end-to-end tests (Debian package 'chromium')..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "or point CHROMIUM_PATH at a Chromium/Chrome binary, then run the tests again." >&2
exit 1
