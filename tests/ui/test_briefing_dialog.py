"""The briefing builder dialog on its own: choose, order, preview, export, remember."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QSettings, Qt

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from briefing.core.workspace import Workspace  # noqa: E402
from briefing.ui.briefing_dialog import BriefingDialog  # noqa: E402
from export_sample import HIGHLIGHTS, build_sample  # noqa: E402


@pytest.fixture
def ws(workspace_dir: Path) -> Iterator[Workspace]:
    with Workspace.open(workspace_dir) as ws:
        build_sample(ws)
        yield ws


def make_dialog(qtbot, ws: Workspace, settings: QSettings,
                ready: bool = True) -> BriefingDialog:
    """The dialog; `ready`: what the analyst answers at the ready-to-send step."""
    dialog = BriefingDialog(ws, settings)
    qtbot.addWidget(dialog)
    dialog.confirm_ready = lambda report: ready
    return dialog


def choose(combo, text: str) -> None:
    index = combo.findText(text)
    assert index >= 0, text
    combo.setCurrentIndex(index)


def list_texts(dialog: BriefingDialog) -> list[str]:
    return [dialog.list.item(i).text() for i in range(dialog.list.count())]


def export_and_wait(qtbot, dialog: BriefingDialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_report is not None or dialog.last_error is not None,
                    timeout=20_000)


def test_fill_in_and_export_a_note(qtbot, ws, settings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ws, settings)
    assert dialog.list.count() == len(HIGHLIGHTS)
    assert all(dialog.list.item(i).checkState() == Qt.CheckState.Checked
               for i in range(dialog.list.count()))
    choose(dialog.perspective_filter, "US")
    assert dialog.list.count() == 3
    assert all(t.startswith("US") for t in list_texts(dialog))

    dialog.title_edit.setText("US estimates of the deployment")
    dialog.author_edit.setText("Desk 4")
    dialog.marking_edit.setCurrentText("OFFICIAL-SENSITIVE")
    dialog.summary_edit.setPlainText("Washington's figures are the lowest in the library.")
    out = tmp_path / "us-note.docx"
    dialog.out_edit.setText(str(out))
    export_and_wait(qtbot, dialog)

    assert dialog.last_error is None
    assert dialog.last_report.highlights == 3
    assert dialog.progress.value() == dialog.progress.maximum() == 1
    assert f"Wrote {out}" in dialog.status.text()
    note = docx.Document(str(out))
    assert note.paragraphs[0].text == "US estimates of the deployment"
    assert "Desk 4" in note.paragraphs[1].text
    headings = [p.text for p in note.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["Bottom line up front", "US"]
    assert note.sections[0].header.paragraphs[0].text == "OFFICIAL-SENSITIVE"
    assert sum(p.style.name == "Quote" for p in note.paragraphs) == 3


def test_reorder_uncheck_group_and_preview(qtbot, ws, settings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ws, settings)
    choose(dialog.tag_filter, "troops")
    assert dialog.list.count() == 4
    before = list_texts(dialog)
    dialog.list.setCurrentRow(2)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    after = list_texts(dialog)
    assert after[1] == before[2] and after[2] == before[1] and dialog.list.currentRow() == 1
    dialog.list.item(3).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.count_label.text() == "3 of 4 highlights chosen"
    choose(dialog.group_combo, "Article")
    dialog.refresh_preview()
    top = [dialog.preview.topLevelItem(i).text(0) for i in range(dialog.preview.topLevelItemCount())]
    assert top[-1] == "Sources (3)"
    assert sum(t.endswith("(1)") for t in top) == 3  # one section per article

    # the note follows the list's order and leaves out the unchecked highlight
    choose(dialog.format_combo, "Markdown (.md)")
    out = tmp_path / "troops.md"
    dialog.out_edit.setText(str(out))
    export_and_wait(qtbot, dialog)
    text = out.read_text(encoding="utf-8")
    wanted = [t.split("  \u00b7  ", 1)[1].split("  \u2014 ")[0].rstrip("\u2026")[:60]
              for t in after[:3]]
    positions = [text.index(w) for w in wanted]
    assert positions == sorted(positions)
    left_out = after[3].split("  \u00b7  ", 1)[1][:60]
    assert left_out not in text

    # the order survives a change of filter and back
    choose(dialog.tag_filter, "All tags")
    choose(dialog.tag_filter, "troops")
    assert list_texts(dialog) == after
    assert dialog.list.item(3).checkState() == Qt.CheckState.Unchecked


def test_settings_are_remembered(qtbot, ws, settings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ws, settings)
    dialog.title_edit.setText("Weekly note")
    dialog.author_edit.setText("A. Analyst")
    dialog.marking_edit.setCurrentText("RESTRICTED")
    dialog.summary_edit.setPlainText("Draft bottom line")
    choose(dialog.group_combo, "Tag")
    choose(dialog.format_combo, "CSV table (.csv)")
    dialog.out_edit.setText(str(tmp_path / "weekly.csv"))
    dialog.close()

    again = make_dialog(qtbot, ws, settings)
    assert again.title_edit.text() == "Weekly note"
    assert again.author_edit.text() == "A. Analyst"
    assert again.marking_edit.currentText() == "RESTRICTED"
    assert again.summary_edit.toPlainText() == "Draft bottom line"
    assert again.group_combo.currentData() == "tag"
    assert again.format_combo.currentData() == "csv"
    assert again.out_edit.text() == str(tmp_path / "weekly.csv")


def test_errors_are_shown_and_nothing_is_written(qtbot, ws, settings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ws, settings)
    out = tmp_path / "missing folder" / "note.docx"
    dialog.out_edit.setText(str(out))
    export_and_wait(qtbot, dialog)
    assert "does not exist" in dialog.status.text()
    assert dialog.export_button.isEnabled()
    assert not out.parent.exists()

    qtbot.mouseClick(dialog.none_button, Qt.MouseButton.LeftButton)
    dialog.out_edit.setText(str(tmp_path / "note.docx"))
    dialog.export()
    assert dialog.status.text() == "Choose at least one highlight."
    assert not (tmp_path / "note.docx").exists()


def test_a_file_briefing_did_not_write_is_replaced_only_when_the_user_says_so(
        qtbot, ws, settings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ws, settings)
    theirs = tmp_path / "colleague.docx"
    theirs.write_bytes(b"a colleague's own document")
    asked: list[str] = []
    dialog.confirm_replace = lambda message: asked.append(message) or False
    dialog.out_edit.setText(str(theirs))
    export_and_wait(qtbot, dialog)
    assert len(asked) == 1 and "was not written by Briefing" in asked[0]
    assert dialog.status.text() == "Nothing was written: choose another file name."
    assert theirs.read_bytes() == b"a colleague's own document"

    dialog.last_error = None
    dialog.confirm_replace = lambda message: True
    export_and_wait(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.last_report is not None, timeout=20_000)
    assert docx.Document(str(theirs)).paragraphs[0].text == dialog.title_edit.text()


def test_a_note_inside_the_workspace_is_refused_without_asking(
        qtbot, ws, settings, tmp_path: Path) -> None:
    dialog = make_dialog(qtbot, ws, settings)
    library = ws.root / "library.sqlite3"
    before = library.stat().st_size
    dialog.confirm_replace = lambda message: pytest.fail("must not ask")
    dialog.out_edit.setText(str(library))
    export_and_wait(qtbot, dialog)
    assert "inside the workspace" in dialog.status.text()
    assert library.stat().st_size == before
    assert ws.articles.count() > 0


def test_ready_to_send_step_lists_what_nobody_checked(qtbot, ws, settings,
                                                      tmp_path: Path) -> None:
    article = ws.articles.list()[0]
    ws.articles.update_metadata(article.id, provenance={"title": "inferred"})
    dialog = make_dialog(qtbot, ws, settings, ready=False)
    seen = []
    dialog.confirm_ready = lambda report: seen.append(report) or False
    out = tmp_path / "note.docx"
    dialog.out_edit.setText(str(out))
    export_and_wait(qtbot, dialog)
    assert len(seen) == 1 and not out.exists()
    lines = seen[0].lines()
    assert any("the title was guessed" in line for line in lines)
    assert any("never confirmed or rejected" in line for line in lines)
    assert dialog.status.text().startswith("Not exported:")
    assert dialog.export_button.isEnabled() and not dialog.open_button.isEnabled()

    dialog.last_error = None
    dialog.confirm_ready = lambda report: True  # "Export anyway"
    export_and_wait(qtbot, dialog)
    assert dialog.last_report is not None and out.exists()


def test_my_order_footnotes_folder_and_open_the_note(qtbot, ws, settings,
                                                      tmp_path: Path) -> None:
    from briefing.core.export.footnotes import read_footnotes

    dialog = make_dialog(qtbot, ws, settings)
    choose(dialog.tag_filter, "troops")
    before = list_texts(dialog)
    dialog.list.setCurrentRow(3)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.up_button, Qt.MouseButton.LeftButton)
    arranged = list_texts(dialog)
    assert arranged != before
    choose(dialog.group_combo, "My order")
    choose(dialog.citation_combo, "Numbered list and Word footnotes (Chicago)")
    folder = tmp_path / "notes"
    folder.mkdir()
    out = folder / "troops.docx"
    dialog.out_edit.setText(str(out))
    opened: list[Path] = []
    dialog.open_file = opened.append
    assert not dialog.open_button.isEnabled()
    export_and_wait(qtbot, dialog)
    assert dialog.last_error is None
    note = docx.Document(str(out))
    assert [p.text for p in note.paragraphs if p.style.name == "Heading 1"][0] == "Key passages"
    quotes = [p.text for p in note.paragraphs if p.style.name == "Quote"]
    ids = [dialog.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(4)]
    expected = [ws.highlights.get(i).quote.split()[3:8] for i in ids]
    assert [q.split()[3:8] for q in quotes] == expected  # written in the arranged order
    assert len(read_footnotes(note)) == 4
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert opened == [out]
    dialog.close()

    again = make_dialog(qtbot, ws, settings)
    choose(again.tag_filter, "troops")
    assert list_texts(again) == arranged  # the order is remembered
    assert again.group_combo.currentData() == "order"
    assert again.citation_combo.currentData() == "footnotes"
    assert Path(again.out_edit.text()).parent == folder


def test_the_ready_box_lists_the_issues_and_go_back_writes_nothing(qtbot, ws, settings,
                                                                   tmp_path: Path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    dialog = BriefingDialog(ws, settings)  # the real ready-to-send box, not a stand-in
    qtbot.addWidget(dialog)
    out = tmp_path / "note.docx"
    dialog.out_edit.setText(str(out))
    shown: list[str] = []

    def answer() -> None:
        box = next((w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(50, answer)
            return
        shown.append(box.informativeText())
        go_back = next(b for b in box.buttons() if b.text() == "Go back")
        go_back.click()

    QTimer.singleShot(50, answer)
    export_and_wait(qtbot, dialog)
    assert shown and "never confirmed or rejected" in shown[0]
    assert shown[0].startswith("\u2022 Source [")
    assert not out.exists() and dialog.status.text().startswith("Not exported:")


def test_before_an_export_the_dialog_reads_as_english_and_shows_no_stuck_bar(
        qtbot, ws, settings, tmp_path: Path) -> None:
    """"5 of 5 highlight(s) chosen", an idle "0%" bar and a date field cut to
    "from YYYY[-MM[-…" were what the analyst saw on opening the dialog."""
    dialog = make_dialog(qtbot, ws, settings)
    dialog.resize(1155, 720)
    dialog.show()
    qtbot.waitExposed(dialog)
    n = len(HIGHLIGHTS)
    assert dialog.count_label.text() == f"{n} of {n} highlights chosen"
    assert not dialog.progress.isVisible()
    for edit in (dialog.date_from_edit, dialog.date_to_edit):
        room = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
        assert edit.width() >= room, f"{edit.placeholderText()!r} is cut"
    choose(dialog.perspective_filter, "US")
    for i in range(1, dialog.list.count()):
        dialog.list.item(i).setCheckState(Qt.CheckState.Unchecked)
    assert dialog.count_label.text() == "1 of 3 highlights chosen"
    dialog.out_edit.setText(str(tmp_path / "one.docx"))
    export_and_wait(qtbot, dialog)
    assert dialog.progress.isVisible()
    assert dialog.status.text().endswith(": 1 highlight, 1 source.")
