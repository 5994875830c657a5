"""Metadata says what the page states: title, publisher, authors, date (with precision)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from briefing.core.ingest.bylines import hint_authors, is_person_name
from briefing.core.ingest.dates import date_line, find_dates
from briefing.core.ingest.metadata import infer_title
from briefing.core.ingest.refine import refine_article
from briefing.core.ingest.types import ArticleMetadata, DocumentHints

DATA = Path(__file__).parent / "data" / "cleaning"

# What each sample article's own text states. 001 and 002 state only a year, in the
# copyright line that closes the article ("© 2024, The Economist...", "©2024 Bloomberg");
# 000 and 004 state no date at all (dates in their prose are events, not publication).
CORPUS = {
    "000": ArticleMetadata(
        title="How North Korea is giving Russia an edge in the war on Ukraine",
        publisher="Bloomberg", language="en"),
    "001": ArticleMetadata(
        title="Ukraine’s President, Volodymyr Zelensky, declared last week that North Korea is "
              "sending troops to Russia…",
        title_inferred=True, publisher="The Economist", published="2024", language="en"),
    "002": ArticleMetadata(
        title="Why Thousands of North Koreans Are Fighting in Russia",
        publisher="Bloomberg", published="2024", language="en"),
    "003": ArticleMetadata(
        title="North Korea in the Ukraine War Presages an Era of Confrontation With China",
        publisher="RSIS", authors=["Drew Thompson"], published="2024-11-15", language="en"),
    "004": ArticleMetadata(
        title="What are friends for, if not to help in times of need?", title_inferred=True,
        publisher="International Intrigue", language="en"),
}


def refine_file(path: Path, hints: DocumentHints | None = None) -> ArticleMetadata:
    """The metadata fields (how each was found and the kind are tested on their own)."""
    meta = refine_article(path.read_text(encoding="utf-8"), hints or DocumentHints(),
                          path.name).metadata
    return dataclasses.replace(meta, provenance={}, kind=None)


@pytest.mark.parametrize("prefix", sorted(CORPUS))
def test_corpus_metadata(corpus_dir: Path, prefix: str) -> None:
    path = next(corpus_dir.glob(f"{prefix}_*.txt"))
    assert refine_file(path) == CORPUS[prefix]


INVENTED = {
    "herald_newsletter_cookies.txt": ArticleMetadata(
        title="Seoul weighs artillery sales to Kyiv as pressure mounts",
        publisher="Harbour Herald", authors=["Jane Doe", "John Roe"], published="2025-03-03",
        language="en"),
    "institute_wrapped.txt": ArticleMetadata(
        title="The Long Shadow of Pyongyang's Artillery", publisher="Institute for Eastern Studies",
        authors=["Maria Kowalska"], published="2025-02-12", language="en"),
    "wire_dateline.txt": ArticleMetadata(
        title="Russia says North Korean troops are not in Kursk, calls reports 'fake'",
        publisher="Reuters", authors=["Guy Faulconbridge"], published="2024-11-06",
        language="en"),
    "guardian_like.txt": ArticleMetadata(
        title="North Korean troops 'suffered heavy losses' in Kursk, says Seoul",
        publisher="The Guardian", authors=["Justin McCurry"], published="2024-12-19",
        language="en"),
    "substack_like.txt": ArticleMetadata(
        title="North Korea's Ukraine gamble", publisher="The Korea Watch", authors=["Ann Smith"],
        published="2024-10-25", language="en"),
    "markdown_wrapped.md": ArticleMetadata(
        title="Pyongyang's soldiers in Kursk", authors=["Lee Min-ho"], published="2025-03",
        language="en"),
    "pdf_wrapped.txt": ArticleMetadata(
        # the newsletter's name on its own line above the headline: its masthead
        title="North Korea's troops in Russia: a primer", authors=["Jane Doe"],
        publisher="THE KOREA BRIEF", published="2025-01-12", language="en"),
    "news_agency_like.txt": ArticleMetadata(
        title="North Korean troops seen moving to front line, Kyiv says", publisher="Al Jazeera",
        published="2025-01-06", language="en"),
    "plain_article.txt": ArticleMetadata(
        title="North Korea has become one of Russia's most important suppliers of ammunition "
              "since the summer of 2023",
        title_inferred=True, language="en"),
}


@pytest.mark.parametrize("name", sorted(INVENTED))
def test_invented_page_metadata(name: str) -> None:
    assert refine_file(DATA / name) == INVENTED[name]


def test_hints_from_the_file_format_win() -> None:
    hints = DocumentHints(title="Seoul's shell question | Bloomberg", authors=["Ann Lee"],
                          published="2025-03", publisher="Bloomberg L.P.",
                          url="https://example.org/a", language="en")
    meta = refine_file(DATA / "herald_newsletter_cookies.txt", hints)
    assert meta == ArticleMetadata(
        title="Seoul's shell question", publisher="Bloomberg", authors=["Ann Lee"],
        published="2025-03", language="en", url="https://example.org/a")


def test_published_date_line_beats_updated_and_dates_in_prose() -> None:
    text = ("How the pact was made\n\nUpdated 20 March 2025\n\nPublished: Mar 18, 2025\n\n"
            "The treaty signed in June 2024 was first discussed on 3 May 2023, officials said. "
            "It took effect in December 2024 after both parliaments ratified it.")
    meta = refine_article(text, DocumentHints(), "x.txt").metadata
    assert meta.published == "2025-03-18"
    assert meta.title == "How the pact was made"


def test_month_only_date_line_keeps_month_precision() -> None:
    text = ("Quarterly review of the Korean front\n\nNovember 2024\n\n"
            "Fighting in Kursk intensified as new units arrived from the east of Russia.")
    assert refine_article(text, DocumentHints(), "q.txt").metadata.published == "2024-11"


def test_dates_only_in_prose_give_no_published_date() -> None:
    text = ("Kim Jong Un met Vladimir Putin on 13 September 2023 at the Vostochny "
            "Cosmodrome. They met again in Pyongyang in June 2024.")
    assert refine_article(text, DocumentHints(), "p.txt").metadata.published is None


def test_site_footer_copyright_year_is_not_the_article_date() -> None:
    text = ("The ceasefire talks stalled again on Tuesday.\n\nNeither side moved.\n\nHome\n"
            "About\nContact\nJobs\n\n© 2026 Northern Wire Ltd")
    meta = refine_article(text, DocumentHints(), "f.txt").metadata
    assert meta.publisher == "Northern Wire"
    assert meta.published is None


@pytest.mark.parametrize(("line", "value"), [
    ("15 November 2024", "2024-11-15"), ("Nov 15, 2024", "2024-11-15"),
    ("2024-11-15", "2024-11-15"), ("November 2024", "2024-11"),
    ("Published: Nov. 15th 2024 10:30 AM", "2024-11-15"),
    ("Monday, March 3, 2025", "2025-03-03"), ("15/11/2024", "2024-11-15"),
    ("November 15, 2024 at 5:00 AM GMT+8", "2024-11-15"), ("2024-11-15T08:00:00Z", "2024-11-15"),
    ("Updated on: 15 Nov 2024, 11:02 am IST", "2024-11-15"),
])
def test_date_lines(line: str, value: str) -> None:
    assert date_line(line) is not None and date_line(line)[0] == value


def test_ambiguous_and_impossible_dates_are_not_guessed() -> None:
    assert find_dates("03/04/2024") == []
    assert find_dates("31 February 2024") == []
    assert date_line("In June 2024 – his first trip there in 24 years") is None


def test_person_names() -> None:
    assert is_person_name("Drew Thompson")
    assert is_person_name("Ursula von der Leyen")
    assert not is_person_name("Nanyang Technological University")
    assert not is_person_name("Straits Times")
    assert not is_person_name("Singapore 639798")


def test_inferred_title_comes_from_the_first_sentence() -> None:
    assert infer_title("(Bloomberg) -- Russia leaned on its ally. More text.") == (
        "Russia leaned on its ally")
    assert infer_title("", "kim_putin-summit.txt") == "kim putin summit"
    # the wire datelines publishers.toml knows open the paragraph, they are not the title
    assert infer_title("SEOUL, Nov. 4 (Yonhap) -- North Korea sent troops, the NIS said.") == (
        "North Korea sent troops, the NIS said")
    assert infer_title("MOSCOW, March 2. /TASS/. Russia said it would respond.") == (
        "Russia said it would respond")


def test_one_list_of_institution_words_serves_ingest_and_claims() -> None:
    from briefing.core.claims.home import is_official
    from briefing.core.ingest.title_site import title_site as _title_site

    # a title tail opening with an institution word names the site, the table need not know it
    assert _title_site("Russia deepens ties with Pyongyang - Institute for the Study of War",
                       None) == ("Russia deepens ties with Pyongyang",
                                 "Institute for the Study of War")
    # a government body (and a government address) is official; a news agency is not
    assert is_official("Ministry of Foreign Affairs of Ruritania")
    assert is_official("www.state.gov")
    assert not is_official("Yonhap News Agency")


def test_question_headline_is_the_title_and_stays_in_the_body() -> None:
    text = ("Why is North Korea sending troops to Russia?\n\n"
            "Pyongyang has sent about 11,000 soldiers, officials in Kyiv say.\n\n"
            "The reasons are money, technology and combat experience.")
    refined = refine_article(text, DocumentHints(), "q.txt")
    assert refined.metadata.title == "Why is North Korea sending troops to Russia?"
    assert not refined.metadata.title_inferred
    assert refined.text.startswith("Why is North Korea sending troops to Russia?\n\nPyongyang")


def test_html_headline_in_the_text_is_not_repeated_in_the_body() -> None:
    hints = DocumentHints(title="Seoul weighs artillery sales?")
    text = "Seoul weighs artillery sales?\n\nSouth Korea may sell shells to Ukraine, officials say."
    refined = refine_article(text, hints, "a.html")
    assert refined.text == "South Korea may sell shells to Ukraine, officials say."


def test_a_related_story_below_the_article_does_not_name_the_publisher() -> None:
    text = ("Talks on the ceasefire resumed in Istanbul on Tuesday after a week-long pause, "
            "with both delegations saying little about their positions before the meeting.\n\n"
            "Diplomats from Turkey and the United Nations, who are hosting the talks, said the "
            "agenda covered prisoner exchanges, grain shipments and the safety of the "
            "Zaporizhzhia nuclear plant.\n\n"
            "Neither side expects a breakthrough soon.\n\nRelated Articles\n\n"
            "SEOUL (Reuters) - South Korea said on Monday that it would review its arms policy.")
    meta = refine_article(text, DocumentHints(), "r.txt").metadata
    assert meta.publisher is None


def test_a_ministry_atop_its_page_beats_a_publisher_named_in_its_menu() -> None:
    # "Foreign Policy" is a magazine in the table, but here it is the ministry's menu item
    head = ("Ministry of Foreign Affairs of Ruritania\n\nSkip to main content\n\nMenu\n\n"
            "The Ministry\n\nForeign Policy\n\nNews\n\n"
            "Doorstep by the Foreign Minister ahead of the Council\n\n")
    meta = refine_article(head + BODY_TEXT, DocumentHints(), "d.txt").metadata
    assert meta.publisher == "Ministry of Foreign Affairs of Ruritania"


def test_a_known_publisher_on_the_first_line_keeps_its_name() -> None:
    head = "Foreign Policy\n\nMenu\n\nNews\n\nSeoul weighs its options in Kursk\n\n"
    meta = refine_article(head + BODY_TEXT, DocumentHints(), "f.txt").metadata
    assert meta.publisher == "Foreign Policy"


def test_a_portal_named_by_its_address_is_its_government() -> None:
    hints = DocumentHints(title="Netherlands condemns deployment | News item | Government.nl",
                          publisher="Government.nl")
    meta = refine_article(BODY_TEXT, hints, "n.html").metadata
    assert meta.publisher == "Government of the Netherlands"


BODY_TEXT = ("North Korean soldiers fighting alongside Russian forces in the Kursk region have "
             "suffered heavy losses since they were thrown into combat, Seoul's spy agency "
             "said.\n\nThe agency told lawmakers in a closed-door briefing that the troops were "
             "unfamiliar with the terrain and could not respond to drone attacks.")


BODY = ("North Korean soldiers fighting alongside Russian forces in the Kursk region have "
        "suffered heavy losses since they were thrown into combat, Seoul's spy agency said.\n\n"
        "The agency told lawmakers in a closed-door briefing that the troops were unfamiliar "
        "with the terrain and could not respond to drone attacks.")


@pytest.mark.parametrize("head", [
    # a breadcrumb with slashes above the byline, the headline under the date
    "Home / Top News / World News\n\nBy Jae-won Han\n\nDec. 19, 2024\n\n{title}",
    # the writers' names without "By" between headline and date
    "{title}\n\nHyun-jin Park and Thomas Kessler\n\nDecember 19, 2024",
    # a newsletter's masthead above a long headline
    "KOREA DAILY | MORNING BRIEF\n\n{title}: what Seoul knows\n\nBy Ji-min Seo\n\nDec. 19, 2024",
])
def test_title_is_the_headline_not_a_breadcrumb_names_or_masthead(head: str) -> None:
    title = "N. Korean troops suffer heavy casualties in Kursk"
    meta = refine_article(head.format(title=title) + "\n\n" + BODY, DocumentHints(),
                          "a.txt").metadata
    assert meta.title.startswith(title)


def test_a_page_title_of_date_and_section_gives_way_to_the_headline() -> None:
    hints = DocumentHints(title="Thursday, October 31, 2024 (AM) | Press Conferences by the "
                                "Chief Cabinet Secretary | Prime Minister's Office of Japan")
    text = ("Press Conference by the Chief Cabinet Secretary\n\n"
            "Thursday, October 31, 2024 (AM)\n\n" + BODY)
    meta = refine_article(text, hints, "a.html").metadata
    assert meta.title == "Press Conference by the Chief Cabinet Secretary"
    assert meta.published == "2024-10-31"


def test_a_photo_credit_with_a_slash_is_not_the_copyright_owner() -> None:
    text = ("Joint press statement by the two defence ministers\n\n"
            "© Bundeswehr/Jana Neumann\n\n" + BODY)
    assert refine_article(text, DocumentHints(), "a.md").metadata.publisher is None


@pytest.mark.parametrize(("site", "shown"), [
    ("Anadolu Ajansı", "Anadolu Agency"),  # a site name in its own language
    ("Bundesministerium der Verteidigung", "Federal Ministry of Defence"),
])
def test_a_known_site_name_is_shown_as_the_library_names_it(site: str, shown: str) -> None:
    meta = refine_article(BODY, DocumentHints(publisher=site), "a.html").metadata
    assert meta.publisher == shown


def test_a_place_and_date_opening_the_article_dates_it() -> None:
    text = ("Joint press statement by the two defence ministers\n\n"
            "*Berlin, 12 November 2024. Joint press statement after the talks at the "
            "Bendlerblock.*\n\n" + BODY)
    assert refine_article(text, DocumentHints(), "a.md").metadata.published == "2024-11-12"


@pytest.mark.parametrize(("banner", "shown"), [
    ("Australian Government", "Minister for Foreign Affairs of Australia"),
    ("Government of Canada", "Minister for Foreign Affairs of Canada"),
    ("Example News", "Minister for Foreign Affairs"),  # no government banner: as named
])
def test_an_office_named_without_its_country_takes_it_from_the_banner(
        banner: str, shown: str) -> None:
    text = f"{banner}\n\nMinister for Foreign Affairs\n\nMedia release\n\n{BODY}"
    hints = DocumentHints(publisher="Minister for Foreign Affairs")
    assert refine_article(text, hints, "a.txt").metadata.publisher == shown


def test_an_office_that_names_its_country_is_left_as_it_is() -> None:
    text = f"Australian Government\n\n{BODY}"
    hints = DocumentHints(publisher="Ministry of Foreign Affairs of Japan")
    meta = refine_article(text, hints, "a.txt").metadata
    assert meta.publisher == "Ministry of Foreign Affairs of Japan"


@pytest.mark.parametrize("line", [
    "Updated: Nov. 14, 2024 Published: Nov. 13, 2024",
    "Last Updated: November 14, 2024 | Originally published November 13, 2024",
    "First published: 13 Nov 2024, last updated 14 Nov 2024",
])
def test_a_line_with_both_dates_gives_the_publication_in_either_order(line: str) -> None:
    assert date_line(line) == ("2024-11-13", "published")


@pytest.mark.parametrize("page_title", [
    "News - Joint Statement on DPRK-Russia Military Cooperation - Ministry of Foreign Affairs",
    "Home | Joint Statement on DPRK-Russia Military Cooperation",
    "Joint Statement on DPRK-Russia Military Cooperation - Global Affairs Canada",
])
def test_a_page_title_with_section_labels_gives_the_headline_on_the_page(
        page_title: str) -> None:
    text = f"Joint Statement on DPRK-Russia Military Cooperation\n\nNovember 5, 2024\n\n{BODY}"
    meta = refine_article(text, DocumentHints(title=page_title), "a.html").metadata
    assert meta.title == "Joint Statement on DPRK-Russia Military Cooperation"


def test_the_council_on_foreign_relations_is_not_its_magazine() -> None:
    text = f"Headline of the story here\n\n{BODY}\n\n© 2024 Council on Foreign Relations"
    meta = refine_article(text, DocumentHints(), "a.txt").metadata
    assert (meta.publisher, meta.published) == ("Council on Foreign Relations", "2024")


@pytest.mark.parametrize(("head", "title", "date"), [
    # writers and date on one line under a standfirst
    ("Research Paper\n\nThe Russia-North Korea Alliance Has Teeth\n\nHow Pyongyang profits "
     "from the war in Ukraine\n\nVictor Cha and Ellen Kim | November 2024",
     "The Russia-North Korea Alliance Has Teeth", "2024-11"),
    # the date, then the writer
    ("The Russia-North Korea Alliance Has Teeth\n\nNov 14, 2024 | Victor Cha",
     "The Russia-North Korea Alliance Has Teeth", "2024-11-14"),
    # a live page's time stamp under the headline
    ("Ukraine war latest: clashes in Kursk\n\nUpdated 18:42 | Sky News",
     "Ukraine war latest: clashes in Kursk", None),
    # a headline set on two lines
    ("Doorstep statement\n\nby NATO Secretary General Mark Rutte ahead of the meeting of "
     "NATO Ministers of Foreign Affairs\n\n03 Dec. 2024",
     "Doorstep statement by NATO Secretary General Mark Rutte ahead of the meeting of NATO "
     "Ministers of Foreign Affairs", "2024-12-03"),
    # "by" and a job: a press conference's title, not a byline
    ("Press Conference by Foreign Minister IWAYA Takeshi\n\nFriday, November 8, 2024, 9:30 "
     "a.m. Ministry of Foreign Affairs", "Press Conference by Foreign Minister IWAYA Takeshi",
     "2024-11-08"),
    # a place with a numeric date and a links label under the headline: the date is the
    # page's, day first as the EEAS writes it
    ("Statement\n\nStatement by the Spokesperson on the deployment of DPRK troops to Russia\n\n"
     "Brussels, 05/11/2024\n\nRelated topics: Ukraine",
     "Statement by the Spokesperson on the deployment of DPRK troops to Russia", "2024-11-05"),
    # the headline holds the date; a time stamp under the speaker is never the title
    ("Transcript\n\nDepartment Press Briefing – November 4, 2024\n\nMatthew Miller, "
     "Department Spokesperson\n\nWashington, D.C.\n\n2:14 p.m. EST",
     "Department Press Briefing – November 4, 2024", "2024-11-04"),
])
def test_headlines_of_papers_statements_and_briefings(head: str, title: str,
                                                      date: str | None) -> None:
    meta = refine_article(f"{head}\n\n{BODY}", DocumentHints(), "a.txt").metadata
    assert (meta.title, meta.published) == (title, date)


@pytest.mark.parametrize(("line", "names"), [
    ("Victor Cha and Ellen Kim | November 2024", ["Victor Cha", "Ellen Kim"]),
    ("Nov 14, 2024 | Victor Cha", ["Victor Cha"]),
])
def test_writers_beside_the_date_are_the_authors(line: str, names: list[str]) -> None:
    text = f"The Russia-North Korea Alliance Has Teeth\n\n{line}\n\n{BODY}"
    assert refine_article(text, DocumentHints(), "a.txt").metadata.authors == names


def test_a_ministry_named_as_the_pages_creator_is_no_author() -> None:
    # government.nl: <meta name="DCTERMS.creator" content="Ministerie van Buitenlandse Zaken">
    names = ["Ministerie van Buitenlandse Zaken", "Ministry of Defence", "Anna de Vries"]
    assert hint_authors(names, "Government of the Netherlands") == ["Anna de Vries"]


def test_a_blog_names_itself_before_the_copyright_sign_in_its_footer() -> None:
    text = BODY_TEXT + "\n\nEastern Flank Notes © 2025 · Sign up · Powered by Ghost"
    meta = refine_article(text, DocumentHints(), "g.md").metadata
    assert meta.publisher == "Eastern Flank Notes"


def test_a_name_and_a_date_joined_by_a_dash_is_a_byline() -> None:
    # NK News clipped to Markdown: "**[Chad O'Carroll](…)** — *June 17, 2025, 7:58 p.m. KST*"
    text = ("North Korea to send thousands of builders to Russia\n\n"
            "Chad O'Carroll — June 17, 2025, 7:58 p.m. KST\n\n" + BODY_TEXT)
    meta = refine_article(text, DocumentHints(), "k.md").metadata
    assert meta.authors == ["Chad O'Carroll"]
