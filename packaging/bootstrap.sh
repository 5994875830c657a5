#!/usr/bin/env bash
# Set up Briefing from a source checkout on a fresh Debian/Ubuntu machine:
# the system libraries Qt needs (only if missing), then a virtualenv in .venv.
#   bash packaging/bootstrap.sh          # the app
#   bash packaging/bootstrap.sh --test   # the app and the test tools
set -euo pipefail
cd "$(dirname "$0")/.."

pkgs=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 libfreetype6 libdbus-1-3
      libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-xinerama0
      libxcb-randr0 libxcb-render-util0 libxcb-image0 fonts-dejavu-core fonts-noto-cjk)
# fonts-noto-cjk: Hangul and Hanzi in the reader and in the note (DejaVu covers Cyrillic);
# without a CJK font Qt and LibreOffice draw Korean and Chinese articles as empty boxes.
# The tests also open the exported note in LibreOffice, as its reader would (no GUI parts),
# and check the launcher and AppStream files with the tools the desktops and app stores use.
[ "${1:-}" = "--test" ] && pkgs+=(libreoffice-writer-nogui poppler-utils desktop-file-utils appstream)
if command -v dpkg-query >/dev/null 2>&1; then
  missing=()
  for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system libraries and fonts: ${missing[*]}"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
extra=""; [ "${1:-}" = "--test" ] && extra="[test]"
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".${extra}"
