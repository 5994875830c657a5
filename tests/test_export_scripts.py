"""The briefing note in Korean, Chinese and Ukrainian: East Asian runs name a font and
language of their script, the template names fonts for every script, and LibreOffice
draws the note with a CJK font (issue 11, item 7)."""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from briefing.core.export import BriefingSpec, export_briefing
from briefing.core.export.docx import default_template
from briefing.core.export.fonts import east_asian_font
from briefing.core.ingest.pipeline import import_files
from briefing.core.suggestions import accept_suggestion, library_comparisons, pending_suggestions
from briefing.core.workspace import Workspace

DATA = Path(__file__).parent / "data" / "languages"
QUOTES = {  # story -> (an exact sentence of it, its perspective)
    "ko_yonhap_nis": ("국가정보원은 북한이 러시아에 1만1천여명의 병력을 파병했으며 이 가운데 일부가 "
                      "쿠르스크 지역에서 전투에 투입됐다고 13일 밝혔다.", "south_korean"),
    "zh_xinhua_linjian": ("外交部发言人林剑31日在例行记者会上表示，中方不掌握朝鲜向俄罗斯派兵的有关情况。",
                          "chinese"),
    "uk_pravda_budanov": ("Начальник Головного управління розвідки Міноборони Кирило Буданов "
                          "заявив, що в Курській області Росії вже перебувають близько 11 тисяч "
                          "військових Північної Кореї.", "ukrainian"),
}
SPEC = BriefingSpec(title="Війська КНДР у Курській області / 북한군 파병 / 朝鲜军队",
                    author="J. Analyst", marking="OFFICIAL", date="2024-11-14")


@pytest.fixture
def note(workspace_dir: Path, tmp_path: Path) -> Iterator[Path]:
    with Workspace.open(workspace_dir) as ws:
        list(import_files(ws, [DATA / f"{name}.txt" for name in QUOTES]))
        by_file = {a.source_file: a for a in ws.articles.list()}
        for name, (quote, perspective) in QUOTES.items():
            article = ws.articles.get(by_file[f"{name}.txt"].id)
            start = article.text.index(quote)
            ws.highlights.add(article.id, article.text, start, start + len(quote),
                              perspectives=[perspective])
        out = tmp_path / "note.docx"
        report = export_briefing(ws, SPEC, out, comparisons=[])
        assert report.highlights == 3 and not report.warnings
    yield out


def run_fonts(run) -> tuple[str | None, str | None]:
    """(w:eastAsia font, w:lang w:eastAsia) named on a run, or None."""
    rpr = run.find(qn("w:rPr"))
    fonts = None if rpr is None else rpr.find(qn("w:rFonts"))
    lang = None if rpr is None else rpr.find(qn("w:lang"))
    return (None if fonts is None else fonts.get(qn("w:eastAsia")),
            None if lang is None else lang.get(qn("w:eastAsia")))


def test_each_quote_names_the_font_and_language_of_its_script(note: Path) -> None:
    doc = docx.Document(str(note))
    quotes = {p.text: p for p in doc.paragraphs if p.style.name == "Quote"}
    assert len(quotes) == 3
    seen = {}
    for text, p in quotes.items():
        runs = p._p.findall(qn("w:r"))
        seen[text.lstrip("\u201c\u2026")[:5]] = {run_fonts(r) for r in runs}
    assert seen["국가정보원"] == {("Malgun Gothic", "ko-KR")}
    assert seen["外交部发言"] == {("Microsoft YaHei", "zh-CN")}
    # Cyrillic is drawn with the Latin font (Arial has Cyrillic): no East Asian override
    assert seen["Начал"] == {(None, None)}
    # the title mixes all three: its run carries the first East Asian script it holds
    title = next(p for p in doc.paragraphs if p.style.name == "Title")
    assert title.text == SPEC.title
    assert {run_fonts(r) for r in title._p.findall(qn("w:r"))} == {("Malgun Gothic", "ko-KR")}


def test_the_template_names_a_latin_and_an_east_asian_font_for_every_style(note: Path) -> None:
    for path in (default_template(), note):
        doc = docx.Document(str(path))
        defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault"))
        fonts = defaults.find(qn("w:rPr")).find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == "Arial" and fonts.get(qn("w:hAnsi")) == "Arial"
        assert fonts.get(qn("w:eastAsia")) == "Microsoft YaHei"
        for name in ("Normal", "Title", "Heading 1", "Quote", "Source", "Note", "Source List"):
            style_fonts = doc.styles[name].element.rPr.find(qn("w:rFonts"))
            assert style_fonts.get(qn("w:eastAsia")) == "Microsoft YaHei", name
            assert style_fonts.get(qn("w:ascii")) == "Arial", name
            assert style_fonts.get(qn("w:eastAsiaTheme")) is None, name


def test_a_run_keeps_its_other_properties_and_english_runs_are_left_alone() -> None:
    assert east_asian_font("Kursk") is None and east_asian_font("Курськ") is None
    assert east_asian_font("朝鲜 and 북한").script == "ko"
    assert east_asian_font("ロシア軍").script == "ja"
    assert east_asian_font("林剑").script == "zh"


def cjk_font_installed() -> bool:
    if shutil.which("fc-list") is None:
        return False
    out = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True, text=True,
                         timeout=60).stdout
    return bool(out.strip())


@pytest.mark.skipif(shutil.which("soffice") is None or shutil.which("pdffonts") is None,
                    reason="LibreOffice or poppler-utils is not installed")
@pytest.mark.skipif(not cjk_font_installed(),
                    reason="no font for Korean (packaging/bootstrap.sh installs fonts-noto-cjk)")
def test_libreoffice_draws_hangul_and_hanzi_with_a_cjk_font(note: Path, tmp_path: Path) -> None:
    profile = tmp_path / "lo-profile"
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(note)], capture_output=True, text=True,
        timeout=180)
    pdf = tmp_path / "note.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True,
                           timeout=60).stdout
    # Korean and Chinese are drawn with an embedded CJK font (no empty boxes; LibreOffice
    # names every face of the Noto CJK collection after its first), Cyrillic and Latin with
    # the sans-serif standing in for Arial
    assert re.search(r"NotoSansCJK|NotoSerifCJK|Noto Sans CJK", fonts), fonts
    assert "LiberationSans" in fonts or "Arial" in fonts, fonts
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True,
                                   text=True, timeout=60).stdout.split())
    assert "국가정보원은 북한이 러시아에" in text
    assert "外交部发言人林剑" in text
    assert "Кирило Буданов заявив" in text



ZH_STORY = ("韩国情报机构称朝鲜约有八千名士兵抵达俄罗斯\n\n新华社北京11月5日电\n\n"
            "韩国国家情报院5日表示，约有八千名朝鲜士兵已抵达俄罗斯库尔斯克地区，其中一部分已投入战斗。\n\n"
            "美国国防部发言人表示，大约一万名朝鲜士兵正在俄罗斯东部接受训练。\n")


def test_the_comparison_table_writes_a_chinese_qualifier_as_chinese_does(
        workspace_dir: Path, tmp_path: Path) -> None:
    """"约有八千名", not "约有 八千名": Chinese puts no space between words; Ukrainian keeps
    "близько 11 тисяч" with its space."""
    story = tmp_path / "zh_story.txt"
    story.write_text(ZH_STORY, encoding="utf-8")
    with Workspace.open(workspace_dir) as ws:
        list(import_files(ws, [story, DATA / "uk_pravda_budanov.txt"]))
        for article in ws.articles.list():
            for suggestion in pending_suggestions(ws, article.id):
                accept_suggestion(ws, article.id, suggestion)
        out = tmp_path / "note.docx"
        export_briefing(ws, SPEC, out, comparisons=library_comparisons(ws))
    cells = " / ".join(c.text for t in docx.Document(str(out)).tables
                       for row in t.rows for c in row.cells)
    assert "约有八千名" in cells and "大约一万名" in cells, cells
    assert "близько 11 тисяч" in cells, cells
