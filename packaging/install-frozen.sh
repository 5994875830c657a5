#!/usr/bin/env bash
# Install the unpacked Briefing tarball for the current user (or under PREFIX):
# the app in PREFIX/lib/briefing, `briefing` on PATH in PREFIX/bin, and the launcher,
# AppStream metadata and icon in PREFIX/share, so Briefing shows in the desktop's menu.
#   ./install.sh                 # PREFIX=~/.local
#   PREFIX=/opt/briefing ./install.sh
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
prefix="${PREFIX:-$HOME/.local}"
rm -rf "$prefix/lib/briefing"
mkdir -p "$prefix/lib" "$prefix/bin"
cp -a "$here/briefing" "$prefix/lib/briefing"
ln -sf "$prefix/lib/briefing/briefing" "$prefix/bin/briefing"
(cd "$here/share" && find . -type f -exec install -Dm644 {} "$prefix/share/{}" \;)
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
echo "Installed Briefing in $prefix (run: briefing; check: briefing --self-test)"
