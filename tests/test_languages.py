"""Sources in their own languages: Ukrainian, Russian, Korean and Chinese wire stories.

The pages in tests/data/languages/ were written for these tests, with their expected
language, title, date and search terms in labels.toml (labelled before the rules).
"""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.ingest.language import detect_language

DATA = Path(__file__).parent / "data" / "languages"
LABELS = tomllib.loads((DATA / "labels.toml").read_text(encoding="utf-8"))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    out, _err = capsys.readouterr()
    return code, out


@pytest.mark.parametrize("name", sorted(LABELS))
def test_language_of_each_page_is_detected(name: str) -> None:
    text = (DATA / f"{name}.txt").read_text(encoding="utf-8")
    assert detect_language(text) == LABELS[name]["language"]


def test_too_little_text_has_no_language() -> None:
    assert detect_language("Kursk 11") is None


def test_imported_articles_carry_their_language_and_are_found_by_lang(
        capsys, workspace_dir: Path) -> None:
    ws = str(workspace_dir)
    files = [str(DATA / f"{name}.txt") for name in ("uk_pravda_budanov", "ko_yonhap_nis")]
    code, out = run(capsys, "--workspace", ws, "import", *files)
    assert code == 0, out
    code, out = run(capsys, "--workspace", ws, "list", "--json")
    by_file = {a["source_file"]: a for a in json.loads(out)}
    korean = by_file["ko_yonhap_nis.txt"]
    assert korean["language"] == "ko"
    assert by_file["uk_pravda_budanov.txt"]["language"] == "uk"
    code, out = run(capsys, "--workspace", ws, "show", str(korean["id"]), "--json")
    assert json.loads(out)["language"] == "ko"
    code, out = run(capsys, "--workspace", ws, "search", "lang:ko", "--json")
    assert [h["article_id"] for h in json.loads(out)] == [korean["id"]]
    # the analyst corrects the language; the search follows
    code, out = run(capsys, "--workspace", ws, "edit", str(korean["id"]), "--language", "ru")
    assert code == 0, out
    code, out = run(capsys, "--workspace", ws, "search", "lang:ko", "--json")
    assert json.loads(out) == []
    code, out = run(capsys, "--workspace", ws, "search", "language:ru", "--json")
    assert [h["article_id"] for h in json.loads(out)] == [korean["id"]]
