#!/usr/bin/env bash
# Build the frozen app with PyInstaller (packaging/briefing.spec) into dist/briefing/, and
# on Linux the tarball dist/briefing-<version>-linux-<arch>.tar.gz: the app, its launcher
# (.desktop), AppStream metadata and icon under one app id, both files validated
# (desktop-file-validate, appstreamcli validate --no-net). Then check it with
#   dist/briefing/briefing --self-test
# It installs what it needs: the project's .venv (bootstrap.sh) if there is none,
# PyInstaller into it, and on Debian/Ubuntu the two validators if missing.
# Windows and macOS: see the top of packaging/briefing.spec (this script is for Linux).
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .venv/bin/python ] || bash packaging/bootstrap.sh
.venv/bin/pip install -q "pyinstaller>=6.10"

started=$(date +%s)
rm -rf build/pyinstaller dist/briefing
.venv/bin/pyinstaller --noconfirm --clean --log-level ERROR \
  --distpath dist --workpath build/pyinstaller packaging/briefing.spec
echo "Built dist/briefing/ in $(( $(date +%s) - started )) s ($(du -sh dist/briefing | cut -f1))"

[ "$(uname -s)" = Linux ] || exit 0

# -- the Linux tarball ---------------------------------------------------------------
id=$(.venv/bin/python -c "import briefing; print(briefing.APP_ID)")
version=$(.venv/bin/python -c "import briefing; print(briefing.__version__)")
if ! command -v desktop-file-validate >/dev/null || ! command -v appstreamcli >/dev/null; then
  if command -v apt-get >/dev/null; then
    echo "Installing the validators: desktop-file-utils appstream"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq desktop-file-utils appstream >/dev/null
  else
    echo "build.sh: desktop-file-validate and appstreamcli are needed to check the tarball's" \
         "launcher and metadata; install desktop-file-utils and appstream" >&2
    exit 1
  fi
fi
desktop-file-validate "packaging/$id.desktop"
appstreamcli validate --no-net --pedantic "packaging/$id.metainfo.xml"

name="briefing-$version-linux-$(uname -m)"
stage="build/$name"
rm -rf "$stage"
mkdir -p "$stage/share/applications" "$stage/share/metainfo" \
         "$stage/share/icons/hicolor/scalable/apps"
cp -a dist/briefing "$stage/briefing"
cp "packaging/$id.desktop" "$stage/share/applications/"
cp "packaging/$id.metainfo.xml" "$stage/share/metainfo/"
cp "resources/icons/$id.svg" "$stage/share/icons/hicolor/scalable/apps/"
cp packaging/install-frozen.sh "$stage/install.sh"
tar -C build -czf "dist/$name.tar.gz" "$name"
rm -rf "$stage"
echo "Packed dist/$name.tar.gz ($(du -sh "dist/$name.tar.gz" | cut -f1))"
