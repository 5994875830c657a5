"""Take the screenshots in docs/ from the real app on a temporary workspace.

Opens the main window on a fresh Sample workspace (its first opening imports the sample
articles), adds highlights of several perspectives through the core, and saves
PNGs of: the main window in light and dark, the reader with highlights, the
search results for "Budanov", the details pane, the claims view, the tag chips of the
highlights panel, the Speakers dialog, the workspace switcher (File › Open recent)
beside the library's collections, the Briefs list, a Korean and a Ukrainian wire story
in the reader, found by an inflected search (tests/data/languages/), and the "Removed by
cleaning" dialog of the sample article cleaning took most lines from.

    xvfb-run -s "-screen 0 1600x1000x24" python docs/make_screenshots.py
    (or QT_QPA_PLATFORM=offscreen python docs/make_screenshots.py)
    python docs/make_screenshots.py tag_chips.png speakers_dialog.png   # only these
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QSplitter, QWidget

from briefing.core import briefs, collections
from briefing.core.cleaning_choices import removed_lines
from briefing.core.ingest.sample import mark_sample
from briefing.core.workspace import Workspace
from briefing.ui import theme
from briefing.ui.app import create_main_window, init_application
from briefing.ui.main_window import MainWindow
from briefing.ui.reader_cleaning import open_removed_lines
from briefing.ui.workspace_switcher import remember_workspace

DOCS = Path(__file__).resolve().parent
SIZE = (1440, 900)

# (words that must all be in the sentence, perspectives) for the showcase article
MARKS = [
    (["Budanov"], ["ukrainian"]),
    (["South Korea"], ["south_korean"]),
    (["Pentagon"], ["us"]),
    (["US"], ["us"]),
    (["China"], ["chinese"]),
    (["troops"], ["ukrainian", "south_korean"]),
]


def wait(app: QApplication, done: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the window did not get there in time")
        app.processEvents()
        time.sleep(0.01)


def settle(app: QApplication, seconds: float = 0.4) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def sentences(text: str) -> list[tuple[int, int]]:
    """Rough sentence spans (good enough to pick passages for a picture)."""
    spans, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".\n" and (i + 1 == len(text) or text[i + 1] in " \n"):
            if text[start:i + 1].strip():
                lead = len(text[start:i + 1]) - len(text[start:i + 1].lstrip())
                spans.append((start + lead, i + 1))
            start = i + 1
    return spans


def add_highlights(ws: Workspace) -> int:
    """Highlight sentences of the article that mentions Budanov most; returns its id."""
    best = max(ws.articles.ids(), key=lambda i: ws.articles.text(i).count("Budanov"))
    text = ws.articles.text(best)
    used: set[tuple[int, int]] = set()
    for words, keys in MARKS:
        for start, end in sentences(text):
            sentence = text[start:end]
            if (start, end) not in used and all(w in sentence for w in words) and \
                    len(sentence) < 400:
                ws.highlights.add(best, text, start, end, perspectives=keys,
                                  note="Figure to compare" if "troops" in words else "",
                                  reliability="B" if "Budanov" in words else None,
                                  credibility=3 if "Budanov" in words else None)
                used.add((start, end))
                break
    # an overlapping mark inside the first highlight: two perspectives on one claim
    first = min(used)
    mid = text.index(" ", (first[0] + first[1]) // 2) + 1  # a word boundary half-way in
    ws.highlights.add(best, text, mid, first[1], perspectives=["us"])
    return best


ONLY: set[str] = set()  # names given on the command line: write only those


def grab(widget: QWidget, name: str) -> Path:
    path = DOCS / name
    if ONLY and name not in ONLY:
        return path
    widget.grab().save(str(path))
    print(f"wrote {path.relative_to(DOCS.parent)} ({widget.width()}x{widget.height()})")
    return path


def details_shot(app: QApplication, window: MainWindow, ws: Workspace) -> None:
    """The details pane of an article whose title was guessed, after two corrections."""
    guessed = next((a for a in ws.articles.list() if a.title_inferred), ws.articles.list()[0])
    window.open_article(guessed.id)
    window.details.set_field("authors", "Economist correspondents")
    window.details.set_field("published", "2024-10")
    window.side.setSizes([300, 600])
    settle(app)
    grab(window.details, "details_pane.png")
    window.side.setSizes([620, 280])


def tag_chips(app: QApplication, window: MainWindow, ws: Workspace) -> None:
    """The highlights panel of every article, with tags on a few highlights."""
    tags = [["troops", "Kursk front"], ["needs check"], ["troops"], ["munitions", "needs check"]]
    for h, names in zip(ws.highlights.list(), tags, strict=False):
        ws.highlights.retag(h.id, add=names)
    panel = window.highlights
    panel.show_all_articles()
    panel.refresh()
    panel.setParent(None)  # a window of its own, sized for the picture
    panel.resize(900, 720)
    panel.view.horizontalHeader().resizeSection(1, 220)  # the Tags column
    panel.show()
    panel.view.selectRow(0)
    settle(app)
    grab(panel, "tag_chips.png")


def speakers_dialog(app: QApplication, window: MainWindow, ws: Workspace) -> None:
    """The Speakers dialog with one speaker in the book."""
    ws.speakers.assign("Kyrylo Budanov", "ukrainian")
    window.open_speakers_dialog()
    dialog = window.speakers_dialog
    wait(app, lambda: not dialog.loading)
    dialog.resize(860, 560)
    dialog.filter.setText("")
    settle(app)
    grab(dialog, "speakers_dialog.png")
    dialog.close()


def removed_lines_shot(app: QApplication, window: MainWindow, ws: Workspace) -> None:
    """The "Removed by cleaning" dialog (reader menu) of the sample article with the most
    removed lines, its first line that reads as a sentence selected for "Put back"."""
    article_id = max(ws.articles.ids(), key=lambda i: len(removed_lines(ws, i)))
    window.open_article(article_id)
    dialog = open_removed_lines(window.reader)
    assert dialog is not None
    wait(app, lambda: not dialog.loading and bool(dialog.lines))
    dialog.resize(860, 520)
    sentence = next((n for n, line in enumerate(dialog.lines)
                     if line.text.rstrip().endswith(".")), 0)
    dialog.table.selectRow(sentence)
    settle(app)
    grab(dialog, "removed_lines.png")
    dialog.close()


def workspaces_shot(app: QApplication, window: MainWindow, ws: Workspace, tmp: Path,
                    settings: QSettings) -> None:
    """File › Open recent with three workspaces, over the library filtered by a collection
    (a set and a saved search in the collections list)."""
    for name in ("Black Sea shipping", "Korea deployment"):
        Workspace.open(tmp / name).close()
        remember_workspace(settings, tmp / name)
    remember_workspace(settings, ws.root)
    ids = sorted(ws.articles.ids())
    collections.add(ws, "Kursk front", ids[:3])
    collections.save_search(ws, "Chinese view", "perspective:chinese")
    window.library.refresh()
    window.library.filter_by_collection("Kursk front")
    window.search.search_edit.clear()
    settle(app)
    pane = window.search.grab()  # the search box over the library and its collections
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.popup(window.mapToGlobal(QPoint(0, window.menuBar().height())))
    settle(app)
    recent = window.recent_menu
    anchor = file_menu.actionGeometry(recent.menuAction())
    recent.popup(file_menu.mapToGlobal(QPoint(file_menu.width() - 4, anchor.top())))
    settle(app)
    menus = [(menu.grab(), menu.mapToGlobal(QPoint(0, 0))) for menu in (file_menu, recent)]
    recent.hide()
    file_menu.hide()
    left = min(at.x() for _, at in menus)
    top = min(at.y() for _, at in menus)
    width = max(at.x() + shot.width() for shot, at in menus) - left
    gap = 24
    canvas = QPixmap(pane.width() + gap + width + gap, min(pane.height(), 280))
    canvas.fill(window.palette().window().color())
    painter = QPainter(canvas)
    painter.drawPixmap(0, 0, pane)
    for shot, at in menus:
        painter.drawPixmap(pane.width() + gap + at.x() - left, gap + at.y() - top, shot)
    painter.end()
    path = DOCS / "workspaces.png"
    if not ONLY or path.name in ONLY:
        canvas.save(str(path))
        print(f"wrote {path.relative_to(DOCS.parent)} ({canvas.width()}x{canvas.height()})")


def briefs_shot(app: QApplication, window: MainWindow, ws: Workspace, tmp: Path) -> None:
    """The Briefs tab with three briefs: one exported and since grown (new highlights and a
    new match offered), one drawn from a collection, one never exported."""
    briefs.create(ws, "Daily troops note", "North Korean troops in Russia",
                  perspectives=["ukrainian"])
    briefs.create(ws, "Kursk front weekly", "Kursk front: the week", collection="Kursk front")
    briefs.create(ws, "China angle", "Beijing's position", perspectives=["chinese"])
    out = tmp / "notes"
    out.mkdir(exist_ok=True)
    briefs.export(ws, "Kursk front weekly", out / "kursk.docx")
    briefs.export(ws, "Daily troops note", out / "daily.docx")
    article = max(ws.articles.ids(), key=lambda i: ws.articles.text(i).count("Budanov"))
    text = ws.articles.text(article)
    spans = [(a, b) for a, b in sentences(text) if "Ukrain" in text[a:b] and b - a < 300]
    taken = {(h.start, h.end) for h in ws.highlights.for_article(article)}
    fresh = [ws.highlights.add(article, text, a, b, perspectives=["ukrainian"]).id
             for a, b in [span for span in spans if span not in taken][:2]]
    briefs.add(ws, "Daily troops note", fresh[:1])  # one taken in, one still offered
    window.reader.highlightsChanged.emit(article)
    window.briefs.refresh()
    window.show_briefs()
    window.briefs.choose("Daily troops note")
    size = window.size()
    window.resize(SIZE[0], 400)
    settle(app)
    grab(window.tabs, "briefs_list.png")
    window.resize(size)
    window.tabs.setCurrentIndex(0)


LANGUAGE_SHOTS = [  # (story in tests/data/languages, search typed, picture)
    ("ko_yonhap_nis", "국정원 파병", "reader_korean.png"),
    ("uk_pravda_budanov", "Буданова", "reader_ukrainian.png"),
]


def language_shots(app: QApplication, window: MainWindow, ws: Workspace) -> None:
    """A Korean and a Ukrainian story in the reader, opened from a search for a form the
    text does not hold as typed (국정원 in 국정원은, Буданова for Буданов)."""
    if ONLY and not ONLY & {name for _, _, name in LANGUAGE_SHOTS}:
        return
    data = DOCS.parent / "tests" / "data" / "languages"
    window.library.filter_by_collection(None)  # search the whole library
    window.importer.import_paths([data / f"{story}.txt" for story, _, _ in LANGUAGE_SHOTS],
                                 summary=False)
    wait(app, lambda: not window.importer.busy and window.library.model.rowCount() == 7
         and window.search.ready)
    by_file = {a.source_file: a.id for a in ws.articles.list()}
    for story, query, name in LANGUAGE_SHOTS:
        article_id = by_file[f"{story}.txt"]
        window.search.search_edit.setText(query)
        model = window.search.model
        wait(app, lambda m=model, a=article_id: any(r.article_id == a for r in m.rows))
        row = next(i for i, r in enumerate(model.rows) if r.article_id == article_id)
        window.search.results.setCurrentIndex(model.index(row, 0))
        window.search.open_current()  # as a click on the result: its hits are lit
        wait(app, lambda: not window.reader.suggestions_pending())
        settle(app, 0.8)
        grab(window, name)
    window.search.search_edit.clear()


def main() -> int:
    ONLY.update(a for a in sys.argv[1:] if a.endswith(".png"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY")
                          else os.environ.get("QT_QPA_PLATFORM", "xcb"))
    tmp = Path(tempfile.mkdtemp(prefix="briefing-shots-"))
    os.environ["BRIEFING_WORKSPACE"] = str(tmp / "workspace")
    app = init_application()
    theme.set_dark(False)
    settings = QSettings(str(tmp / "settings.ini"), QSettings.Format.IniFormat)
    ws = Workspace.open(tmp / "Sample")
    mark_sample(ws)
    window: MainWindow = create_main_window(ws, settings)
    window.resize(*SIZE)
    window.show()
    try:
        wait(app, lambda: window.library.model.rowCount() == 5 and not window.importer.busy
             and window.search.ready)
        article_id = add_highlights(ws)
        window.reader.highlightsChanged.emit(article_id)  # as the reader does after an edit
        window.library.refresh()
        window.splitter.setSizes([500, 630, 310])
        window.side.setSizes([620, 280])  # the highlights over the article's details
        for inner in window.highlights.findChildren(QSplitter):  # room for the editor
            inner.setSizes([330, 540])
        window.open_article(article_id)
        first = ws.highlights.for_article(article_id)[0]
        window.highlights.select_highlight(first.id)  # show its note and grading
        window.reader.reveal(first.start, first.start)
        settle(app)
        grab(window, "main_window_light.png")
        grab(window.tabs, "reader_highlights.png")

        theme.set_dark(True)
        window.open_article(article_id)
        settle(app)
        grab(window, "main_window_dark.png")
        theme.set_dark(False)
        window.open_article(article_id)
        settle(app)

        window.search.focus_search()
        window.search.search_edit.setText("Budanov")
        wait(app, lambda: window.search.model.rowCount() > 0)
        window.search.open_current()
        settle(app)
        grab(window, "search_budanov.png")

        details_shot(app, window, ws)

        window.search.search_edit.clear()
        window.highlights.hide()  # give the comparison the room
        window.splitter.setSizes([470, 970, 0])
        window.tabs.setCurrentWidget(window.claims)
        settle(app, 1.0)
        grab(window, "claims_view.png")
        window.highlights.show()
        window.tabs.setCurrentIndex(0)
        tag_chips(app, window, ws)
        speakers_dialog(app, window, ws)
        workspaces_shot(app, window, ws, tmp, settings)
        briefs_shot(app, window, ws, tmp)
        language_shots(app, window, ws)
        removed_lines_shot(app, window, ws)
    finally:
        window.close()
        ws.close()
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
