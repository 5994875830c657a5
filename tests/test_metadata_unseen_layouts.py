"""Headline and furniture on layouts first seen in the `_13` dev pages (issue 9, round 5).

Each test is one invented page read through the real reader and cleaner
(pipeline.read_article): the layout families that failed out of sample. An issuer's
"From <department>" line between headline and date, a desk credited as the author, a
menu item repeated as a kicker over the headline, a breadcrumb whose last item shortens
the headline under it.
"""

from __future__ import annotations

import pytest

from briefing.core.ingest.pipeline import read_article
from briefing.core.ingest.publisher import expanded

TITLE = "Minister condemns missile strike on the port city of Ostrava Nova"
BODY = [
    "The Minister said on Monday that the strike on the port killed eleven civilians and "
    "that the government would ask its partners for more air defence systems.",
    "Journalist: Will the government expel the ambassador after this attack on the city?",
    "Minister: We are looking at every option, and we will decide together with our "
    "partners in the coming days. Nothing is excluded at this point in time.",
]


def _meta(lines: list[str], name: str = "page.txt"):
    return read_article("\n".join(lines).encode(), name)[1].metadata


@pytest.mark.parametrize("issuer", [
    "From Department of Foreign Affairs",
    "Issued by the Ministry of Defence of Ruritania",
])
def test_an_issuer_line_under_the_headline_is_not_the_headline(issuer: str) -> None:
    meta = _meta(["Speech", TITLE, issuer, "Published on 14 April 2025", "", *BODY])
    assert (meta.title, meta.published) == (TITLE, "2025-04-14")


def test_a_headline_opening_with_from_is_still_the_headline() -> None:
    title = "From Kyiv to Pyongyang: how the shells travel across two continents"
    meta = _meta([title, "14 April 2025", "", *BODY])
    assert meta.title == title


@pytest.mark.parametrize("desk", ["Harbour Courier OSINT desk", "Courier Graphics team"])
def test_a_desk_credited_under_the_headline_is_not_the_headline(desk: str) -> None:
    meta = _meta(["News", "Analysis", "", TITLE, desk, "06.01.2025 21:14", "", *BODY])
    assert meta.title == TITLE


def test_a_kicker_repeating_a_menu_item_is_not_a_headline_over_its_standfirst() -> None:
    title = ('"They hold the line": what Russian channels write about the troops in the '
             'border region')
    meta = _meta(["HARBOUR COURIER", "News", "Weapons", "War in Ukraine", "Interviews", "",
                  "War in Ukraine", title, "06.01.2025 21:14", "", *BODY])
    assert meta.title == title


def test_a_short_headline_over_its_standfirst_is_still_the_headline() -> None:
    deck = "Why Beijing Tolerates the Alliance Between Its Two Neighbours for Now"
    meta = _meta(["Topics", "Regions", "ESSAY", "China's Korean Dilemma", deck,
                  "By Jane Roe and John Doe", "November 14, 2025", "", *BODY])
    assert meta.title == "China's Korean Dilemma"


def test_a_breadcrumb_shortening_the_headline_is_not_taken_for_it() -> None:
    page = "\n".join([
        "---", 'title: "Arms for the front: what we know | Open Data Tracker"', "---", "",
        "- [Home](/)", "- [Tracker](/tracker)", "- Arms for the front", "",
        "# Arms for the front: what we know", "", *[f"{p}\n" for p in BODY]])
    meta = read_article(page.encode(), "page.md")[1].metadata
    assert meta.title == "Arms for the front: what we know"


PAPER = "Cooperation after the 2024 Treaty: Labour, Arms and the Limits of Sanctions"


def test_a_series_name_over_its_issue_line_is_not_the_papers_title() -> None:
    meta = _meta([
        "HIEP", "Harbour Institute for International Economic Policy", "World Economy Brief",
        "June 12, 2025 | Vol. 15 No. 22 | ISSN 2233-9140", "", PAPER,
        "Park Ji-hoon Research Fellow, Russia and Eurasia Team, Department of Europe, "
        "Americas and Eurasia (jhpark@hiep.example)",
        "Lee Soo-min Senior Researcher, Northeast Asia Economy Team (smlee@hiep.example)",
        "", *BODY])
    assert (meta.title, meta.authors, meta.publisher, meta.published) == (
        PAPER, ["Park Ji-hoon", "Lee Soo-min"],
        "Harbour Institute for International Economic Policy", "2025-06-12")


@pytest.mark.parametrize(("acronym", "line", "publisher"), [
    ("HIEP", "Harbour Institute for International Economic Policy (HIEP)",
     "Harbour Institute for International Economic Policy"),
    # initials that do not make the acronym: the acronym stays
    ("HIEP", "Harbour Centre for Strategic Studies", "HIEP"),
])
def test_an_acronym_publisher_is_spelt_out_by_the_page(acronym: str, line: str,
                                                       publisher: str) -> None:
    assert expanded(acronym, ["Menu", line, PAPER]) == publisher


BRIEFING = "Department Press Briefing on Support for Ukraine and the Korean Peninsula"
MINISTRY = "Ministry of Foreign Affairs of Ruritania"


def test_an_institutions_name_in_a_copyright_line_loses_its_the() -> None:
    meta = _meta([TITLE, "4 November 2024", "", *BODY, "", f"© 2024 The {MINISTRY}."])
    assert (meta.title, meta.publisher) == (TITLE, MINISTRY)


def test_a_headline_naming_a_departments_briefing_is_not_the_publisher() -> None:
    meta = _meta(["https://www.mfa.example/press/briefing", "", BRIEFING, "4 November 2024",
                  "", *BODY])
    assert (meta.title, meta.publisher) == (BRIEFING, None)


def test_a_press_department_over_the_headline_is_neither_title_nor_publisher() -> None:
    meta = _meta([MINISTRY, "Press and Information Department", "", BRIEFING,
                  "4 November 2024", "", *BODY])
    assert (meta.title, meta.publisher, meta.published) == (BRIEFING, MINISTRY, "2024-11-04")


def test_a_ministry_atop_its_page_beats_a_portal_named_by_its_address() -> None:
    page = (f"<html><head><title>{TITLE} - Government.rr</title></head><body>"
            f'<div class="ministry-name"><p>{MINISTRY}</p></div><h1>{TITLE}</h1>'
            "<p>Press release | 4 November 2024</p>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</body></html>")
    meta = read_article(page.encode(), "page.html")[1].metadata
    assert (meta.title, meta.publisher, meta.published) == (TITLE, MINISTRY, "2024-11-04")


def test_a_headline_ending_with_its_date_after_a_colon_is_the_headline() -> None:
    title = "PM remarks at press conference in Kyiv: 4 November 2024"
    meta = _meta(["GOV.UK", "Speech", title,
                  "From: Prime Minister's Office, 10 Downing Street", "Published 4 November 2024",
                  "", *BODY])
    assert (meta.title, meta.publisher, meta.published) == (
        title, "Prime Minister's Office, 10 Downing Street", "2024-11-04")


def test_a_press_team_of_a_delegation_over_the_headline_is_not_the_headline() -> None:
    title = ("Remarks by the High Representative at the press conference following the "
             "Foreign Affairs Council")
    meta = _meta(["Press and information team of the Delegation to UKRAINE", title,
                  "4 November 2024", "", *BODY])
    assert meta.title == title


def test_a_writers_meta_tag_running_into_the_wires_credit_keeps_the_writer() -> None:
    page = ('<html><head><title>Seoul says more troops sent</title>'
            '<meta name="author" content="Hoang Anh Source Reuters"></head><body>'
            "<h1>Seoul says more troops sent</h1><p>4 November 2024</p>"
            + "".join(f"<p>{p}</p>" for p in BODY) + "</body></html>")
    meta = read_article(page.encode(), "page.html")[1].metadata
    assert meta.authors == ["Hoang Anh"]


@pytest.mark.parametrize(("line", "authors"), [
    ("Maintainers: Jiwoo Kwon, Tomasz Nowak", ["Jiwoo Kwon", "Tomasz Nowak"]),
    ("Compiled by Kristina Aleksandraviciute and Tomas Lehtinen. Corrections: desk@example.org",
     ["Kristina Aleksandraviciute", "Tomas Lehtinen"]),
])
def test_labelled_author_lines(line: str, authors: list[str]) -> None:
    meta = _meta([TITLE, line, "4 November 2024", "", *BODY])
    assert meta.authors == authors


def test_a_tracker_dated_by_its_last_update_not_by_its_tables_rows() -> None:
    page = "\n".join([
        "# Arms for the front: what we know", "", BODY[0], "",
        "| Date | Source | Shells |", "|---|---|---|",
        "| 2025-01-23 | Ukraine, HUR | about 4 million |",
        "| 2025-06-24 | South Korea, NIS | more than 12 million |", "", BODY[2], "",
        "Last updated on **September 22, 2025** by **Jiwoo Kwon**"])
    meta = read_article(page.encode(), "page.md")[1].metadata
    assert meta.published == "2025-09-22"


def _body(page: str, name: str = "page.txt") -> str:
    return " ".join(read_article(page.encode(), name)[1].text.split())


@pytest.mark.parametrize("caption", [
    "Table 1: Estimates of personnel and losses in the border region, October 2024",
    "Figure 2. Estimated shell deliveries, 2023-2025 (millions of rounds)",
])
def test_a_data_source_under_a_caption_is_article_text(caption: str) -> None:
    text = _body("\n".join([PAPER, "March 2025", "", BODY[0], "", caption,
                            "Source: IISS research; NIS; HUR", "", BODY[1], "", BODY[2]]))
    assert caption in text and "Source: IISS research; NIS; HUR" in text


def test_a_photo_source_is_still_dropped() -> None:
    text = _body("\n".join([TITLE, "4 November 2024", "", BODY[0], "", "Source: Reuters",
                            "", BODY[1], "", BODY[2]]))
    assert "Source: Reuters" not in text


def test_a_markdown_sources_list_is_kept_as_the_articles_notes() -> None:
    page = "\n".join([
        "# Missiles at the front", "", BODY[0], "", BODY[2], "", "## Sources", "",
        "- [Office of the Prosecutor General, briefing, 20 February 2024](https://example.org/)",
        "- [The Guardian, interview with the intelligence chief, November 2024](https://example.org/g)",
        "", "Contributors: Olena Koval", "", "Back to top"])
    text = _body(page, "page.md")
    assert "Office of the Prosecutor General, briefing, 20 February 2024" in text
    assert "The Guardian, interview with the intelligence chief, November 2024" in text
    assert "Back to top" not in text


def test_an_author_line_under_a_papers_title_is_no_standfirst() -> None:
    author = ("Park Ji-hoon Research Fellow, Russia and Eurasia Team, Department of Europe, "
              "Americas and Eurasia (jhpark@hiep.example)")
    text = _body("\n".join(["World Economy Brief", "June 12, 2025 | Vol. 15 No. 22", "",
                            PAPER, author, "", *BODY]))
    assert "Park Ji-hoon" not in text and BODY[0] in text


def test_markdown_admonitions_shortcodes_and_image_credits_are_furniture() -> None:
    page = "\n".join([
        "# Where the shells come from", "", ":::info Status",
        "This page is a living summary; we do not endorse the figures.", ":::", "",
        BODY[0], "", '{{< figure src="/img/a.jpg" caption="Trains at the station" >}}', "",
        "![Satellite image of the station](/img/station.jpg)", "",
        "*Satellite image: Planet Labs*", "", BODY[2]])
    text = _body(page, "page.md")
    assert BODY[0] in text and BODY[2] in text
    for furniture in ("living summary", "figure src", "Planet Labs", ":::"):
        assert furniture not in text


def test_liquid_tags_are_furniture_and_a_liquid_blockquote_is_a_quotation() -> None:
    # Jekyll and Hexo: "{% note %}" boxes are asides, "{% include %}" is markup, and the
    # text of "{% blockquote %}" is the page's, set apart as a quotation
    page = "\n".join([
        "# Where the shells come from", "", "{% note info %}",
        "This page is a living summary; we do not endorse the figures.", "{% endnote %}", "",
        BODY[0], "", "{% blockquote %}", BODY[2], "{% endblockquote %}", "",
        "{% include share-buttons.html %}"])
    text = _body(page, "page.md")
    assert BODY[0] in text and BODY[2] in text
    for furniture in ("living summary", "{%", "share-buttons", "endblockquote"):
        assert furniture not in text


def test_a_pandoc_div_keeps_its_content() -> None:
    page = "\n".join(["# Where the shells come from", "", "::: {.analysis}", BODY[0], ":::",
                      "", BODY[2]])
    assert BODY[0] in _body(page, "page.md")


def _html_meta(page_title: str, above: list[str], headline: str, foot: list[str] = ()):
    body = ("".join(f"<p>{a}</p>" for a in above) + f"<h1>{headline}</h1>"
            "<p>November 4, 2024</p>" + "".join(f"<p>{p}</p>" for p in BODY)
            + "<footer>" + "".join(f"<p>{f}</p>" for f in foot) + "</footer>")
    page = f"<html><head><title>{page_title}</title></head><body>{body}</body></html>"
    return read_article(page.encode(), "page.html")[1].metadata


def test_a_title_tail_of_site_then_section_names_the_site() -> None:
    headline = "Pentagon Press Secretary Holds a Press Briefing"
    meta = _html_meta(f"{headline} &gt; U.S. Department of Defense &gt; Transcript",
                      ["Transcript"], headline)
    assert (meta.title, meta.publisher) == (headline, "U.S. Department of Defense")


def test_a_title_tail_that_is_a_section_is_no_publisher() -> None:
    headline = "Daily Press Briefing by the Office of the Spokesperson for the Secretary-General"
    meta = _html_meta(f"{headline} | Meetings Coverage and Press Releases",
                      ["United Nations", "Meetings Coverage and Press Releases"], headline)
    assert (meta.title, meta.publisher) == (headline, "United Nations")


def test_a_known_site_before_a_section_label_in_the_title_is_the_publisher() -> None:
    headline = "Press conference by NATO Secretary General Mark Rutte"
    meta = _html_meta(f"NATO - Opinion: {headline}, 04-Nov.-2024", [], headline)
    assert (meta.title, meta.publisher) == (headline, "NATO")


STATEMENT = "Statement on the deployment of North Korean troops to Russia"


def test_a_dashed_day_first_date_under_an_institutions_name() -> None:
    meta = _meta(["Government of the Netherlands", "News item | 04-11-2024 | 14:30",
                  STATEMENT, "", *BODY])
    assert (meta.title, meta.published, meta.publisher) == (
        STATEMENT, "2024-11-04", "Government of the Netherlands")


def test_a_site_name_beside_its_ministry_atop_the_page() -> None:
    meta = _meta(["France Diplomacy - Ministry for Europe and Foreign Affairs", STATEMENT,
                  "Paris, 4 November 2024", "", *BODY])
    assert (meta.title, meta.publisher) == (STATEMENT, "Ministry for Europe and Foreign Affairs")


def test_a_government_banner_over_its_department() -> None:
    meta = _meta(["Australian Government", "Department of Foreign Affairs and Trade", STATEMENT,
                  "4 November 2024", "", *BODY])
    assert (meta.title, meta.publisher) == (STATEMENT, "Department of Foreign Affairs and Trade")


@pytest.mark.parametrize(("page_title", "above", "publisher"), [
    # a section label between the headline and the site (a portal's address) in the
    # <title>; the government named atop the page
    (f"{STATEMENT} | News item | Government.nl", ["Government of the Netherlands"],
     "Government of the Netherlands"),
    # a portal named by its address, the issuer labelled under the headline
    (f"{STATEMENT} - Canada.ca", ["Government of Canada"], "Global Affairs Canada"),
    # the site's name in its own language, never shown on the English page
    (f"{STATEMENT} | Välisministeerium", ["Republic of Estonia Ministry of Foreign Affairs"],
     "Republic of Estonia Ministry of Foreign Affairs"),
])
def test_the_title_tail_against_the_page(page_title: str, above: list[str],
                                         publisher: str) -> None:
    sub = "<p>From: Global Affairs Canada</p>" if "Canada" in page_title else ""
    body = ("".join(f"<p>{a}</p>" for a in above) + f"<h1>{STATEMENT}</h1>{sub}"
            "<p>4 November 2024</p>" + "".join(f"<p>{p}</p>" for p in BODY))
    page = f"<html><head><title>{page_title}</title></head><body>{body}</body></html>"
    meta = read_article(page.encode(), "page.html")[1].metadata
    assert (meta.title, meta.publisher, meta.published) == (STATEMENT, publisher, "2024-11-04")


def test_a_speech_pages_furniture_around_the_headline_goes() -> None:
    text = _body("\n".join([
        "Cookies on gov.example",
        "We use some essential cookies to make this website work. We'd also like to set "
        "analytics cookies that help us improve it.", "Accept all cookies", "",
        "Speech", TITLE, "From Department of Foreign Affairs", "Published on 14 April 2025", "",
        "Check against delivery", "", *BODY]))
    assert BODY[0] in text and BODY[2] in text
    for furniture in ("essential cookies", "From Department", "Check against delivery"):
        assert furniture not in text


def test_a_desk_credit_is_furniture_under_the_headline_and_at_the_end() -> None:
    text = _body("\n".join([
        TITLE, "Harbour Courier OSINT desk", "06.01.2025 21:14", "", *BODY, "",
        "Analysis: Harbour Courier OSINT desk. Translations from Russian by the editorial "
        "staff."]))
    assert BODY[0] in text and "OSINT desk" not in text


def test_a_numbered_introduction_heading_over_the_first_paragraph_is_kept() -> None:
    text = _body("\n".join(["World Economy Brief", "June 12, 2025 | Vol. 15 No. 22", "",
                            PAPER, "", "1. Introduction", BODY[0], "", BODY[2]]))
    assert "1. Introduction" in text and BODY[0] in text


def test_a_key_points_box_inside_the_article_is_kept_where_it_stands() -> None:
    points = ["North Korea has sent troops, shells and missiles to Russia",
              "Seoul fears technology transfers in return"]
    body = ("<article><h1>Kim's bargain</h1><p>4 November 2024</p>"
            + "".join(f"<p>{p}</p>" for p in BODY[:2])
            + '<aside class="keypoints"><h4>Key points</h4><ul>'
            + "".join(f"<li>{p}</li>" for p in points) + "</ul></aside>"
            + f"<p>{BODY[2]}</p></article>"
            + '<aside class="related"><h4>Related</h4><ul><li>Another story here</li></ul></aside>')
    page = f"<html><head><title>Kim's bargain</title></head><body>{body}</body></html>"
    text = read_article(page.encode(), "page.html")[1].text
    order = [text.find(BODY[1][:40]), text.find("Key points"), text.find(points[1]),
             text.find(BODY[2][:40])]
    assert -1 not in order and order == sorted(order)
    assert "Another story" not in text


TWO_LINE = "Arms for Rations: The Economics of North Korea's Support for Russia's War"


@pytest.mark.parametrize("head", [
    # a Title Case title over its sentence-case subtitle
    ["Harbour Policy Institute", TWO_LINE,
     "What the trade in shells tells us about the partnership", "Jane Roe", "March 2025"],
    # a title set on two lines, the first ending with its colon
    ["Harbour Policy Institute", "Arms for Rations:",
     "The Economics of North Korea's Support for Russia's War", "Jane Roe", "March 2025"],
    # a series' name and number over the title
    ["Occasional Paper 45", TWO_LINE, "Jane Roe", "Harbour Policy Institute", "March 2025"],
])
def test_paper_title_layouts(head: list[str]) -> None:
    assert _meta([*head, "", *BODY]).title == TWO_LINE


def test_a_short_kicker_over_a_sentence_case_headline_is_not_the_title() -> None:
    headline = "Ministers agree to send more air defence systems before the winter"
    meta = _meta(["War in Ukraine", headline, "4 November 2024", "", *BODY])
    assert meta.title == headline


@pytest.mark.parametrize("tag", ["UPDATE 2-", "WRAPUP 1-", "REFILE-"])
def test_a_wire_revision_tag_is_not_part_of_the_headline(tag: str) -> None:
    meta = _meta([f"{tag}{TITLE}", "November 4, 2024", "", *BODY])
    assert meta.title == TITLE


def test_a_headline_label_that_is_part_of_the_headline_stays() -> None:
    meta = _meta([f"Exclusive: {TITLE}", "November 4, 2024", "", *BODY])
    assert meta.title == f"Exclusive: {TITLE}"


def test_an_honorific_in_a_byline_is_not_part_of_the_name() -> None:
    meta = _meta([TITLE, "By Dr Jane Roe, Senior Fellow, Asia Programme", "November 4, 2024",
                  "", *BODY])
    assert meta.authors == ["Jane Roe"]
