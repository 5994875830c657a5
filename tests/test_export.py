"""Briefing note export: real notes from highlights on the sample corpus, read back."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.shared import Pt, RGBColor

from briefing.cli import main
from briefing.core.export import BriefingSpec, ExportError, build_content, export_briefing
from briefing.core.export.docx import default_template
from briefing.core.export.quotes import display_quote
from briefing.core.export.sanitize import clean_text
from briefing.core.export.selection import select_highlights
from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace
from export_sample import ARTICLES, HIGHLIGHTS, build_sample, comparisons

SOURCE_LINE = re.compile(r"^\u2014 (?P<pub>[^,]+), \u201c(?P<title>.+)\u201d, (?P<date>[^\[]+) "
                         r"\[(?P<ref>\d+)\]$")
SPEC = BriefingSpec(title="North Korean troops in Russia: who claims what",
                    summary="Estimates range from 10,000 to 15,000 troops.",
                    author="J. Analyst", marking="OFFICIAL-SENSITIVE", date="2025-01-20")


@pytest.fixture
def sample(workspace_dir: Path) -> Iterator[tuple[Workspace, dict[str, int], list[int]]]:
    ws = Workspace.open(workspace_dir)
    ids, highlight_ids = build_sample(ws)
    yield ws, ids, highlight_ids
    ws.close()


def body_items(document) -> list[tuple[str, object]]:
    """("p", paragraph) and ("table", table) in document order."""
    out = []
    for el in document.element.body:
        if el.tag.endswith("}p"):
            out.append(("p", docx.text.paragraph.Paragraph(el, document)))
        elif el.tag.endswith("}tbl"):
            out.append(("table", docx.table.Table(el, document)))
    return out


def paragraphs_after(document, heading: str) -> list:
    ps = document.paragraphs
    start = next(i for i, p in enumerate(ps) if p.text == heading)
    return ps[start + 1:]


def test_docx_note_has_every_part_a_reader_expects(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    out = tmp_path / "note.docx"
    report = export_briefing(ws, SPEC, out, comparisons=comparisons(ids))
    assert report.highlights == len(HIGHLIGHTS) and report.sources == 5 and not report.warnings
    doc = docx.Document(str(out))
    ps = doc.paragraphs

    assert ps[0].style.name == "Title" and ps[0].text == SPEC.title
    assert "20 January 2025" in ps[1].text and "J. Analyst" in ps[1].text
    h1 = [p.text for p in ps if p.style.name == "Heading 1"]
    assert h1 == ["Bottom line up front", "Ukrainian", "US", "South Korean", "Chinese",
                  "Comparison of figures", "Sources"]
    assert paragraphs_after(doc, "Bottom line up front")[0].text == SPEC.summary

    # the numbered source list: [n] then the citation, in order
    listed = [p.text for p in paragraphs_after(doc, "Sources")]
    assert [int(re.match(r"\[(\d+)\]\t", t).group(1)) for t in listed] == [1, 2, 3, 4, 5]
    number_of = {}
    for text in listed:
        n, rest = text.split("\t", 1)
        number_of[rest.split(", \u201c")[1].split("\u201d")[0]] = n.strip("[]")

    # each quote is followed by its source line with the right reference number
    quotes = [i for i, p in enumerate(ps) if p.style.name == "Quote"]
    assert len(quotes) == len(HIGHLIGHTS)
    for i in quotes:
        source = ps[i + 1]
        assert source.style.name == "Source"
        m = SOURCE_LINE.match(source.text)
        assert m, source.text
        assert number_of[m["title"]] == m["ref"]
        meta = next(v for v in ARTICLES.values() if v["title"] == m["title"])
        assert m["pub"] == meta["publisher"]
    quoted = {ps[i].text[1:-1] for i in quotes}
    # each passage as written, but cut passages show "…" and inner quotations single marks
    assert quoted == {display_quote(h) for h in ws.highlights.list()}
    assert {q.strip("\u2026").replace("\u2018", "\u201c").replace("\u2019", "\u201d")
            for q in quoted} == {h[1].replace("\u2019", "\u201d") for h in HIGHLIGHTS}

    # notes and grading under their quote
    i = next(i for i in quotes if "at least 11,000 troops" in ps[i].text)
    assert ps[i + 2].style.name == "Note"
    assert ps[i + 2].text == ("Note: Earliest troop figure in the library; Seoul concurred.  \u00b7  "
                              "Grading: Source B / Credibility 2  \u00b7  Also: South Korean")
    assert sum(p.text.startswith("Note: ") for p in ps) == sum(bool(h[3]) for h in HIGHLIGHTS)

    # the comparison table, with disagreement marked
    tables = doc.tables
    assert len(tables) == 1
    rows = [[c.text for c in r.cells] for r in tables[0].rows]
    assert rows[0] == ["Figure", "Ukrainian", "US", "South Korean", "Agreement"]
    troops = next(r for r in rows if r[0] == "North Korean troops in Russia")
    us_ref = number_of["Why Thousands of North Koreans Are Fighting in Russia"]
    assert troops[2] == f"as many as 10,000 [{us_ref}]"
    assert "up to 12,000" in troops[3] and "as many as 15,000" in troops[3]
    assert troops[4] == "Sources differ"
    assert next(r for r in rows if r[0].startswith("Shells"))[4] == "Single source"

    # handling marking in header and footer; page numbers as fields
    section = doc.sections[0]
    assert [p.text for p in section.header.paragraphs if p.text] == ["OFFICIAL-SENSITIVE"]
    footer_text = [p.text for p in section.footer.paragraphs if p.text]
    assert footer_text[0] == "OFFICIAL-SENSITIVE" and footer_text[1].startswith("Page ")
    footer_xml = section.footer._element.xml
    assert re.search(r"<w:instrText[^>]*> PAGE </w:instrText>", footer_xml)
    assert re.search(r"<w:instrText[^>]*> NUMPAGES </w:instrText>", footer_xml)
    assert abs(section.page_width - docx.shared.Cm(21.0)) < docx.shared.Cm(0.01)  # A4
    assert doc.core_properties.title == SPEC.title


def test_perspective_headings_carry_their_colour(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    out = tmp_path / "note.docx"
    export_briefing(ws, SPEC, out, comparisons=comparisons(ids))
    doc = docx.Document(str(out))
    colours = {p.key: p.colour.lstrip("#").upper() for p in ws.perspectives.all()}
    heading = next(p for p in doc.paragraphs if p.text == "US")
    assert f'w:color="{colours["us"]}"' in heading._p.xml


def test_group_by_tag_and_article_and_filters(sample, tmp_path: Path) -> None:
    ws, ids, highlight_ids = sample
    by_tag = build_content(ws, BriefingSpec(group_by="tag"), comparisons=[])
    assert [s.heading for s in by_tag.sections] == ["casualties", "context", "diplomacy",
                                                    "munitions", "troops"]
    by_article = build_content(ws, BriefingSpec(group_by="article"), comparisons=[])
    assert len(by_article.sections) == 5
    assert by_article.sections[0].heading.endswith("[1]")

    only = select_highlights(ws, BriefingSpec(perspectives=["Chinese"], tags=["diplomacy"]))
    assert {h.quote[:20] for h, _ in only} == {"One Chinese scholar ", "Russia\u2019s deputy fore",
                                               "US Secretary of Stat", "Chinese President Xi"}
    dated = select_highlights(ws, BriefingSpec(date_from="2024-12", date_to="2025"))
    assert {a.publisher for _, a in dated} == {"Bloomberg"}
    chosen = [highlight_ids[5], highlight_ids[0], highlight_ids[2]]
    ordered = select_highlights(ws, BriefingSpec(highlight_ids=chosen))
    assert [h.id for h, _ in ordered] == chosen
    # a user's order is kept inside each section
    content = build_content(ws, BriefingSpec(highlight_ids=chosen), comparisons=[])
    assert [s.heading for s in content.sections] == ["Ukrainian", "US"]
    assert [i.highlight.id for i in content.sections[0].items] == [highlight_ids[0],
                                                                   highlight_ids[2]]
    with pytest.raises(ExportError, match="unknown perspective 'Martian'"):
        select_highlights(ws, BriefingSpec(perspectives=["Martian"]))


def test_a_users_template_with_changed_styles_is_used(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    template = tmp_path / "ministry.docx"
    shutil.copy(default_template(), template)
    t = docx.Document(str(template))
    t.styles["Quote"].font.color.rgb = RGBColor(0x80, 0x00, 0x00)
    t.styles["Heading 1"].font.size = Pt(17)
    t.sections[0].header.paragraphs[0].text = ""
    t.save(str(template))
    out = tmp_path / "note.docx"
    spec = BriefingSpec(title="With our template", template=template)
    report = export_briefing(ws, spec, out, comparisons=comparisons(ids))
    assert report.warnings == []
    doc = docx.Document(str(out))
    assert doc.styles["Quote"].font.color.rgb == RGBColor(0x80, 0x00, 0x00)
    assert doc.styles["Heading 1"].font.size == Pt(17)
    quotes = [i for i, p in enumerate(doc.paragraphs) if p.style.name == "Quote"]
    assert len(quotes) == len(HIGHLIGHTS)
    assert all(SOURCE_LINE.match(doc.paragraphs[i + 1].text) for i in quotes)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"][0] == "Ukrainian"


def test_a_template_missing_styles_falls_back_and_says_so(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    plain = tmp_path / "plain.docx"
    docx.Document().save(str(plain))  # python-docx's own: no Source style, no table style
    out = tmp_path / "note.docx"
    report = export_briefing(ws, BriefingSpec(template=plain), out, comparisons=comparisons(ids))
    assert any("'Source'" in w for w in report.warnings)
    assert any("'Briefing Table'" in w for w in report.warnings)
    doc = docx.Document(str(out))
    texts = [p.text for p in doc.paragraphs]
    assert sum(bool(SOURCE_LINE.match(t)) for t in texts) == len(HIGHLIGHTS)
    assert len(doc.tables) == 1

    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a zip")
    with pytest.raises(ExportError, match="is not a Word .docx file"):
        export_briefing(ws, BriefingSpec(template=broken), tmp_path / "x.docx")
    assert not (tmp_path / "x.docx").exists()


HOSTILE = ("Control\x00chars\x01here\x08 and\x0b\x0cfeeds\x1f; U+FFFE\ufffe U+FFFF\uffff; "
           "emoji \U0001F1F0\U0001F1F7 \U0001F600; "
           "\u0627\u0644\u0642\u0648\u0627\u062a \u0627\u0644\u0643\u0648\u0631\u064a\u0629 "
           "\u0627\u0644\u0634\u0645\u0627\u0644\u064a\u0629 (RTL Arabic); "
           "mixed \u202eoverride\u202c done.")


def test_hostile_text_exports_and_nothing_is_dropped(workspace_dir: Path, tmp_path: Path) -> None:
    long_claim = ("North Korean troops " + "x" * 9_980)[:10_000]
    text = "\n".join([HOSTILE, long_claim, "Ukrainian officials said 11,000 troops arrived."])
    with Workspace.open(workspace_dir) as ws:
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        aid = ws.articles.add(NewArticle(
            title="Hostile \x07title \U0001F600 \u0627\u0644\u0642\u0648\u0627\u062a",
            text=text, text_hash=digest, source_file="hostile.txt", original_hash=digest,
            format="txt", publisher="Pub\x1b lisher"))
        hostile = ws.highlights.add(aid, text, 0, len(HOSTILE), perspectives=["ukrainian"],
                                    note="note with \x00 NUL and \U0001F4A5")
        long = ws.highlights.add(aid, text, len(HOSTILE) + 1, len(HOSTILE) + 1 + 10_000,
                                 perspectives=["us"])
        spec = BriefingSpec(title="Lone \ud800 surrogate \udfff title \x01",
                            summary="Summary \udc00 with \x0c feed", author="A\x00uthor",
                            marking="UNCLASSIFIED\x02")
        for fmt in ("docx", "md", "csv", "json"):
            out = tmp_path / f"hostile.{fmt}"
            report = export_briefing(ws, spec, out)
            assert report.highlights == 2
        doc = docx.Document(str(tmp_path / "hostile.docx"))
        quotes = [p.text for p in doc.paragraphs if p.style.name == "Quote"]
        assert len(quotes) == 2
        assert clean_text(hostile.quote) in quotes[0] or clean_text(hostile.quote) in quotes[1]
        assert any(long.quote in q and len(q) == 10_002 for q in quotes)
        full = "\n".join(p.text for p in doc.paragraphs)
        assert "\U0001F600" in full and "\u0627\u0644\u0642\u0648\u0627\u062a" in full
        assert "Lone \ufffd surrogate \ufffd title" in doc.paragraphs[0].text
        assert "note with  NUL and \U0001F4A5" in full
        assert doc.sections[0].header.paragraphs[0].text == "UNCLASSIFIED"
        md = (tmp_path / "hostile.md").read_text(encoding="utf-8")
        assert long.quote in md and "\x00" not in md
        rows = list(csv.DictReader((tmp_path / "hostile.csv").open(encoding="utf-8-sig")))
        assert {r["highlight_id"] for r in rows} == {str(hostile.id), str(long.id)}
        data = json.loads((tmp_path / "hostile.json").read_text(encoding="utf-8"))
        assert data["total"] == 2


def test_markdown_csv_and_web_annotations(sample, tmp_path: Path) -> None:
    ws, ids, highlight_ids = sample
    for name in ("note.md", "note.csv", "note.json"):
        export_briefing(ws, SPEC, tmp_path / name, comparisons=comparisons(ids))
    md = (tmp_path / "note.md").read_text(encoding="utf-8")
    assert md.startswith("<!-- Exported by Briefing -->\n\n**OFFICIAL-SENSITIVE**\n\n"
                         "# North Korean troops in Russia")
    for heading in ("## Ukrainian", "## US", "## South Korean", "## Chinese",
                    "## Comparison of figures", "## Sources"):
        assert f"\n{heading}\n" in md
    assert "| North Korean troops in Russia |" in md and "**Sources differ**" in md
    assert "\n1. The Economist, \u201cWhat North Korean troops mean" in md

    rows = list(csv.DictReader((tmp_path / "note.csv").open(encoding="utf-8-sig")))
    assert len(rows) == len(HIGHLIGHTS)
    miller = next(r for r in rows if "Matthew Miller" in r["quote"])
    assert miller["section"] == "US" and miller["reliability"] == "A"
    assert miller["credibility"] == "2" and miller["publisher"] == "Bloomberg"
    assert miller["note"] == "On-the-record figure from the State Department."

    data = json.loads((tmp_path / "note.json").read_text(encoding="utf-8"))
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert data["type"] == "AnnotationCollection" and data["total"] == len(HIGHLIGHTS)
    items = data["first"]["items"]
    for item in items:
        h = ws.highlights.get(int(item["id"].rsplit(":", 1)[1]))
        quote_sel, pos_sel = item["target"]["selector"]
        assert quote_sel == {"type": "TextQuoteSelector", "exact": h.quote, "prefix": h.prefix,
                             "suffix": h.suffix}
        assert pos_sel == {"type": "TextPositionSelector", "start": h.start, "end": h.end}
        text = ws.articles.text(h.article_id)
        assert text[pos_sel["start"]:pos_sel["end"]] == quote_sel["exact"]
    blinken = next(i for i in items if "Blinken" in i["target"]["selector"][0]["exact"])
    assert [b["value"] for b in blinken["body"] if b["purpose"] == "tagging"][:2] == ["US",
                                                                                      "Chinese"]
    miller = next(i for i in items if "Miller" in i["target"]["selector"][0]["exact"])
    assert {"type": "TextualBody", "purpose": "commenting", "format": "text/plain",
            "value": "On-the-record figure from the State Department."} in miller["body"]


def test_unwritable_out_is_a_clear_error_and_leaves_no_file(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    missing = tmp_path / "no such folder" / "note.docx"
    with pytest.raises(ExportError, match="does not exist"):
        export_briefing(ws, SPEC, missing)
    assert not missing.parent.exists()
    a_file = tmp_path / "plain.txt"
    a_file.write_text("x")
    with pytest.raises(ExportError, match="is a file, not a folder"):
        export_briefing(ws, SPEC, a_file / "note.docx")
    with pytest.raises(ExportError, match="it is a folder"):
        export_briefing(ws, SPEC, tmp_path)
    with pytest.raises(ExportError, match="cannot tell the format"):
        export_briefing(ws, SPEC, tmp_path / "note.pdf")

    # a failure while writing keeps the previous note and leaves no temporary file
    previous = tmp_path / "note.docx"
    export_briefing(ws, SPEC, previous, comparisons=comparisons(ids))
    before = previous.read_bytes()
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"PK\x03\x04 truncated")
    with pytest.raises(ExportError):
        export_briefing(ws, BriefingSpec(template=broken), previous)
    assert previous.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []
    with pytest.raises(ExportError, match="no highlights match"):
        export_briefing(ws, BriefingSpec(tags=["nothing-has-this"]), tmp_path / "empty.docx")
    assert not (tmp_path / "empty.docx").exists()


def test_the_table_lines_up_the_chosen_highlights_figures_from_the_library(sample,
                                                                          tmp_path: Path) -> None:
    ws, _, _ = sample
    out = tmp_path / "note.docx"
    report = export_briefing(ws, SPEC, out)  # comparisons from the claims engine
    assert report.comparisons >= 1
    doc = docx.Document(str(out))
    items = body_items(doc)
    at = next(i for i, (kind, el) in enumerate(items)
              if kind == "p" and el.text == "Comparison of figures")
    kind, table = items[at + 1]
    assert kind == "table"
    rows = [[c.text for c in r.cells] for r in table.rows]
    header = rows[0]
    troops = next(r for r in rows if r[0] == "North Korean troops")
    assert "as many as 10,000" in troops[header.index("US")]
    assert "as many as 15,000" in troops[header.index("South Korean")]
    # "at least 11,000" (24 Oct) and "as many as 10,000" (20 Dec) cannot both be true, and
    # their dates lie two months apart; "up to 12,000" and "as many as 15,000" fit both
    assert troops[-1] == "Changed over time"
    # Zelensky's "around 4,000" totals the North Korean dead and wounded: it is lined up
    # with the US "around 1,000", not as Ukrainian troops; and North Korea's whole armed
    # forces (1.28 million) are a row of their own, not troops sent
    casualties = next(r for r in rows if r[0] == "North Korean casualties")
    assert "around 4,000" in casualties[header.index("Ukrainian")]
    assert "around 1,000" in casualties[header.index("US")]
    assert casualties[-1] == "Sources differ"
    assert not any(r[0].startswith("Ukrainian troops") for r in rows)
    assert "million" not in " ".join(troops)
    forces = next(r for r in rows if r[0].startswith("North Korean armed forces"))
    assert "1.28 million" in forces[header.index("South Korean")]
    # figures only suggested by the engine, never highlighted, stay out of the note
    flat = " ".join(" ".join(r) for r in rows)
    assert "600,000" not in flat and "800" not in flat


def test_cli_export(sample, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws, _, _ = sample
    root = ws.root
    ws.close()
    out = tmp_path / "us.docx"
    code = main(["--workspace", str(root), "export", str(out), "--perspective", "US",
                 "--title", "US view", "--marking", "SECRET", "--author", "Desk 4"])
    assert code == 0, capsys.readouterr().err
    assert f"wrote {out} (docx): 3 highlight(s)" in capsys.readouterr().out
    doc = docx.Document(str(out))
    assert doc.paragraphs[0].text == "US view"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings[0] == "US" and "Ukrainian" not in headings
    assert doc.sections[0].header.paragraphs[0].text == "SECRET"

    md = tmp_path / "all.md"
    assert main(["--workspace", str(root), "export", str(md), "--group-by", "article"]) == 0
    assert md.read_text(encoding="utf-8").count("\n## ") == 5 + 2
    as_json = tmp_path / "out.txt"
    assert main(["--workspace", str(root), "export", str(as_json), "--format", "json",
                 "--tag", "troops"]) == 0
    assert json.loads(as_json.read_text(encoding="utf-8"))["total"] == 4

    bad = tmp_path / "missing" / "note.docx"
    capsys.readouterr()
    assert main(["--workspace", str(root), "export", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "cannot write" in err and "does not exist" in err
    assert not bad.parent.exists()
    assert main(["--workspace", str(root), "export", str(out), "--perspective", "Martian"]) == 1
    assert "unknown perspective 'Martian'" in capsys.readouterr().err


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_libreoffice_converts_the_note_to_pdf(sample, tmp_path: Path) -> None:
    ws, ids, _ = sample
    out = tmp_path / "note.docx"
    export_briefing(ws, SPEC, out, comparisons=comparisons(ids))
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(out)], capture_output=True, text=True, timeout=180)
    pdf = tmp_path / "note.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                              timeout=60).stdout
        assert "North Korean troops in Russia: who claims" in " ".join(text.split())
        assert "OFFICIAL-SENSITIVE" in text and "Page 1 of" in text
        assert "Sources differ" in text


def test_an_enormous_highlight_is_capped_visibly_not_dropped(workspace_dir: Path,
                                                              tmp_path: Path) -> None:
    text = "Budanov said " + "shells and troops " * 70_000  # 1.26 million characters
    with Workspace.open(workspace_dir) as ws:
        digest = hashlib.sha256(text.encode()).hexdigest()
        aid = ws.articles.add(NewArticle(title="Huge", text=text, text_hash=digest,
                                         source_file="huge.txt", original_hash=digest,
                                         format="txt"))
        h = ws.highlights.add(aid, text, 0, len(text), perspectives=["ukrainian"])
        out = tmp_path / "huge.docx"
        report = export_briefing(ws, BriefingSpec(), out, comparisons=[])
    assert any(f"highlight #{h.id} is 1,260,013 characters long" in w for w in report.warnings)
    quote = next(p.text for p in docx.Document(str(out)).paragraphs if p.style.name == "Quote")
    assert quote.startswith("\u201cBudanov said shells and troops")
    assert "[260,013 characters omitted from this export]" in quote


def test_the_engines_comparison_keeps_a_countrys_output_apart_from_anothers_supplies(
        sample, tmp_path: Path) -> None:
    """The note's comparison, built by the claims engine from the sample highlights: Russia's
    own annual production (2.9m shells) is its own row, not a second source on the 2.8m
    shells a year North Korea ships it; each row says whose shells and that it is yearly."""
    ws, _ids, _highlight_ids = sample
    out = tmp_path / "engine.docx"
    export_briefing(ws, SPEC, out)
    doc = docx.Document(str(out))
    [table] = doc.tables
    rows = {r.cells[0].text: [c.text for c in r.cells] for r in table.rows}
    production = rows["Yearly production of Russian shells"]
    supplies = rows["Yearly supplies of North Korean shells"]
    assert production[1].startswith("2.9m") and supplies[1].startswith("2.8m")
    assert production[4] == supplies[4] == "Single source"
