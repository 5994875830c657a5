"""Packaging and docs stay consistent: one app id everywhere, README images and commands real."""

from __future__ import annotations

import configparser
import re
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

from briefing import APP_ID

ROOT = Path(__file__).resolve().parents[1]


def test_one_reverse_dns_app_id_for_launcher_appstream_and_icon() -> None:
    desktop = ROOT / "packaging" / f"{APP_ID}.desktop"
    metainfo = ROOT / "packaging" / f"{APP_ID}.metainfo.xml"
    icon = ROOT / "resources" / "icons" / f"{APP_ID}.svg"
    assert desktop.is_file() and metainfo.is_file() and icon.is_file()
    entry = configparser.ConfigParser(interpolation=None)
    entry.read(desktop, encoding="utf-8")
    assert entry["Desktop Entry"]["Icon"] == APP_ID
    assert entry["Desktop Entry"]["Exec"].split()[0] == "briefing"
    component = ET.parse(metainfo).getroot()
    assert component.findtext("id") == APP_ID
    assert component.findtext("launchable") == f"{APP_ID}.desktop"
    ET.parse(icon)  # well-formed SVG


def test_launcher_and_appstream_files_pass_the_standard_validators() -> None:
    """The checks packaging/build.sh makes before packing (tools from bootstrap.sh --test)."""
    desktop = subprocess.run(["desktop-file-validate",
                              str(ROOT / "packaging" / f"{APP_ID}.desktop")],
                             capture_output=True, text=True)
    assert desktop.returncode == 0 and not desktop.stdout.strip(), desktop.stdout
    metainfo = subprocess.run(["appstreamcli", "validate", "--no-net",
                               str(ROOT / "packaging" / f"{APP_ID}.metainfo.xml")],
                              capture_output=True, text=True)
    assert metainfo.returncode == 0, metainfo.stdout + metainfo.stderr


def test_readme_images_exist_and_commands_match_ci() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    images = re.findall(r"\]\((docs/[^)]+\.png)\)", readme)
    assert len(images) >= 6
    for image in images:
        assert (ROOT / image).is_file(), image
    commands = re.findall(r"```sh\n(.+?)\n```", readme)
    assert commands[0] == "bash packaging/bootstrap.sh && .venv/bin/briefing"
    assert commands[1].startswith("bash packaging/bootstrap.sh --test && ")
    assert commands[2] == "bash packaging/build.sh && dist/briefing/briefing --self-test"
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash packaging/bootstrap.sh --test && .venv/bin/python -m pytest" in ci
    assert "QT_QPA_PLATFORM=offscreen" in ci
    # CI builds the frozen app and runs its self-test, always (no condition around it)
    assert f"\n{commands[2]}\n" in ci


def test_frozen_build_bundles_resources_and_every_module() -> None:
    spec = (ROOT / "packaging" / "briefing.spec").read_text(encoding="utf-8")
    assert '(str(root / "resources"), "briefing/resources")' in spec
    assert 'collect_submodules("briefing")' in spec  # the workers start by name
    for needed in ("perspectives.toml", "template/briefing.docx", "corpus"):
        assert (ROOT / "resources" / needed).exists(), needed
