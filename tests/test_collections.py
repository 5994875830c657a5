"""Collections: sets of articles and saved searches, through the CLI and the core.

Every command of `briefing collections`; search and export limited to a collection;
a saved search that stays live (an article imported later joins it).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core import collections
from briefing.core.errors import CollectionError
from briefing.core.workspace import Workspace


def run(capsys: pytest.CaptureFixture[str], ws: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, ws: Path) -> dict[str, dict]:
    code, out, _ = run(capsys, ws, "collections", "--json")
    assert code == 0
    return {c["name"]: c for c in json.loads(out)}


@pytest.fixture
def library(capsys, workspace_dir: Path, corpus_dir: Path) -> dict[str, int]:
    """The five sample articles imported; {source file: id}."""
    code, _, _ = run(capsys, workspace_dir, "import", str(corpus_dir))
    assert code == 0
    _, out, _ = run(capsys, workspace_dir, "list", "--json")
    return {a["source_file"]: a["id"] for a in json.loads(out)}


def test_cli_every_collections_command(capsys, workspace_dir: Path,
                                       library: dict[str, int]) -> None:
    ids = sorted(library.values())
    assert listed(capsys, workspace_dir) == {}

    code, out, _ = run(capsys, workspace_dir, "collections", "add", "Korea troops",
                       str(ids[0]), str(ids[1]))
    assert (code, out.strip()) == (0, "added 2 article(s) to Korea troops")
    code, out, err = run(capsys, workspace_dir, "collections", "add", "korea TROOPS",
                         str(ids[1]), str(ids[2]), "999")
    assert code == 1 and "added 1 article(s)" in out and "#999" in err
    assert listed(capsys, workspace_dir)["Korea troops"]["article_ids"] == ids[:3]

    code, out, _ = run(capsys, workspace_dir, "collections", "remove", "Korea troops",
                       str(ids[0]))
    assert (code, out.strip()) == (0, "removed 1 article(s) from Korea troops")
    code, out, err = run(capsys, workspace_dir, "collections", "remove", "Nothing", "1")
    assert code == 1 and err.strip() == "briefing: collections remove: no collection named " \
                                        "'Nothing'"

    code, out, _ = run(capsys, workspace_dir, "collections", "save-search", "Budanov",
                       "Budanov")
    assert code == 0 and "saved search Budanov:" in out
    found = listed(capsys, workspace_dir)
    assert found["Budanov"]["kind"] == "search" and found["Budanov"]["query"] == "Budanov"
    _, out, _ = run(capsys, workspace_dir, "search", "Budanov", "--json")
    assert sorted(found["Budanov"]["article_ids"]) == sorted(h["article_id"]
                                                              for h in json.loads(out))
    assert found["Budanov"]["article_ids"]
    assert found["Korea troops"] | {"article_ids": None} == {
        "name": "Korea troops", "kind": "set", "query": None, "article_ids": None,
        "count": 2, "created": found["Korea troops"]["created"], "message": None}

    # a set and a saved search cannot be confused
    code, _, err = run(capsys, workspace_dir, "collections", "add", "Budanov", str(ids[0]))
    assert code == 1 and "is a saved search" in err
    code, _, err = run(capsys, workspace_dir, "collections", "save-search", "Korea troops", "x")
    assert code == 1 and "is a set of articles" in err

    code, out, _ = run(capsys, workspace_dir, "collections")
    assert "Korea troops" in out and "search: Budanov" in out and "2 collection(s)" in out

    code, out, _ = run(capsys, workspace_dir, "collections", "delete", "Korea troops")
    assert code == 0 and "deleted collection Korea troops" in out
    assert set(listed(capsys, workspace_dir)) == {"Budanov"}
    _, out, _ = run(capsys, workspace_dir, "list", "--json")
    assert len(json.loads(out)) == 5, "deleting a collection never deletes its articles"
    code, _, err = run(capsys, workspace_dir, "collections", "delete", "Korea troops")
    assert code == 1 and "no collection named 'Korea troops'" in err


def test_search_and_export_limited_to_a_collection(capsys, workspace_dir: Path,
                                                   library: dict[str, int],
                                                   tmp_path: Path) -> None:
    _, out, _ = run(capsys, workspace_dir, "search", "Russia", "--json")
    everywhere = [h["article_id"] for h in json.loads(out)]
    assert len(everywhere) >= 2
    keep = everywhere[0]
    run(capsys, workspace_dir, "collections", "add", "One", str(keep))
    _, out, _ = run(capsys, workspace_dir, "search", "Russia", "--collection", "One", "--json")
    assert [h["article_id"] for h in json.loads(out)] == [keep]
    code, _, err = run(capsys, workspace_dir, "search", "Russia", "--collection", "Nope")
    assert code == 2 and "no collection named 'Nope'" in err

    with Workspace.open(workspace_dir) as ws:
        for article_id in everywhere[:2]:
            ws.highlights.add(article_id, ws.articles.text(article_id), 0, 30, ["us"])
    out_file = tmp_path / "note.json"
    code, out, err = run(capsys, workspace_dir, "export", str(out_file), "--collection", "One")
    assert code == 0, err
    note = json.loads(out_file.read_text(encoding="utf-8"))
    assert [item["target"]["source"]["id"] for item in note["first"]["items"]] == [
        f"urn:briefing:article:{keep}"]
    code, _, err = run(capsys, workspace_dir, "export", str(out_file), "--collection", "Nope")
    assert code == 1 and "no collection named 'Nope'" in err


def test_a_saved_search_stays_live(capsys, workspace_dir: Path, corpus_dir: Path,
                                   tmp_path: Path) -> None:
    one = tmp_path / "one"
    one.mkdir()
    files = sorted(corpus_dir.iterdir())
    shutil.copy2(files[0], one / files[0].name)
    run(capsys, workspace_dir, "import", str(one))
    run(capsys, workspace_dir, "collections", "save-search", "Korea", "Korea*")
    before = listed(capsys, workspace_dir)["Korea"]["count"]
    run(capsys, workspace_dir, "import", str(corpus_dir))
    after = listed(capsys, workspace_dir)["Korea"]["count"]
    assert after > before >= 1


def test_core_refuses_with_one_line(workspace_dir: Path) -> None:
    with Workspace.open(workspace_dir) as ws:
        with pytest.raises(CollectionError, match="needs a name"):
            collections.add(ws, "  ", [1])
        with pytest.raises(CollectionError, match="needs a query"):
            collections.save_search(ws, "Empty", " ")
        assert collections.names(ws) == []
