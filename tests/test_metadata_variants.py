"""Title, publisher and body found whatever layout a site gives the same facts (issue 9).

Each test is one invented page read through the real reader and cleaner
(pipeline.read_article). The layouts are the variant families that failed when dev pages
were re-laid out the way other sites lay them out: an issuer named only under the last
paragraph, an office's name atop its own page, a region kicker above the headline, a
transcript kicker, headlines that open like a person's name, a paragraph ending in a
note marker.
"""

from __future__ import annotations

import pytest

from briefing.core.ingest.dates import date_line
from briefing.core.ingest.pipeline import read_article

TITLE = "Ruritania imposes further sanctions over missile transfers to the front"
BODY = [
    "Ruritania has today imposed targeted financial sanctions and travel bans on nine "
    "individuals and four entities involved in the transfer of missiles to the front.",
    "The new listings include senior officers of the artillery directorate and two "
    "shipping companies that carried munitions through the northern port.",
    "The Government condemns in the strongest terms the deployment of more than ten "
    "thousand soldiers to fight against a sovereign neighbour, the statement said.",
]


def _meta(lines: list[str], name: str = "page.txt"):
    return read_article("\n".join(lines).encode(), name)[1].metadata


def _text(lines: list[str]) -> str:
    return read_article("\n".join(lines).encode(), "page.txt")[1].text


@pytest.mark.parametrize("line", [
    "Issued by the Ministry of Foreign Affairs of Ruritania",
    "Issued by: Ministry of Foreign Affairs of Ruritania",
    "Source: Ministry of Foreign Affairs of Ruritania",
])
def test_issuer_named_under_the_last_paragraph(line: str) -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY, line])
    assert (meta.publisher, meta.title, meta.published) == (
        "Ministry of Foreign Affairs of Ruritania", TITLE, "2025-03-04")


def test_a_source_line_crediting_data_is_no_publisher() -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY, "Source: national statistics; field reports"])
    assert meta.publisher is None


@pytest.mark.parametrize("office", ["Prime Minister of Ruritania",
                                    "Minister for Foreign Affairs of Ruritania"])
def test_office_name_atop_its_own_page(office: str) -> None:
    meta = _meta([office, TITLE, "4 March 2025", *BODY])
    assert (meta.publisher, meta.title) == (office, TITLE)


def test_office_holder_atop_a_page_is_no_publisher() -> None:
    meta = _meta(["Secretary of State Anna Varga", TITLE, "4 March 2025", *BODY])
    assert meta.publisher != "Secretary of State Anna Varga"


def test_institution_with_a_comma_in_its_name_above_the_headline() -> None:
    office = "Foreign, Trade & Development Office"
    meta = _meta([office, TITLE, "4 March 2025", *BODY])
    assert (meta.publisher, meta.title) == (office, TITLE)


def test_office_in_a_long_copyright_line() -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY, "Share this page",
                  "© 2025 The Minister for Foreign Affairs of Ruritania. All rights reserved."])
    # the office's name as the labels write it ("Minister for Foreign Affairs of Australia")
    assert meta.publisher == "Minister for Foreign Affairs of Ruritania"


@pytest.mark.parametrize("kicker", ["Asia Pacific", "Middle East", "Central Europe"])
def test_region_kicker_is_no_publisher(kicker: str) -> None:
    meta = _meta([kicker, TITLE, "By Anna Varga", "4 March 2025", *BODY])
    assert (meta.publisher, meta.title, meta.authors) == (None, TITLE, ["Anna Varga"])


TURNS = [
    "MR. OST: Good afternoon. I have two items at the top and then I will take questions "
    "on the deployment.",
    "Q: Thank you. Can you say how many soldiers have arrived in the border region so far?",
    "MR. OST: We assess that about ten thousand have arrived, and more may follow.",
    "Q: And are they fighting yet, or still in training behind the lines?",
    "MR. OST: Some units have begun to take part in combat operations, we believe.",
]


@pytest.mark.parametrize("kicker", ["On-the-record briefing", "Background Briefing",
                                    "Remarks"])
def test_transcript_kicker_is_neither_title_nor_in_the_way(kicker: str) -> None:
    headline = "Spokesperson Ost Holds a Press Briefing on the Northern Deployment"
    meta = _meta(["Ruritania.gov", kicker, headline, "4 March 2025", *TURNS])
    assert (meta.title, meta.publisher, meta.published) == (
        headline, "Ruritania.gov", "2025-03-04")


@pytest.mark.parametrize("headline", [
    "President Varga, Chancellor Ost vow closer security cooperation on air defence",
    "What Is Ruritania Getting for Its Soldiers? Assessing the Northern Exchange",
    "Ruritanian Offensive Campaign Assessment, March 4, 2025",
])
def test_headline_opening_like_a_name(headline: str) -> None:
    meta = _meta([headline, "By Anna Varga and Piet Ost", "4 March 2025", *BODY])
    assert (meta.title, meta.authors) == (headline, ["Anna Varga", "Piet Ost"])


def test_author_line_with_place_and_job_is_still_no_headline() -> None:
    meta = _meta(["Anna Varga in Tarvas", TITLE, "4 March 2025", *BODY])
    assert meta.title == TITLE


@pytest.mark.parametrize("marker", ["¹", "[1]"])
def test_paragraph_ending_in_a_note_marker_is_body(marker: str) -> None:
    opening = ("Northern soldiers have turned an arms trade into an alliance, and the region "
               f"must respond.{marker}")
    text = _text([TITLE, "By Anna Varga", "4 March 2025", opening, *BODY, "Notes",
                  "1. Ministry of Defence, press release, 4 November 2024."])
    assert "Northern soldiers have turned an arms trade into an alliance" in text


@pytest.mark.parametrize(("line", "date"), [
    ("Brussels, 04/11/2024", "2024-11-04"),
    ("Brussels, 11/25/2024", "2024-11-25"),
])
def test_place_and_numeric_date_line_dates_the_page(line: str, date: str) -> None:
    assert _meta([TITLE, line, *BODY]).published == date


def test_site_name_as_the_html_title_and_the_headline_in_h1() -> None:
    page = ("<html><head><title>Ministry of Foreign Affairs of Ruritania</title></head><body>"
            f"<main><article><h1>{TITLE}</h1><p>4 March 2025</p>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article></main></body></html>")
    meta = _meta([page], "page.html")
    assert (meta.title, meta.publisher) == (TITLE, "Ministry of Foreign Affairs of Ruritania")


@pytest.mark.parametrize("author", ["Ministry of Foreign Affairs of Ruritania",
                                    "Foreign, Trade & Development Office"])
def test_organisation_in_the_author_tag_is_the_publisher(author: str) -> None:
    page = (f"<html><head><title>{TITLE}</title><meta name='author' content='{author}'>"
            f"</head><body><main><article><h1>{TITLE}</h1><p>4 March 2025</p>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article></main></body></html>")
    meta = _meta([page], "page.html")
    assert (meta.publisher, meta.authors) == (author, [])


@pytest.mark.parametrize("line", [
    "This is the official website of the Ministry of Foreign Affairs of Ruritania.",
    "Official website of the Ministry of Foreign Affairs of Ruritania",
])
def test_footer_naming_whose_site_it_is(line: str) -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY, "Share this page", line, "Privacy | Contact"])
    assert meta.publisher == "Ministry of Foreign Affairs of Ruritania"


@pytest.mark.parametrize(("line", "publisher"), [
    ("Media release | Ministry of Foreign Affairs of Ruritania",
     "Ministry of Foreign Affairs of Ruritania"),
    ("News | Reuters", "Reuters"),
])
def test_section_label_beside_the_site_name_atop_the_page(line: str, publisher: str) -> None:
    meta = _meta([line, TITLE, "4 March 2025", *BODY])
    assert (meta.publisher, meta.title) == (publisher, TITLE)


@pytest.mark.parametrize(("line", "publisher"), [
    ("MINISTRY OF FOREIGN AFFAIRS OF RURITANIA", "Ministry of Foreign Affairs of Ruritania"),
    ("FOREIGN, TRADE & DEVELOPMENT OFFICE", "Foreign, Trade & Development Office"),
])
def test_institution_in_capitals_atop_the_page(line: str, publisher: str) -> None:
    meta = _meta([line, TITLE, "4 March 2025", *BODY])
    assert (meta.publisher, meta.title) == (publisher, TITLE)


def test_copyright_line_with_a_comma_in_the_name() -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY,
                  "© Ministry of Foreign Affairs, Republic of Ruritania, 2025"])
    assert meta.publisher == "Ministry of Foreign Affairs, Republic of Ruritania"


def test_long_institution_name_before_the_headline_in_the_html_title() -> None:
    embassy = "Embassy of the Republic of Ruritania in the United Kingdom of Great Britain"
    page = (f"<html><head><title>{embassy} - {TITLE}</title></head><body><main><article>"
            f"<h1>{TITLE}</h1><p>4 March 2025</p>" + "".join(f"<p>{p}</p>" for p in BODY)
            + "</article></main></body></html>")
    meta = _meta([page], "page.html")
    assert (meta.title, meta.publisher) == (TITLE, embassy)


def test_site_name_in_the_breadcrumb() -> None:
    meta = _meta(["Home > Ministry of Foreign Affairs of Ruritania > Newsroom", TITLE,
                  "4 March 2025", *BODY])
    assert (meta.publisher, meta.title) == ("Ministry of Foreign Affairs of Ruritania", TITLE)


@pytest.mark.parametrize("line", [
    "Ministry of Foreign Affairs of Ruritania | 12 Main Street, Tarvas | Tel: +1 555 0100",
    "Ministry of Foreign Affairs of Ruritania – P.O. Box 20061 – press@mfa.example",
])
def test_site_name_opening_the_footer_address(line: str) -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY, "Share this page", line, "Privacy | Contact"])
    assert meta.publisher == "Ministry of Foreign Affairs of Ruritania"


def _html(body: str, head: str = "") -> str:
    return f"<html><head>{head}</head><body><main><article>{body}</article></main></body></html>"


def test_office_under_the_speakers_name_is_neither_title_nor_author() -> None:
    meta = _meta([TITLE, "Hon Anna Varga", "Minister of Foreign Affairs",
                  "Wednesday 11 December 2024, 2:00 PM", *BODY])
    assert (meta.title, meta.authors) == (TITLE, [])


def test_h1_agreeing_with_the_title_tag_beats_a_short_og_title() -> None:
    full = f"Statement of the Ministry of Foreign Affairs of Ruritania on {TITLE.lower()}"
    page = _html(f"<h1>{full}</h1><p>4 March 2025</p>" + "".join(f"<p>{p}</p>" for p in BODY),
                 f"<title>{full} - Ministry of Foreign Affairs of Ruritania</title>"
                 f"<meta property='og:title' content='Statement on {TITLE.lower()}'>")
    assert _meta([page], "page.html").title == full


@pytest.mark.parametrize(("h1", "title"), [
    ("Transcript: Press briefing of the Minister of Defence",
     "Transcript: Press briefing of the Minister of Defence"),  # the page's headline says it
    ("Press briefing of the Minister of Defence",
     "Press briefing of the Minister of Defence"),  # only the <title> has the label
])
def test_type_label_kept_only_when_the_headline_carries_it(h1: str, title: str) -> None:
    page = _html(f"<h1>{h1}</h1><p>4 March 2025</p>" + "".join(f"<p>{p}</p>" for p in BODY),
                 "<title>Transcript: Press briefing of the Minister of Defence | Ministry of "
                 "Defence of Ruritania</title>")
    assert _meta([page], "page.html").title == title


def test_markdown_table_rows_are_kept_whole() -> None:
    page = "\n\n".join([f"# {TITLE}", "*4 March 2025*", *BODY[:2],
                        "| Date | Source | Troops |\n|---|---|---|\n"
                        "| 2024-11-05 | Ministry of Defence | 11,000 |\n"
                        "| 2025-01-13 | Intelligence Service | about 12,000 | ", BODY[2]])
    text = read_article(page.encode(), "page.md")[1].text
    assert "2024-11-05 | Ministry of Defence | 11,000" in text
    assert "2025-01-13 | Intelligence Service | about 12,000" in text


def test_summary_box_the_extractor_dropped_comes_back() -> None:
    points = ["Northern soldiers have been sent in their thousands to fight on the front.",
              "In return the north is gaining cash, combat experience and technology."]
    page = _html(f"<h1>{TITLE}</h1><p class='date'>4 March 2025</p><section class='summary'>"
                 "<h2>Summary</h2><ul>" + "".join(f"<li>{p}</li>" for p in points)
                 + "</ul></section><div class='article-body'><h2>Introduction</h2>"
                 + "".join(f"<p>{p}</p>" for p in BODY * 3) + "</div>")
    text = read_article(page.encode(), "page.html")[1].text
    assert all(p in text for p in points) and "Summary" in text


def test_cna_is_shown_as_it_names_itself() -> None:
    page = _html(f"<h1>{TITLE}</h1><p>4 March 2025</p>" + "".join(f"<p>{p}</p>" for p in BODY),
                 f"<title>{TITLE}</title><meta property='og:site_name' content='Channel NewsAsia'>")
    assert _meta([page], "page.html").publisher == "CNA"


def test_section_trail_with_middots_is_no_headline() -> None:
    headline = "In Tarvas, the war has become a proxy war"
    meta = _meta(["International · Europe · Ruritania", "Subscribers only", "", headline,
                  "Three years on, the north faces an army hardened at the front. We went to "
                  "the border.", "", "By Anna Varga (Tarvas, special correspondent) and Piet Ost",
                  "Published on March 4, 2025, at 5:30 am (Paris), updated at 9:12 am",
                  "Reading time 6 min.", "Share", "", *BODY])
    assert (meta.title, meta.authors, meta.published) == (
        headline, ["Anna Varga", "Piet Ost"], "2025-03-04")


def test_digest_credit_under_the_headline_is_no_headline() -> None:
    headline = "Posts of the day: Tarvas counts the dead, the capital shrugs"
    meta = _meta([headline, "Telegram digest, compiled by the desk", "Monday 4 March 2025",
                  *BODY])
    assert meta.title == headline


@pytest.mark.parametrize("line", [
    "By Anna Varga (Tarvas, special correspondent) and Piet Ost",
    "Authors: Anna Varga (Senior Fellow) and Piet Ost (Research Associate)",
])
def test_place_or_job_in_brackets_in_the_byline(line: str) -> None:
    assert _meta([TITLE, line, "4 March 2025", *BODY]).authors == ["Anna Varga", "Piet Ost"]


@pytest.mark.parametrize("line", [
    "Content licensed under CC BY 4.0. © 2025 Ruritanian Security Institute.",
    "© Ruritanian Security Institute 2025 - Any reproduction prohibited without consent",
])
def test_copyright_inside_a_longer_footer_line(line: str) -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY, "Privacy | Contact", line])
    assert meta.publisher == "Ruritanian Security Institute"


def test_series_label_before_the_headline_is_not_the_title() -> None:
    page = "\n\n".join([f"# Policy Brief No. 7 — {TITLE}", "*4 March 2025*", *BODY])
    assert read_article(page.encode(), "page.md")[1].metadata.title == TITLE


def test_note_in_brackets_beside_the_date() -> None:
    line = "Published: 4 March 2025 · Last updated: 9 March 2025 (figures table revised)"
    assert date_line(line) == ("2025-03-04", "published")


def test_front_matter_authors_as_a_list_of_mappings() -> None:
    page = ("---\ntitle: \"" + TITLE + "\"\nauthor:\n  - name: Anna Varga\n    affiliation: "
            "Tarvas Data Lab\n  - name: Piet Ost\n    affiliation: Tarvas Data Lab\ndate: "
            "2025-03-04\n---\n\n" + "\n\n".join(BODY))
    meta = read_article(page.encode(), "page.md")[1].metadata
    assert (meta.authors, meta.title, meta.published) == (
        ["Anna Varga", "Piet Ost"], TITLE, "2025-03-04")


def test_code_chunks_and_callouts_of_a_data_note_are_not_text() -> None:
    page = "\n\n".join([f"# {TITLE}", "```{r setup}\nlibrary(dplyr)\nestimates |> kable()\n```",
                        "::: {.callout-note}\nThis note is updated when a new estimate "
                        "appears.\n:::", *BODY, "::: {.column-margin}\nA margin note stays "
                        "with the article.\n:::"])
    text = read_article(page.encode(), "page.md")[1].text
    assert "kable" not in text and "This note is updated" not in text and ":::" not in text
    assert "A margin note stays with the article." in text and BODY[0] in text


@pytest.mark.parametrize("line", [
    "Reading time 6 min.", "Lire en français", "Offer an article", "Contents",
    "Next digest: The treaty article everyone is quoting (29 April)",
    "Get a month of The Tarvas Review for free, then just £1 a week",
    "Licence: text CC BY 4.0; data ODbL. Tarvas Data Lab, 2025.",
])
def test_furniture_lines_of_the_new_layouts_go(line: str) -> None:
    text = _text([TITLE, "By Anna Varga", "4 March 2025", BODY[0], line, *BODY[1:]])
    assert line not in text and all(p in text for p in BODY)


def test_licence_line_names_the_publisher() -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY,
                  "Licence: text CC BY 4.0; data ODbL. Tarvas Data Lab, 2025."])
    assert meta.publisher == "Tarvas Data Lab"


def test_pull_quote_goes_and_a_quoted_heading_stays() -> None:
    said = ("A senior official put it bluntly. \"Every soldier who comes home from the front "
            "is a teacher,\" he said, adding that the army had never fought a modern war.")
    lines = [TITLE, "By Anna Varga", "4 March 2025", BODY[0], "\"A new stage\"", BODY[1],
             "\"Every soldier who comes home from the front is a teacher\"", said, BODY[2]]
    text = _text(lines)
    assert "\"A new stage\"" in text and said in text
    assert "\"Every soldier who comes home from the front is a teacher\"\n" not in text
    assert text.count("Every soldier who comes home") == 1


def test_site_name_atop_the_whole_page_when_the_article_names_none() -> None:
    page = ("<html><head><title>" + TITLE + "</title></head><body><header>"
            "<div class='site'>Ruritanian Institute for Defence Studies</div><nav><a href='/'>"
            "Home</a> <a href='/research'>Research</a></nav></header><main><article>"
            "<p>Commentary</p><p>Europe and Eurasia</p><p>Anna Varga and Piet Ost</p>"
            f"<h1>{TITLE}</h1><p>4 March 2025</p>" + "".join(f"<p>{p}</p>" for p in BODY * 2)
            + "</article></main></body></html>")
    assert _meta([page], "page.html").publisher == "Ruritanian Institute for Defence Studies"


def test_speaker_line_and_menu_links_name_no_publisher() -> None:
    meta = _meta(["Piet Ost, Department Spokesperson", TITLE, "4 March 2025", *BODY,
                  "Privacy Policy", "Copyright Policy"])
    assert meta.publisher is None


def test_subscription_line_names_the_site_not_its_products() -> None:
    meta = _meta([TITLE, "4 March 2025", *BODY, "Subscribe to Defense.gov Products"])
    assert meta.publisher == "U.S. Department of Defense"


def test_type_label_on_the_pages_headline_line_stays() -> None:
    headline = "Transcript: Press briefing of the Minister of Defence"
    assert _meta(["Ministry of Defence of Ruritania", headline, "4 March 2025", *TURNS]
                 ).title == headline


@pytest.mark.parametrize(("line", "date"), [
    ("11/5/2024 3:12 PM", "2024-11-05"),  # a twelve-hour clock: month first
    ("05/11/2024", "2024-11-05"),  # no clock: day first, as most of the world writes it
])
def test_bare_slashed_date_line(line: str, date: str) -> None:
    meta = _meta([TITLE, line, *BODY])
    assert (meta.published, meta.title) == (date, TITLE)


def _page_html(head: str, article: str) -> str:
    return (f"<html><head>{head}</head><body><main><article>{article}"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</article></main></body></html>")


def test_site_name_as_the_title_tag_and_the_headline_in_an_h2() -> None:
    page = _page_html("<title>Ministry of Foreign Affairs of Ruritania</title>",
                      f"<h2 class='title'>{TITLE}</h2><p>4 March 2025</p>")
    meta = _meta([page], "page.html")
    assert (meta.title, meta.publisher) == (TITLE, "Ministry of Foreign Affairs of Ruritania")


def test_site_logo_in_an_h1_is_not_the_headline() -> None:
    page = _page_html(f"<title>{TITLE}</title>",
                      "<h1 class='logo'>Ministry of Foreign Affairs of Ruritania</h1>"
                      f"<h2>{TITLE}</h2><p>4 March 2025</p>")
    assert _meta([page], "page.html").title == TITLE


def test_short_institutional_headline_in_the_h1_stays_the_headline() -> None:
    headline = "Statement of the Ministry of Foreign Affairs of Ruritania"
    page = _page_html(f"<title>{headline} | Ruritania.gov</title>",
                      f"<h1>{headline}</h1><p>4 March 2025</p>")
    assert _meta([page], "page.html").title == headline


@pytest.mark.parametrize(("title_tag", "publisher"), [
    (f"News - {TITLE} - Ruritanian Security Institute", "Ruritanian Security Institute"),
    (f"{TITLE} | Prime Minister of Ruritania", "Prime Minister of Ruritania"),
    (f"{TITLE} | Ruritania.net", "Ruritania.net"),
])
def test_site_named_in_the_title_tag_only(title_tag: str, publisher: str) -> None:
    page = _page_html(f"<title>{title_tag}</title>", f"<h1>{TITLE}</h1><p>4 March 2025</p>")
    meta = _meta([page], "page.html")
    assert (meta.title, meta.publisher) == (TITLE, publisher)


@pytest.mark.parametrize("key", ["publisher", "site_name", "organization"])
def test_front_matter_names_the_publisher(key: str) -> None:
    page = (f"---\ntitle: \"{TITLE}\"\ndate: 2025-03-04\n{key}: \"Ruritanian Security "
            "Institute\"\n---\n\n" + "\n\n".join(BODY))
    meta = read_article(page.encode(), "page.md")[1].metadata
    assert (meta.publisher, meta.title) == ("Ruritanian Security Institute", TITLE)
