#!/usr/bin/env bash
# Install the launcher, AppStream data and icon for the current user (one app id for all three).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
id=io.github.briefing.Briefing
data="${XDG_DATA_HOME:-$HOME/.local/share}"
install -Dm644 "$here/$id.desktop" "$data/applications/$id.desktop"
install -Dm644 "$here/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
install -Dm644 "$here/../resources/icons/$id.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
echo "Installed $id for $(whoami)"
