"""The reader's two corrections of cleaning: see (and put back) the lines cleaning removed,
and remove a paragraph as page furniture. Both go through ``ChooseLine`` on the shared
undo stack; the business rules live in ``briefing.core.cleaning_choices``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.core.cleaning_choices import paragraph_at
from briefing.ui.cleaning_commands import ChooseLine
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
    """Remove the paragraph at `offset` as page furniture (undoable); False if refused."""
    if pane.refuse_if_readonly():
        return False
    paragraph = paragraph_under(pane, offset)
    if pane.article is None or paragraph is None:
        pane._notify("Right-click inside a paragraph to remove it.")
        return False
    cmd = ChooseLine(pane.ws, pane.article.id, paragraph, "drop")
    pane.undo_stack.push(cmd)
    if cmd.error:
        pane._notify(f"Could not remove the paragraph: {cmd.error}")
        return False
    pane._notify("Paragraph removed as page furniture. Ctrl+Z puts it back; "
                 "“Removed by cleaning…” lists it.")
    return True
