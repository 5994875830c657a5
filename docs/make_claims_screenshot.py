"""Take docs/claims_corrected.png: the claims view after the analyst corrected it.

Imports the sample articles into a temporary workspace, gives them the dates and outlets
an analyst would confirm (as tests/export_sample.py does), then, through the view's own
undoable commands, corrects one figure's subject, excludes one figure and corrects the
perspectives of another, and saves a picture of the view.

    QT_QPA_PLATFORM=offscreen python docs/make_claims_screenshot.py
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

from PySide6.QtGui import QUndoStack

from briefing.core.details import edit_details
from briefing.core.ingest.pipeline import import_files
from briefing.core.resources import sample_corpus
from briefing.core.workspace import Workspace
from briefing.ui import theme
from briefing.ui.app import init_application
from briefing.ui.claims_model import ClaimsModel
from briefing.ui.claims_view import ClaimsView

DOCS = Path(__file__).resolve().parent
DATES = {"000": ("Bloomberg", "2025-01"), "001": ("The Economist", "2024-10-24"),
         "002": ("Bloomberg", "2024-12-20"), "003": ("RSIS", "2024-11-15"),
         "004": ("Intrigue", "2024-10-21")}


def entry_id(view: ClaimsView, figure_text: str, subject_words: str) -> int:
    """Claim id of the figure row whose figure cell is `figure_text` under a subject."""
    for r in range(view.model.rowCount()):
        parent = view.model.index(r, 0)
        if subject_words not in parent.data():
            continue
        for i in range(view.model.rowCount(parent)):
            child = view.model.index(i, 0, parent)
            if child.data() == figure_text:
                return int(child.data(ClaimsModel.ClaimIdRole))
    raise LookupError(f"no {figure_text!r} under {subject_words!r}")


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    tmp = Path(tempfile.mkdtemp(prefix="briefing-claims-shot-"))
    app = init_application()
    theme.set_dark(False)
    ws = Workspace.open(tmp / "workspace")
    try:
        list(import_files(ws, sample_corpus()))
        for article in ws.articles.list():
            publisher, published = DATES[article.source_file[:3]]
            edit_details(ws, article.id, {"publisher": publisher, "published": published})
        view = ClaimsView(ws, undo_stack=QUndoStack())
        view.resize(1280, 560)
        view.show()
        view.refresh()
        # "personnel" (800) is the North Korean troops the article speaks of
        view.correct_subject(entry_id(view, "about 800", "personnel"), "North Korean troops")
        # North Korea's whole armed forces (a row of their own) are left out of the comparison
        view.exclude = entry_id(view, "1.28 million", "armed forces")
        view.set_excluded(view.exclude, True)
        view.set_perspectives(entry_id(view, "up to 12,000", "North Korean troops"),
                              ["south_korean", "us"])
        view.correct_figure(entry_id(view, "as many as 10,000", "North Korean troops"), 11000)
        for _ in range(5):
            app.processEvents()
        path = DOCS / "claims_corrected.png"
        view.grab().save(str(path))
        print(f"wrote {path.relative_to(DOCS.parent)} ({view.width()}x{view.height()})")
    finally:
        ws.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
