#!/usr/bin/env bash
# Makes sure the programs the tests drive are present: Chromium for the end-to-end tests
# (CHROMIUM_PATH, else /usr/bin/chromium) and coturn's turnserver for the call relayed through
# TURN (TURNSERVER_PATH, else turnserver on the PATH). A missing one is installed from Debian's
# packages when running as root with apt-get; otherwise the script says what to install.
set -euo pipefail

missing=()
apt_updated=""
# ensure <yes|no: present> <Debian package> <what it is for> <variable that points elsewhere>
ensure() {
  local present="$1" package="$2" purpose="$3" variable="$4"
  if [ "$present" = "yes" ]; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing $package for $purpose (Debian package '$package')..."
    if [ -z "$apt_updated" ]; then apt-get update -qq; apt_updated=1; fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$package" >/dev/null
    return 0
  fi
  echo "Missing $package, for $purpose. Install it (Debian/Ubuntu: sudo apt-get install $package)" >&2
  echo "or point $variable at it, then run the tests again." >&2
  missing+=("$package")
}

browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
ensure "$([ -x "$browser" ] && echo yes || echo no)" chromium "the end-to-end tests" CHROMIUM_PATH
turn="${TURNSERVER_PATH:-$(command -v turnserver || true)}"
ensure "$([ -n "$turn" ] && [ -x "$turn" ] && echo yes || echo no)" coturn "the call test through TURN" TURNSERVER_PATH

[ "${#missing[@]}" -eq 0 ]
