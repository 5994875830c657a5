"""The analyst corrects article details; corrections stick through re-import and re-cleaning."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.details import DetailsError, edit_details, restore_details
from briefing.core.ingest.sample import import_sample_corpus
from briefing.core.maintenance import replace_article_text
from briefing.core.reclean import reclean
from briefing.core.workspace import Workspace, WorkspaceReadOnly

ECONOMIST = "001_096c5dfba91e82fd.txt"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def library(workspace_dir: Path) -> Path:
    with Workspace.open(workspace_dir) as ws:
        list(import_sample_corpus(ws))
    return workspace_dir


def _id_of(ws: Workspace, source_file: str) -> int:
    return next(a.id for a in ws.articles.list() if a.source_file == source_file)


def test_edit_confirms_the_fields_and_search_sees_the_new_title(library: Path) -> None:
    with Workspace.open(library) as ws:
        aid = _id_of(ws, ECONOMIST)
        assert ws.articles.get(aid).title_inferred
        change = edit_details(ws, aid, {"title": "  Kim's   gamble ", "authors": ["Jane Roe"],
                                        "date": "2024-11", "url": "https://example.org/kim",
                                        "kind": "analysis", "note": "check the figures"},
                              confirm=["publisher"])
        article = ws.articles.get(aid)
        assert article.title == "Kim's gamble"
        assert not article.title_inferred
        assert article.authors == ["Jane Roe"]
        assert article.published == "2024-11" and article.published_precision == "month"
        assert article.source_url == "https://example.org/kim"
        assert article.kind == "analysis" and article.note == "check the figures"
        assert article.publisher == "The Economist"  # confirmed, not changed
        for name in ("title", "authors", "published", "source_url", "kind", "publisher"):
            assert article.provenance[name] == "confirmed"
        assert change.changed[:2] == ["title", "publisher"]
        hits = ws.index.search("gamble").hits
        assert [h.article_id for h in hits] == [aid]
        assert hits[0].title == "Kim's gamble"


@pytest.mark.parametrize(("changes", "message"), [
    ({"date": "2024-02-30"}, "does not exist"),
    ({"date": "Nov 2024"}, "not YYYY"),
    ({"kind": "blog"}, "unknown kind"),
    ({"url": "javascript:alert(1)"}, r"not an http\(s\) address"),
    ({"language": "English!"}, "not a language code"),
    ({"title": "  "}, "cannot be empty"),
    ({"colour": "red"}, "unknown field"),
])
def test_a_bad_value_changes_nothing(library: Path, changes: dict, message: str) -> None:
    with Workspace.open(library) as ws:
        before = ws.articles.get(1)
        with pytest.raises(DetailsError, match=message):
            edit_details(ws, 1, {"title": "New title", **changes})
        assert ws.articles.get(1) == before


def test_undo_puts_the_details_and_provenance_back(library: Path) -> None:
    with Workspace.open(library) as ws:
        aid = _id_of(ws, ECONOMIST)
        change = edit_details(ws, aid, {"title": "Kim's gamble"})
        restore_details(ws, aid, change.before)
        article = ws.articles.get(aid)
        assert article.title == change.before["title"]
        assert article.title_inferred and article.provenance.get("title") == "inferred"
        assert ws.index.search("gamble").hits == []
        restore_details(ws, aid, change.after)
        assert ws.articles.get(aid).title == "Kim's gamble"


def test_a_read_only_workspace_refuses_edits(library: Path) -> None:
    with Workspace.open(library, readonly=True) as ws, \
            pytest.raises(WorkspaceReadOnly, match="cannot edit article details"):
        edit_details(ws, 1, {"title": "x"})


def test_cli_edit_and_show_json(capsys, library: Path) -> None:
    ws_arg = ("--workspace", str(library))
    code, out, _ = run(capsys, *ws_arg, "list", "--json")
    aid = next(i["id"] for i in json.loads(out) if i["source_file"] == ECONOMIST)
    code, out, err = run(capsys, *ws_arg, "edit", str(aid), "--title", "Kim's gamble",
                         "--author", "Jane Roe", "--author", "John Doe", "--date", "2024-11-02",
                         "--url", "https://example.org/kim", "--kind", "analysis",
                         "--language", "en-GB", "--confirm", "publisher")
    assert code == 0, err
    assert "updated title" in out
    code, out, _ = run(capsys, *ws_arg, "show", str(aid), "--json")
    shown = json.loads(out)
    assert shown["title"] == "Kim's gamble" and shown["title_inferred"] is False
    assert shown["authors"] == ["Jane Roe", "John Doe"]
    assert shown["published"] == "2024-11-02" and shown["published_precision"] == "day"
    assert shown["source_url"] == "https://example.org/kim"
    assert shown["kind"] == "analysis" and shown["language"] == "en-GB"
    assert shown["provenance"]["publisher"] == "confirmed"
    code, out, _ = run(capsys, *ws_arg, "search", "gamble", "--json")
    assert [h["article_id"] for h in json.loads(out)] == [aid]

    code, out, err = run(capsys, *ws_arg, "edit", str(aid), "--title", "Other", "--date",
                         "2024-13")
    assert code == 2
    assert err.strip().count("\n") == 0 and "date '2024-13' does not exist" in err
    assert "nothing was changed" in err and "Traceback" not in err
    code, out, _ = run(capsys, *ws_arg, "show", str(aid), "--json")
    assert json.loads(out)["title"] == "Kim's gamble"
    code, _, err = run(capsys, *ws_arg, "edit", "999", "--title", "x")
    assert code == 1 and "no article #999" in err
    code, _, err = run(capsys, *ws_arg, "edit", str(aid))
    assert code == 2 and "nothing to change" in err


def test_reimport_keeps_confirmed_fields(capsys, library: Path, corpus_dir: Path) -> None:
    with Workspace.open(library) as ws:
        aid = _id_of(ws, ECONOMIST)
        edit_details(ws, aid, {"title": "Kim's gamble"})
    code, out, _ = run(capsys, "--workspace", str(library), "import", str(corpus_dir))
    assert code == 0 and out.count("duplicate of #") == 5
    with Workspace.open(library) as ws:
        assert ws.articles.get(aid).title == "Kim's gamble"


def test_reclean_keeps_confirmed_fields_and_reports_orphans(capsys, library: Path) -> None:
    with Workspace.open(library) as ws:
        aid = _id_of(ws, ECONOMIST)
        original = ws.articles.get(aid)
        # an older cleaning rule that kept a furniture line and mis-read the publisher
        replace_article_text(ws, aid, "Subscribe to our newsletter today\n\n" + original.text)
        ws.articles.update_metadata(aid, publisher="Economist Group Ltd")
        edit_details(ws, aid, {"title": "Kim's gamble"})
        text = ws.articles.text(aid)
        kept = ws.highlights.add(aid, text, text.index("North Korea"), text.index("North Korea")
                                 + 40)
        furniture = ws.highlights.add(aid, text, 0, len("Subscribe to our newsletter"))
    code, out, err = run(capsys, "--workspace", str(library), "reclean", str(aid))
    assert code == 0, err
    assert f"#{aid} Kim's gamble: changed text, publisher; kept your title" in out
    assert "1 highlight(s) placed, 1 orphaned" in out
    assert f"orphaned highlight {furniture.id}: \u201cSubscribe to our newsletter\u201d" in out
    with Workspace.open(library) as ws:
        article = ws.articles.get(aid)
        assert article.text == original.text
        assert article.title == "Kim's gamble" and article.publisher == "The Economist"
        moved = ws.highlights.get(kept.id)
        assert not moved.orphaned and article.text[moved.start:moved.end] == kept.quote
        assert ws.highlights.get(furniture.id).orphaned
        assert any(p.name.endswith("-bulk.sqlite3") for p in (library / "backups").iterdir())


def test_reclean_of_a_missing_original_says_so_and_goes_on(library: Path) -> None:
    with Workspace.open(library) as ws:
        first, second = ws.articles.list()[:2]
        ws.original_path(first.original_hash).unlink()
        results = list(reclean(ws, [first.id, second.id]))
    assert "original file is missing" in results[0].line()
    assert results[1].error is None


def test_deleted_articles_come_back_with_highlights_tags_and_duplicate_detection(
        library: Path, corpus_dir: Path) -> None:
    from briefing.core.deletion import delete_articles, restore_articles
    from briefing.core.ingest.pipeline import Importer

    with Workspace.open(library) as ws:
        aid = _id_of(ws, ECONOMIST)
        text = ws.articles.text(aid)
        h = ws.highlights.add(aid, text, 0, 30, ["ukrainian", "us"], note="first line",
                              tags=["troops"])
        ws.articles.set_tags(aid, ["kursk"])
        edit_details(ws, aid, {"title": "Kim's gamble"})
        before = ws.articles.get(aid)
        deleted = delete_articles(ws, [aid, 999])
        assert deleted.ids == [aid] and ws.articles.get(aid) is None
        assert ws.highlights.get(h.id) is None
        assert restore_articles(ws, deleted) == 1
        assert ws.articles.get(aid) == before
        back = ws.highlights.get(h.id)
        assert back.perspectives == ["ukrainian", "us"] and back.tags == ["troops"]
        assert back.note == "first line"
        assert [x.article_id for x in ws.index.search("gamble").hits] == [aid]
        again = Importer(ws).import_one(corpus_dir / ECONOMIST)
        assert again.status == "duplicate" and again.duplicate_of == aid


def test_cli_clears_authors_and_recleans_everything(capsys, library: Path) -> None:
    ws_arg = ("--workspace", str(library))
    code, out, err = run(capsys, *ws_arg, "edit", "4", "--author", "")
    assert code == 0, err
    code, out, _ = run(capsys, *ws_arg, "show", "4", "--json")
    shown = json.loads(out)
    assert shown["authors"] == [] and shown["provenance"]["authors"] == "confirmed"
    code, out, err = run(capsys, *ws_arg, "reclean")
    assert code == 0, err
    assert out.count("recleaned  #") == 5
    assert "#4 " in out and "kept your authors" in out
    code, out, _ = run(capsys, *ws_arg, "show", "4", "--json")
    assert json.loads(out)["authors"] == []
    code, _, err = run(capsys, *ws_arg, "reclean", "77")
    assert code == 1 and "not found: #77" in err
