"""Saved briefs through the CLI and the core: every `briefing briefs` command, the order a
brief keeps, its export history, the same note twice, offers and "New since <date>"."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.cli import main  # noqa: E402
from briefing.core import briefs  # noqa: E402
from briefing.core.errors import BriefError  # noqa: E402
from briefing.core.export import ExportError  # noqa: E402
from briefing.core.export.selection import long_date  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from export_sample import HIGHLIGHTS, build_sample  # noqa: E402


def run(capsys: pytest.CaptureFixture[str], ws: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["--workspace", str(ws), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def listed(capsys, ws: Path) -> dict[str, dict]:
    code, out, _ = run(capsys, ws, "briefs", "--json")
    assert code == 0
    return {b["name"]: b for b in json.loads(out)}


@pytest.fixture
def sample(workspace_dir: Path) -> tuple[dict[str, int], list[int]]:
    """The five sample articles and their dozen highlights; (article ids, highlight ids)."""
    with Workspace.open(workspace_dir) as ws:
        return build_sample(ws)


def quotes(path: Path) -> list[str]:
    return [p.text for p in docx.Document(str(path)).paragraphs if p.style.name == "Quote"]


def test_cli_every_briefs_command(capsys, workspace_dir: Path, sample, tmp_path: Path) -> None:
    _, hids = sample
    assert listed(capsys, workspace_dir) == {}
    code, out, _ = run(capsys, workspace_dir, "briefs", "new", "Troops daily",
                       "--title", "North Korean troops", "--tag", "troops")
    assert (code, out.strip()) == (0, "made brief Troops daily: 4 highlight(s)")
    code, _, err = run(capsys, workspace_dir, "briefs", "new", "troops DAILY")
    assert code == 1 and "already a brief named 'troops DAILY'" in err
    code, _, err = run(capsys, workspace_dir, "briefs", "new", "X", "--perspective", "martian")
    assert code == 1 and err.startswith("briefing: briefs new: ") and "martian" in err
    code, _, err = run(capsys, workspace_dir, "briefs", "new", "X", "--collection", "nope")
    assert code == 1 and "no collection named 'nope'" in err

    brief = listed(capsys, workspace_dir)["Troops daily"]
    assert brief["title"] == "North Korean troops"
    assert brief["filters"]["tags"] == ["troops"]
    troops = [hids[i] for i, h in enumerate(HIGHLIGHTS) if "troops" in h[6]]
    assert sorted(brief["highlights"]) == sorted(troops)
    assert brief["exports"] == [] and brief["offered"] == [] and brief["new_since"] is None
    first = brief["highlights"]

    code, out, _ = run(capsys, workspace_dir, "briefs", "move", "Troops daily",
                       str(first[2]), "--to", "1")
    assert code == 0
    order = [first[2], first[0], first[1], first[3]]
    assert out.strip() == "Troops daily: " + " ".join(f"#{i}" for i in order)
    assert listed(capsys, workspace_dir)["Troops daily"]["highlights"] == order
    code, _, err = run(capsys, workspace_dir, "briefs", "move", "Troops daily",
                       str(first[2]), "--to", "9")
    assert code == 1 and "between 1 and 4" in err

    code, out, _ = run(capsys, workspace_dir, "briefs", "remove", "Troops daily", str(order[1]))
    assert (code, out.strip()) == (0, "removed 1 highlight(s) from Troops daily")
    brief = listed(capsys, workspace_dir)["Troops daily"]
    assert brief["highlights"] == [order[0], order[2], order[3]]
    assert brief["left_out"] == [order[1]] and brief["offered"] == []  # not offered again

    code, out, err = run(capsys, workspace_dir, "briefs", "add", "Troops daily",
                         str(hids[1]), "999")
    assert code == 1 and "added 1 highlight(s)" in out and "#999" in err
    assert listed(capsys, workspace_dir)["Troops daily"]["highlights"][-1] == hids[1]

    out_file = tmp_path / "out" / "troops.docx"
    out_file.parent.mkdir()
    code, out, err = run(capsys, workspace_dir, "briefs", "export", "Troops daily",
                         str(out_file))
    assert code == 0 and out.startswith(f"wrote {out_file} (docx): 4 highlight(s)")
    assert docx.Document(str(out_file)).paragraphs[0].text == "North Korean troops"
    exports = listed(capsys, workspace_dir)["Troops daily"]["exports"]
    assert [(e["file"], e["format"]) for e in exports] == [(str(out_file), "docx")]
    assert exports[0]["when"][:10] == dt.datetime.now(dt.UTC).date().isoformat()
    code, out, _ = run(capsys, workspace_dir, "briefs", "export", "Troops daily",
                       str(tmp_path / "out" / "troops.md"), "--format", "md")
    assert code == 0
    assert [e["format"] for e in listed(capsys, workspace_dir)["Troops daily"]["exports"]] \
        == ["docx", "md"]
    # the output guard of every export: never inside the workspace
    code, _, err = run(capsys, workspace_dir, "briefs", "export", "Troops daily",
                       str(workspace_dir / "library.docx"))
    assert code == 1 and "inside the workspace" in err
    assert len(listed(capsys, workspace_dir)["Troops daily"]["exports"]) == 2

    code, out, _ = run(capsys, workspace_dir, "briefs")
    assert code == 0 and "Troops daily" in out and "1 brief(s)" in out
    code, out, _ = run(capsys, workspace_dir, "briefs", "delete", "troops daily")
    assert (code, out.strip()) == (0, "deleted brief Troops daily (its highlights stay in "
                                      "the library)")
    assert listed(capsys, workspace_dir) == {}
    code, _, err = run(capsys, workspace_dir, "briefs", "delete", "Troops daily")
    assert (code, err.strip()) == (1, "briefing: briefs delete: no brief named 'Troops daily'")
    code, _, err = run(capsys, workspace_dir, "briefs", "add", "Gone", "1")
    assert code == 1 and "no brief named 'Gone'" in err


def test_a_brief_exported_twice_gives_the_same_note(capsys, workspace_dir: Path, sample,
                                                    tmp_path: Path) -> None:
    run(capsys, workspace_dir, "briefs", "new", "Daily", "--title", "Daily note")
    brief = listed(capsys, workspace_dir)["Daily"]
    last = brief["highlights"][-1]
    run(capsys, workspace_dir, "briefs", "move", "Daily", str(last), "--to", "1")
    with Workspace.open(workspace_dir) as ws:
        briefs.update(ws, "Daily", group_by="order", summary="Figures differ by source.",
                      author="Desk 4")
    one, two = tmp_path / "one.docx", tmp_path / "two.docx"
    assert run(capsys, workspace_dir, "briefs", "export", "Daily", str(one))[0] == 0
    assert run(capsys, workspace_dir, "briefs", "export", "Daily", str(two))[0] == 0
    today = long_date(dt.date.today().isoformat())

    def body(path: Path) -> list[str]:
        return [p.text for p in docx.Document(str(path)).paragraphs if today not in p.text]

    dated = [p.text for p in docx.Document(str(one)).paragraphs if today in p.text]
    assert len(dated) == 1 and "Desk 4" in dated[0]  # the date line, left out below
    assert body(one) == body(two)
    assert len(quotes(one)) == len(HIGHLIGHTS)
    with Workspace.open(workspace_dir, readonly=True) as ws:
        moved = ws.highlights.get(last).quote
    assert moved[-40:] in quotes(one)[0] and moved[-40:] not in quotes(one)[-1]  # its order


def test_new_highlights_are_offered_and_marked_new_since_the_last_export(
        capsys, workspace_dir: Path, sample, tmp_path: Path) -> None:
    ids, hids = sample
    run(capsys, workspace_dir, "briefs", "new", "Diplomacy", "--tag", "diplomacy")
    first = tmp_path / "first.md"
    assert run(capsys, workspace_dir, "briefs", "export", "Diplomacy", str(first))[0] == 0
    brief = listed(capsys, workspace_dir)["Diplomacy"]
    assert brief["new_since"]["highlights"] == [] and brief["new_since"]["sources"] == []

    # a highlight made later that matches the filter is offered, not added
    with Workspace.open(workspace_dir) as ws:
        text = ws.articles.text(ids["001"])
        start = text.index("Kim Jong Un")
        later = ws.highlights.add(ids["001"], text, start, start + len("Kim Jong Un"),
                                  perspectives=["ukrainian"], tags=["diplomacy"])
    brief = listed(capsys, workspace_dir)["Diplomacy"]
    assert brief["offered"] == [later.id] and later.id not in brief["highlights"]
    assert brief["new_since"]["highlights"] == []
    code, out, _ = run(capsys, workspace_dir, "briefs")
    assert "1 new match(es) offered" in out

    run(capsys, workspace_dir, "briefs", "add", "Diplomacy", str(later.id))
    brief = listed(capsys, workspace_dir)["Diplomacy"]
    assert brief["offered"] == []
    assert brief["new_since"] == {"since": brief["exports"][-1]["when"],
                                  "highlights": [later.id], "sources": [ids["001"]]}

    second = tmp_path / "second.md"
    code, _, _ = run(capsys, workspace_dir, "briefs", "export", "Diplomacy", str(second),
                     "--mark-new")
    assert code == 0
    day = dt.date.fromisoformat(brief["exports"][-1]["when"][:10])
    label = f"New since {day.day} {day.strftime('%b')} {day.year}"
    text = second.read_text(encoding="utf-8")
    assert text.count(label) == 2  # the new highlight and its new source
    assert "Kim Jong Un" in text.split(label)[0].rsplit("> \u201c", 1)[1]
    assert label not in first.read_text(encoding="utf-8")
    # after that export nothing is new any more
    assert listed(capsys, workspace_dir)["Diplomacy"]["new_since"]["highlights"] == []

    marked = tmp_path / "marked.docx"
    with Workspace.open(workspace_dir) as ws:
        briefs.add(ws, "Diplomacy", [hids[0]])
        briefs.export(ws, "Diplomacy", marked, mark_new=True)
    paragraphs = [p.text for p in docx.Document(str(marked)).paragraphs]
    table = tmp_path / "marked.csv"
    with Workspace.open(workspace_dir) as ws:
        briefs.export(ws, "Diplomacy", table, mark_new=True)  # new since the .docx above
        briefs.add(ws, "Diplomacy", [hids[2]])
        with pytest.raises(ExportError, match="CSV files carry no mark"):  # the output guard
            briefs.export(ws, "Diplomacy", table, mark_new=True)
        briefs.export(ws, "Diplomacy", table, mark_new=True, force=True)
    import csv

    rows = list(csv.DictReader(table.open(encoding="utf-8-sig")))
    assert [r["highlight_id"] for r in rows if r["new_since"]] == [str(hids[2])]
    notes = [p for p in paragraphs if p.startswith("Note: Earliest troop figure")]
    assert len(notes) == 1 and notes[0].endswith(f"\u00b7  {label}")
    sources = paragraphs[paragraphs.index("Sources") + 1:]
    assert not any(label in p for p in sources)  # its article was cited last time

    annotations = tmp_path / "marked.json"  # Web Annotations carry the mark too
    with Workspace.open(workspace_dir) as ws:
        briefs.add(ws, "Diplomacy", [hids[1]])
        briefs.export(ws, "Diplomacy", annotations, fmt="json", mark_new=True)
    items = json.loads(annotations.read_text(encoding="utf-8"))["first"]["items"]
    marked_ids = [a["id"] for a in items if a["briefing"].get("new_since", "").startswith(
        "New since ")]
    assert marked_ids == [f"urn:briefing:highlight:{hids[1]}"]


def test_duplicate_rename_delete_and_restore(workspace_dir: Path, sample) -> None:
    with Workspace.open(workspace_dir) as ws:
        made = briefs.create(ws, "Monday", "Monday note", perspectives=["US"])
        assert len(made.highlights) == 3
        briefs.move(ws, "Monday", made.highlights[2], 1)
        copy = briefs.duplicate(ws, "Monday", "Tuesday", title="Tuesday note")
        assert copy.row.title == "Tuesday note" and copy.highlights == \
            briefs.get(ws, "Monday").highlights
        assert copy.row.filters == {"perspectives": ["us"]}
        assert briefs.get(ws, "Monday").row.title == "Monday note"
        with pytest.raises(BriefError, match="already a brief named"):
            briefs.rename(ws, "Tuesday", "monday")
        briefs.rename(ws, "Tuesday", "Tuesday  draft")
        assert briefs.names(ws) == ["Monday", "Tuesday draft"]
        gone = briefs.delete(ws, "Monday")
        assert briefs.names(ws) == ["Tuesday draft"]
        briefs.restore(ws, gone)
        back = briefs.get(ws, "Monday")
        assert back.highlights == gone.chosen and back.row.title == "Monday note"


def test_a_deleted_highlight_leaves_its_briefs_and_undo_puts_it_back(workspace_dir: Path,
                                                                     sample) -> None:
    with Workspace.open(workspace_dir) as ws:
        made = briefs.create(ws, "Monday", perspectives=["US"])
        middle = made.highlights[1]
        gone = ws.highlights.delete(middle)
        assert middle not in briefs.get(ws, "Monday").highlights
        ws.highlights.restore(gone)
        assert briefs.get(ws, "Monday").highlights == made.highlights
        # an article deleted and put back keeps its highlights' places in briefs too
        from briefing.core.deletion import delete_articles, restore_articles

        article = ws.highlights.get(middle).article_id
        deleted = delete_articles(ws, [article])
        assert middle not in briefs.get(ws, "Monday").highlights
        restore_articles(ws, deleted)
        assert briefs.get(ws, "Monday").highlights == made.highlights


def test_an_archive_hands_briefs_on_in_their_order(workspace_dir: Path, sample,
                                                   tmp_path: Path) -> None:
    from briefing.core.archive import export_archive, import_archive

    with Workspace.open(workspace_dir) as ws:
        for a in ws.articles.list():  # the sample's originals are its texts
            ws.store_original(ws.articles.text(a.id).encode("utf-8"), a.original_hash)
        made = briefs.create(ws, "Monday", "Monday note", perspectives=["US"])
        briefs.move(ws, "Monday", made.highlights[2], 1)
        briefs.remove(ws, "Monday", [made.highlights[0]])
        briefs.export(ws, "Monday", tmp_path / "monday.md")
        sent = briefs.get(ws, "Monday").row
        quotes_sent = [(ws.highlights.get(h).quote, chosen) for h, chosen in sent.rows]
        report = export_archive(ws, tmp_path / "desk.briefing")
    assert report.briefs == 1 and report.line("Wrote").endswith(", 1 brief(s)")
    with Workspace.open(tmp_path / "colleague") as other:
        got = import_archive(other, tmp_path / "desk.briefing")
        assert got.briefs == 1
        row = briefs.get(other, "Monday").row
        assert row.title == "Monday note" and row.filters == {"perspectives": ["us"]}
        assert [(other.highlights.get(h).quote, chosen) for h, chosen in row.rows] \
            == quotes_sent
        assert row.exports == []  # the sender's files are not the colleague's history
        again = import_archive(other, tmp_path / "desk.briefing")  # nothing twice
        assert again.briefs == 0 and any("brief Monday" in n for n in again.notes)
