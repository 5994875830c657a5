"""Handing work on: a workspace or a collection as one archive, verified on import.

Export with highlights, a custom perspective, the speaker book and collections; import
into a fresh workspace and find the same things (originals byte for byte); importing
again adds nothing. A damaged, changed, incomplete or padded archive is refused with the
part named, and nothing is imported.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core import collections
from briefing.core.archive import export_archive, import_archive, read_archive
from briefing.core.errors import ArchiveError
from briefing.core.ingest.sample import import_sample_corpus
from briefing.core.workspace import Workspace


def _sentence(text: str, word: str) -> tuple[int, int]:
    at = text.index(word)
    start = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1)
    return start, text.index(".", at) + 1


@pytest.fixture
def source(tmp_path: Path) -> Path:
    """A workspace with the sample, highlights, a custom perspective, a speaker
    assignment, a set and a saved search."""
    root = tmp_path / "source"
    with Workspace.open(root) as ws:
        list(import_sample_corpus(ws))
        ws.perspectives.add("Japanese", "#aa3377", "", ["Tokyo"])
        ids = sorted(ws.articles.ids())
        for article_id, word, keys in ((ids[0], "Russia", ["japanese", "us"]),
                                       (ids[1], "troops", ["ukrainian"])):
            text = ws.articles.text(article_id)
            ws.highlights.add(article_id, text, *_sentence(text, word), perspectives=keys,
                              note="check", tags=["Kursk"])
        ws.highlights.add_orphan(ids[2], "a passage the text lost", 5, 28, ["us"], note="gone")
        ws.articles.set_tags(ids[0], ["front page"])
        ws.articles.update_metadata(ids[0], note="my note")
        ws.speakers.assign("Kyrylo Budanov", "ukrainian")
        collections.add(ws, "Pair", ids[:2])
        ws.index.sync()
        collections.save_search(ws, "Budanov", "Budanov")
    return root


def _snapshot(ws: Workspace) -> dict:
    arts = {a.original_hash: (a.title, a.publisher, a.published, a.note, sorted(a.tags))
            for a in (ws.articles.get(i) for i in ws.articles.ids()) if a is not None}
    by_id = {i: ws.articles.get(i).original_hash for i in ws.articles.ids()}  # type: ignore[union-attr]
    marks = sorted((by_id[h.article_id], h.quote, tuple(h.perspectives), h.note, tuple(h.tags),
                    h.orphaned)
                   for h in ws.highlights.list())
    sets = {c.name: (c.query, sorted(by_id[i] for i in c.article_ids) if c.query is None
                     else None) for c in collections.list_collections(ws)}
    return {"articles": arts, "highlights": marks, "speakers": ws.speakers.entries(),
            "collections": sets}


def test_a_workspace_travels_whole_and_a_second_import_adds_nothing(
        source: Path, tmp_path: Path) -> None:
    out = tmp_path / "topic.briefing"
    with Workspace.open(source) as ws:
        report = export_archive(ws, out)
        before = _snapshot(ws)
        originals = {a.original_hash: ws.read_original(a.original_hash)
                     for a in ws.articles.list()}
    assert (report.articles, report.highlights, report.speakers, report.collections) \
        == (5, 3, 1, 2)
    manifest, parts = read_archive(out)
    assert manifest["scope"] == {"kind": "workspace"}
    assert set(manifest["parts"]) == set(parts) and len(parts) == 6 + 5  # 6 JSON parts
    assert all(manifest["parts"][n]["sha256"] == hashlib.sha256(d).hexdigest()
               for n, d in parts.items())

    with Workspace.open(tmp_path / "colleague") as ws:
        got = import_archive(ws, out)
        assert (got.articles, got.duplicates, got.highlights) == (5, 0, 3)
        assert _snapshot(ws) == before
        assert ws.perspectives.get("japanese") is not None
        for digest, data in originals.items():
            assert ws.read_original(digest) == data
        ws.index.sync()
        assert {h.article_id for h in ws.index.search("Budanov").hits}
        again = import_archive(ws, out)
        assert (again.articles, again.duplicates, again.highlights) == (0, 5, 0)
        assert again.highlights_skipped == 3
        assert _snapshot(ws) == before


def test_highlights_on_an_article_cleaned_differently_here_are_found_by_their_quote(
        source: Path, tmp_path: Path) -> None:
    out = tmp_path / "topic.briefing"
    with Workspace.open(source) as ws:
        export_archive(ws, out)
        marked = {h.quote for h in ws.highlights.list() if not h.orphaned}
    with Workspace.open(tmp_path / "colleague") as ws:
        list(import_sample_corpus(ws))
        for article_id in ws.articles.ids():  # the same originals, cleaned a little differently
            text = "Preface line.\n" + ws.articles.text(article_id)
            with ws.db.transaction() as conn:
                ws.articles.replace_text(conn, article_id, text, "changed", len(text.split()))
        got = import_archive(ws, out)
        assert (got.articles, got.duplicates, got.highlights) == (0, 5, 3)
        placed = [h for h in ws.highlights.list() if not h.orphaned]
        assert {h.quote for h in placed} == marked
        assert all(ws.articles.text(h.article_id)[h.start:h.end] == h.quote for h in placed)
        assert [h.quote for h in ws.highlights.list() if h.orphaned] == [
            "a passage the text lost"]


def test_a_collection_travels_alone(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "pair.briefing"
    with Workspace.open(source) as ws:
        report = export_archive(ws, out, collection="pair")
    assert (report.articles, report.highlights, report.collections) == (2, 2, 1)
    with Workspace.open(tmp_path / "colleague") as ws:
        import_archive(ws, out)
        assert ws.articles.count() == 2
        assert collections.names(ws) == ["Pair"]
        assert len(collections.members(ws, "Pair")) == 2


def _rewrite(src: Path, dest: Path, change) -> None:  # noqa: ANN001
    with zipfile.ZipFile(src) as old, zipfile.ZipFile(dest, "w") as new:
        items = {n: old.read(n) for n in old.namelist()}
        for name, data in change(items).items():
            new.writestr(name, data)


@pytest.mark.parametrize(("change", "named"), [
    (lambda p: {**p, "highlights.json": p["highlights.json"].replace(b"check", b"CHECK")},
     "the part highlights.json does not match its checksum"),
    (lambda p: {n: d for n, d in p.items() if n != "speakers.json"},
     "the part speakers.json is missing"),
    (lambda p: {**p, "extra.txt": b"hello"}, "the part extra.txt is not listed"),
    (lambda p: {**p, "manifest.json": b"{not json"}, "the part manifest.json is damaged"),
])
def test_a_changed_archive_is_refused_with_the_part_named(
        source: Path, tmp_path: Path, change, named: str) -> None:  # noqa: ANN001
    good, bad = tmp_path / "good.briefing", tmp_path / "bad.briefing"
    with Workspace.open(source) as ws:
        export_archive(ws, good)
    _rewrite(good, bad, change)
    with Workspace.open(tmp_path / "colleague") as ws:
        with pytest.raises(ArchiveError, match=named):
            import_archive(ws, bad)
        assert ws.articles.count() == 0 and collections.names(ws) == []


def test_damaged_bytes_are_refused_naming_the_part(source: Path, tmp_path: Path) -> None:
    out = tmp_path / "topic.briefing"
    with Workspace.open(source) as ws:
        export_archive(ws, out)
    with zipfile.ZipFile(out) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("originals/"))
    data = bytearray(out.read_bytes())
    offset = info.header_offset + 30 + len(info.filename.encode()) + 40  # inside its data
    data[offset] ^= 0xFF
    out.write_bytes(bytes(data))
    with pytest.raises(ArchiveError, match=f"the part {info.filename}"):
        read_archive(out)
    (tmp_path / "note.txt").write_text("not an archive", encoding="utf-8")
    with pytest.raises(ArchiveError, match="note.txt is not a Briefing archive"):
        read_archive(tmp_path / "note.txt")


def run(capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_verify_import(capsys, source: Path, tmp_path: Path) -> None:
    out = tmp_path / "topic.briefing"
    code, text, err = run(capsys, "--workspace", str(source), "archive", "export", str(out))
    assert code == 0, err
    assert text.strip() == (f"wrote {out}: 5 article(s), 3 highlight(s), 1 speaker "
                            "assignment(s), 2 collection(s)")
    code, text, _ = run(capsys, "archive", "verify", str(out), "--json")
    assert code == 0 and json.loads(text)["counts"]["articles"] == 5
    code, text, _ = run(capsys, "--workspace", str(source), "archive", "export", str(out))
    assert code == 0, "an archive Briefing wrote may be replaced"
    code, _, err = run(capsys, "--workspace", str(source), "archive", "export",
                       str(source / "inside.briefing"))
    assert code == 1 and "inside the workspace" in err
    colleague = tmp_path / "colleague"
    code, text, err = run(capsys, "--workspace", str(colleague), "archive", "import", str(out))
    assert code == 0, err
    assert text.startswith(f"imported {out}: 5 article(s)")
    code, text, _ = run(capsys, "--workspace", str(colleague), "collections", "--json")
    assert {c["name"] for c in json.loads(text)} == {"Pair", "Budanov"}
    bad = tmp_path / "bad.briefing"
    _rewrite(out, bad, lambda p: {**p, "articles.json": p["articles.json"] + b" "})
    code, _, err = run(capsys, "archive", "verify", str(bad))
    assert code == 1 and "the part articles.json does not match its checksum" in err
    code, _, err = run(capsys, "--workspace", str(colleague), "archive", "import", str(bad))
    assert code == 1 and err.startswith("briefing: archive import: bad.briefing: the part "
                                        "articles.json")
