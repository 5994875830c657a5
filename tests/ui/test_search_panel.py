"""The search box: live results off the UI thread, stale answers dropped, keys to open."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from briefing.core.ingest.pipeline import import_files
from briefing.core.resources import sample_corpus
from briefing.core.workspace import Workspace
from briefing.ui.search_panel import SearchPanel, run_search, split_marked


@pytest.fixture(scope="module")
def sample_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("search") / "workspace"
    with Workspace.open(root) as ws:
        for _ in import_files(ws, sample_corpus()):
            pass
    return root


@pytest.fixture
def panel(qtbot, sample_workspace: Path):
    ws = Workspace.open(sample_workspace)
    library = QWidget()
    panel = SearchPanel(ws, library)
    qtbot.addWidget(panel)
    panel.set_ready(True)
    panel.show()
    yield panel
    panel.close()
    ws.close()


def test_typing_shows_results_for_the_last_query_only(qtbot, panel: SearchPanel) -> None:
    shown: list[int] = []
    panel.resultsShown.connect(shown.append)
    qtbot.keyClicks(panel.search_edit, "Kursk")
    panel.search_edit.clear()
    qtbot.keyClicks(panel.search_edit, "Budanov")
    qtbot.waitUntil(lambda: panel.last_query == "Budanov", timeout=10_000)
    assert panel.stack.currentWidget() is panel.results_page
    assert len(panel.model.rows) == 2
    for row in panel.model.rows:
        assert row.spans and all(row.excerpt[a:b] == "Budanov" for a, b in row.spans)
        assert row.hits
    assert panel.status.text().startswith("2 articles")
    qtbot.wait(300)  # nothing stale arrives afterwards
    assert panel.last_query == "Budanov"


def test_down_and_enter_open_the_chosen_result_with_its_hits(qtbot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.search_edit, "Budanov")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=10_000)
    second = panel.model.rows[1]
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Down)
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Down)
    with qtbot.waitSignal(panel.openRequested, timeout=1000) as opened:
        qtbot.keyClick(panel.results, Qt.Key.Key_Return)
    assert opened.args == [second.article_id, second.hits]


def test_escape_clears_the_box_and_shows_the_library_again(qtbot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.search_edit, "troops")
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=10_000)
    qtbot.keyClick(panel.search_edit, Qt.Key.Key_Escape)
    assert panel.search_edit.text() == ""
    assert panel.stack.currentIndex() == 0
    assert panel.model.rowCount() == 0


def test_a_query_that_does_not_parse_still_answers(qtbot, panel: SearchPanel) -> None:
    qtbot.keyClicks(panel.search_edit, '"North Korean troops')
    qtbot.waitUntil(lambda: panel.last_query == '"North Korean troops', timeout=10_000)
    assert panel.model.rowCount() > 0
    assert "failed" not in panel.status.text().lower()


def test_marked_snippets_split_into_text_and_spans() -> None:
    assert split_marked("the «spy» chief «Budanov» said") == (
        "the spy chief Budanov said", [(4, 7), (14, 21)])


def test_a_short_prefix_says_how_many_words_were_left_out(qtbot, panel: SearchPanel) -> None:
    expected = panel.ws.index.search("s*").note
    assert expected and "most frequent words (and " in expected
    qtbot.keyClicks(panel.search_edit, "s*")
    qtbot.waitUntil(lambda: panel.last_query == "s*", timeout=10_000)
    assert panel.model.rowCount() > 0
    assert panel.status.text().endswith(expected)


def test_a_replaced_search_is_cancelled_and_returns_nothing(panel: SearchPanel) -> None:
    assert run_search(panel.ws, "troops", cancelled=lambda: True) is None
    rows, status = run_search(panel.ws, "troops", cancelled=lambda: False)
    assert rows and status.split()[1] == "articles"


def test_a_search_that_finds_nothing_says_what_to_try(qtbot, panel: SearchPanel,
                                                      workspace_dir: Path) -> None:
    """"No articles match" alone left the analyst with nothing to try, and in an empty
    library it did not say that the library was empty."""
    qtbot.keyClicks(panel.search_edit, "zzzqqq")
    qtbot.waitUntil(lambda: panel.last_query == "zzzqqq", timeout=10_000)
    assert panel.model.rowCount() == 0
    assert panel.status.text() == ("No articles match — try fewer words, another spelling "
                                   "or a prefix (deploy*)")
    with Workspace.open(workspace_dir) as empty:
        empty.index.ensure()  # as the window does on opening a workspace
        rows, status = run_search(empty, "Budanov")
        assert rows == []
        assert status == "Nothing to search yet: import articles first (File ▸ Import files…)"


def test_a_long_status_wraps_inside_a_narrow_pane(qtbot, panel: SearchPanel) -> None:
    panel.resize(320, 400)
    qtbot.keyClicks(panel.search_edit, '"zzzqqq AND (')
    qtbot.waitUntil(lambda: panel.last_query == '"zzzqqq AND (', timeout=10_000)
    assert "try fewer words" in panel.status.text()
    assert panel.status.minimumSizeHint().width() <= 320
    assert panel.status.width() <= panel.width()
