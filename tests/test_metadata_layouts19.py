"""Metadata and cleaning on layouts no dev page has (issue 9 item 6), found by probing:
a "Most read" ranking above the headline, a date beside its place or issuer, a foreign
ministry's long transcript title, a ministry known by its bare name, a live page's post
headings under their time stamps, a blog's "Posted on … by …" stamp and neighbour links, a
provisional translation's note (invented snippets)."""

from __future__ import annotations

from briefing.core.ingest.dates import date_line
from briefing.core.ingest.pipeline import read_article
from briefing.core.ingest.refine import refine_article
from briefing.core.ingest.types import DocumentHints

BODY = ("The ministry said on Tuesday that the convoy had crossed the border overnight and "
        "that more vehicles were expected to follow before the end of the week, according "
        "to officials who spoke to reporters in the capital.")


def refine(text: str, hints: DocumentHints | None = None, name: str = "a.txt"):
    return refine_article(text, hints or DocumentHints(), name)


def test_a_numbered_most_read_item_above_the_headline_is_not_the_title() -> None:
    page = ("The Harbour Courier\nMost Read\n1. Ferry strike enters its second week\n"
            "2. Port fees to rise in spring\n3. Council approves new bridge budget\n"
            "Workshops on the river race to keep up with demand for patrol boats\n"
            "By Mara Quint\nMay 2, 2025\n\n" + BODY + "\n\n" + BODY)
    meta = refine(page).metadata
    assert meta.title == "Workshops on the river race to keep up with demand for patrol boats"
    assert meta.authors == ["Mara Quint"]


def test_a_date_beside_its_place_or_its_issuer_is_a_date_line() -> None:
    assert date_line("March 3, 2025 - Tarvas, Ruritania - National Defence") == (
        "2025-03-03", "plain")
    assert date_line("March 3, 2025 · Ministry of Foreign Affairs, Government of Ruritania") == (
        "2025-03-03", "plain")
    assert date_line("Remarks With the Foreign Minister Of Ruritania – March 3, 2025") is None


def test_a_long_transcript_title_over_its_first_turn_is_the_title() -> None:
    title = ("Press Conference by H.E. Mr. Olek Fenn, Minister of Foreign Affairs of the "
             "Republic of Ruritania, with the Foreign Minister of Nowhere, 3 March 2025, Tarvas")
    page = ("Ministry of Foreign Affairs of the Republic of Ruritania\nPress Releases\n"
            f"{title}\nMinister Fenn: {BODY}\nQ: Minister, when will the convoys resume?\n"
            f"Minister Fenn: {BODY}")
    meta = refine(page, name="presser.txt").metadata
    assert meta.title == title  # not the ministry's name atop the page
    assert meta.published == "2025-03-03"
    assert meta.publisher == "Ministry of Foreign Affairs of the Republic of Ruritania"


def test_a_ministry_known_by_its_bare_name_keeps_it_whatever_the_page_adds() -> None:
    # India's foreign ministry: "…, Government of India" on its pages, the bare name in the
    # library (resources/cleaning/publishers.toml)
    page = ("*January 10, 2025 · Ministry of External Affairs, Government of India*\n\n"
            "Transcript of Weekly Media Briefing by the Official Spokesperson\n\n"
            f"Official Spokesperson: {BODY}\n\nQ: When will the convoys resume?\n\n"
            f"Official Spokesperson: {BODY}")
    meta = read_article(page.encode(), "briefing.md")[1].metadata
    assert (meta.publisher, meta.published) == ("Ministry of External Affairs", "2025-01-10")


def test_a_live_page_keeps_its_first_post_heading_quoted_or_short() -> None:
    page = ("The Harbour Courier\nBridge talks live: convoys wait at the river\n"
            "By Mara Quint\nUpdated 12:41 GMT, 2 May 2025\n12:41 GMT\n"
            'Berg: "We need more ferries"\n' + BODY + "\n11:58 GMT\nPort closes early\n"
            "The port authority closed the northern quay two hours early on Friday because of "
            "high winds, leaving several lorries waiting on the approach road.\n10:05 GMT\n"
            "Convoy turned back\nA convoy of twelve lorries was turned back at the checkpoint "
            "after its papers were found incomplete, a customs official said.\nShare")
    refined = refine(page)
    assert 'Berg: "We need more ferries"\n' in refined.text
    assert "Port closes early" in refined.text and "Convoy turned back" in refined.text
    assert "Share" not in refined.text.split("\n")


def test_a_blog_post_stamp_with_its_writer_and_its_neighbour_links() -> None:
    # "Posted on … by …" names the writer; "← Previous: … | Next: … →" and a tip jar go
    page = ("# Why the bridge matters\n\n*Posted on 2 May 2025 by Ola Nordmann · 6 min read*\n\n"
            + BODY + "\n\nThe ferry operators said they would add two crossings a day from "
            "June, which would halve the waiting time at the quay.\n\n"
            "← [Previous: Port fees in April](/posts/fees/) | [Next: The new quay](/posts/quay/) →"
            "\n\n*Support this blog on [Ko-fi](https://ko-fi.com/x).*\n")
    refined = read_article(page.encode(), "post.md")[1]
    assert (refined.metadata.authors, refined.metadata.published) == (
        ["Ola Nordmann"], "2025-05-02")
    assert "Previous" not in refined.text and "Ko-fi" not in refined.text
    assert refined.text.rstrip().endswith("halve the waiting time at the quay.")


def test_a_provisional_translation_note_goes_and_a_briefing_section_heading_stays() -> None:
    page = ("Ministry of Defence of Ruritania\nPress Conference by the Minister of Defence\n"
            "3 March 2025\n*This English translation is provisional. The original text is in "
            "Ruritanian.\nAnnouncements\nMinister Fenn: " + BODY + "\nQ: When will the convoys "
            "resume?\nMinister Fenn: The ferry operators said they would add two crossings a "
            "day from June, which would halve the waiting time at the quay.")
    text = refine(page, name="presser.txt").text
    assert "provisional" not in text
    assert text.startswith("Announcements\n")


def test_a_paper_with_writers_and_their_jobs_and_the_institute_blurb() -> None:
    page = ("Harbour Institute of International Affairs\nHIIA Briefing Paper 12\n"
            "Bridges and ferries: The river economy in wartime\n"
            "Mara Quint, Senior Research Fellow; Olek Fenn, Research Fellow\nMarch 2025\n\n"
            + BODY + "\n\n"
            "The ferry operators said they would add two crossings a day from June, which "
            "would halve the waiting time at the quay.\n\nThe Harbour Institute of "
            "International Affairs is an independent research institute that produces "
            "research to support political decision-making.\n\nHIIA Briefing Paper is "
            "published electronically by the Harbour Institute. The responsibility for facts "
            "and opinions in this publication rests exclusively with the authors.")
    refined = refine(page, name="paper.txt")
    assert refined.metadata.title == "Bridges and ferries: The river economy in wartime"
    assert refined.metadata.authors == ["Mara Quint", "Olek Fenn"]
    assert refined.text.rstrip().endswith("halve the waiting time at the quay.")


def test_an_extractors_author_guess_loses_the_pages_label() -> None:
    page = ("<html><head><title>Bridges and ferries in wartime</title></head><body>"
            "<nav><a href='/'>Home</a> <a href='/research'>Research</a></nav>"
            "<h1>Bridges and ferries in wartime</h1><p class='authors'>Authors: Mara Quint "
            f"and Olek Fenn</p><p>Published: 3 March 2025</p><p>{BODY}</p><p>The ferry "
            "operators said they would add two crossings a day from June, which would halve "
            "the waiting time at the quay.</p></body></html>")
    meta = read_article(page.encode(), "paper.html")[1].metadata
    assert meta.authors == ["Mara Quint", "Olek Fenn"]


def test_an_office_named_after_its_body_is_no_writer() -> None:
    page = ("# Secretary-General's remarks to the press on the river crossings\n\n"
            "**United Nations Secretary-General** · Tarvas, 3 March 2025\n\n" + BODY + "\n\n"
            "The ferry operators said they would add two crossings a day from June, which "
            "would halve the waiting time at the quay.\n")
    meta = read_article(page.encode(), "remarks.md")[1].metadata
    assert meta.authors == [] and meta.published == "2025-03-03"


def test_a_utc_timestamp_a_day_off_gives_way_to_the_pages_own_date() -> None:
    def page(shown: str) -> bytes:
        return ("<html><head><title>Convoys cross the river at dawn</title><script "
                "type='application/ld+json'>{\"@type\": \"NewsArticle\", \"datePublished\": "
                "\"2025-03-02T23:41:12Z\"}</script></head><body><h1>Convoys cross the river "
                f"at dawn</h1><p>{shown}</p><p>{BODY}</p><p>The ferry operators said they "
                "would add two crossings a day from June, which would halve the waiting time "
                "at the quay.</p></body></html>").encode()
    # the page dates the story where it happened: March 3 at 8:41 in the morning there
    assert read_article(page("March 3, 2025, 8:41 AM GMT+9"), "a.html")[1].metadata.published \
        == "2025-03-03"
    # an update line is not the publication's date; a stamp without a zone is kept as stated
    assert read_article(page("Updated 3:12 AM GMT+1, March 4, 2025"), "a.html")[
        1].metadata.published == "2025-03-02"


def test_relative_stamps_are_no_headline_and_yesterday_dates_the_page() -> None:
    page = ("The Harbour Courier\nConvoys cross the river at dawn\nBy Mara Quint\n"
            "Published 3 hours ago\n\n" + BODY)
    assert refine(page).metadata.title == "Convoys cross the river at dawn"
    page = ("The Harbour Courier\nConvoys cross the river at dawn\nYesterday, 18:40\n\n" + BODY
            + "\n\nRelated\n\nPort fees to rise in spring 21.02.2025")
    meta = refine(page).metadata
    assert (meta.title, meta.published) == ("Convoys cross the river at dawn", "2025-02-20")


def test_a_headline_under_its_date_below_the_masthead_with_two_writers_under_it() -> None:
    for top in ("The Harbour Courier\n", "Top News\nUpdated 2 hours ago\n"):
        page = (f"{top}Thu, 19 Dec 2024, 14:05 CET\nConvoys cross the river at dawn\n"
                "Mara Quint and Olek Fenn, Reuters\n\n" + BODY)
        meta = refine(page).metadata
        assert (meta.title, meta.authors) == ("Convoys cross the river at dawn",
                                              ["Mara Quint", "Olek Fenn"])


def test_a_trackers_notice_box_sponsor_lines_and_team_author_go() -> None:
    page = ('---\ntitle: "Weekly river tracker: week 12"\ndate: 2025-01-20\n'
            'author: "Tracker team"\n---\n\n{{% notice note %}}\nThis page is updated every '
            "Monday.\n{{% /notice %}}\n\nSponsored by the Open Data Fund\n\n" + BODY + "\n\n"
            "The ferry operators said they would add two crossings a day from June, which "
            "would halve the waiting time at the quay.\n\n*Sponsor: Open Data Fund — "
            "supporting open-source research since 2019.*\n")
    refined = read_article(page.encode(), "tracker.md")[1]
    assert refined.metadata.authors == []
    assert refined.text.startswith(BODY)
    assert refined.text.rstrip().endswith("halve the waiting time at the quay.")
