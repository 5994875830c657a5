"""Tags on highlights: stored normalised, matched case-folded, searched with `tag:`,
selected and grouped by in the exported note (read back from the .docx)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

from briefing.cli import main
from briefing.core.export import BriefingSpec, export_briefing
from briefing.core.store.highlights import HighlightError
from briefing.core.workspace import Workspace
from export_sample import build_sample

BUDANOV = "North Korea is producing new weapons around the clock"


@pytest.fixture
def sample(workspace_dir: Path) -> Iterator[tuple[Workspace, dict[str, int], list[int]]]:
    ws = Workspace.open(workspace_dir)
    ids, highlight_ids = build_sample(ws)
    yield ws, ids, highlight_ids
    ws.close()


def _budanov(ws: Workspace) -> int:
    return next(h.id for h in ws.highlights.list() if h.quote.startswith(BUDANOV))


def test_tags_are_normalised_and_matched_case_folded(sample) -> None:
    ws, _, _ = sample
    hid = _budanov(ws)
    h = ws.highlights.retag(hid, add=["  Shell   supply ", "shell SUPPLY", "État-major"])
    assert sorted(h.tags) == sorted(["munitions", "Shell supply", "État-major"])
    # another highlight reuses the first spelling, whatever case the analyst types
    other = next(x for x in ws.highlights.list() if x.id != hid)
    other = ws.highlights.retag(other.id, add=["SHELL SUPPLY", "ÉTAT-MAJOR"])
    assert "Shell supply" in other.tags and "État-major" in other.tags
    assert "SHELL SUPPLY" not in other.tags
    # removal matches case-folded too
    h = ws.highlights.retag(hid, remove=["shell supply", "ÉTAT-major"])
    assert set(h.tags) == {"munitions"}
    assert {x.id for x in ws.highlights.list(tags=["shell SUPPLY"])} == {other.id}
    assert "Shell supply" in ws.highlights.all_tags()
    with pytest.raises(HighlightError, match="at least one letter"):
        ws.highlights.retag(hid, add=["   "])
    with pytest.raises(HighlightError, match="no highlight 999"):
        ws.highlights.retag(999, add=["x"])


def test_cli_tags_list_json_and_search(sample, capsys: pytest.CaptureFixture[str]) -> None:
    ws, ids, _ = sample
    root, hid = ws.root, _budanov(ws)
    article = next(h.article_id for h in ws.highlights.list() if h.id == hid)
    ws.close()
    w = ["--workspace", str(root)]
    assert main([*w, "search", "tag:Frontline", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []

    assert main([*w, "highlight", "tag", str(hid), "--add", "Frontline", "--add", "ammo",
                 "--remove", "MUNITIONS", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["tags"] == ["ammo", "Frontline"]  # A-Z, any case
    assert main([*w, "search", "tag:frontline", "--json"]) == 0
    assert [r["article_id"] for r in json.loads(capsys.readouterr().out)] == [article]

    quote = "Kim Jong Un, has decided to commit at least 11,000 troops to the war."
    assert main([*w, "highlight", "add", str(ids["001"]), "--quote", quote, "--tag", "Frontline",
                 "--tag", "first estimate", "--json"]) == 0
    added = json.loads(capsys.readouterr().out)
    assert added["tags"] == ["first estimate", "Frontline"]
    assert main([*w, "highlight", "list", "--tag", "FRONTLINE", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert {r["id"] for r in listed} == {hid, added["id"]}
    assert all("tags" in r for r in listed)
    assert main([*w, "search", "tag:frontline", "--json"]) == 0
    assert {r["article_id"] for r in json.loads(capsys.readouterr().out)} == \
        {article, ids["001"]}

    # removing the last Frontline tag of an article takes it out of `tag:` results
    assert main([*w, "highlight", "tag", str(hid), "--remove", "frontline"]) == 0
    assert f"highlight #{hid} tags: ammo" in capsys.readouterr().out
    assert main([*w, "search", "tag:frontline", "--json"]) == 0
    assert [r["article_id"] for r in json.loads(capsys.readouterr().out)] == [ids["001"]]

    assert main([*w, "highlight", "tag", "999", "--add", "x"]) == 1
    assert capsys.readouterr().err.strip() == "briefing: no highlight #999"
    assert main([*w, "highlight", "tag", str(hid)]) == 2
    assert "give --add TAG" in capsys.readouterr().err


def test_export_by_tag_and_grouped_by_tag_read_back(sample, tmp_path: Path) -> None:
    ws, _, _ = sample
    hid = _budanov(ws)
    ws.highlights.retag(hid, add=["Frontline"])
    out = tmp_path / "frontline.docx"
    export_briefing(ws, BriefingSpec(title="Front", tags=["FRONTLINE"], group_by="tag"), out,
                    comparisons=[])
    doc = docx.Document(str(out))
    text = "\n".join(p.text for p in doc.paragraphs)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "Frontline"
    assert BUDANOV in text
    assert "11,000 troops" not in text  # a highlight without the tag is left out

    everything = tmp_path / "all.docx"
    export_briefing(ws, BriefingSpec(title="All", group_by="tag"), everything, comparisons=[])
    headings = [p.text for p in docx.Document(str(everything)).paragraphs
                if p.style.name == "Heading 1"]
    assert "Frontline" in headings and "troops" in headings
