"""`briefing --self-test`: start the app offscreen on a throw-away workspace and use it.

What a frozen (PyInstaller) build gets wrong is a module or a data file left out of the
bundle, and the app then fails only when that part is first used. So the self-test uses
every part the way an analyst would: it opens the main window (which imports the sample
corpus through the index helper process), runs a search, opens an article and accepts a
suggested claim, shows every pane and dialog, exports a Word note and reads it back,
imports an HTML page, a PDF (through the PDF worker process) and the exported .docx, and
finds them by search, then runs the same executable as the command line. One line per step (ok or FAIL, with seconds); exit 0 only if every
step passed, 1 otherwise. It works the same from source: `python -m briefing --self-test`.

Nothing of the user's is touched: workspace, settings and log live in a temporary folder
that is removed at the end. A watchdog ends the process (exit 1) if it hangs.
"""

from __future__ import annotations

import importlib
import json
import os
import pkgutil
import subprocess
import sys
import tempfile
import threading
import time
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import briefing

# (language, a form the story does not spell that way: inflected or without its particle)
LANGUAGE_SEARCHES = (("uk", "Буданова"), ("ru", "Пескова"), ("ko", "국정원"), ("zh", "林剑"))

TOTAL_TIMEOUT_S = 300.0  # the watchdog: a hung step must not hang CI
STEP_TIMEOUT_S = 120.0

# The third-party modules the app imports only when a feature is first used.
LAZY_LIBRARIES = ("whoosh", "Stemmer", "docx", "trafilatura", "pypdf", "lxml.html",
                  "lxml_html_clean", "charset_normalizer", "platformdirs", "filelock")
RESOURCE_FILES = ("perspectives.toml", "template/briefing.docx", "search/stopwords.txt",
                  "search/common_words.txt",
                  "claims/attribution.toml", "cleaning/boilerplate.toml",
                  f"icons/{briefing.APP_ID}.svg")

HTML_ARTICLE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Harbour cranes idle in Quillport</title>
<meta name="author" content="Mara Voss"><meta property="og:site_name" content="Coast Ledger">
</head><body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Harbour cranes idle in Quillport</h1>
<p>Dock workers in Quillport stopped twelve cranes on Monday, the port authority said,
after talks over night shifts broke down for the third time this month.</p>
<p>"We will not load a single ship until the rota is fixed," said Ilse Brandt, who
speaks for the dockers' union. The authority said 40 vessels were waiting offshore.</p>
<p>Shipping agents said the stoppage could cost the port 3 million euros a day if it
lasted into next week, and that some lines had begun to divert cargo to Norrhavn.</p>
</article><footer>Subscribe to our newsletter. Cookie settings.</footer></body></html>
"""
PDF_LINES = ("Zephyrine orchards report a late frost across the valley.",
             "The growers' cooperative said 2,400 hectares were affected.",
             "Insurers expect claims to rise sharply before the harvest.")


class StepFailed(Exception):
    """A check that did not hold; the message says what was seen."""


def check(condition: object, message: str) -> None:
    if not condition:
        raise StepFailed(message)


def minimal_pdf(lines: Sequence[str]) -> bytes:
    """A one-page PDF with a text layer (Helvetica), written by hand: no PDF writer needed."""
    def escape(text: str) -> bytes:
        return text.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(
            b")", b"\\)")

    content = b"\n".join([b"BT /F1 11 Tf 72 720 Td 14 TL",
                          *(b"(%s) Tj T*" % escape(line) for line in lines), b"ET"])
    objects = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
               b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
               b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
               b"/Resources << /Font << /F1 1 0 R >> >> /Contents 3 0 R >>",
               b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Title (Late frost in the Zephyrine valley) /Author (Tomas Reyl) >>"]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += (b"trailer\n<< /Size %d /Root 5 0 R /Info 6 0 R >>\nstartxref\n%d\n%%%%EOF\n"
            % (len(objects) + 1, xref))
    return bytes(out)


class SelfTest:
    """The steps, run in order on one window; each one's outcome is printed as it ends."""

    def __init__(self, folder: Path, out: Callable[[str], None]) -> None:
        self.folder = folder
        self.out = out
        self.app: Any = None
        self.ws: Any = None
        self.window: Any = None
        self.article_id: int | None = None
        self.quote = ""
        self.note: Path | None = None
        self.failed: list[str] = []
        self.passed = 0

    # -- running ---------------------------------------------------------------------------
    def steps(self) -> list[tuple[str, Callable[[], str]]]:
        return [
            ("modules", self.modules),
            ("resources", self.resources),
            ("main window and sample corpus", self.main_window),
            ("search", self.search),
            ("reader: accept a suggested claim", self.accept_suggestion),
            ("panes: highlights, details, claims, find", self.panes),
            ("dialogs: perspectives, shortcuts, about, original", self.dialogs),
            ("export a Word note and read it back", self.export),
            ("a saved brief: make it, export it, see it recorded", self.brief),
            ("import HTML, PDF and .docx; search them", self.import_formats),
            ("languages: one article each in uk, ru, ko, zh; inflected search",
             self.import_languages),
            ("close: the workspace lock is released", self.close),
            ("command line: check and search", self.command_line),
        ]

    def run(self) -> bool:
        """Each step in order; stop at the first failure (the later ones build on it)."""
        steps = self.steps()
        try:
            for name, step in steps:
                started = time.perf_counter()
                try:
                    detail = step()
                except Exception as exc:  # noqa: BLE001 - every failure is a reported FAIL
                    seconds = time.perf_counter() - started
                    reason = str(exc) if isinstance(exc, StepFailed) else (
                        f"{type(exc).__name__}: {exc}")
                    self.out(f"FAIL  {name} ({seconds:.1f} s): {reason}")
                    if not isinstance(exc, StepFailed):
                        self.out(traceback.format_exc().rstrip())
                    self.failed.append(name)
                    return False
                seconds = time.perf_counter() - started
                self.passed += 1
                self.out(f"ok    {name} ({seconds:.1f} s){': ' + detail if detail else ''}")
            return True
        finally:
            self._teardown()

    def wait(self, condition: Callable[[], object], what: str,
             timeout: float = STEP_TIMEOUT_S) -> None:
        """Run the event loop until `condition()` holds; StepFailed after `timeout` s."""
        from PySide6.QtWidgets import QApplication

        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise StepFailed(f"{what}: not done within {timeout:g} s")
            QApplication.processEvents()
            time.sleep(0.01)
        QApplication.processEvents()

    def _teardown(self) -> None:
        try:
            if self.window is not None:
                self.window.close()
                self.window = None
            if self.ws is not None:
                self.ws.close()
                self.ws = None
        except Exception as exc:  # noqa: BLE001 - a failure here is reported, never raised
            self.out(f"FAIL  teardown: {type(exc).__name__}: {exc}")
            self.failed.append("teardown")

    # -- the steps -------------------------------------------------------------------------
    def modules(self) -> str:
        """Every module of the package, and the libraries the app loads only on first use."""
        names = [m.name for m in pkgutil.walk_packages(briefing.__path__, "briefing.")
                 if m.name not in ("briefing.__main__", "briefing.selftest")]
        for name in [*names, *LAZY_LIBRARIES]:
            importlib.import_module(name)
        check(len(names) >= 80, f"only {len(names)} modules of briefing were found")
        return f"{len(names)} briefing modules, {len(LAZY_LIBRARIES)} libraries"

    def resources(self) -> str:
        from briefing.core.perspectives import load_default_perspectives
        from briefing.core.resources import resource, resources_dir, sample_corpus

        missing = [f for f in RESOURCE_FILES if not resource(*f.split("/")).is_file()]
        check(not missing, f"missing from {resources_dir()}: {', '.join(missing)}")
        check(len(sample_corpus()) >= 5, "the sample corpus is missing")
        check(load_default_perspectives(), "no perspectives in perspectives.toml")
        return str(resources_dir())

    def main_window(self) -> str:
        """The window over a new workspace: the index helper process and sample import."""
        from PySide6.QtCore import QSettings

        from briefing.core.resources import sample_corpus
        from briefing.core.workspace import Workspace
        from briefing.ui.app import create_main_window, init_application, settle_memory

        self.app = init_application()
        settings = QSettings(str(self.folder / "settings.ini"), QSettings.Format.IniFormat)
        self.ws = Workspace.open(self.folder / "workspace")
        self.window = create_main_window(self.ws, settings)
        self.window.show()
        settle_memory()
        expected = len(sample_corpus())
        w = self.window
        self.wait(lambda: w.search.ready, "opening the search index")
        w.importer.import_sample()  # a new workspace starts empty: add the sample as File ▸ Import would
        self.wait(lambda: w.search.ready and not w.importer.busy
                  and w.library.model.rowCount() == expected and not w.importer.box.isVisible(),
                  "importing the sample corpus")
        check(self.ws.articles.count() == expected,
              f"{self.ws.articles.count()} of {expected} sample articles imported")
        return f"{expected} articles"

    def _search(self, query: str) -> list[str]:
        panel = self.window.search
        shown: list[int] = []
        panel.resultsShown.connect(shown.append)
        panel.search_edit.setText(query)
        self.wait(lambda: shown, f"searching for {query!r}")
        panel.resultsShown.disconnect(shown.append)
        return panel.titles()

    def search(self) -> str:
        titles = self._search("Pyongyang")
        check(titles, "no result for 'Pyongyang' in the sample corpus")
        opened: list[int] = []
        self.window.articleOpened.connect(opened.append)
        self.window.search.open_current()
        check(opened and self.window.reader.current_article_id() == opened[0],
              "the first result did not open in the reader")
        self.window.search.search_edit.clear()
        return f"{len(titles)} result(s)"

    def accept_suggestion(self) -> str:
        reader = self.window.reader
        for article in self.ws.articles.list():
            self.window.open_article(article.id)
            self.wait(lambda: not reader.suggestions_pending(),
                      f"suggestions for article #{article.id}")
            if reader.suggestions:
                break
        else:
            raise StepFailed("no article of the sample corpus got a suggested claim")
        suggestion = reader.suggestions[0]
        highlight = reader.accept_suggestion(suggestion)
        check(highlight is not None, "accepting the suggestion made no highlight")
        stored = self.ws.highlights.list()
        check(len(stored) == 1 and stored[0].quote == suggestion.quote,
              "the accepted claim is not in the library")
        self.article_id, self.quote = article.id, suggestion.quote
        return f"“{suggestion.quote[:50]}…”"

    def panes(self) -> str:
        w = self.window
        w.highlights.set_article(self.article_id)
        w.highlights.refresh()
        check(w.highlights.model.rowCount() == 1, "the highlights panel does not list the claim")
        article = self.ws.articles.get(self.article_id)
        w.details.set_article(self.article_id)
        check(w.details.editors["title"].text() == article.title,
              "the details pane does not show the article's title")
        w.tabs.setCurrentWidget(w.claims)
        w.claims.refresh()
        check(w.claims.summary.text() or w.claims.empty.text(), "the claims view is blank")
        w.tabs.setCurrentWidget(w.reader)
        w.reader.open_find()
        check(w.reader.find_bar.isVisible(), "the find bar did not open")
        w.reader.find_bar.close_bar()
        w.library.filter_edit.setText(article.title[:12])
        self.wait(lambda: w.library.model.rowCount() >= 1, "filtering the library")
        w.library.filter_edit.clear()
        return "library, search, reader, claims, highlights, details"

    def dialogs(self) -> str:
        from PySide6.QtWidgets import QDialog

        from briefing.ui import help_dialogs

        w = self.window
        w.open_perspectives_dialog()
        found = [d for d in w.findChildren(QDialog) if type(d).__name__ == "PerspectivesDialog"
                 and d.isVisible()]
        check(found and found[0].list.count() >= 1, "the perspectives dialog is empty")
        found[0].close()
        for box in (help_dialogs.show_shortcuts(w), help_dialogs.show_about(w, self.ws)):
            check(box.isVisible() and box.text(), f"the {box.windowTitle()} box did not show")
            box.close()
        w.library.select_article(self.article_id)
        original = w.library_actions.show_original()
        check(original is not None and original.isVisible(),
              "the original file could not be shown")
        original.close()
        return "4 dialogs"

    def export(self) -> str:
        import docx

        w = self.window
        w.open_briefing_dialog()
        dialog = w.briefing_dialog
        check(dialog is not None and dialog.list.count() == 1,
              "the briefing dialog does not list the accepted claim")
        self.note = self.folder / "note.docx"
        dialog.out_edit.setText(str(self.note))
        dialog.confirm_ready = lambda report: True  # the analyst answers "Export anyway"
        dialog.export()
        self.wait(lambda: dialog.last_report is not None or dialog.last_error is not None,
                  "exporting the note")
        check(dialog.last_error is None, f"the export failed: {dialog.last_error}")
        check(dialog.last_ready is not None, "the ready-to-send check did not run")
        text = "\n".join(p.text for p in docx.Document(str(self.note)).paragraphs)
        check(self.quote[:40] in text, "the note does not quote the accepted claim")
        dialog.close()
        return f"{self.note.stat().st_size} bytes"

    def brief(self) -> str:
        from briefing.core import briefs

        w = self.window
        w.show_briefs()
        check(w.briefs.new_brief("Self-test brief") == "Self-test brief",
              f"the brief could not be made: {w.briefs.last_error}")
        dialog = w.open_brief("Self-test brief")
        check(dialog.list.count() == 1, "the brief does not hold the accepted claim")
        out = self.folder / "brief.md"
        dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("md"))
        dialog.out_edit.setText(str(out))
        dialog.confirm_ready = lambda report: True
        dialog.export()
        self.wait(lambda: dialog.last_report is not None or dialog.last_error is not None,
                  "exporting the brief")
        check(dialog.last_error is None, f"the brief's export failed: {dialog.last_error}")
        dialog.close()
        history = briefs.get(self.ws, "Self-test brief").row.exports
        check(len(history) == 1 and history[0].format == "md",
              "the brief's export was not recorded in its history")
        check(self.quote[:40] in out.read_text(encoding="utf-8"),
              "the brief's note does not quote the accepted claim")
        return f"{len(w.briefs.names())} brief(s)"

    def _import(self, files: list[Path], what: str) -> list:
        """Import through the app's importer, as a drop would; every file must be imported."""
        done: list[list] = []

        def finished(results: list, _cancelled: bool) -> None:
            done.append(results)

        importer = self.window.importer
        importer.finished.connect(finished)
        try:
            self.window.import_paths(files)
            self.wait(lambda: done, what)
        finally:
            importer.finished.disconnect(finished)
        bad = [r.line() for r in done[0] if r.status != "imported"]
        check(not bad and len(done[0]) == len(files), "not imported: " + "; ".join(bad))
        return done[0]

    def import_formats(self) -> str:
        inbox = self.folder / "inbox"
        inbox.mkdir()
        (inbox / "quillport.html").write_text(HTML_ARTICLE, encoding="utf-8")
        (inbox / "frost.pdf").write_bytes(minimal_pdf(PDF_LINES))
        assert self.note is not None
        files = [inbox / "quillport.html", inbox / "frost.pdf", self.note]
        w = self.window
        self._import(files, "importing an HTML page, a PDF and a .docx")
        check(self.ws.index.index.helper_pid is not None,
              "the search index helper process is not running (writes fell back in-process)")
        summary = w.importer.last_summary
        check(summary is not None and summary.isVisible(), "no import summary was shown")
        summary.close()
        for word, title in (("Quillport", "Harbour cranes idle in Quillport"),
                            ("Zephyrine", "Late frost in the Zephyrine valley")):
            titles = self._search(word)
            check(title in titles, f"searching {word!r} did not find {title!r} ({titles})")
        w.search.search_edit.clear()
        return "3 files"

    def import_languages(self) -> str:
        """One wire story per language (resources/selftest): its language is detected and a
        form the article does not spell that way finds it (the bundled models load)."""
        from briefing.core.resources import resource

        files = [resource("selftest", f"{code}.txt") for code, _form in LANGUAGE_SEARCHES]
        w = self.window
        results = self._import(files, "importing one article in each language")
        w.importer.last_summary.close()
        for result, (code, form) in zip(results, LANGUAGE_SEARCHES, strict=True):
            article = self.ws.articles.get(result.article_id)
            check(article is not None and article.language == code,
                  f"{code}: the language was read as {article.language if article else None}")
            titles = self._search(form)
            check(article.title in titles, f"searching {form!r} did not find {article.title!r}")
        w.search.search_edit.clear()
        return ", ".join(code for code, _form in LANGUAGE_SEARCHES)

    def close(self) -> str:
        from briefing.core.workspace import Workspace

        root = self.ws.root
        self._teardown()
        with Workspace.open(root) as again:
            expected = 8 + len(LANGUAGE_SEARCHES)
            check(not again.readonly and again.articles.count() == expected,
                  f"the workspace did not reopen with the {expected} articles")
        return ""


    def command_line(self) -> str:
        """`briefing check` and `briefing search --json` on the workspace just used: the
        same executable, as the command line."""
        command = [sys.executable] if getattr(sys, "frozen", False) else [
            sys.executable, "-m", "briefing"]
        root = ["--workspace", str(self.folder / "workspace")]
        checked = subprocess.run([*command, *root, "check"], capture_output=True, text=True,
                                 timeout=STEP_TIMEOUT_S)
        check(checked.returncode == 0 and checked.stdout.startswith(
            f"ok: {8 + len(LANGUAGE_SEARCHES)} article(s)"),
              f"`briefing check` said: {(checked.stdout + checked.stderr).strip()[:300]}")
        found = subprocess.run([*command, *root, "search", "Quillport", "--json"],
                               capture_output=True, text=True, timeout=STEP_TIMEOUT_S)
        check(found.returncode == 0, f"`briefing search` failed: {found.stderr.strip()[:300]}")
        titles = [hit["title"] for hit in json.loads(found.stdout)]
        check(titles == ["Harbour cranes idle in Quillport"],
              f"`briefing search Quillport` found {titles}")
        return ""


def _isolate(folder: Path) -> None:
    """Workspace, log and settings of this run go to `folder`; Qt draws offscreen."""
    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    os.environ["BRIEFING_WORKSPACE"] = str(folder / "workspace")
    os.environ["BRIEFING_LOG_DIR"] = str(folder / "log")


# Qt's offscreen platform warns each time a window is shown; nothing is wrong.
QT_NOISE = ("This plugin does not support propagateSizeHints()",)


def _quiet_qt_noise() -> object:
    """Drop the offscreen platform's warnings; Qt's other messages go to stderr as usual."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_mode: object, _context: object, message: str) -> None:
        if message not in QT_NOISE:
            sys.stderr.write(message + "\n")

    return qInstallMessageHandler(handler)


def _restore_qt_messages(previous: object) -> None:
    from PySide6.QtCore import qInstallMessageHandler

    qInstallMessageHandler(previous)  # type: ignore[arg-type]


def _watchdog(seconds: float, out: Callable[[str], None]) -> threading.Timer:
    def expire() -> None:
        out(f"FAIL  the self-test did not finish within {seconds:g} s")
        os._exit(1)

    timer = threading.Timer(seconds, expire)
    timer.daemon = True
    timer.start()
    return timer


def main(argv: Sequence[str] | None = None) -> int:
    """Run the self-test; 0 if every step passed."""
    def out(line: str) -> None:
        print(line, flush=True)

    frozen = "frozen" if getattr(sys, "frozen", False) else "from source"
    out(f"Briefing {briefing.__version__} self-test ({frozen}, Python "
        f"{sys.version.split()[0]}, {sys.platform})")
    started = time.perf_counter()
    watchdog = _watchdog(TOTAL_TIMEOUT_S, out)
    with tempfile.TemporaryDirectory(prefix="briefing-selftest-") as tmp:
        folder = Path(tmp)
        _isolate(folder)
        from briefing.core.logs import configure_logging

        configure_logging()
        quiet = _quiet_qt_noise()
        test = SelfTest(folder, out)
        try:
            passed = test.run()
        finally:
            _restore_qt_messages(quiet)
    watchdog.cancel()
    seconds = time.perf_counter() - started
    if passed:
        out(f"PASSED in {seconds:.1f} s")
    else:
        not_run = len(test.steps()) - test.passed - len(test.failed)
        out(f"FAILED in {seconds:.1f} s; {not_run} later step(s) not run")
    out(f"self-test: {test.passed} passed, {len(test.failed)} failed")
    return 0 if passed and not test.failed else 1
