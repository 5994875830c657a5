"""The reader's context menu and tooltips (kept apart from the pane to keep it short)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QMenu

from briefing.ui import reader_cleaning

if TYPE_CHECKING:
    from briefing.ui.reader import ReaderPane


def build_context_menu(pane: ReaderPane, pos: QPoint) -> QMenu:
    """Highlight as ▸, suggestion accept/reject, remove/edit highlights, copy, find."""
    menu = QMenu(pane)
    offset = pane.mapping.to_text(pane.editor.cursorForPosition(pos).position())
    if pane.ws.readonly:  # looking and copying only, and the menu says why
        why = menu.addAction(f"Read-only: {pane.ws.readonly_reason or 'opened read-only'} "
                             "— marking is off")
        why.setEnabled(False)
        return _end_with_copy_and_find(pane, menu)
    if pane.editor.textCursor().hasSelection():
        sub = menu.addMenu("Highlight as")
        for p in pane.perspectives.values():
            act = sub.addAction(f"{p.name} ({p.shortcut})" if p.shortcut else p.name)
            act.setIcon(_swatch(p.colour))
            act.triggered.connect(lambda _=False, k=p.key: pane.highlight_selection([k]))
        sub.addSeparator()
        sub.addAction("No perspective").triggered.connect(
            lambda: pane.highlight_selection([]))
        menu.addAction("Tag selection…").triggered.connect(lambda: pane.tag_selection())
    s = pane.suggestion_at(offset)
    if s is not None:
        menu.addSeparator()
        who = ", ".join(pane._name(k) for k in s.perspectives) or "no perspective"
        menu.addAction(f"Accept suggested claim ({who})\tEnter").triggered.connect(
            lambda: pane.accept_suggestion(s))
        menu.addAction("Reject suggestion\tBackspace").triggered.connect(
            lambda: pane.reject_suggestion(s))
        speaker = pane.speaker_of(s)
        if speaker:
            sub = menu.addMenu(f"Every statement by {speaker[:40]}")
            for p in pane.perspectives.values():
                act = sub.addAction(_swatch(p.colour), p.name)
                act.triggered.connect(lambda _=False, k=p.key: pane.assign_speaker(s, k))
            sub.addSeparator()
            sub.addAction("Cues decide").triggered.connect(
                lambda: pane.assign_speaker(s, None))
    for h in pane.highlights_at(offset):
        menu.addSeparator()
        label = f"“{h.quote[:30]}…”" if len(h.quote) > 30 else f"“{h.quote}”"
        sub = menu.addMenu(f"Perspectives of {label}")
        for p in pane.perspectives.values():
            act = sub.addAction(p.name)
            act.setCheckable(True)
            act.setChecked(p.key in h.perspectives)
            act.triggered.connect(lambda _=False, hh=h, k=p.key: pane.toggle_perspective(hh, k))
        menu.addAction(f"Edit note of {label}…").triggered.connect(
            lambda _=False, hh=h: pane.edit_note(hh))
        menu.addAction(f"Edit translation of {label}…").triggered.connect(
            lambda _=False, hh=h: pane.edit_translation(hh))
        menu.addAction(f"Tag {label}…").triggered.connect(
            lambda _=False, hh=h: pane.tag_highlight(hh))
        for tag in h.tags:
            menu.addAction(f"Remove tag “{tag}”").triggered.connect(
                lambda _=False, hh=h, t=tag: pane.untag_highlight(hh, t))
        menu.addAction(f"Remove highlight {label}\tDel").triggered.connect(
            lambda _=False, hid=h.id: pane.delete_highlight(hid))
    if reader_cleaning.paragraph_under(pane, offset) is not None:
        menu.addSeparator()
        menu.addAction("Remove paragraph as page furniture").triggered.connect(
            lambda: reader_cleaning.remove_paragraph(pane, offset))
    return _end_with_copy_and_find(pane, menu)


def _end_with_copy_and_find(pane: ReaderPane, menu: QMenu) -> QMenu:
    """Every reader menu ends alike: what cleaning removed, a separator, Copy (when text is
    selected), Find."""
    if pane.article is not None:
        menu.addSeparator()
        menu.addAction("Removed by cleaning…").triggered.connect(
            lambda: reader_cleaning.open_removed_lines(pane))
    menu.addSeparator()
    copy = menu.addAction("Copy")
    copy.setEnabled(pane.editor.textCursor().hasSelection())
    copy.triggered.connect(pane.editor.copy)
    menu.addAction(pane.find_action)
    return menu


def tooltip_at(pane: ReaderPane, pos: QPoint) -> str:
    offset = pane.mapping.to_text(pane.editor.cursorForPosition(pos).position())
    lines = []
    for h in pane.highlights_at(offset):
        who = ", ".join(pane._name(k) for k in h.perspectives) or "No perspective"
        grade = f" · {h.reliability or '–'}{h.credibility or '–'}" \
            if h.reliability or h.credibility else ""
        tags = f"\nTags: {', '.join(h.tags)}" if h.tags else ""
        said = f"\nAnalyst's translation: {h.translation}" if h.translation else ""
        lines.append(f"{who} · {h.kind}{grade}{tags}{said}" + (f"\n{h.note}" if h.note else ""))
    s = pane.suggestion_at(offset)
    if s is not None:
        who = ", ".join(pane._name(k) for k in s.perspectives) or "no perspective"
        cue = f" (cue: {s.cue})" if s.cue else ""
        lines.append(f"Suggested claim: {who}{cue}\nEnter accepts · Backspace rejects")
    return "\n\n".join(lines)


def _swatch(colour: str) -> QIcon:
    pix = QPixmap(12, 12)
    pix.fill(QColor(colour))
    return QIcon(pix)
