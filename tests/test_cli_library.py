"""The library command-line contract: import, list, show, duplicates, bad files."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def listing(capsys, ws: Path) -> list[dict]:
    code, out, _ = run(capsys, "--workspace", str(ws), "list", "--json")
    assert code == 0
    return json.loads(out)


def test_import_corpus_then_list_and_show(capsys, workspace_dir: Path, corpus_dir: Path) -> None:
    code, out, _ = run(capsys, "--workspace", str(workspace_dir), "import", str(corpus_dir))
    assert code == 0, out
    assert out.count("imported ") == 5
    assert "5 imported, 0 duplicate(s), 0 failed" in out
    items = listing(capsys, workspace_dir)
    assert len(items) == 5
    for item in items:
        assert {"id", "title", "title_inferred", "publisher", "authors", "published", "words",
                "source_file"} <= set(item)
        assert isinstance(item["authors"], list)
        assert item["words"] > 300
    by_file = {i["source_file"]: i for i in items}
    bloomberg = by_file["002_d7106082c63f3c31.txt"]
    assert bloomberg["title"] == "Why Thousands of North Koreans Are Fighting in Russia"
    assert bloomberg["publisher"] == "Bloomberg"
    rsis = by_file["003_a6fc2063652d85c0.txt"]
    assert rsis["authors"] == ["Drew Thompson"]
    assert rsis["published"] == "2024-11-15"
    assert by_file["001_096c5dfba91e82fd.txt"]["publisher"] == "The Economist"
    assert by_file["001_096c5dfba91e82fd.txt"]["title_inferred"] is True

    code, out, _ = run(capsys, "--workspace", str(workspace_dir), "show", str(rsis["id"]), "--json")
    shown = json.loads(out)
    assert shown["title"] == rsis["title"]
    assert "Ukrainian, South Korean, and US officials began warning" in shown["text"]
    assert shown["text"].count("One Chinese scholar described") == 1  # printed twice on the page
    assert "Rate your experience" not in shown["text"]


def test_reimport_reports_duplicates_and_changes_nothing(capsys, workspace_dir, corpus_dir) -> None:
    run(capsys, "--workspace", str(workspace_dir), "import", str(corpus_dir))
    before = listing(capsys, workspace_dir)
    code, out, _ = run(capsys, "--workspace", str(workspace_dir), "import", str(corpus_dir))
    assert code == 0
    assert out.count("duplicate of #") == 5
    assert listing(capsys, workspace_dir) == before


def test_same_article_with_other_page_furniture_is_a_duplicate(capsys, workspace_dir, corpus_dir,
                                                               tmp_path) -> None:
    run(capsys, "--workspace", str(workspace_dir), "import", str(corpus_dir / "002_d7106082c63f3c31.txt"))
    original = (corpus_dir / "002_d7106082c63f3c31.txt").read_text(encoding="utf-8")
    variant = tmp_path / "bloomberg-copy.txt"
    variant.write_text("Home\nWorld\nBusiness\nMarkets\nSign in\n\n" + original.replace(
        "ADVERTISEMENT", "Subscribe to our newsletter") + "\nShare this article\nRelated Articles\n",
        encoding="utf-8")
    code, out, _ = run(capsys, "--workspace", str(workspace_dir), "import", str(variant))
    assert code == 0
    assert "duplicate of #1" in out
    assert len(listing(capsys, workspace_dir)) == 1


def test_bad_files_fail_with_reasons_and_the_batch_goes_on(capsys, workspace_dir, corpus_dir,
                                                            tmp_path) -> None:
    run(capsys, "--workspace", str(workspace_dir), "import", str(corpus_dir / "004_7e95c2ee6082fbf3.txt"))
    before = listing(capsys, workspace_dir)
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "empty.txt").write_bytes(b"")
    (batch / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (batch / "broken.docx").write_bytes(b"PK\x03\x04 this is not really a zip file")
    (batch / "scan.pdf").write_bytes(b"%PDF-1.4\n%garbage that is not a pdf\n")
    with open(batch / "huge.txt", "wb") as fh:  # 200 MB, sparse: refused by size, never read
        fh.truncate(200_000_000)
    shutil.copy(corpus_dir / "001_096c5dfba91e82fd.txt", batch / "economist.txt")
    code, out, _ = run(capsys, "--workspace", str(workspace_dir), "import", str(batch))
    assert code == 1
    lines = {line.split()[1].rstrip(":").split("/")[-1]: line for line in out.splitlines()
             if line.startswith(("failed", "imported"))}
    assert lines["economist.txt"].startswith("imported")
    for bad in ("empty.txt", "binary.txt", "broken.docx", "scan.pdf", "huge.txt"):
        assert lines[bad].startswith("failed"), lines[bad]
        assert len(lines[bad].split(":", 1)[1].strip()) > 8  # a reason, not just "error"
    assert "empty" in lines["empty.txt"]
    assert "200 MB" in lines["huge.txt"] and "50 MB" in lines["huge.txt"]
    assert "1 imported, 0 duplicate(s), 5 failed" in out
    after = listing(capsys, workspace_dir)
    assert after[0] == before[0]
    assert len(after) == 2


def test_missing_file_and_unknown_article(capsys, workspace_dir, tmp_path) -> None:
    code, out, _ = run(capsys, "--workspace", str(workspace_dir), "import",
                       str(tmp_path / "nope.txt"))
    assert code == 1
    assert "does not exist" in out
    code, _, err = run(capsys, "--workspace", str(workspace_dir), "show", "42")
    assert code == 1
    assert "no article #42" in err


def test_originals_are_kept_byte_for_byte(capsys, workspace_dir, corpus_dir) -> None:
    run(capsys, "--workspace", str(workspace_dir), "import", str(corpus_dir))
    stored = sorted(p.read_bytes() for p in (workspace_dir / "originals").rglob("*") if p.is_file())
    assert stored == sorted(p.read_bytes() for p in corpus_dir.iterdir())


def test_search_says_when_a_short_prefix_left_words_out(capsys, workspace_dir: Path,
                                                          corpus_dir: Path) -> None:
    assert run(capsys, "--workspace", str(workspace_dir), "import", str(corpus_dir))[0] == 0
    code, out, err = run(capsys, "--workspace", str(workspace_dir), "search", "s*")
    assert code == 0
    assert "match(es)" in out
    assert "briefing: s* searched its 24 most frequent words (and " in err  # a 1-letter stem
    code, out, err = run(capsys, "--workspace", str(workspace_dir), "search", "budanov")
    assert code == 0 and "most frequent" not in err
