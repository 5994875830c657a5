"""The reader pane on a real workspace: typography-free facts a user sees and does.

Select a sentence and press a perspective key, undo and redo, overlapping
highlights, search hits, Ctrl+F, context menu, suggestions accept/reject, and
article text that must stay plain text.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QBrush, QPalette, QTextCursor, QUndoStack
from PySide6.QtWidgets import QInputDialog

from briefing.core.models import Suggestion
from briefing.core.store.articles import NewArticle
from briefing.core.suggestions import pending_suggestions
from briefing.core.workspace import Workspace
from briefing.ui.highlight_commands import (
    AcceptSuggestion,
    DeleteHighlight,
    RejectSuggestion,
)
from briefing.ui.reader import ReaderPane, extend_to_words
from briefing.ui.reader_document import (
    HIT_LIGHT,
    PROP_HIGHLIGHTS,
    PROP_HIT,
    PROP_PERSPECTIVES,
    PROP_SUGGESTION,
    highlight_alpha,
    tint,
)

TEXT = (
    "Kyiv says North Korea has sent troops to Russia.\n"
    "\n"
    "General Kyrylo Budanov, the head of Ukraine's military intelligence, said 11,000 "
    "North Korean troops were training in the Russian far east. The Pentagon said about "
    "10,000 troops had arrived. Nobody else commented on the troops.\n"
    "\n"
    "South Korea's spy agency told lawmakers that 12,000 soldiers were involved.\n"
)


def add_article(ws: Workspace, text: str = TEXT, title: str = "North Korean troops in Russia",
                **extra: object) -> int:
    return ws.articles.add(NewArticle(
        title=title, text=text, text_hash=str(hash(text)), source_file="troops.txt",
        original_hash=str(hash(title + text)), format="txt", publisher="The Economist",
        authors=["Jane Doe"], published="2024-10-24", words=len(text.split()), **extra))


@pytest.fixture
def pane(qtbot, ws: Workspace, stack: QUndoStack) -> ReaderPane:
    widget = ReaderPane(ws, stack)
    qtbot.addWidget(widget)
    widget.resize(800, 600)
    widget.show()
    return widget


def select(pane: ReaderPane, start: int, end: int) -> None:
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.mapping.to_doc(start))
    cursor.setPosition(pane.mapping.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)
    pane.editor.setFocus()


def format_at(pane: ReaderPane, offset: int):
    """The character format drawn for the article character at `offset`."""
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.mapping.to_doc(offset) + 1)  # format of the char before the cursor
    return cursor.charFormat()


def expected_tint(pane: ReaderPane, colour: str, layers: int = 1):
    palette = pane.palette()
    return tint(colour, palette.color(QPalette.ColorRole.Base), highlight_alpha(palette, layers))


def test_header_shows_title_publisher_authors_date(pane: ReaderPane, ws: Workspace) -> None:
    pane.show_article(add_article(ws))
    plain = pane.editor.document().toPlainText()
    assert plain.startswith("North Korean troops in Russia\nThe Economist · Jane Doe · 2024-10-24")
    assert "inferred" not in plain
    pane.show_article(add_article(ws, title="Kyiv says", title_inferred=True))
    assert "Title inferred from the text" in pane.editor.document().toPlainText()
    assert pane.current_article_id() is not None


def test_press_1_on_selected_sentence_makes_a_ukrainian_highlight_undo_redo(
        qtbot, pane: ReaderPane, ws: Workspace, stack: QUndoStack) -> None:
    aid = add_article(ws)
    pane.show_article(aid)
    sentence = "Kyiv says North Korea has sent troops to Russia."
    changed = []
    pane.highlightsChanged.connect(changed.append)
    select(pane, 0, len(sentence))
    qtbot.keyClick(pane.editor, Qt.Key.Key_1)

    [h] = ws.highlights.for_article(aid)
    assert (h.quote, h.perspectives, h.kind) == (sentence, ["ukrainian"], "claim")
    fmt = format_at(pane, 10)
    assert fmt.background().color() == expected_tint(pane, "#f2c744")
    assert fmt.property(PROP_PERSPECTIVES) == "ukrainian"
    assert format_at(pane, TEXT.index("General")).property(PROP_HIGHLIGHTS) is None
    assert changed == [aid]

    stack.undo()
    assert ws.highlights.for_article(aid) == []
    assert format_at(pane, 10).background().style() == Qt.BrushStyle.NoBrush
    stack.redo()
    [again] = ws.highlights.for_article(aid)
    assert (again.id, again.quote) == (h.id, sentence)
    assert format_at(pane, 10).property(PROP_HIGHLIGHTS) == str(h.id)
    assert changed == [aid, aid, aid]


def test_selection_grows_to_whole_words(qtbot, pane: ReaderPane, ws: Workspace) -> None:
    aid = add_article(ws)
    pane.show_article(aid)
    start = TEXT.index("Budanov") + 3  # "anov, the head of Ukr"
    select(pane, start, TEXT.index("Ukraine's") + 3)
    qtbot.keyClick(pane.editor, Qt.Key.Key_2)
    [h] = ws.highlights.for_article(aid)
    assert h.quote == "Budanov, the head of Ukraine's"
    assert h.perspectives == ["us"]
    assert extend_to_words("  a word here ", 5, 10) == (4, 13)  # "ord h" -> "word here"


def test_overlapping_highlights_are_both_drawn(pane: ReaderPane, ws: Workspace) -> None:
    aid = add_article(ws)
    a = TEXT.index("General")
    b = TEXT.index(" said 11,000")
    c = TEXT.index("the head of")
    ws.highlights.add(aid, TEXT, a, b, perspectives=["ukrainian"])
    ws.highlights.add(aid, TEXT, c, b + 12, perspectives=["us"])
    pane.show_article(aid)

    only_ua = format_at(pane, a + 2)
    assert only_ua.background().color() == expected_tint(pane, "#f2c744")
    only_us = format_at(pane, b + 3)
    assert only_us.background().color() == expected_tint(pane, "#4a90d9")
    both = format_at(pane, c + 2)
    assert both.property(PROP_PERSPECTIVES) == "ukrainian,us"
    assert len(both.property(PROP_HIGHLIGHTS).split(",")) == 2
    gradient = both.background().gradient()
    assert gradient is not None, "two perspectives must be drawn as bands, not one colour"
    stop_colours = {colour.name() for _, colour in gradient.stops()}
    assert stop_colours == {expected_tint(pane, "#f2c744", 2).name(),
                            expected_tint(pane, "#4a90d9", 2).name()}


def test_one_highlight_with_two_perspectives_shows_both(pane: ReaderPane, ws: Workspace) -> None:
    aid = add_article(ws)
    start = TEXT.index("South Korea's")
    ws.highlights.add(aid, TEXT, start, start + 30, perspectives=["south_korean", "us"])
    pane.show_article(aid)
    brush: QBrush = format_at(pane, start + 5).background()
    assert {c.name() for _, c in brush.gradient().stops()} == {
        expected_tint(pane, "#3cb371").name(), expected_tint(pane, "#4a90d9").name()}


def test_search_hits_are_lit_and_distinct_from_highlights(pane: ReaderPane, ws: Workspace) -> None:
    aid = add_article(ws)
    hits = [(TEXT.index("troops"), TEXT.index("troops") + 6)]
    pane.show_article(aid, hits=hits)
    fmt = format_at(pane, hits[0][0] + 1)
    assert fmt.property(PROP_HIT) is True
    assert fmt.background().color() == HIT_LIGHT
    assert fmt.property(PROP_HIGHLIGHTS) is None
    assert format_at(pane, hits[0][1] + 2).property(PROP_HIT) is None


def test_ctrl_f_finds_counts_and_esc_closes(qtbot, pane: ReaderPane, ws: Workspace) -> None:
    pane.show_article(add_article(ws))
    qtbot.waitExposed(pane)
    pane.activateWindow()
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert pane.find_bar.isVisible()
    qtbot.keyClicks(pane.find_bar.field, "troops")
    assert pane.find_bar.count_label.text() == "1 of 5"  # title, 4 in the body
    assert pane.editor.textCursor().selectedText().lower() == "troops"
    first = pane.editor.textCursor().selectionStart()
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
    assert pane.find_bar.count_label.text() == "2 of 5"
    assert pane.editor.textCursor().selectionStart() > first
    assert len(pane.editor.extraSelections()) >= 5
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Escape)
    assert not pane.find_bar.isVisible()
    assert len(pane.editor.extraSelections()) <= 1  # at most the suggestion under the cursor


def test_reveal_scrolls_to_and_selects_the_range(pane: ReaderPane, ws: Workspace) -> None:
    long_text = "\n".join(f"Paragraph {i} says little about anything at all." for i in range(300))
    long_text += "\nThe needle is here."
    aid = add_article(ws, long_text)
    pane.show_article(aid)
    start = long_text.index("The needle")
    pane.reveal(start, start + 10)
    assert pane.editor.textCursor().selectedText() == "The needle"
    assert pane.editor.verticalScrollBar().value() > 0
    rect = pane.editor.cursorRect()
    assert 0 <= rect.top() <= pane.editor.viewport().height()


def test_context_menu_highlight_as_and_remove(pane: ReaderPane, ws: Workspace,
                                              stack: QUndoStack) -> None:
    aid = add_article(ws)
    pane.show_article(aid)
    start = TEXT.index("The Pentagon")
    select(pane, start, TEXT.index("arrived.") + 8)
    menu = pane.build_context_menu(QPoint(5, 5))
    sub = next(a.menu() for a in menu.actions() if a.text() == "Highlight as")
    labels = [a.text() for a in sub.actions()]
    assert labels[:4] == ["Ukrainian (1)", "US (2)", "South Korean (3)", "Chinese (4)"]
    next(a for a in sub.actions() if a.text() == "US (2)").trigger()
    [h] = ws.highlights.for_article(aid)
    assert h.quote == "The Pentagon said about 10,000 troops had arrived."

    pane.editor.setTextCursor(QTextCursor(pane.editor.document()))
    rect = pane.editor.cursorRect(_cursor_at(pane, start + 4))
    menu = pane.build_context_menu(rect.center())
    remove = next(a for a in menu.actions() if a.text().startswith("Remove highlight"))
    remove.trigger()
    assert ws.highlights.for_article(aid) == []
    stack.undo()
    assert [x.id for x in ws.highlights.for_article(aid)] == [h.id]


def test_context_menu_edits_the_translation_undoably(pane: ReaderPane, ws: Workspace,
                                                      stack: QUndoStack, monkeypatch) -> None:
    aid = add_article(ws)
    start = TEXT.index("The Pentagon")
    h = ws.highlights.add(aid, TEXT, start, start + 12, perspectives=["us"])
    pane.show_article(aid)
    asked: list[str] = []

    def answer(_parent, _title, prompt, text):  # noqa: ANN001, ANN202 - QInputDialog's
        asked.append(prompt)
        return "Пентагон заявив", True

    monkeypatch.setattr(QInputDialog, "getMultiLineText", answer)
    menu = pane.build_context_menu(pane.editor.cursorRect(_cursor_at(pane, start + 4)).center())
    next(a for a in menu.actions() if a.text().startswith("Edit translation of")).trigger()
    assert asked and asked[0].startswith("Your translation of")
    assert ws.highlights.get(h.id).translation == "Пентагон заявив"
    stack.undo()
    assert ws.highlights.get(h.id).translation == ""


def _cursor_at(pane: ReaderPane, offset: int) -> QTextCursor:
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(pane.mapping.to_doc(offset))
    return cursor


def test_delete_key_removes_highlight_and_undo_restores_every_field(
        qtbot, pane: ReaderPane, ws: Workspace, stack: QUndoStack) -> None:
    aid = add_article(ws)
    start = TEXT.index("South Korea's")
    h = ws.highlights.add(aid, TEXT, start, start + 30, perspectives=["south_korean"],
                          note="NIS briefing", reliability="B", credibility=2)
    pane.show_article(aid)
    pane.editor.setTextCursor(_cursor_at(pane, start + 3))
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Qt.Key.Key_Delete)
    assert ws.highlights.get(h.id) is None
    stack.undo()
    back = ws.highlights.get(h.id)
    assert (back.quote, back.note, back.reliability, back.credibility, back.perspectives) == (
        h.quote, "NIS briefing", "B", 2, ["south_korean"])
    assert format_at(pane, start + 3).property(PROP_HIGHLIGHTS) == str(h.id)


def test_article_markup_stays_plain_text(pane: ReaderPane, ws: Workspace) -> None:
    evil = ('<img src="file:///etc/passwd"> <a href="http://example.com/x">link</a> '
            '<b>bold</b> &amp; text\nSecond line')
    pane.show_article(add_article(ws, evil, title="<h1>Title</h1>"))
    plain = pane.editor.document().toPlainText()
    assert '<img src="file:///etc/passwd">' in plain
    assert "<h1>Title</h1>" in plain
    assert pane.editor.document().allFormats()  # built from formats, no images among them
    assert all(not f.isImageFormat() for f in pane.editor.document().allFormats())
    assert pane.editor.loadResource(2, pane.editor.document().baseUrl()) is None


def test_offsets_survive_emoji_and_control_characters(qtbot, pane: ReaderPane,
                                                      ws: Workspace) -> None:
    text = "Rocket 🚀🚀 launched\x07 today.\nPeople said 😀 it was loud."
    aid = add_article(ws, text)
    pane.show_article(aid)
    start = text.index("it was")
    select(pane, start, start + len("it was loud."))
    qtbot.keyClick(pane.editor, Qt.Key.Key_3)
    [h] = ws.highlights.for_article(aid)
    assert h.quote == "it was loud."
    assert pane.selected_range() is None  # the selection collapsed after highlighting


def _first_suggestion(ws: Workspace, aid: int) -> Suggestion:
    return pending_suggestions(ws, aid)[0]


def open_with_suggestions(qtbot, pane: ReaderPane, aid: int) -> None:
    """Open an article and wait for its suggestions (computed off the UI thread)."""
    pane.show_article(aid)
    qtbot.waitUntil(lambda: not pane.suggestions_pending(), timeout=10_000)


def test_suggestions_are_computed_off_the_ui_thread_and_drawn_when_ready(
        qtbot, pane: ReaderPane, ws: Workspace) -> None:
    aid = add_article(ws)
    with qtbot.waitSignal(pane.suggestionsReady, timeout=10_000) as ready:
        pane.show_article(aid)
        assert pane.suggestions_pending() and pane.suggestions == []  # the text shows at once
        assert pane.article is not None and pane.article.id == aid
    assert ready.args == [aid]
    assert not pane.suggestions_pending() and len(pane.suggestions) >= 2
    first = pane.suggestions[0]
    assert format_at(pane, first.start + 1).property(PROP_SUGGESTION) is not None
    pane.show_article(aid)  # computed once: a second opening has them at once
    assert not pane.suggestions_pending() and pane.suggestions[0] == first


def test_an_article_opened_meanwhile_does_not_get_the_first_ones_suggestions(
        qtbot, pane: ReaderPane, ws: Workspace) -> None:
    first_id = add_article(ws)
    other = ws.articles.add(NewArticle(title="Quiet", text="Nothing here is a claim at all.",
                                       text_hash="quiet", source_file="quiet.txt",
                                       original_hash="quiet", format="txt", words=6))
    pane.show_article(first_id)
    pane.show_article(other)
    qtbot.wait(300)
    qtbot.waitUntil(lambda: not pane.suggestions_pending(), timeout=10_000)
    assert pane.article is not None and pane.article.id == other
    assert pane.suggestions == []


def test_enter_accepts_and_backspace_rejects_suggestions(
        qtbot, pane: ReaderPane, ws: Workspace, stack: QUndoStack) -> None:
    aid = add_article(ws)
    open_with_suggestions(qtbot, pane, aid)
    assert len(pane.suggestions) >= 2
    first = pane.suggestions[0]
    fmt = format_at(pane, first.start + 1)
    assert fmt.property(PROP_SUGGESTION) is not None
    assert fmt.underlineStyle() == fmt.UnderlineStyle.DotLine

    pane.editor.setTextCursor(QTextCursor(pane.editor.document()))
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Qt.Key.Key_N)
    assert pane.suggestion_at(pane.cursor_offset()) == first
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    [h] = ws.highlights.for_article(aid)
    assert (h.start, h.end) == (first.start, first.end)
    assert h.perspectives == first.perspectives
    assert first not in pane.suggestions

    second = pane.suggestion_at(pane.cursor_offset())  # accepting moved to the next one
    assert second is not None and second != first
    qtbot.keyClick(pane.editor, Qt.Key.Key_Backspace)
    assert second.quote in ws.highlights.rejected_quotes(aid)
    assert second not in pane.suggestions
    assert len(ws.highlights.for_article(aid)) == 1
    stack.undo()
    assert second.quote not in ws.highlights.rejected_quotes(aid)
    assert any(s.quote == second.quote for s in pane.suggestions)
    stack.undo()
    assert ws.highlights.for_article(aid) == []


def test_suggestion_commands_invert_exactly(ws: Workspace, stack: QUndoStack) -> None:
    """Accept/Reject through the core with a suggestion as the core would make it."""
    aid = add_article(ws)
    start = TEXT.index("The Pentagon")
    quote = "The Pentagon said about 10,000 troops had arrived."
    s = Suggestion(start, start + len(quote), quote, ["us"], "Pentagon", "Pentagon", "said")
    stack.push(AcceptSuggestion(ws, aid, s))
    [h] = ws.highlights.for_article(aid)
    assert (h.quote, h.perspectives) == (quote, ["us"])
    stack.undo()
    assert ws.highlights.for_article(aid) == []
    stack.redo()
    assert [x.id for x in ws.highlights.for_article(aid)] == [h.id]
    stack.push(RejectSuggestion(ws, aid, s))
    assert quote in ws.highlights.rejected_quotes(aid)
    stack.undo()
    assert quote not in ws.highlights.rejected_quotes(aid)
    bad = DeleteHighlight(ws, 9999)
    stack.push(bad)  # refused by the core: not kept on the stack (the undone reject is cut)
    assert bad.error == "no highlight 9999"
    assert (stack.count(), stack.index(), stack.undoText()) == (
        1, 1, f"Accept suggestion “{quote[:39]}…”")


def test_tooltip_names_perspectives_grade_and_note(pane: ReaderPane, ws: Workspace) -> None:
    aid = add_article(ws)
    start = TEXT.index("The Pentagon")
    ws.highlights.add(aid, TEXT, start, start + 12, perspectives=["us", "nato_european"],
                      note="DoD briefing", reliability="B", credibility=3)
    pane.show_article(aid)
    rect = pane.editor.cursorRect(_cursor_at(pane, start + 4))
    tip = pane.tooltip_at(rect.center())
    assert tip.startswith("US, NATO/European · claim · B3\nDoD briefing")
    if pane.suggestion_at(start + 4) is not None:  # the sentence is still a pending suggestion
        assert "Enter accepts · Backspace rejects" in tip


def test_suggestion_navigation_and_key_with_perspective(qtbot, pane: ReaderPane,
                                                        ws: Workspace) -> None:
    aid = add_article(ws)
    open_with_suggestions(qtbot, pane, aid)
    pane.editor.setFocus()
    first, second = pane.suggestions[0], pane.suggestions[1]
    qtbot.keyClick(pane.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(pane.editor, Qt.Key.Key_N)
    assert pane.suggestion_at(pane.cursor_offset()) == second
    qtbot.keyClick(pane.editor, Qt.Key.Key_P)
    assert pane.suggestion_at(pane.cursor_offset()) == first
    assert len(pane.editor.extraSelections()) == 1  # the current suggestion is boxed
    qtbot.keyClick(pane.editor, Qt.Key.Key_4)  # a perspective key accepts it as Chinese
    [h] = ws.highlights.for_article(aid)
    assert (h.quote, h.perspectives) == (first.quote, ["chinese"])


def test_enter_with_no_suggestion_says_how_to_find_one(qtbot, pane: ReaderPane,
                                                       ws: Workspace) -> None:
    pane.show_article(add_article(ws, "Plain words with nobody quoted at all."))
    pane.editor.setFocus()
    qtbot.keyClick(pane.editor, Qt.Key.Key_Return)
    assert not pane.notice.isHidden()
    assert "N / P" in pane.notice.text()
    assert ws.highlights.for_article(pane.current_article_id()) == []
