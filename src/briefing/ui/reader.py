"""The reader: one article in readable typography, with highlights, suggestions and hits.

Keyboard first. With the text focused: select text and press 1–9 to highlight
it with that perspective (the selection grows to whole words); N / P (or
Alt+Down / Alt+Up) move to the next / previous suggested claim, Enter accepts
it and Backspace rejects it; Delete removes the highlight under the cursor;
Ctrl+F finds in the article. Every change is an undoable command on the shared
undo stack. Text is drawn from the article's plain text only (see
reader_document); the editor refuses every resource, so nothing is ever fetched.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QEvent, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QFontMetricsF,
    QKeyEvent,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QMenu,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from briefing.core.models import Article, Highlight, Perspective, Suggestion
from briefing.core.speaker_names import is_listed_speaker, speaker_key, speaker_name
from briefing.core.speakers import SpeakerEntry
from briefing.core.suggestions import pending_if_ready, pending_suggestions
from briefing.core.workspace import Workspace
from briefing.ui import reader_menu
from briefing.ui.article_commands import article_events
from briefing.ui.find_bar import FindBar
from briefing.ui.highlight_commands import (
    AcceptSuggestion,
    AddHighlight,
    DeleteHighlight,
    EditHighlight,
    RejectSuggestion,
    TagHighlight,
    highlight_events,
)
from briefing.ui.reader_document import (
    DOC_MARGIN,
    MarkPainter,
    Marks,
    OffsetMap,
    body_font,
    build_document,
    decorate,
    is_dark,
    set_side_margin,
    tint,
)
from briefing.ui.reader_text import ReaderTextEdit, extend_to_words
from briefing.ui.speaker_commands import AssignSpeaker
from briefing.ui.tag_widgets import ask_tag
from briefing.ui.tasks import TaskHandle, run_task

MEASURE = "the appearance of one of the world's most erratic and heavily-armed nations i"  # 76

log = logging.getLogger(__name__)


class ReaderPane(QWidget):
    """Shows one article; highlights, suggestions, search hits and find live here."""

    highlightsChanged = Signal(int)  # article id, after any highlight change (incl. undo/redo)
    suggestionsReady = Signal(int)  # article id, when its suggestions have been computed
    highlightClicked = Signal(int)  # highlight id, when the user clicks inside a highlight
    suggestionAccepted = Signal(int)  # the new highlight's id

    def __init__(self, ws: Workspace, undo_stack: QUndoStack,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.undo_stack = undo_stack
        self.article: Article | None = None
        self.mapping = OffsetMap()
        self.highlights: list[Highlight] = []
        self.suggestions: list[Suggestion] = []
        self.hits: list[tuple[int, int]] = []
        self.perspectives: dict[str, Perspective] = {}
        self._measure = 0.0
        self._suggesting: tuple[int, TaskHandle] | None = None  # (article id, its task)

        self.editor = ReaderTextEdit(self)
        self.editor.cursorPositionChanged.connect(self._paint_overlays)
        self.find_bar = FindBar(self.editor, self)
        self.find_bar.matchesChanged.connect(self._paint_overlays)
        self.notice = QLabel(self)
        self.notice.setTextFormat(Qt.TextFormat.PlainText)
        self.notice.setWordWrap(True)
        self.notice.setContentsMargins(10, 4, 10, 4)
        self.notice.hide()
        self._notice_timer = QTimer(self)
        self._notice_timer.setSingleShot(True)
        self._notice_timer.setInterval(4000)
        self._notice_timer.timeout.connect(self.notice.hide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.notice)
        layout.addWidget(self.find_bar)

        self.find_action = QAction("Find in Article…", self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.setToolTip("Find in this article (Ctrl+F)")
        self.find_action.triggered.connect(self.open_find)
        self.addAction(self.find_action)
        highlight_events(ws).changed.connect(self._on_highlights_changed)
        article_events(ws).changed.connect(self._on_articles_changed)
        self.removed_dialog: QWidget | None = None  # "Removed by cleaning…", once opened

    # -- public API -----------------------------------------------------------------
    def current_article_id(self) -> int | None:
        return self.article.id if self.article else None

    def show_article(self, article_id: int, hits: Sequence[tuple[int, int]] = ()) -> None:
        """Open an article; `hits` are (start, end) search matches to light up."""
        article = self.ws.articles.get(article_id)
        self.article = article
        self.hits = [(int(a), int(b)) for a, b in hits]
        if article is None:
            self.editor.clear()
            self.mapping = OffsetMap()
            self.highlights, self.suggestions = [], []
            self._notify(f"Article #{article_id} is no longer in the library.")
            return
        self._load_marks()
        self.mapping = build_document(self.editor.document(), article, self.palette(),
                                      self._runs(), self._side_margin())
        self._paint_overlays()
        self.find_bar.refresh()
        cursor = QTextCursor(self.editor.document())
        if self.hits:
            cursor.setPosition(self.mapping.to_doc(self.hits[0][0]))
        self.editor.setTextCursor(cursor)
        if self.hits:
            self._scroll_to(cursor.position())
        else:
            self.editor.verticalScrollBar().setValue(0)

    def reveal(self, start: int, end: int) -> None:
        """Scroll to text[start:end] of the current article and select it."""
        if self.article is None:
            return
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.mapping.to_doc(start))
        cursor.setPosition(self.mapping.to_doc(end), QTextCursor.MoveMode.KeepAnchor)
        self.editor.setTextCursor(cursor)
        self._scroll_to(cursor.selectionStart())
        self.editor.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_find(self) -> None:
        self.find_bar.open_bar()

    def selected_range(self) -> tuple[int, int] | None:
        """The selection as whole-word article offsets, or None if nothing is selected."""
        if self.article is None:
            return None
        cursor = self.editor.textCursor()
        if not cursor.hasSelection():
            return None
        a = self.mapping.to_text(cursor.selectionStart())
        b = self.mapping.to_text(cursor.selectionEnd())
        if b is None:
            return None
        start, end = extend_to_words(self.article.text, a if a is not None else 0, b)
        return (start, end) if end > start else None

    def cursor_offset(self) -> int | None:
        return self.mapping.to_text(self.editor.textCursor().position()) if self.article else None

    def suggestion_at(self, offset: int | None) -> Suggestion | None:
        if offset is None:
            return None
        inside = [s for s in self.suggestions if s.start <= offset < s.end]
        return inside[0] if inside else None

    def highlights_at(self, offset: int | None) -> list[Highlight]:
        if offset is None:
            return []
        return [h for h in self.highlights if not h.orphaned and h.start <= offset < h.end]

    # -- actions --------------------------------------------------------------------
    def highlight_selection(self, keys: Sequence[str]) -> Highlight | None:
        """Highlight the selection (whole words) with the given perspectives."""
        if self.refuse_if_readonly():
            return None
        span = self.selected_range()
        if self.article is None or span is None:
            self._notify("Select some text first, then press a perspective key (1–9).")
            return None
        cmd = AddHighlight(self.ws, self.article.id, *span, perspectives=keys)
        self.undo_stack.push(cmd)
        if cmd.error:
            self._notify(f"Could not highlight: {cmd.error}")
            return None
        cursor = self.editor.textCursor()
        cursor.setPosition(cursor.selectionEnd())
        self.editor.setTextCursor(cursor)
        return cmd.highlight

    def accept_suggestion(self, suggestion: Suggestion | None = None,
                          keys: Sequence[str] | None = None) -> Highlight | None:
        if self.refuse_if_readonly():
            return None
        s = suggestion or self.suggestion_at(self.cursor_offset())
        if self.article is None or s is None:
            self._notify("No suggested claim here. N / P move to the next / previous one.")
            return None
        cmd = AcceptSuggestion(self.ws, self.article.id, s, keys)
        self.undo_stack.push(cmd)
        if cmd.error:
            self._notify(f"Could not accept: {cmd.error}")
            return None
        self.goto_suggestion(1, after=s.end)
        if cmd.highlight is not None:
            self.suggestionAccepted.emit(cmd.highlight.id)
        return cmd.highlight

    def clicked_at_cursor(self) -> None:
        """A click in the text: announce the highlight under it (the innermost, last drawn)."""
        hs = self.highlights_at(self.cursor_offset())
        if hs:
            self.highlightClicked.emit(hs[-1].id)

    def scroll_to_offset(self, start: int) -> None:
        """Scroll the open article so that text offset `start` is in view (cursor unmoved)."""
        if self.article is not None:
            self._scroll_to(self.mapping.to_doc(start))

    def reject_suggestion(self, suggestion: Suggestion | None = None) -> bool:
        if self.refuse_if_readonly():
            return False
        s = suggestion or self.suggestion_at(self.cursor_offset())
        if self.article is None or s is None:
            self._notify("No suggested claim here. N / P move to the next / previous one.")
            return False
        cmd = RejectSuggestion(self.ws, self.article.id, s)
        self.undo_stack.push(cmd)
        if cmd.error:
            self._notify(f"Could not reject: {cmd.error}")
            return False
        self.goto_suggestion(1, after=s.end)
        return True

    def goto_suggestion(self, direction: int, after: int | None = None) -> Suggestion | None:
        """Move the cursor to the next (1) or previous (-1) pending suggestion."""
        if not self.suggestions:
            return None
        offset = self.cursor_offset()
        if after is None and offset is None:  # the cursor is in the header: start from the top
            after = -1 if direction > 0 else 0
        here = after if after is not None else (offset or 0)
        current = self.suggestion_at(here) if after is None else None
        if direction > 0:
            limit = current.end if current else here
            found = next((s for s in self.suggestions if s.start >= limit), None)
        else:
            limit = current.start if current else here
            found = next((s for s in reversed(self.suggestions) if s.end <= limit), None)
        if found is None:
            return None
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(self.mapping.to_doc(found.start))
        self.editor.setTextCursor(cursor)
        self._scroll_to(cursor.position())
        return found

    def delete_highlight(self, highlight_id: int) -> None:
        if self.refuse_if_readonly():
            return None
        self.undo_stack.push(DeleteHighlight(self.ws, highlight_id))

    def toggle_perspective(self, h: Highlight, key: str) -> None:
        if self.refuse_if_readonly():
            return None
        keys = [k for k in h.perspectives if k != key] if key in h.perspectives \
            else [*h.perspectives, key]
        self.undo_stack.push(EditHighlight(self.ws, h.id, perspectives=keys))

    def edit_note(self, h: Highlight) -> None:
        self._edit_text(h, "note", "Highlight note", f"Note on “{h.quote[:60]}”:")

    def edit_translation(self, h: Highlight) -> None:
        """The analyst's translation of a quote (printed under it in the note)."""
        self._edit_text(h, "translation", "Your translation",
                        f"Your translation of “{h.quote[:60]}”:")

    def _edit_text(self, h: Highlight, field: str, title: str, prompt: str) -> None:
        if self.refuse_if_readonly():
            return None
        old = getattr(h, field)
        text, ok = QInputDialog.getMultiLineText(self, title, prompt, old)
        if ok and text != old:
            self.undo_stack.push(EditHighlight(self.ws, h.id, **{field: text}))

    def refuse_if_readonly(self) -> bool:
        """In a read-only window: say why marking is off (True), else False."""
        if not self.ws.readonly:
            return False
        self._notify(f"Read-only: {self.ws.readonly_reason or 'opened read-only'} — "
                     "highlights cannot be added or changed in this window.")
        return True

    def tag_selection(self, name: str | None = None) -> Highlight | None:
        """Tag the selected passage: the highlight it lies in, else a new highlight
        (no perspective yet) carrying the tag. Asks for the tag when `name` is None."""
        span = self.selected_range()
        if self.ws.readonly:
            self._notify(f"Read-only: {self.ws.readonly_reason or 'opened read-only'}; "
                         "tags cannot be changed here.")
            return None
        if self.article is None or span is None:
            self._notify("Select some text first, then choose Tag selection… (context menu).")
            return None
        inside = [h for h in self.highlights
                  if not h.orphaned and h.start <= span[0] and span[1] <= h.end]
        if inside:
            return self.tag_highlight(inside[0], name)
        name = name or ask_tag(self, self.ws.highlights.all_tags(), "Tag selection")
        if not name:
            return None
        cmd = AddHighlight(self.ws, self.article.id, *span, tags=[name])
        self.undo_stack.push(cmd)
        if cmd.error:
            self._notify(f"Could not tag: {cmd.error}")
            return None
        return cmd.highlight

    def tag_highlight(self, h: Highlight, name: str | None = None) -> Highlight | None:
        """Add a tag to a highlight (asks for it when `name` is None); undoable."""
        name = name or ask_tag(self, self.ws.highlights.all_tags(), "Tag highlight")
        if not name:
            return None
        cmd = TagHighlight(self.ws, h.id, add=[name])
        self.undo_stack.push(cmd)
        if cmd.error:
            self._notify(f"Could not tag: {cmd.error}")
            return None
        return cmd.highlight

    def untag_highlight(self, h: Highlight, name: str) -> None:
        cmd = TagHighlight(self.ws, h.id, remove=[name])
        self.undo_stack.push(cmd)
        if cmd.error:
            self._notify(f"Could not remove the tag: {cmd.error}")

    def speaker_of(self, s: Suggestion) -> str | None:
        """The name a suggestion's speaker is (or would be) filed under in the speaker book."""
        hit = self.ws.speakers.lookup().find(s.speaker, s.cue)
        if hit is not None:
            return hit[1]
        return speaker_name(s.speaker) if is_listed_speaker(s.speaker) else None

    def assign_speaker(self, s: Suggestion, perspective: str | None) -> bool:
        """Give the suggestion's speaker a perspective for all their statements (undoable)."""
        name = self.speaker_of(s)
        if name is None or self.article is None:
            self._notify("This suggestion names no speaker to assign.")
            return False
        seen = SpeakerEntry(key=speaker_key(name), name=name, articles=[self.article.id])
        cmd = AssignSpeaker(self.ws, name, perspective, seen)
        self.undo_stack.push(cmd)
        if cmd.error:
            self._notify(f"Could not assign {name}: {cmd.error}")
            return False
        self._notify(f"{cmd.text()} — every statement by {name} follows (Ctrl+Z undoes).")
        return True

    def handle_key(self, event: QKeyEvent) -> bool:
        """Reader shortcuts typed in the text; True when the key was used."""
        key, mods = event.key(), event.modifiers()
        plain = not (mods & ~Qt.KeyboardModifier.KeypadModifier)
        text = event.text()
        marking = (text and text in "123456789") or key in (
            Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Backspace, Qt.Key.Key_Delete)
        if plain and marking and self.refuse_if_readonly():
            return True
        if plain and text and text in "123456789":
            p = next((p for p in self.perspectives.values() if p.shortcut == text), None)
            if p is None:
                self._notify(f"No perspective uses key {text}.")
            elif self.editor.textCursor().hasSelection():
                self.highlight_selection([p.key])
            elif (s := self.suggestion_at(self.cursor_offset())) is not None:
                self.accept_suggestion(s, [p.key])
            elif hs := self.highlights_at(self.cursor_offset()):
                self.toggle_perspective(hs[-1], p.key)
            else:
                self._notify("Select some text first, then press a perspective key (1–9).")
            return True
        if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept_suggestion()
            return True
        if plain and key == Qt.Key.Key_Backspace:
            self.reject_suggestion()
            return True
        if plain and key == Qt.Key.Key_Delete:
            hs = self.highlights_at(self.cursor_offset())
            if hs:
                self.delete_highlight(hs[-1].id)
            return bool(hs)
        alt = mods == Qt.KeyboardModifier.AltModifier
        if (plain and key == Qt.Key.Key_N) or (alt and key == Qt.Key.Key_Down):
            self.goto_suggestion(1)
            return True
        if (plain and key == Qt.Key.Key_P) or (alt and key == Qt.Key.Key_Up):
            self.goto_suggestion(-1)
            return True
        if plain and key == Qt.Key.Key_Escape and self.find_bar.isVisible():
            self.find_bar.close_bar()
            return True
        return False

    # -- context menu and tooltips ---------------------------------------------------------
    def show_context_menu(self, pos: QPoint, global_pos: QPoint) -> None:
        menu = self.build_context_menu(pos)
        menu.exec(global_pos)
        menu.deleteLater()

    def build_context_menu(self, pos: QPoint) -> QMenu:
        """Highlight as ▸, suggestion accept/reject, remove/edit highlights, copy, find."""
        return reader_menu.build_context_menu(self, pos)

    def tooltip_at(self, pos: QPoint) -> str:
        return reader_menu.tooltip_at(self, pos)

    # -- drawing ------------------------------------------------------------------------
    def fit_measure(self) -> None:
        """Keep lines about 75 characters long by widening the side margins."""
        set_side_margin(self.editor.document(), self._side_margin())

    def _side_margin(self) -> float:
        width = self.editor.viewport().width()
        if self._measure <= 0:
            self._measure = QFontMetricsF(body_font()).horizontalAdvance(MEASURE) + 8
        return max(0.0, (width - self._measure) / 2 - DOC_MARGIN)

    def _load_marks(self) -> None:
        if self.article is None:
            return
        self.perspectives = {p.key: p for p in self.ws.perspectives.all()}  # keys may be edited
        self.highlights = self.ws.highlights.for_article(self.article.id)
        try:
            ready = pending_if_ready(self.ws, self.article.id)
        except Exception as exc:  # suggestions are an aid: reading goes on without them
            ready = []
            self._notify(f"Suggestions unavailable: {exc}")
        if ready is None:  # never computed for this text: in the background, shown when done
            self._suggest(self.article.id)
            return
        self._stop_suggesting()
        self.suggestions = sorted(ready, key=lambda s: (s.start, s.end))

    def suggestions_pending(self) -> bool:
        """True while the open article's suggestions are being computed."""
        return self._suggesting is not None

    def _suggest(self, article_id: int) -> None:
        if self._suggesting is not None and self._suggesting[0] == article_id:
            return
        self._stop_suggesting()
        self.suggestions = []
        handle = run_task(pending_suggestions, self.ws, article_id, owner=self,
                          on_done=lambda found: self._suggested(article_id, found),
                          on_error=lambda exc: self._suggested(article_id, None, exc))
        self._suggesting = (article_id, handle)

    def _stop_suggesting(self) -> None:
        if self._suggesting is not None:
            self._suggesting[1].detach()
            self._suggesting = None

    def _suggested(self, article_id: int, found: list[Suggestion] | None,
                   error: BaseException | None = None) -> None:
        if self._suggesting is None or self._suggesting[0] != article_id:
            return  # another article was opened meanwhile
        self._suggesting = None
        if error is not None:
            log.warning("suggestions for article #%s failed: %s", article_id, error)
            self._notify(f"Suggestions unavailable: {error}")
            return
        if found is None or self.article is None or self.article.id != article_id:
            return
        self._load_marks()  # the cache is warm now: filtered against the latest highlights
        self._redraw()
        self.suggestionsReady.emit(article_id)

    def _redraw(self) -> None:
        if self.article is None:
            return
        decorate(self.editor.document(), self.mapping, self._runs(), self.palette())
        self._paint_overlays()

    def _runs(self) -> list:
        painter = MarkPainter(self.perspectives, self.palette())
        return painter.runs(Marks(self.highlights, self.suggestions, self.hits))

    def _paint_overlays(self) -> None:
        """Find matches and the suggestion under the cursor, drawn over the text."""
        selections = []
        for cursor in self.find_bar.matches:
            sel = QTextEdit.ExtraSelection()
            sel.cursor = cursor
            fmt = QTextCharFormat()
            fmt.setBackground(QColor("#c46a00" if is_dark(self.palette()) else "#ffb24d"))
            sel.format = fmt
            selections.append(sel)
        s = self.suggestion_at(self.cursor_offset()) if self.article else None
        if s is not None:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.editor.document())
            cursor.setPosition(self.mapping.to_doc(s.start))
            cursor.setPosition(self.mapping.to_doc(s.end), QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor
            fmt = QTextCharFormat()
            base = self.palette().color(QPalette.ColorRole.Base)
            fmt.setBackground(tint(self.palette().color(QPalette.ColorRole.Text), base, 0.10))
            sel.format = fmt
            selections.append(sel)
        self.editor.setExtraSelections(selections)

    def _scroll_to(self, position: int) -> None:
        cursor = QTextCursor(self.editor.document())
        cursor.setPosition(position)
        rect = self.editor.cursorRect(cursor)
        bar = self.editor.verticalScrollBar()
        bar.setValue(bar.value() + rect.top() - self.editor.viewport().height() // 3)

    def _on_highlights_changed(self, article_id: int) -> None:
        if self.article is not None and article_id == self.article.id:
            self._load_marks()
            self._redraw()
        self.highlightsChanged.emit(article_id)

    def _on_articles_changed(self, ids: list) -> None:
        """The open article's text changed (a cleaning choice, its undo): show it again."""
        if self.article is None or self.article.id not in ids:
            return
        fresh = self.ws.articles.get(self.article.id)
        if fresh is not None and fresh.text != self.article.text:
            bar = self.editor.verticalScrollBar()
            position = bar.value()
            self.show_article(fresh.id)
            bar.setValue(position)

    def _notify(self, message: str) -> None:
        self.notice.setText(message)
        self.notice.show()
        self._notice_timer.start()

    def _name(self, key: str) -> str:
        p = self.perspectives.get(key)
        return p.name if p else key

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.article is not None:
            scroll = self.editor.verticalScrollBar().value()  # theme switch: redraw in place
            self.show_article(self.article.id, self.hits)
            self.editor.verticalScrollBar().setValue(scroll)
