"""The reader's two corrections of cleaning: see (and put back) the lines cleaning removed,
and remove a paragraph as page furniture. Both go through ``ChooseLine`` on the shared
undo stack; the business rules live in ``briefing.core.cleaning_choices``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.cleaning_choices import paragraph_at
from briefing.ui.cleaning_commands import choose_in_background
from briefing.ui.removed_lines_dialog import RemovedLinesDialog

if TYPE_CHECKING:
    from briefing.ui.reader import ReaderPane


def open_removed_lines(pane: ReaderPane) -> RemovedLinesDialog | None:
    """Open the "Removed by cleaning" dialog for the article in the reader."""
    if pane.article is None:
        return None
    dialog = RemovedLinesDialog(pane.ws, pane.undo_stack, pane.article.id, pane)
    pane.removed_dialog = dialog
    dialog.open()
    return dialog


def paragraph_under(pane: ReaderPane, offset: int | None) -> str | None:
    """The article paragraph at this text offset (None outside the text)."""
    if pane.article is None or offset is None:
        return None
    return paragraph_at(pane.article.text, offset)


def remove_paragraph(pane: ReaderPane, offset: int | None) -> bool:
    """Remove the paragraph at `offset` as page furniture (in the background; undoable once
    done); False if there is no paragraph there or marking is off."""
    if pane.refuse_if_readonly():
        return False
    paragraph = paragraph_under(pane, offset)
    if pane.article is None or paragraph is None:
        pane._notify("Right-click inside a paragraph to remove it.")
        return False
    choose_in_background(
        pane.ws, pane.undo_stack, pane.article.id, paragraph, "drop", pane,
        on_done=lambda _cmd: pane._notify(
            "Paragraph removed as page furniture. Ctrl+Z puts it back; "
            "“Removed by cleaning…” lists it."),
        on_error=lambda reason: pane._notify(f"Could not remove the paragraph: {reason}"))
    return True
