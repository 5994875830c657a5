"""Publisher, date and title found the same way whatever the layout says them in (issue 9).

Each test is one invented page read through the real reader and cleaner
(pipeline.read_article): the same article with its date or its publisher moved to
another place a site may put it — a footer line, a <time> element, meta tags or JSON-LD
only, an "updated" date beside the published one; the publisher only in the copyright
line, the logo, og:site_name, the <title> tail, or a masthead line above the headline.
"""

from __future__ import annotations

import html
import json

import pytest

from briefing.core.ingest.pipeline import read_article

TITLE = "Allies Pledge New Air Defence Systems After Overnight Strikes"
BODY = [
    "Ministers from eleven countries agreed on Tuesday to send further air defence systems "
    "after a night of missile and drone strikes on the capital and three regional cities.",
    "The package includes two medium-range batteries and several hundred interceptors, "
    "officials said, with the first deliveries expected before the end of the month.",
    "The ministers also discussed training crews abroad and repairing damaged launchers "
    "closer to the front, according to a statement issued after the meeting.",
]
NAV = ("<nav><a href='/'>Home</a> <a href='/news'>News</a> <a href='/about'>About us</a> "
       "<a href='/contact'>Contact</a></nav>")


def _page(*, head: str = "", header: str = "", above: str = "", below: str = "",
          after: str = "", footer: str = "", title_tag: str | None = None) -> bytes:
    paras = "".join(f"<p>{html.escape(p)}</p>" for p in BODY)
    return (f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
            f"<title>{html.escape(title_tag or TITLE)}</title>{head}</head><body>"
            f"<header>{header}{NAV}</header><main><article>{above}<h1>{html.escape(TITLE)}</h1>"
            f"{below}{paras}{after}</article></main><footer>{footer}"
            f"<p>Privacy policy | Terms of use | Accessibility</p></footer></body></html>"
            ).encode()


def _ld(**fields: object) -> str:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", **fields}
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


SITE = "<meta property='og:site_name' content='The Harbour Courier'>"
DATE = "<meta property='article:published_time' content='2025-03-04T09:00:00Z'>"

DATE_LAYOUTS = {
    "footer line": _page(head=SITE, after="<p class='meta'>Published: 4 March 2025</p>"),
    "time element": _page(head=SITE, below="<p><time datetime='2025-03-04T10:00:00+00:00'>"
                                          "4 March 2025</time></p>"),
    "meta tag only": _page(head=SITE + DATE),
    "JSON-LD only": _page(head=SITE + _ld(headline=TITLE, datePublished="2025-03-04T08:00:00Z",
                                          dateModified="2025-03-07T08:00:00Z")),
    "updated line first": _page(head=SITE, below="<p>Last updated: 7 March 2025</p>"
                                                 "<p>Published: 4 March 2025</p>"),
    "updated beside": _page(head=SITE, below="<p>4 March 2025 | Last updated 7 March 2025</p>"),
    "modified tag first": _page(head=SITE + "<meta property='article:modified_time' "
                                "content='2025-03-07T09:00:00Z'>" + DATE),
    # a "Most read" list beside the headline dates other stories, not this one
    "most-read time first": _page(head=SITE, header="<aside class='most-read'><ul><li><time "
                                  "datetime='2025-03-05T08:00:00Z'>05/03/2025</time> Other "
                                  "story</li></ul></aside>",
                                  below="<p>Issued on: 04/03/2025 - 10:32</p>"),
}


@pytest.mark.parametrize("layout", sorted(DATE_LAYOUTS))
def test_published_date_whatever_the_layout(layout: str) -> None:
    meta = read_article(DATE_LAYOUTS[layout], "page.html")[1].metadata
    assert (meta.published, meta.publisher, meta.title) == (
        "2025-03-04", "The Harbour Courier", TITLE)


MINISTRY = "Ministry of Foreign Affairs of Ruritania"


def _publisher_layouts(name: str) -> dict[str, bytes]:
    e = html.escape(name)
    return {
        "copyright line": _page(head=DATE, footer=f"<p>© 2025 {e}. All rights reserved.</p>"),
        "logo alt text": _page(head=DATE, header=f"<a href='/' class='logo'>"
                                                 f"<img src='/img/logo.svg' alt='{e} logo'></a>"),
        "og:site_name": _page(head=DATE + f"<meta property='og:site_name' content='{e}'>"),
        "title tail": _page(head=DATE, title_tag=f"{TITLE} — {name}"),
        "masthead line": _page(head=DATE, above=f"<p>{e}</p>"),
        "JSON-LD": _page(head=_ld(headline=TITLE, datePublished="2025-03-04",
                                  publisher={"@type": "Organization", "name": name})),
    }


@pytest.mark.parametrize("name", ["The Harbour Courier", MINISTRY])
@pytest.mark.parametrize("layout", sorted(_publisher_layouts("x")))
def test_publisher_whatever_the_layout(layout: str, name: str) -> None:
    meta = read_article(_publisher_layouts(name)[layout], "page.html")[1].metadata
    assert (meta.publisher, meta.published, meta.title) == (name, "2025-03-04", TITLE)


def test_trafilatura_guess_never_names_the_headline() -> None:
    """A page with no site tags and a <title> of the headline alone: no publisher rather
    than the headline as one."""
    meta = read_article(_page(head=DATE), "page.html")[1].metadata
    assert meta.publisher != TITLE


def _text_page(*lines: str) -> bytes:
    return ("\n\n".join([*lines, *BODY]) + "\n").encode()


@pytest.mark.parametrize("opening", [
    (MINISTRY, TITLE, "4 March 2025"),
    (MINISTRY, TITLE, "4 March 2025", "Remarks by Foreign Minister Anna Kowalski"),
    (MINISTRY, f"Transcript: {TITLE}", "4 March 2025"),
], ids=["masthead", "remarks line", "transcript label"])
def test_ministry_line_atop_a_text_page_is_its_publisher_not_its_headline(
        opening: tuple[str, ...]) -> None:
    meta = read_article(_text_page(*opening), "statement.txt")[1].metadata
    assert meta.publisher == MINISTRY
    assert meta.title.removeprefix("Transcript: ") == TITLE
    assert meta.published == "2025-03-04"


def test_headline_above_its_standfirst_is_still_the_headline() -> None:
    """A short headline over a longer sentence-case standfirst: the headline, not a
    masthead (the rule that a name line over a Title Case headline is a masthead)."""
    standfirst = "Officials in three capitals say the package was agreed after weeks of talks"
    meta = read_article(_text_page("Allies Agree New Air Defence Deal", standfirst, "4 March 2025"),
                        "news.txt")[1].metadata
    assert meta.title == "Allies Agree New Air Defence Deal"


def test_copyright_holder_before_a_licence_sentence() -> None:
    page = _text_page(TITLE, "4 March 2025") + (
        "\n\nCopyright © 2025 Munitions Watch contributors. Text licensed under CC BY 4.0.\n"
    ).encode()
    assert read_article(page, "notes.txt")[1].metadata.publisher == "Munitions Watch"


@pytest.mark.parametrize("section", ["Press Releases", "Speeches and Transcripts",
                                     "Home › Newsroom › Statements"])
def test_section_label_above_the_headline_is_not_the_publisher(section: str) -> None:
    """The copyright line in the footer names the publisher; a section label above the
    headline names none, and a ministry's name above the label still does."""
    footer = f"<p>© 2025 {MINISTRY}. All rights reserved.</p>"
    page = _page(head=DATE, above=f"<p>{html.escape(section)}</p>", footer=footer)
    assert read_article(page, "page.html")[1].metadata.publisher == MINISTRY
    bare = read_article(_page(head=DATE, above=f"<p>{html.escape(section)}</p>"), "page.html")
    assert bare[1].metadata.publisher is None
    text = read_article(_text_page(MINISTRY, section, TITLE, "4 March 2025"), "s.txt")[1]
    assert (text.metadata.publisher, text.metadata.title) == (MINISTRY, TITLE)


def test_press_unit_under_a_ministry_banner_is_not_the_publisher() -> None:
    page = _page(head=DATE, header=f"<div class='site-name'>{MINISTRY}</div>",
                 above="<p>Office of the Spokesperson</p>")
    assert read_article(page, "page.html")[1].metadata.publisher == MINISTRY


@pytest.mark.parametrize("signature", [MINISTRY, f"— {MINISTRY}"])
def test_statement_signed_by_its_issuer_under_the_last_paragraph(signature: str) -> None:
    page = (f"{TITLE}\n\n4 March 2025\n\n" + "\n\n".join(BODY) + f"\n\n{signature}\n").encode()
    meta = read_article(page, "statement.txt")[1].metadata
    assert (meta.publisher, meta.title) == (MINISTRY, TITLE)


def test_questioner_outlet_in_a_transcript_is_not_the_publisher() -> None:
    """"CCTV: Could you …" opens a question; CCTV asks, it does not publish the page."""
    turns = ["Spokesperson Lin: Good afternoon. I have no announcement to make today.",
             "CCTV: Could you share more details about the talks held in the capital this week?",
             "Spokesperson Lin: The talks were candid and constructive, and both sides agreed "
             "to keep in close touch.",
             "Reuters: Will the minister travel to the region next month for the summit?",
             "Spokesperson Lin: I have no information to offer at the moment on that visit."]
    page = ("Regular Press Conference on March 4, 2025\n\n" + "\n\n".join(turns)
            + f"\n\n© 2025 {MINISTRY}\n").encode()
    assert read_article(page, "presser.txt")[1].metadata.publisher == MINISTRY


@pytest.mark.parametrize("line", [
    "By Miriam Halle, Research Fellow for Korean Peninsula Security, and Tomasz Wrona, "
    "Research Analyst, Defence and Military Analysis",
    "Contributors: Miriam Halle, Tomasz Wrona",
])
def test_writers_of_a_byline_with_jobs_or_a_contributors_line(line: str) -> None:
    page = (f"{TITLE}\n\n4 March 2025\n\n{line}\n\n" + "\n\n".join(BODY) + "\n").encode()
    assert read_article(page, "paper.txt")[1].metadata.authors == ["Miriam Halle", "Tomasz Wrona"]


@pytest.mark.parametrize(("stamp", "other", "want"), [
    ("05/11/2024", "", "2024-11-05"),  # day first, as most of the world writes it
    ("11/05/2024", "Related: briefing of 11/25/2024", "2024-11-05"),  # a month-first page
])
def test_labelled_numeric_date_under_an_institution_line(stamp: str, other: str,
                                                         want: str) -> None:
    """A government page's "Press release | Date: 05/11/2024 | No: 142/24" line, its
    ministry's name under it: the date read in the page's order, the headline above."""
    lines = ["Press releases", TITLE, f"Press release | Date: {stamp} | No: 142/24",
             "Ministry of Foreign Affairs"]
    page = ("\n\n".join(lines) + "\n\n" + "\n\n".join(BODY) + f"\n\n{other}\n").encode()
    refined = read_article(page, "statement.txt")[1]
    assert (refined.metadata.published, refined.metadata.title) == (want, TITLE)
    assert "Date:" not in refined.text


def test_writer_signing_off_with_an_email_address() -> None:
    page = (f"{TITLE}\n\n4 March 2025\n\n" + "\n\n".join(BODY)
            + "\n\nKang Seo-yeon\n\nseoyeon@harbourcourier.example\n\nTop 10 Stories\n").encode()
    assert read_article(page, "news.txt")[1].metadata.authors == ["Kang Seo-yeon"]


def test_story_and_translation_credits_in_the_author_tag() -> None:
    """An extractor's whole credit block as the author: the writer, not the translator."""
    credit = "Story by Ksenia Vorontsova Abridged translation by Sam Pelham"
    page = _page(head=SITE + DATE + f"<meta name='author' content='{credit}'>")
    assert read_article(page, "page.html")[1].metadata.authors == ["Ksenia Vorontsova"]


def test_page_date_line_beats_the_extractors_guess() -> None:
    """"Updated 7 March 2025, published 4 March 2025" under the headline, no date tags:
    the published date (an extractor's guess took the first date on the page)."""
    page = _page(head=SITE, below="<p class='date'>Updated 7 March 2025, published 4 March "
                                  "2025</p>")
    assert read_article(page, "page.html")[1].metadata.published == "2025-03-04"


def test_date_from_the_address_when_the_page_states_none() -> None:
    canonical = ("<link rel='canonical' "
                 "href='https://news.example.com/world/2025/03/04/allies-pledge'>")
    assert read_article(_page(head=SITE + canonical), "page.html")[1].metadata.published == (
        "2025-03-04")


@pytest.mark.parametrize("stamp", ["March 4, 2025 5:32 AM GMT+9 Updated 2 hours ago",
                                   "March 4, 20255:32 AM GMT+9Updated 2 hours ago"])
def test_wire_stamp_with_a_relative_update_note(stamp: str) -> None:
    """A wire page's stamp, spaced or glued as copied: its date, and never the headline."""
    meta = read_article(_text_page(TITLE, stamp), "wire.txt")[1].metadata
    assert (meta.published, meta.title) == ("2025-03-04", TITLE)


def test_month_first_wire_dateline_dates_the_story() -> None:
    """"SEOUL, Mar 4 (Reuters) -" opens the story; the year from the copyright line."""
    page = (f"{TITLE}\n\nSEOUL, Mar 4 (Reuters) - " + "\n\n".join(BODY)
            + "\n\n© 2025 Reuters. All rights reserved.\n").encode()
    assert read_article(page, "wire.txt")[1].metadata.published == "2025-03-04"


@pytest.mark.parametrize("name", ["Frontline Digest", "Pacific Policy Forum", "Korea.net"])
def test_publication_name_above_the_headline(name: str) -> None:
    """A publication's name that could pass for a person's ("Frontline Digest") or is its
    address ("Korea.net"), on its own line above the headline."""
    page = _page(head=DATE, above=f"<p>{name}</p>")
    assert read_article(page, "page.html")[1].metadata.publisher == name
