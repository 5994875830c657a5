"""Quotes, footnotes, caveats and the ready-to-send check of the briefing note (issue 10, 6).

Real workspace, real .docx read back (its footnotes part parsed from the package).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from briefing.core.details import edit_details  # noqa: E402
from briefing.core.export import (  # noqa: E402
    BriefingSpec,
    ExportError,
    build_content,
    check_ready,
    export_briefing,  # noqa: E402
)
from briefing.core.export.chicago import (  # noqa: E402
    chicago_date,
    full_note,
    short_note,
    short_title,
)  # noqa: E402
from briefing.core.export.footnotes import read_footnotes  # noqa: E402
from briefing.core.export.markings import lower_than, marking_of  # noqa: E402
from briefing.core.export.quotes import display_quote  # noqa: E402
from briefing.core.export.selection import SourceEntry  # noqa: E402
from briefing.core.models import Highlight  # noqa: E402
from briefing.core.workspace import Workspace  # noqa: E402
from export_sample import build_sample  # noqa: E402


def _h(quote: str, prefix: str = "", suffix: str = "") -> Highlight:
    return Highlight(id=1, article_id=1, start=0, end=len(quote), quote=quote, prefix=prefix,
                     suffix=suffix)


@pytest.mark.parametrize(("quote", "prefix", "suffix", "shown"), [
    ("Troops arrived in Kursk.", "News. ", " Officials said", "Troops arrived in Kursk."),
    ("Troops arrived in", "News. ", " Kursk on Monday.", "Troops arrived in\u2026"),
    ("Troops arrived in Kursk,", "News. ", " officials said.", "Troops arrived in Kursk\u2026"),
    ("arrived in Kursk.", "News. Troops ", " Next", "\u2026arrived in Kursk."),
    ("Troops arrived in Kursk", "", ". Officials said", "Troops arrived in Kursk."),
    ("Headline without a stop", "", "\nBody text.", "Headline without a stop"),
    ("He called it \u201crobust\u201d talks.", "", "", "He called it \u2018robust\u2019 talks."),
    ('He called it "robust" talks.', "", "", "He called it \u2018robust\u2019 talks."),
    ("Kim said: \u201cWe will win.\u201d", "", " Then", "Kim said: \u2018We will win.\u2019"),
])
def test_quotes_show_cuts_and_nest_their_quotation_marks(quote, prefix, suffix, shown) -> None:
    assert display_quote(_h(quote, prefix, suffix)) == shown


def test_markings_rank_caveats_against_the_note() -> None:
    assert marking_of("OFFICIAL-SENSITIVE: do not forward").name == "OFFICIAL-SENSITIVE"
    assert marking_of("top secret").name == "TOP SECRET"
    assert marking_of("embargoed until Monday") is None
    assert lower_than("UNCLASSIFIED", "Official-Sensitive").name == "OFFICIAL-SENSITIVE"
    assert lower_than("SECRET", "OFFICIAL-SENSITIVE") is None
    assert lower_than("OFFICIAL", "OFFICIAL") is None


def test_chicago_notes_keep_the_date_precision() -> None:
    src = SourceEntry(1, 1, "What North Korean troops mean for Russia\u2019s war", "The Economist",
                      "2024-10-24", ["Jane Roe", "John Doe"], "https://example.org/a")
    assert full_note(src) == ("Jane Roe and John Doe, \u201cWhat North Korean troops mean for "
                              "Russia\u2019s war,\u201d The Economist, October 24, 2024, "
                              "https://example.org/a.")
    assert short_note(src) == "Roe and Doe, \u201cWhat North Korean troops mean.\u201d"
    undated = SourceEntry(2, 2, "Why is North Korea helping Russia?", "Intrigue", None, [], None)
    assert full_note(undated) == "\u201cWhy is North Korea helping Russia?\u201d Intrigue, n.d."
    assert chicago_date("2025-01") == "January 2025"
    assert short_title("How North Korea is giving Russia an edge") == "How North Korea is giving"
    assert short_title("North Korea in the Ukraine War Presages") == "North Korea in the Ukraine"
    assert short_title("Kim's gamble: a long subtitle here") == "Kim's gamble"
    assert short_title("Why Thousands of the Many Go") == "Why Thousands of the Many"
    assert short_title("One two three of the seven eight") == "One two three"


@pytest.fixture
def sample(workspace_dir: Path):
    with Workspace.open(workspace_dir) as ws:
        ids, hids = build_sample(ws)
        yield ws, ids, hids


def test_the_note_quotes_as_a_manager_expects(sample, tmp_path: Path) -> None:
    ws, _ids, _hids = sample
    out = tmp_path / "note.docx"
    export_briefing(ws, BriefingSpec(title="Quotes", date="2025-01-20"), out, comparisons=[])
    quotes = [p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Quote"]
    blinken = next(q for q in quotes if "Blinken" in q)
    assert "\u2018curb these activities\u2019" in blinken and "\u201ccurb" not in blinken
    assert blinken.startswith("\u201cUS Secretary") and blinken.endswith("talks.\u201d")
    kursk = next(q for q in quotes if "1,000 North Korean soldiers" in q)
    assert kursk.endswith("Kursk region\u2026\u201d")  # the sentence goes on: ", while…"
    for q in quotes:  # every quote ends its sentence or says it was cut
        assert q[-2] in ".!?\u2026\u2019", q


def test_a_cut_quote_is_shown_as_cut(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    text = ws.articles.text(ids["002"])
    start = text.index("as many as 10,000")
    h = ws.highlights.add(ids["002"], text, start, start + len("as many as 10,000 North Korean"),
                          ["us"])
    content = build_content(ws, BriefingSpec(highlight_ids=[h.id]), comparisons=[])
    assert content.items[0].quote == "\u2026as many as 10,000 North Korean\u2026"


def test_word_footnotes_are_real_and_read_back(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    edit_details(ws, ids["001"], {"authors": ["Jane Roe"], "url": "https://example.org/e"})
    out = tmp_path / "footnoted.docx"
    export_briefing(ws, BriefingSpec(title="Notes", date="2025-01-20",
                                     citation_style="footnotes"), out, comparisons=[])
    doc = docx.Document(str(out))
    notes = read_footnotes(doc)
    body = doc.element.body
    refs = [int(r.get(docx.oxml.ns.qn("w:id")))
            for r in body.iter(docx.oxml.ns.qn("w:footnoteReference"))]
    quotes = [p for p in doc.paragraphs if p.style.name == "Quote"]
    assert len(refs) == len(quotes) == len(notes) == 13
    assert sorted(refs) == sorted(notes) == list(range(1, 14))
    economist = [notes[i] for i in refs if "Roe" in notes[i]]
    assert economist[0] == ("Jane Roe, \u201cWhat North Korean troops mean for Russia\u2019s "
                            "war,\u201d The Economist, October 24, 2024, https://example.org/e.")
    assert economist[1:] and all(n == "Roe, \u201cWhat North Korean troops mean.\u201d"
                                 for n in economist[1:])
    # beside the numbered list, not instead of it
    assert any(p.text == "Sources" for p in doc.paragraphs)
    assert all("[" in p.text for p in doc.paragraphs if p.style.name == "Source")
    # the package declares the part so Word opens it
    import zipfile
    with zipfile.ZipFile(out) as zf:
        types = zf.read("[Content_Types].xml").decode()
        assert "word/footnotes.xml" in zf.namelist()
        assert "wordprocessingml.footnotes+xml" in types


def test_numbered_notes_have_no_footnotes(sample, tmp_path: Path) -> None:
    ws, _, _ = sample
    out = tmp_path / "plain.docx"
    export_briefing(ws, BriefingSpec(date="2025-01-20"), out, comparisons=[])
    assert read_footnotes(docx.Document(str(out))) == {}
    with pytest.raises(ExportError, match="cite with one of"):
        build_content(ws, BriefingSpec(citation_style="endnotes"), comparisons=[])


def test_my_order_is_one_section_in_the_given_order(sample) -> None:
    ws, _, hids = sample
    order = [hids[5], hids[0], hids[9]]
    content = build_content(ws, BriefingSpec(group_by="order", highlight_ids=order),
                            comparisons=[])
    assert [s.heading for s in content.sections] == ["Key passages"]
    assert [i.highlight.id for i in content.items] == order


def test_caveat_above_the_marking_is_warned_and_listed(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    edit_details(ws, ids["004"], {"caveat": "OFFICIAL-SENSITIVE \u2014 not for release"})
    out = tmp_path / "caveat.md"
    report = export_briefing(ws, BriefingSpec(marking="UNCLASSIFIED", date="2025-01-20"), out,
                             comparisons=[])
    warning = next(w for w in report.warnings if "caveat" in w)
    assert "UNCLASSIFIED" in warning and "OFFICIAL-SENSITIVE" in warning
    assert "Handling: OFFICIAL-SENSITIVE \u2014 not for release" in out.read_text()
    report = export_briefing(ws, BriefingSpec(marking="SECRET", date="2025-01-20"), out,
                             comparisons=[])
    assert not any("caveat" in w for w in report.warnings)


def test_ready_to_send_lists_what_nobody_checked(sample) -> None:
    ws, ids, hids = sample
    ws.articles.update_metadata(ids["003"], provenance={"title": "inferred", "published": "inferred"})
    with ws.db.transaction() as conn:
        conn.execute("UPDATE highlights SET orphaned = 1 WHERE id = ?", (hids[1],))
    report = check_ready(ws, BriefingSpec(marking="UNCLASSIFIED"))
    inferred = report.of("inferred")
    assert len(inferred) == 1 and "the title, date were guessed" in inferred[0].text
    assert [i.highlight_id for i in report.of("orphaned")] == [hids[1]]
    assert report.of("suggestions") and all("never confirmed" in i.text
                                            for i in report.of("suggestions"))
    edit_details(ws, ids["003"], confirm=["title", "published"])
    assert not check_ready(ws, BriefingSpec()).of("inferred")


def test_cli_warns_what_is_not_ready_before_writing(workspace_dir: Path, tmp_path: Path,
                                                     capsys) -> None:
    from briefing.cli import main

    with Workspace.open(workspace_dir) as ws:
        ids, _ = build_sample(ws)
        ws.articles.update_metadata(ids["003"], provenance={"title": "inferred"})
        edit_details(ws, ids["004"], {"caveat": "RESTRICTED"})
        root = ws.root
    out = tmp_path / "note.docx"
    assert main(["--workspace", str(root), "export", str(out), "--citations", "footnotes",
                 "--marking", "OFFICIAL"]) == 0
    err = capsys.readouterr().err.splitlines()
    ready = [line for line in err if "not ready to send" in line]
    assert any("the title was guessed" in line for line in ready)
    assert any("never confirmed" in line for line in ready)
    caveat = [line for line in err if "carries the caveat 'RESTRICTED'" in line]
    assert len(caveat) == 1  # said once, by the check
    assert read_footnotes(docx.Document(str(out)))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_shows_the_footnotes(sample, tmp_path: Path) -> None:
    ws, _, _ = sample
    out = tmp_path / "notes.docx"
    export_briefing(ws, BriefingSpec(title="Notes", date="2025-01-20",
                                     citation_style="footnotes"), out, comparisons=[])
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'lo'}", "--headless",
         "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True,
        text=True, timeout=180)
    pdf = tmp_path / "notes.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    if shutil.which("pdftotext"):
        text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                       text=True, timeout=60).stdout.split())
        assert "\u201cWhat North Korean troops mean for Russia\u2019s war,\u201d The Economist, " \
               "October 24, 2024." in text
        assert "Footnotes give each source in full." in text


def test_markdown_carries_the_notes_as_footnotes(sample, tmp_path: Path) -> None:
    ws, _, _ = sample
    out = tmp_path / "note.md"
    export_briefing(ws, BriefingSpec(date="2025-01-20", citation_style="footnotes"), out,
                    comparisons=[])
    text = out.read_text(encoding="utf-8")
    marks = [line for line in text.splitlines() if line.startswith("> \u2014 ")]
    assert len(marks) == 13 and all(line.endswith(f"[^{n}]")
                                    for n, line in enumerate(marks, start=1))
    assert "[^1]: \u201cWhat North Korean troops mean for Russia\u2019s war,\u201d The " \
           "Economist, October 24, 2024." in text
    plain = tmp_path / "plain.md"
    export_briefing(ws, BriefingSpec(date="2025-01-20"), plain, comparisons=[])
    assert "[^" not in plain.read_text(encoding="utf-8")


def test_a_template_with_its_own_footnotes_keeps_only_the_notes_of_this_note(
        sample, tmp_path: Path) -> None:
    ws, _, hids = sample
    first = tmp_path / "first.docx"
    export_briefing(ws, BriefingSpec(date="2025-01-20", citation_style="footnotes"), first,
                    comparisons=[])
    assert len(read_footnotes(docx.Document(str(first)))) == 13
    again = tmp_path / "again.docx"  # the first note as the template: it has a footnotes part
    export_briefing(ws, BriefingSpec(date="2025-01-20", citation_style="footnotes",
                                     template=first, highlight_ids=hids[:2]), again,
                    comparisons=[])
    doc = docx.Document(str(again))
    assert sorted(read_footnotes(doc)) == [1, 2]
    import zipfile
    with zipfile.ZipFile(again) as zf:
        assert sum(n == "word/footnotes.xml" for n in zf.namelist()) == 1
