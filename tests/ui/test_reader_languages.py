"""A Korean and a Ukrainian story in the reader: search hits lit on the word itself,
suggested claims underlined with their speaker's perspective, the Lang column filled."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QTextCursor, QUndoStack

from briefing.core.ingest.pipeline import import_files
from briefing.core.workspace import Workspace
from briefing.ui.library_model import ArticleTableModel
from briefing.ui.reader import ReaderPane
from briefing.ui.reader_document import PROP_HIT, PROP_SUGGESTION

DATA = Path(__file__).resolve().parent.parent / "data" / "languages"


@pytest.fixture
def pane(qtbot, ws: Workspace, stack: QUndoStack) -> ReaderPane:
    widget = ReaderPane(ws, stack)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    return widget


def _format_at(pane: ReaderPane, offset: int):
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.mapping.to_doc(offset) + 1)
    return cursor.charFormat()


@pytest.mark.parametrize(("name", "query", "word", "perspective"), [
    ("ko_yonhap_nis", "국정원은", "국정원", "south_korean"),
    ("uk_pravda_budanov", "Буданова", "Буданов", "ukrainian"),
])
def test_story_in_its_own_language_reads_searches_and_suggests(
        qtbot, pane: ReaderPane, ws: Workspace, name: str, query: str, word: str,
        perspective: str) -> None:
    [progress] = list(import_files(ws, [DATA / f"{name}.txt"]))
    aid = progress.result.article_id
    assert aid is not None
    results = ws.index.search(query)
    [hit] = results.hits
    text = ws.articles.text(aid)
    assert word in {text[s:e] for s, e in hit.hits}
    pane.show_article(aid, hits=hit.hits)
    qtbot.waitUntil(lambda: not pane.suggestions_pending(), timeout=20_000)
    assert pane.editor.toPlainText().count(word) >= 1
    start = next(s for s, e in hit.hits if text[s:e] == word)
    assert _format_at(pane, start).property(PROP_HIT) is True
    assert len(pane.suggestions) >= 3
    assert all(s.perspectives == [perspective] for s in pane.suggestions)
    first = pane.suggestions[0]
    assert _format_at(pane, first.start + 1).property(PROP_SUGGESTION) is not None
    model = ArticleTableModel(ws)
    row = model.row_of(aid)
    assert model.index(row, model.LANGUAGE).data() == name[:2]


@pytest.mark.parametrize(("name", "own", "other"), [
    ("ko_yonhap_nis", "Noto Serif CJK KR", "Noto Serif CJK SC"),
    ("zh_xinhua_linjian", "Noto Serif CJK SC", "Noto Serif CJK KR"),
])
def test_east_asian_text_falls_back_to_a_cjk_font_of_its_own_language(
        qtbot, pane: ReaderPane, ws: Workspace, name: str, own: str, other: str) -> None:
    [progress] = list(import_files(ws, [DATA / f"{name}.txt"]))
    aid = progress.result.article_id
    pane.show_article(aid)
    qtbot.waitUntil(lambda: not pane.suggestions_pending(), timeout=20_000)
    for fmt in (_format_at(pane, 0), pane.editor.document().begin().charFormat()):
        families = fmt.fontFamilies()
        # the Latin serif first (it draws Cyrillic and digits), then the article's own CJK
        # variant before the others, so Han takes its language's forms
        assert families[0] == "Source Serif 4"
        assert families.index(own) < families.index(other)
    # after a repaint (search hits, highlights) the body keeps its fonts
    pane.show_article(aid, hits=[(0, 2)])
    assert _format_at(pane, 3).fontFamilies().index(own) < \
        _format_at(pane, 3).fontFamilies().index(other)


def test_words_in_other_scripts_inside_an_english_story_are_lit(
        qtbot, pane: ReaderPane, ws: Workspace, tmp_path: Path) -> None:
    story = tmp_path / "kursk.txt"
    story.write_text(
        "Seoul and Kyiv agree on the number of troops\n\n"
        "South Korea's spy agency, the National Intelligence Service (국정원은 the name "
        "Koreans use), said about 10,000 North Korean troops were in Russia. Kremlin "
        "spokesman Dmitry Peskov (Дмитрий Песков) declined to comment on the reports. "
        "China's foreign ministry spokesman Lin Jian (林剑) said Beijing was not aware.\n\n"
        "Ukrainian officials said the soldiers had been moved to the Kursk region, where "
        "they were fighting alongside Russian units, and that more would follow soon.\n",
        encoding="utf-8")
    [progress] = list(import_files(ws, [story]))
    aid = progress.result.article_id
    assert ws.articles.get(aid).language == "en"
    text = ws.articles.text(aid)
    for query, word in (("국정원", "국정원"), ("Пескова", "Песков"), ("林剑", "林剑")):
        [hit] = ws.index.search(query).hits
        assert word in {text[s:e] for s, e in hit.hits}, query
        pane.show_article(aid, hits=hit.hits)
        assert _format_at(pane, text.index(word)).property(PROP_HIT) is True, query
