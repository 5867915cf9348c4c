#!/usr/bin/env bash
# Makes sure coturn's turnserver is present for the call test that relays audio through TURN.
# Uses TURNSERVER_PATH when set, otherwise turnserver on the PATH, installing Debian's package
# 'coturn' when running as root with apt-get. The test starts its own turnserver on 127.0.0.1.
set -euo pipefail
if [ -n "${TURNSERVER_PATH:-}" ] && [ -x "$TURNSERVER_PATH" ]; then
  exit 0
fi
if command -v turnserver >/dev/null 2>&1; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing coturn for the call tests (Debian package 'coturn')..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq coturn >/dev/null
  exit 0
fi
echo "The call tests need coturn's turnserver. Install it (Debian/Ubuntu: sudo apt-get install coturn)" >&2
echo "or point TURNSERVER_PATH at a turnserver binary, then run the tests again." >&2
exit 1
