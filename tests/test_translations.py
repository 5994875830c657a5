"""The analyst's translation beside a quote in another language (issue 11, item 6): stored
on the highlight, set and cleared from the CLI, shown under the quote in every export."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import docx
import pytest

from briefing.cli import main
from briefing.core.archive import export_archive, import_archive
from briefing.core.export import BriefingSpec, export_briefing
from briefing.core.ingest.pipeline import import_files
from briefing.core.workspace import Workspace

DATA = Path(__file__).parent / "data" / "languages"
QUOTE = ("Начальник Головного управління розвідки Міноборони Кирило Буданов заявив, що в "
         "Курській області Росії вже перебувають близько 11 тисяч військових Північної Кореї.")
ENGLISH = ("Defence intelligence chief Kyrylo Budanov said about 11,000 North Korean troops "
           "are already in Russia's Kursk region.")


@pytest.fixture
def article_id(workspace_dir: Path) -> int:
    with Workspace.open(workspace_dir) as ws:
        list(import_files(ws, [DATA / "uk_pravda_budanov.txt"]))
        return ws.articles.list()[0].id


def run_json(capsys, *argv: str) -> dict:
    assert main(list(argv)) == 0
    return json.loads(capsys.readouterr().out)


def test_translation_is_set_shown_and_cleared_from_the_cli(capsys, workspace_dir: Path,
                                                           article_id: int) -> None:
    w = ["--workspace", str(workspace_dir)]
    added = run_json(capsys, *w, "highlight", "add", str(article_id), "--quote", QUOTE, "--json")
    assert added["translation"] == ""  # empty by default
    hid = str(added["id"])

    edited = run_json(capsys, *w, "highlight", "edit", hid, "--translation", ENGLISH, "--json")
    assert edited["translation"] == ENGLISH and edited["note"] == ""
    listed = run_json(capsys, *w, "highlight", "list", "--json")
    assert [h["translation"] for h in listed] == [ENGLISH]
    # the translation is searchable with its article: English words find the Ukrainian story
    hits = run_json(capsys, *w, "search", "Kursk region", "--json")
    assert [r["article_id"] for r in hits] == [article_id]

    assert main([*w, "highlight", "edit", hid, "--translation", ""]) == 0
    assert "translation cleared" in capsys.readouterr().out
    assert run_json(capsys, *w, "highlight", "list", "--json")[0]["translation"] == ""

    # given at once when adding; an edit with nothing to change is one clear line
    again = run_json(capsys, *w, "highlight", "add", str(article_id), "--quote", "Буданов",
                     "--translation", "Budanov", "--json")
    assert again["translation"] == "Budanov"
    assert main([*w, "highlight", "edit", hid]) != 0
    assert "give --note TEXT and/or --translation TEXT" in capsys.readouterr().err


def test_core_update_and_restore_keep_the_translation(workspace_dir: Path,
                                                      article_id: int) -> None:
    with Workspace.open(workspace_dir) as ws:
        article = ws.articles.get(article_id)
        start = article.text.index(QUOTE)
        h = ws.highlights.add(article_id, article.text, start, start + len(QUOTE))
        assert h.translation == ""
        h = ws.highlights.update(h.id, translation=ENGLISH)
        assert ws.highlights.get(h.id).translation == ENGLISH
        gone = ws.highlights.delete(h.id)
        assert ws.highlights.restore(gone).translation == ENGLISH  # undo of a deletion


def test_exports_show_the_translation_under_the_quote(workspace_dir: Path, tmp_path: Path,
                                                      article_id: int) -> None:
    with Workspace.open(workspace_dir) as ws:
        article = ws.articles.get(article_id)
        start = article.text.index(QUOTE)
        h = ws.highlights.add(article_id, article.text, start, start + len(QUOTE),
                              perspectives=["ukrainian"], note="HUR figure",
                              translation=ENGLISH)
        spec = BriefingSpec(title="Troops in Kursk", date="2024-11-14")
        for fmt in ("docx", "md", "csv", "json"):
            export_briefing(ws, spec, tmp_path / f"note.{fmt}", comparisons=[])

    paragraphs = docx.Document(str(tmp_path / "note.docx")).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.style.name == "Quote")
    assert paragraphs[at].text == f"\u201c{QUOTE}\u201d"
    under = paragraphs[at + 1]
    assert under.text == f"Analyst's translation: {ENGLISH}"
    label, text = under.runs
    assert label.bold and text.italic and not paragraphs[at].runs[0].italic
    assert paragraphs[at + 2].text.startswith("\u2014 ")  # then the source line

    md = (tmp_path / "note.md").read_text(encoding="utf-8")
    assert f"> \u201c{QUOTE}\u201d\n>\n> *Analyst's translation:* {ENGLISH}\n>\n> \u2014 " in md

    rows = list(csv.DictReader((tmp_path / "note.csv").open(encoding="utf-8-sig")))
    assert [(r["quote"], r["translation"]) for r in rows] == [(QUOTE, ENGLISH)]

    item = json.loads((tmp_path / "note.json").read_text(encoding="utf-8"))["first"]["items"][0]
    assert item["id"] == f"urn:briefing:highlight:{h.id}"
    bodies = {b["purpose"]: b["value"] for b in item["body"]}
    assert bodies["translating"] == ENGLISH and bodies["commenting"] == "HUR figure"
    assert item["briefing"]["translation"] == ENGLISH


def test_an_archive_carries_the_translation(workspace_dir: Path, tmp_path: Path,
                                            article_id: int) -> None:
    with Workspace.open(workspace_dir) as ws:
        article = ws.articles.get(article_id)
        start = article.text.index(QUOTE)
        ws.highlights.add(article_id, article.text, start, start + len(QUOTE),
                          translation=ENGLISH)
        export_archive(ws, tmp_path / "work.briefing")
    with Workspace.open(tmp_path / "other") as other:
        import_archive(other, tmp_path / "work.briefing")
        assert [(h.quote, h.translation) for h in other.highlights.list()] == [(QUOTE, ENGLISH)]
