#!/usr/bin/env bash
# Install the Debian packages a profile needs, only when missing and only when apt is usable.
#   run:  gettext (compiling translations)
#   redis: redis-server, where CI finds no Redis running
#   test: gettext, CJK fonts and HarfBuzz subsetting for PDFs, poppler for checking PDFs,
#         Debian's chromium for the browser tests
set -euo pipefail

profile="${1:-test}"
packages=(gettext)
if [ "$profile" = "redis" ]; then
  packages=(redis-server)
elif [ "$profile" = "test" ]; then
  packages+=(fonts-noto-cjk libharfbuzz-subset0 libpango-1.0-0 libpangoft2-1.0-0 poppler-utils chromium)
fi

missing=()
for pkg in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=""
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  sudo="sudo"
else
  echo "Missing Debian packages: ${missing[*]} (run as root or with sudo to install them)." >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "Missing packages ${missing[*]} and no apt-get on this machine." >&2
  exit 1
fi
echo "Installing Debian packages: ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
