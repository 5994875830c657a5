"""The core must never import Qt: the CLI and tests run it headless."""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import briefing

CORE = Path(briefing.__file__).parent / "core"
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "PySide2", "qtpy", "shiboken6")


def _imported_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


def test_no_core_module_imports_qt_or_ui() -> None:
    offenders = []
    files = sorted(CORE.rglob("*.py"))
    assert len(files) > 5
    for path in files:
        for name in _imported_names(path):
            if name.split(".")[0] in QT_MODULES or name.startswith("briefing.ui"):
                offenders.append(f"{path.relative_to(CORE.parent)} imports {name}")
    assert offenders == []


def test_importing_every_core_module_loads_no_qt() -> None:
    modules = [
        "briefing.core." + ".".join(p.relative_to(CORE).with_suffix("").parts)
        for p in sorted(CORE.rglob("*.py"))
        if p.name != "__init__.py"
    ]
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        f"bad = [m for m in sys.modules if m.split('.')[0] in {QT_MODULES!r}]\n"
        "print(bad); sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


ROOT = CORE.parents[2]
# The project writes SQL keywords in capitals; prose ("select text … from") does not match.
SQL = re.compile(r"\b(SELECT\s[^;]*?\bFROM\s+\w+|INSERT\s+INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM|"
                 r"PRAGMA\s+\w+|CREATE\s+(TABLE|INDEX|TRIGGER))\b")


def test_import_linter_contracts_are_kept() -> None:
    """Contracts in pyproject.toml: core without Qt, UI without storage or sqlite3, CLI
    without UI."""
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count(" KEPT") >= 3, result.stdout


def test_no_sql_in_the_ui() -> None:
    offenders = []
    for path in sorted((CORE.parent / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) \
                    and SQL.search(node.value):
                offenders.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    assert offenders == []


def test_the_sql_detector_sees_a_query() -> None:
    """The check above would notice SQL if it came back."""
    assert SQL.search("SELECT count(*) FROM articles WHERE id <= ?")
    assert SQL.search("SELECT DISTINCT h.article_id, t.name FROM highlight_tags ht")
    assert SQL.search("DELETE FROM highlights WHERE id = ?")
    assert not SQL.search("select text and press 1-9; the passages come from the list")


def test_mypy_passes_on_the_core() -> None:
    """The core's type hints hold ([tool.mypy] in pyproject.toml: briefing.core)."""
    mypy = Path(sys.executable).with_name("mypy")
    result = subprocess.run([str(mypy)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "Success" in result.stdout
