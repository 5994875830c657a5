"""The note's sources cite publisher, title, authors, date and URL, never internal file names."""

from __future__ import annotations

from pathlib import Path

import docx

from briefing.core.details import edit_details
from briefing.core.export import BriefingSpec, export_briefing
from briefing.core.ingest.sample import import_sample_corpus
from briefing.core.resources import sample_corpus
from briefing.core.workspace import Workspace


def _all_text(path: Path) -> str:
    """Every piece of text a reader of the .docx can see: body, tables, headers, footers."""
    doc = docx.Document(str(path))
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    for section in doc.sections:
        parts += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    return "\n".join(parts)


def test_the_sample_corpus_note_names_no_file(workspace_dir: Path, tmp_path: Path) -> None:
    with Workspace.open(workspace_dir) as ws:
        list(import_sample_corpus(ws))
        articles = ws.articles.list()
        for article in articles:  # the first sentence of each article, as a highlight
            text = ws.articles.text(article.id)
            ws.highlights.add(article.id, text, 0, text.index(".") + 1, ["us"])
        edited = articles[0].id
        edit_details(ws, edited, {"authors": ["Jane Roe", "John Doe"], "date": "2025-01",
                                  "url": "https://example.org/kim", "title": "Kim's gamble"})
        out = tmp_path / "note.docx"
        export_briefing(ws, BriefingSpec(title="Sample", date="2025-01-20"), out)
    text = _all_text(out)
    for f in sample_corpus():
        assert f.name not in text and f.stem not in text
    assert "File:" not in text and ".txt" not in text
    sources = text.split("\nSources\n", 1)[1]
    assert ("\u201cKim's gamble\u201d, Jan 2025. By Jane Roe and John Doe. "
            "https://example.org/kim") in sources
    assert "RSIS, \u201cNorth Korea in the Ukraine War Presages an Era of Confrontation With " \
           "China\u201d, 15 Nov 2024. By Drew Thompson" in sources
