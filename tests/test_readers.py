"""File readers: real files of every supported format, and the bad files users drop in.

Each test builds the file it needs (text in several encodings, HTML pages, .docx with
python-docx, PDFs by hand or with pypdf, zip bombs by streaming) and asserts what a user
would see: the decoded text, the hints, or the reason a file was refused.
"""

from __future__ import annotations

import io
import json
import random
import subprocess
import sys
import textwrap
import time
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from pypdf import PdfWriter

from briefing.core.ingest.readers import MAX_FILE_BYTES, read_document
from briefing.core.ingest.readers.pdf import read_pdf
from briefing.core.ingest.types import ReadError

ARTICLE = ("Ukraine\u2019s military intelligence said on Friday that \u201c11,000 North Korean "
           "troops\u201d had reached the Kursk region \u2014 a figure the caf\u00e9 owners "
           "of Seoul found hard to believe, at \u20ac5 a cup.")


def read_error(data: bytes, filename: str) -> str:
    with pytest.raises(ReadError) as info:
        read_document(data, filename)
    return str(info.value)


# --- plain text: encodings -------------------------------------------------------------

def test_utf8_text_is_read_as_written() -> None:
    extracted = read_document(ARTICLE.encode("utf-8"), "article.txt")
    assert extracted.text == ARTICLE
    assert (extracted.format, extracted.encoding) == ("txt", "utf-8")


def test_utf8_bom_is_not_part_of_the_text() -> None:
    extracted = read_document(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"), "article.txt")
    assert extracted.text == ARTICLE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    data = ARTICLE.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    extracted = read_document(data, "article.txt")
    assert extracted.text == ARTICLE


def test_utf16_without_bom_is_not_mistaken_for_binary() -> None:
    extracted = read_document(ARTICLE.encode("utf-16-le"), "article.txt")
    assert extracted.text == ARTICLE


def test_windows_1252_curly_quotes_accents_and_euro() -> None:
    extracted = read_document(ARTICLE.encode("cp1252"), "article.txt")
    assert extracted.text == ARTICLE
    assert extracted.encoding == "cp1252"


def test_long_western_legacy_text_is_not_read_as_central_european() -> None:
    # charset-normalizer alone names cp1250 here and turns "coûté" into "coűté".
    text = "\n".join(["L\u2019arm\u00e9e a d\u00e9clar\u00e9 \u00ab 10 000 soldats \u00bb, "
                      "co\u00fbt\u00e9 5 \u20ac, na\u00efve."] * 12)
    assert read_document(text.encode("cp1252"), "article.txt").text == text


def test_cyrillic_legacy_text_is_detected() -> None:
    text = "\n".join(["\u0412\u043e\u0439\u0441\u043a\u0430 \u041a\u041d\u0414\u0420 "
                      "\u043f\u0440\u0438\u0431\u044b\u043b\u0438 \u0432 \u041a\u0443\u0440"
                      "\u0441\u043a\u0443\u044e \u043e\u0431\u043b\u0430\u0441\u0442\u044c, "
                      "\u0441\u043e\u043e\u0431\u0449\u0438\u043b \u0411\u0443\u0434\u0430"
                      "\u043d\u043e\u0432."] * 10)
    extracted = read_document(text.encode("cp1251"), "article.txt")
    assert extracted.text == text
    assert extracted.encoding == "cp1251"


def test_mixed_encoding_keeps_every_character_without_mojibake() -> None:
    utf8_line = "Budanov said \u201c11,000\u201d \u2014 caf\u00e9 \u20ac5"
    cp1252_line = "Seoul\u2019s spy agency said \u201c12,000\u201d, co\u00fbt\u00e9 \u20ac7"
    data = (utf8_line.encode("utf-8") + b"\n" + cp1252_line.encode("cp1252") + b"\n"
            # one line holding both: UTF-8 "é" and a cp1252 right quote (0x94)
            + "r\u00e9sum\u00e9 ".encode("utf-8") + b"\x93quoted\x94\n"
            + utf8_line.encode("utf-8"))
    text = read_document(data, "mixed.txt").text
    assert text.split("\n") == [utf8_line, cp1252_line,
                                "r\u00e9sum\u00e9 \u201cquoted\u201d", utf8_line]
    assert "\u00c3" not in text and "\u00e2\u20ac" not in text and "\ufffd" not in text


def test_text_is_normalised_nfc_newlines_and_control_characters() -> None:
    raw = ("Cafe\u0301 line one\r\nline two\rline\u00a0three\x07\x1b[0m\tend \U0001F600\r\n"
           "\u2028last\x0cpage two")
    text = read_document(raw.encode("utf-8"), "a.txt").text
    assert text == ("Caf\u00e9 line one\nline two\nline\u00a0three[0m\tend \U0001F600\n\n"
                    "last\npage two")


def test_markdown_is_chosen_by_extension_and_html_by_content() -> None:
    assert read_document(b"# Title\n\nSome *text*.", "notes.md").format == "md"
    assert read_document(b"# Title\n\nSome *text*.", "notes.txt").format == "txt"
    page = b"<!DOCTYPE html><html><body><p>Saved with the wrong name.</p></body></html>"
    extracted = read_document(page, "page.txt")
    assert extracted.format == "html"
    assert extracted.text == "Saved with the wrong name."


def test_sample_corpus_reads_as_plain_text(corpus_texts: dict[str, str]) -> None:
    for name, raw in corpus_texts.items():
        extracted = read_document(raw.encode("utf-8"), name)
        assert extracted.format == "txt", name
        assert extracted.text.split() == raw.split(), name


def test_text_that_mentions_the_pdf_header_stays_text() -> None:
    text = "Scanned files start with %PDF-1.7 and end with a trailer line; see the annex."
    assert read_document(text.encode(), "notes.txt").text == text


# --- plain text: refusals ---------------------------------------------------------------

def test_empty_and_whitespace_only_files_are_refused() -> None:
    assert "empty file" in read_error(b"", "empty.txt")
    assert "empty file" in read_error(b" \r\n\t\n  \n", "blank.txt")
    assert "empty file" in read_error("\ufeff  \n".encode("utf-8-sig"), "bom-only.txt")


def test_binary_file_named_txt_is_refused() -> None:
    rng = random.Random(7)
    data = bytes(rng.randrange(256) for _ in range(4000))
    assert "binary data, not text" in read_error(data, "notes.txt")


def test_control_bytes_without_nul_are_refused_as_binary() -> None:
    rng = random.Random(3)
    data = bytes(rng.choice(b"\x01\x02\x03\x1b\x7fabcdefgh ") for _ in range(4000))
    reason = read_error(data, "notes.txt")
    assert reason.startswith("binary data, not text (")
    assert "control" in reason


def test_known_binary_formats_get_a_specific_reason() -> None:
    png = b"\x89PNG\r\n\x1a\n" + bytes(200)
    assert "PNG image" in read_error(png, "scan.txt")
    assert "unpack" in read_error(b"\x1f\x8b\x08\x00" + bytes(100), "article.txt")


def test_too_large_file_is_refused_with_the_limit() -> None:
    assert MAX_FILE_BYTES == 50_000_000
    reason = read_error(b"a" * (MAX_FILE_BYTES + 1), "huge.txt")
    assert "too large" in reason and "50 MB" in reason


# --- HTML -------------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en-GB"><head>
<meta charset="utf-8">
<title>North Korean troops reach Kursk | Example News</title>
<meta property="og:title" content="North Korean troops reach Kursk">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe and John Roe">
<meta property="article:published_time" content="2024-11-15T09:30:00Z">
<link rel="canonical" href="https://news.example.com/world/kursk">
<link rel="stylesheet" href="http://cdn.example.net/site.css">
<script src="http://cdn.example.net/tracker.js"></script>
<script>var leaked = "SCRIPT-SECRET-TEXT"; fetch("http://evil.example/beacon");</script>
<style>.x { color: red } /* STYLE-SECRET */</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>North Korean troops reach Kursk</h1>
<p>Ukraine's military intelligence said on Friday that about 11,000 North Korean troops
had arrived in the Kursk region, where Russian forces are trying to push Ukraine back.</p>
<img src="http://images.example.net/remote-photo.jpg" alt="REMOTE-IMAGE-ALT">
<iframe src="http://video.example.net/embed/123">IFRAME-FALLBACK-TEXT</iframe>
<p>South Korea's <a href="/nis">spy agency</a> told <em>lawmakers</em> that Pyongyang had
also shipped <b>millions</b> of artillery shells, and that the troops were being trained in
drone warfare.</p>
<script>document.write("INLINE-SCRIPT-TEXT");</script>
<p>Kyrylo Budanov told reporters:<br>“They are already in Kursk, and more will follow.”</p>
<p>The Pentagon put the number at 10,000 and warned that more could follow in the coming
weeks, a claim Moscow has neither confirmed nor denied.</p>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">MOST-READ-TEASER one</a></li>
<li><a href="/b">MOST-READ-TEASER two</a></li></ul></aside>
<div class="cookie-banner">We use cookies. COOKIE-BANNER Accept all</div>
<footer>FOOTER-LINE Copyright 2024 Example News</footer>
</body></html>
"""
PARAGRAPHS = [
    "Ukraine's military intelligence said on Friday that about 11,000 North Korean troops "
    "had arrived in the Kursk region, where Russian forces are trying to push Ukraine back.",
    "South Korea's spy agency told lawmakers that Pyongyang had also shipped millions of "
    "artillery shells, and that the troops were being trained in drone warfare.",
    "Kyrylo Budanov told reporters:\n\u201cThey are already in Kursk, and more will follow.\u201d",
    "The Pentagon put the number at 10,000 and warned that more could follow in the coming "
    "weeks, a claim Moscow has neither confirmed nor denied.",
]
SECRETS = ["SCRIPT-SECRET", "INLINE-SCRIPT", "STYLE-SECRET", "REMOTE-IMAGE-ALT",
           "IFRAME-FALLBACK", "http://", "leaked", "document.write"]


def test_html_article_paragraphs_without_scripts_frames_or_images() -> None:
    extracted = read_document(PAGE.encode("utf-8"), "kursk.html")
    assert extracted.format == "html"
    paragraphs = extracted.text.split("\n\n")
    for para in PARAGRAPHS:
        assert para in paragraphs
    for secret in SECRETS:
        assert secret not in extracted.text


def test_html_article_extractor_drops_page_furniture() -> None:
    text = read_document(PAGE.encode("utf-8"), "kursk.html").text
    assert text.split("\n\n") == ["North Korean troops reach Kursk", *PARAGRAPHS]


def test_html_hints_come_from_the_page() -> None:
    hints = read_document(PAGE.encode("utf-8"), "kursk.html").hints
    assert hints.title == "North Korean troops reach Kursk"
    assert hints.authors == ["Jane Doe", "John Roe"]
    assert hints.published == "2024-11-15"
    assert hints.publisher == "Example News"
    assert hints.url == "https://news.example.com/world/kursk"
    assert hints.language == "en"


def test_html_hints_from_json_ld_and_title_tag() -> None:
    ld = {"@context": "https://schema.org", "@type": "NewsArticle",
          "headline": "Seoul says 12,000", "datePublished": "2024-10-18",
          "author": [{"@type": "Person", "name": "Kim Min-ji"}],
          "publisher": {"@type": "Organization", "name": "Korea Daily"}}
    page = (f'<html><head><title>Seoul says 12,000 - Korea Daily</title>'
            f'<script type="application/ld+json">{json.dumps(ld)}</script></head>'
            f"<body><p>{PARAGRAPHS[1]}</p></body></html>")
    hints = read_document(page.encode(), "seoul.htm").hints
    assert (hints.title, hints.authors, hints.published, hints.publisher) == (
        "Seoul says 12,000", ["Kim Min-ji"], "2024-10-18", "Korea Daily")


def test_section_headings_the_extractor_dropped_are_put_back_in_place() -> None:
    # A ministry's transcript (dev page): trafilatura keeps the paragraphs but drops the
    # <h2> "Opening Remarks" / "Questions and Answers" between them; the related-links
    # heading under the article stays out.
    page = Path(__file__).parent / "data/unseen/dev/briefing_mofa_japan_4.html"
    paragraphs = read_document(page.read_bytes(), page.name).text.split("\n\n")
    opening, questions = paragraphs.index("Opening Remarks"), paragraphs.index(
        "Questions and Answers")
    assert paragraphs[opening + 1].startswith("Press Secretary Kitamura: Good afternoon")
    assert paragraphs[questions + 1].startswith("NHK, Sato: I have a question")
    assert "Related Information" not in paragraphs


def test_the_speaker_under_a_quotation_is_not_the_pages_author() -> None:
    # an EU press release: trafilatura takes <p class="quote-author"> for the author
    page = Path(__file__).parent / "data/unseen/dev/statement_eu_council_3.html"
    extracted = read_document(page.read_bytes(), page.name)
    assert extracted.hints.authors == []
    # the credit stays in the text, right under the quotation it credits
    paragraphs = extracted.text.split("\n\n")
    credit = paragraphs.index("Kaja Kallas, High Representative for Foreign Affairs and "
                              "Security Policy")
    assert paragraphs[credit - 1].startswith("\u201cNorth Korean soldiers are now fighting")


def test_a_lead_paragraph_beside_the_article_opens_the_text() -> None:
    # government.nl: the lead sits in <div class="intro"> beside <div class="article-content">,
    # and the extractor keeps only the latter; the date line under the headline stays out
    page = Path(__file__).parent / "data/unseen/dev/statement_government_nl_10.html"
    paragraphs = read_document(page.read_bytes(), page.name).text.split("\n\n")
    assert paragraphs[0].startswith("The Netherlands strongly condemns the deployment")
    assert paragraphs[1].startswith("According to information from South Korea")
    assert not any(p.startswith("News item") for p in paragraphs)


def test_short_page_uses_the_plain_fallback_and_still_drops_scripts() -> None:
    page = ("<html><head><script>var x='SCRIPT-SECRET-TEXT'</script></head><body>"
            "<div>Short note one.</div><div>Second line<br>after a break</div>"
            "<iframe src='http://x.example/'>IFRAME-FALLBACK-TEXT</iframe></body></html>")
    text = read_document(page.encode(), "short.html").text
    assert text == "Short note one.\n\nSecond line\nafter a break"


def test_line_breaks_in_plain_html_keep_paragraphs_apart() -> None:
    page = b"<html><body>Para one<br>continued<br><br>Para two<br> <br>Para three</body></html>"
    assert read_document(page, "note.html").text == (
        "Para one\ncontinued\n\nPara two\n\nPara three")


def test_single_file_web_page_mhtml() -> None:
    import quopri
    html = quopri.encodestring(PAGE.replace("Ukraine's", "Ukraine\u2019s").encode()).decode()
    message = textwrap.dedent("""\
        From: <Saved by Blink>
        Snapshot-Content-Location: https://news.example.com/world/kursk?ref=home
        Subject: North Korean troops reach Kursk
        MIME-Version: 1.0
        Content-Type: multipart/related;
        \ttype="text/html";
        \tboundary="----MultipartBoundary--x----"

        ------MultipartBoundary--x----
        Content-Type: text/html
        Content-Transfer-Encoding: quoted-printable
        Content-Location: https://news.example.com/world/kursk?ref=home

        {html}
        ------MultipartBoundary--x----
        Content-Type: image/png
        Content-Transfer-Encoding: base64

        iVBORw0KGgo=
        ------MultipartBoundary--x------
        """).format(html=html).replace("\n", "\r\n")
    extracted = read_document(message.encode("ascii"), "kursk.mhtml")
    assert extracted.format == "html"
    assert PARAGRAPHS[0].replace("Ukraine's", "Ukraine\u2019s") in extracted.text.split("\n\n")
    assert "SCRIPT-SECRET" not in extracted.text
    assert extracted.hints.url == "https://news.example.com/world/kursk"  # canonical wins


def test_html_declared_legacy_charset_is_honoured() -> None:
    page = PAGE.replace('<meta charset="utf-8">', '<meta charset="windows-1252">')
    page = page.replace("Ukraine's", "Ukraine\u2019s")
    text = read_document(page.encode("cp1252"), "kursk.html").text
    assert PARAGRAPHS[0].replace("Ukraine's", "Ukraine\u2019s") in text


def test_utf16_html_with_bom() -> None:
    text = read_document(PAGE.encode("utf-16"), "kursk.html").text
    assert PARAGRAPHS[2] in text.split("\n\n")


def test_xhtml_with_xml_declaration() -> None:
    page = '<?xml version="1.0" encoding="utf-8"?>\n' + PAGE
    assert PARAGRAPHS[0] in read_document(page.encode(), "kursk.xhtml").text


def test_reading_html_opens_no_network_connection(tmp_path: Path) -> None:
    """An audit hook in a fresh interpreter records every outgoing connection or lookup.

    The probe connection at the start proves the hook sees connections at all.
    """
    page = tmp_path / "kursk.html"
    page.write_text(PAGE, encoding="utf-8")
    code = textwrap.dedent(f"""
        import socket, sys
        OUTGOING = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname",
                    "socket.sendto", "socket.sendmsg", "urllib.Request", "http.client.connect")
        calls = []
        sys.addaudithook(lambda event, args: event in OUTGOING and calls.append(event))
        try:
            socket.create_connection(("127.0.0.1", 9), timeout=0.5).close()
        except OSError:
            pass
        probe, calls[:] = list(calls), []
        from briefing.core.ingest.readers import read_document
        data = open({str(page)!r}, "rb").read()
        text = read_document(data, "kursk.html").text
        print(repr(("socket.connect" in probe, "Pentagon" in text, calls)))
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "(True, True, [])"


# --- DOCX -------------------------------------------------------------------------------

def make_docx(title: str = "Briefing on Kursk", author: str = "Ann Analyst") -> bytes:
    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = author
    document.add_heading("North Korean troops in Kursk", level=1)
    document.add_paragraph(PARAGRAPHS[0])
    document.add_paragraph("")
    document.add_paragraph(PARAGRAPHS[1])
    table = document.add_table(rows=2, cols=2)
    for r, row in enumerate([("Source", "Troops"), ("Pentagon", "10,000")]):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph(PARAGRAPHS[2])
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_paragraphs_tables_and_core_properties() -> None:
    extracted = read_document(make_docx(), "kursk.docx")
    assert extracted.format == "docx"
    assert extracted.text.split("\n\n") == [
        "North Korean troops in Kursk", PARAGRAPHS[0], PARAGRAPHS[1],
        "Source | Troops", "Pentagon | 10,000", PARAGRAPHS[2]]
    assert extracted.hints.title == "Briefing on Kursk"
    assert extracted.hints.authors == ["Ann Analyst"]


def test_docx_hidden_structures_give_visible_text_only() -> None:
    """Hyperlinks, tracked insertions, content controls and text boxes are read; tracked
    deletions, field codes and the VML duplicate of a text box are not."""
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls

    ns = nsdecls("w") + ' xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"'
    ns += ' xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    document = docx.Document()
    body = document.element.body
    sect = body[-1]
    for xml in [
        f'<w:p {ns}><w:r><w:t xml:space="preserve">Read the </w:t></w:r>'
        f'<w:hyperlink r:id="rId99"><w:r><w:t>full report</w:t></w:r></w:hyperlink>'
        f'<w:ins w:id="1" w:author="A" w:date="2024-11-15T00:00:00Z"><w:r>'
        f'<w:t xml:space="preserve"> from Seoul</w:t></w:r></w:ins>'
        f'<w:del w:id="2" w:author="A" w:date="2024-11-15T00:00:00Z"><w:r>'
        f'<w:delText> DELETED-TEXT</w:delText></w:r></w:del>'
        f'<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText> PAGE FIELD-CODE </w:instrText></w:r>'
        f'<w:r><w:fldChar w:fldCharType="end"/></w:r>'
        f'<w:r><w:t>.</w:t><w:br/><w:t>Second line</w:t></w:r></w:p>',
        f'<w:sdt {ns}><w:sdtPr/><w:sdtContent><w:p><w:r><w:t>Inside a content control'
        f'</w:t></w:r></w:p></w:sdtContent></w:sdt>',
        f'<w:p {ns}><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<w:txbxContent><w:p><w:r><w:t>Text box quote</w:t></w:r></w:p></w:txbxContent>'
        f'</w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent><w:p><w:r>'
        f'<w:t>Text box quote</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>'
        f'</mc:AlternateContent></w:r></w:p>',
    ]:
        sect.addprevious(parse_xml(xml))
    buffer = io.BytesIO()
    document.save(buffer)
    text = read_document(buffer.getvalue(), "tracked.docx").text
    assert text.split("\n\n") == ["Read the full report from Seoul.\nSecond line",
                                   "Inside a content control", "Text box quote"]


def test_docx_placeholder_author_is_not_a_hint() -> None:
    hints = read_document(make_docx(author="python-docx"), "kursk.docx").hints
    assert hints.authors == []


def test_docx_is_recognised_by_content_not_name() -> None:
    assert read_document(make_docx(), "download.bin").format == "docx"


def test_html_saved_under_a_word_name_is_read_as_html() -> None:
    page = f"<html><body><p>{PARAGRAPHS[0]}</p></body></html>".encode()
    extracted = read_document(page, "export.docx")
    assert (extracted.format, extracted.text) == ("html", PARAGRAPHS[0])
    assert "damaged Word document" in read_error(b"plain words", "export.docx")


def test_truncated_docx_is_damaged() -> None:
    data = make_docx()
    assert "damaged Word document" in read_error(data[: len(data) // 2], "kursk.docx")


def test_docx_missing_document_part_is_damaged() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<not-closed")
    assert "damaged Word document" in read_error(buffer.getvalue(), "kursk.docx")


def test_encrypted_docx_ole2_container() -> None:
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + b"\x00" * 1024
    assert "password-protected or encrypted Word document" in read_error(data, "secret.docx")
    assert "old .doc format not supported" in read_error(data, "letter.doc")


def write_bomb(path: Path, size: int) -> Path:
    """A docx-shaped zip whose document.xml expands to `size` bytes, written in chunks."""
    chunk = b"<w:p><w:r><w:t>North Korean troops</w:t></w:r></w:p>" * 20_000
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("word/document.xml", "w", force_zip64=True) as member:
            written = 0
            while written < size:
                piece = chunk[: size - written]
                member.write(piece)
                written += len(piece)
    return path


@pytest.fixture(scope="module")
def zip_bomb(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_bomb(tmp_path_factory.mktemp("bomb") / "bomb.docx", 300_000_000).read_bytes()


def test_docx_zip_bomb_is_refused_before_parsing(zip_bomb: bytes) -> None:
    assert len(zip_bomb) < 2_000_000
    started = time.perf_counter()
    reason = read_error(zip_bomb, "bomb.docx")
    assert time.perf_counter() - started < 5.0  # parsing 300 MB of XML would take far longer
    assert reason.startswith("looks like a zip bomb")
    assert "300 MB" in reason


def test_docx_member_with_extreme_compression_ratio_is_refused(tmp_path: Path) -> None:
    data = write_bomb(tmp_path / "ratio.docx", 20_000_000).read_bytes()
    reason = read_error(data, "ratio.docx")
    assert reason.startswith("looks like a zip bomb") and "expands" in reason


def test_other_zip_archives_are_refused() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("a.txt", "hello")
    assert "zip archive" in read_error(buffer.getvalue(), "articles.zip")


# --- PDF --------------------------------------------------------------------------------

def pdf_escape(text: str) -> bytes:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1")


def make_pdf(pages: list[bytes], info: bytes | None = None, compress: bool = False) -> bytes:
    """A minimal valid PDF (Helvetica, correct xref) with one content stream per page."""
    objects: list[bytes] = [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", b""]
    kids = []
    for stream in pages:
        extra = b""
        if compress:
            stream, extra = zlib.compress(stream), b" /Filter /FlateDecode"
        objects.append(b"<< /Length %d%s >>\nstream\n%s\nendstream" % (len(stream), extra,
                                                                         stream))
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources "
                       b"<< /Font << /F1 1 0 R >> >> /Contents %d 0 R >>" % len(objects))
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    root = len(objects)
    if info:
        objects.append(info)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, body))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    out.writelines(b"%010d 00000 n \n" % o for o in offsets)
    trailer = b"<< /Size %d /Root %d 0 R" % (len(objects) + 1, root)
    if info:
        trailer += b" /Info %d 0 R" % len(objects)
    out.write(b"trailer\n" + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref)
    return out.getvalue()


def text_page(lines: list[str]) -> bytes:
    ops = [b"BT /F1 11 Tf 72 720 Td 14 TL"]
    ops += [b"(%s) Tj T*" % pdf_escape(line) for line in lines]
    return b"\n".join([*ops, b"ET"])


def test_pdf_text_pages_and_metadata() -> None:
    data = make_pdf(
        [text_page(["North Korean troops (about 11,000) reached Kursk.", "Second line."]),
         text_page(["Page two: the Pentagon said 10,000."])],
        info=b"<< /Title (Troops in Kursk) /Author (Ann Lee; Bo Kim) "
             b"/CreationDate (D:20241115093000Z) >>")
    extracted = read_document(data, "kursk.pdf")
    assert extracted.format == "pdf"
    assert extracted.text == ("North Korean troops (about 11,000) reached Kursk.\nSecond line."
                              "\n\nPage two: the Pentagon said 10,000.")
    assert extracted.hints.title == "Troops in Kursk"
    assert extracted.hints.authors == ["Ann Lee", "Bo Kim"]
    assert extracted.hints.published == "2024-11-15"


def test_pdf_wrapped_lines_become_paragraphs() -> None:
    lines = ["North Korean troops in Kursk",
             "Ukraine's military intelligence said on Friday that about 11,000",
             "North Korean troops had arrived in the Kursk region, where Russian",
             "forces are trying to push Ukraine back.",
             "South Korea's spy agency told lawmakers that Pyongyang had mili-",
             "tarily supported Moscow with artillery shells.",
             "The Pentagon said 10,000."]
    text = read_document(make_pdf([text_page(lines)]), "kursk.pdf").text
    assert text.split("\n\n") == [
        "North Korean troops in Kursk",
        "Ukraine\u2019s military intelligence said on Friday that about 11,000 North Korean "
        "troops had arrived in the Kursk region, where Russian forces are trying to push "
        "Ukraine back.",
        "South Korea\u2019s spy agency told lawmakers that Pyongyang had militarily supported "
        "Moscow with artillery shells.",
        "The Pentagon said 10,000."]


def test_pdf_is_recognised_by_content_not_name() -> None:
    data = make_pdf([text_page(["Saved under the wrong name."])])
    assert read_document(data, "report.txt").text == "Saved under the wrong name."


def pypdf_bytes(writer: PdfWriter) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_pdf_without_text_layer() -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    assert read_error(pypdf_bytes(writer), "scan.pdf") == (
        "PDF has no text layer (scanned image?); run OCR first")


def test_password_protected_pdf() -> None:
    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt("secret")
    assert read_error(pypdf_bytes(writer), "secret.pdf").startswith("password-protected PDF")


def test_pdf_with_only_an_owner_password_is_still_read() -> None:
    from pypdf import PdfReader
    source = PdfReader(io.BytesIO(make_pdf([text_page(["Printing is restricted."])])))
    writer = PdfWriter()
    writer.append(source)
    writer.encrypt(user_password="", owner_password="owner-only", algorithm="RC4-128")
    assert read_document(pypdf_bytes(writer), "restricted.pdf").text == (
        "Printing is restricted.")


def test_corrupt_pdf() -> None:
    rng = random.Random(11)
    data = b"%PDF-1.4\n" + bytes(rng.randrange(256) for _ in range(3000))
    assert read_error(data, "broken.pdf").startswith("damaged PDF")


def test_file_named_pdf_that_is_not_a_pdf() -> None:
    assert read_error(b"just some text", "fake.pdf").startswith("damaged PDF")


def test_slow_pdf_is_stopped_at_the_time_limit() -> None:
    # ~400,000 text operators: pypdf needs about 10 s; the caller must get an answer in ~1 s.
    slow = make_pdf([b"BT /F1 12 Tf " + b"(x) Tj 1 0 Td " * 400_000 + b"ET"], compress=True)
    started = time.perf_counter()
    with pytest.raises(ReadError) as info:
        read_pdf(slow, time_limit=1.0)
    assert time.perf_counter() - started < 8.0  # generous for a loaded CI machine; unlimited takes ~10 s
    assert "longer than 1 s" in str(info.value)


def test_orphaned_pdf_worker_stops_itself_at_its_cpu_limit() -> None:
    """If the app dies mid-read, the worker's own CPU limit still ends it."""
    # ~800,000 text operators: about 20 s of CPU for pypdf, unless the limit stops it
    slow = make_pdf([b"BT /F1 12 Tf " + b"(x) Tj 1 0 Td " * 800_000 + b"ET"], compress=True)
    command = [sys.executable, "-m", "briefing.core.ingest.readers.pdf_worker",
               "1500000000", "1"]
    started = time.perf_counter()
    result = subprocess.run(command, input=slow, capture_output=True, timeout=30)
    assert time.perf_counter() - started < 10.0
    assert result.returncode != 0 and result.stdout == b""


def test_pdf_reader_memory_is_capped() -> None:
    data = make_pdf([text_page(["Fits in memory."])])
    assert read_pdf(data).text == "Fits in memory."
    with pytest.raises(ReadError) as info:
        read_pdf(data, memory_limit=20_000_000)
    assert "too much memory" in str(info.value)


def test_memory_watchdog_stops_a_worker_past_its_cap_and_the_reader_says_why() -> None:
    """The cap macOS gets (it does not enforce RLIMIT_AS): a thread watching the peak size."""
    from briefing.core.ingest.readers.pdf import _crash_reason

    code = textwrap.dedent("""
        import time
        from briefing.core.ingest.readers.pdf_worker import peak_memory, watch_memory
        # Linux keeps the parent's peak across exec, so the cap is set from it and the
        # hoard grows past it whatever that peak was.
        limit = peak_memory() + 50_000_000
        watch_memory(limit, every_s=0.01)
        hoard = []
        while sum(map(len, hoard)) < limit + 200_000_000:
            hoard.append(b"\x01" * 10_000_000)  # written, so resident (not lazy zero pages)
            time.sleep(0.01)
        print("never stopped")
    """)
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert result.returncode == 3 and b"never stopped" not in result.stdout
    assert _crash_reason(result.returncode, result.stderr) == (
        "damaged PDF: reading it needed too much memory, so it was stopped")


# --- damaged input of every kind ---------------------------------------------------------

def mutate(data: bytes, rng: random.Random) -> bytes:
    """Flip, delete, insert and truncate bytes, as disk errors and bad downloads do."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 20)):
        if not out:
            break
        i = rng.randrange(len(out))
        op = rng.random()
        if op < 0.5:
            out[i] = rng.randrange(256)
        elif op < 0.7:
            del out[i:i + rng.randint(1, 50)]
        elif op < 0.85:
            out[i:i] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 20)))
        else:
            del out[i:]
    return bytes(out)


@pytest.mark.parametrize("kind,count", [("txt", 40), ("html", 60), ("docx", 40), ("pdf", 6)])
def test_damaged_files_give_a_reason_never_a_crash(kind: str, count: int) -> None:
    seeds = {"txt": ARTICLE.encode("utf-8") * 5, "html": PAGE.encode("utf-8"),
             "docx": make_docx(), "pdf": make_pdf([text_page(["Hello PDF text."])])}
    rng = random.Random(f"readers-{kind}")
    outcomes = set()
    for _ in range(count):
        data = mutate(seeds[kind], rng)
        try:
            extracted = read_document(data, f"damaged.{kind}")
        except ReadError as exc:
            assert str(exc) and "Traceback" not in str(exc)
            # the catch-all reason means a reader let a library exception through
            assert not str(exc).startswith("could not read this file as"), str(exc)
            outcomes.add("refused")
        else:
            assert extracted.text.strip()
            assert "\x00" not in extracted.text
            outcomes.add("read")
    assert "refused" in outcomes or kind in ("txt", "html")
