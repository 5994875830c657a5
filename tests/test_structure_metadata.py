"""Structure and metadata on layouts the rules were not written for (invented snippets).

Markdown parsed into blocks, footnote markers detached, headlines next to bylines and
date lines, author and job-title lines, datelines, site-name tails, and how each field
was found (provenance).
"""

from __future__ import annotations

import json

from briefing.cli import main
from briefing.core.ingest.bylines import is_job_title_line
from briefing.core.ingest.dates import date_line
from briefing.core.ingest.readers import read_document
from briefing.core.ingest.readers.markdown import read_markdown
from briefing.core.ingest.refine import refine_article
from briefing.core.ingest.types import DocumentHints

BODY = ("The ministry said on Tuesday that the convoy had crossed the border overnight and "
        "that more vehicles were expected to follow before the end of the week, according "
        "to officials who spoke to reporters in the capital.")


def refine(text: str, hints: DocumentHints | None = None, name: str = "a.txt"):
    return refine_article(text, hints or DocumentHints(), name)


def test_markdown_links_show_their_text_and_footnotes_become_notes() -> None:
    md = ("# Grain convoys resume across the river\n\n"
          "**Minister Anna Berg:** The [port authority](https://example.org/port) said "
          "twelve ships left.[^1]\n\n"
          "[^1]: Port authority bulletin, 3 May 2025.\n")
    extracted = read_markdown(md)
    assert extracted.hints.title == "Grain convoys resume across the river"
    texts = [b.text for b in extracted.blocks or []]
    assert "Minister Anna Berg: The port authority said twelve ships left." in texts
    assert texts[-1] == "Port authority bulletin, 3 May 2025."
    assert [b.kind for b in extracted.blocks or []][-1] == "footnote"
    assert "](" not in extracted.text and "[^1]" not in extracted.text


def test_markdown_front_matter_gives_title_date_and_author() -> None:
    md = ('---\nlayout: post\ntitle: "Why the bridge matters"\ndate: 2025-05-02 09:00:00 +0200\n'
          "author: Ola Nordmann\n---\n\n" + BODY + "\n")
    extracted = read_markdown(md)
    assert (extracted.hints.title, extracted.hints.published, extracted.hints.authors) == (
        "Why the bridge matters", "2025-05-02", ["Ola Nordmann"])
    assert "layout: post" not in extracted.text


def test_toml_front_matter_gives_title_date_and_authors_not_a_title_line() -> None:
    # Hugo's "+++" front matter: its 'title = "…"' line is no headline and no text
    md = ('+++\ntitle = "Why the bridge matters"\ndate = 2025-05-02T09:00:00+02:00\n'
          'authors = ["Ola Nordmann", "Kari Nordmann"]\ndraft = false\n+++\n\n' + BODY + "\n")
    extracted = read_markdown(md)
    assert (extracted.hints.title, extracted.hints.published, extracted.hints.authors) == (
        "Why the bridge matters", "2025-05-02", ["Ola Nordmann", "Kari Nordmann"])
    assert "title =" not in extracted.text and "+++" not in extracted.text
    assert extracted.text.strip() == BODY


def test_web_clipper_front_matter_gives_date_authors_and_the_source_site() -> None:
    # an Obsidian web clip: "published", an author list of wiki links, the "source" address
    md = ('---\ntitle: "Why the bridge matters"\nsource: "https://www.nknews.org/2025/05/x/"\n'
          'author:\n  - "[[Ola Nordmann]]"\n  - "[[Kari Nordmann]]"\npublished: 2025-05-02\n'
          'tags:\n  - "clippings"\n---\n\n' + BODY + "\n\nNK News has not been able to "
          "verify the figures the ministry gave.\n")
    extracted = read_markdown(md)
    assert (extracted.hints.published, extracted.hints.authors, extracted.hints.url) == (
        "2025-05-02", ["Ola Nordmann", "Kari Nordmann"], "https://www.nknews.org/2025/05/x/")
    refined = refine_article(extracted.text, extracted.hints, "clip.md", extracted.blocks)
    assert refined.metadata.publisher == "NK News"  # the source's host, a known site
    assert refined.text.endswith("NK News has not been able to verify the figures the "
                                 "ministry gave.")  # reporting, not the publisher's blurb


def test_footnote_markers_are_detached_and_the_notes_kept_without_numbers() -> None:
    text = (f"Grain exports\n\n{BODY[:-1]}.[3] Shipments rose sharply in April.²\n\n"
            f"{BODY}\n\nNotes\n\n[3] Ministry bulletin, 2 May 2025.\n\n"
            "² Port statistics, April 2025.\n\nShare this page")
    refined = refine(text)
    assert refined.metadata.kind == "analysis"  # a paper with its notes
    cleaned = refined.text
    assert "overnight" in cleaned and "[3]" not in cleaned.split("Notes")[0]
    assert "Shipments rose sharply in April." in cleaned and "April.²" not in cleaned
    assert "\n\nMinistry bulletin, 2 May 2025." in cleaned
    assert "\n\nPort statistics, April 2025." in cleaned
    assert "the area is 12 km² wide" in refine(f"{BODY}\n\nIn short, the area is 12 km² wide."
                                               ).text


def test_html_superscript_markers_go_but_numbers_in_text_stay() -> None:
    html = ("<html><head><title>A paper</title></head><body><article>"
            f"<p>{BODY[:-1]}.<sup><a href='#n1'>1</a></sup> It cost 5<sup>th</sup> place.</p>"
            f"<p>{BODY}</p></article></body></html>")
    text = read_document(html.encode(), "p.html").text
    assert "capital. It cost 5th place." in text


def test_dates_with_times_zones_and_day_first_dots() -> None:
    assert date_line("March 3, 2025, 6 AM ET") == ("2025-03-03", "plain")
    assert date_line("March\u00a03,\u00a02025 10:15 a.m. EST") == ("2025-03-03", "plain")
    assert date_line("04.03.2025 18:47") == ("2025-03-04", "plain")
    assert date_line("Top Stories 09:12 May 2, 2025") == ("2025-05-02", "plain")
    assert date_line("Police said 300 people met on May 2, 2025 in the square") is None


def test_a_place_and_date_line_gives_the_date_of_a_press_conference() -> None:
    # where a press conference or doorstep was held, set off from its date by commas
    assert date_line("Kyiv, Ukraine, March 3, 2025") == ("2025-03-03", "plain")
    assert date_line("Harbour House, Tarvas, 3 March 2025") == ("2025-03-03", "plain")
    assert date_line("Monday, March 3, 2025, 10:20 a.m. Press Room, Ministry of Foreign "
                     "Affairs") == ("2025-03-03", "plain")
    assert date_line("Joint Press Conference, Tarvas, 3 March 2025") is None  # a headline
    assert date_line("Ministers met in Tarvas, 3 March 2025") is None
    page = ("Press Conference by Foreign Minister Anna Berg\n"
            "Monday, March 3, 2025, 10:20 a.m. Press Room, Ministry of Foreign Affairs\n"
            "Opening Remarks\n\n" + BODY + "\n\n" + BODY)
    assert refine(page).metadata.published == "2025-03-03"


def test_headline_above_a_byline_with_navigation_and_banners_around_it() -> None:
    page = ("Skip to content\nAn official website of the Republic of Nowhere\n"
            "World News & Politics\nNews\nSport\nWeather\n"
            "Bridge talks stall as both sides dig in\n"
            "By Mara Quint and Olek Fenn\nMay 2, 2025, 6 AM ET\n\n" + BODY + "\n\n" + BODY)
    meta = refine(page).metadata
    assert meta.title == "Bridge talks stall as both sides dig in"
    assert meta.authors == ["Mara Quint", "Olek Fenn"]
    assert meta.published == "2025-05-02"
    assert meta.provenance["title"] == "explicit"
    assert meta.provenance["authors"] == "explicit"
    assert not meta.title_inferred


def test_author_line_without_by_and_a_job_title_line_that_is_not_the_title() -> None:
    page = ("Analysis\nThe long road to the river crossing\n"
            "A standfirst that sets out the argument of the piece in one sentence.\n"
            "Dr Petra Lind, Senior Research Fellow, Europe Programme\n"
            "Published 12 March 2025\n\n" + BODY + "\n\n" + BODY)
    meta = refine(page).metadata
    assert meta.title == "The long road to the river crossing"
    assert meta.authors == ["Petra Lind"]
    assert meta.provenance["authors"] == "inferred"
    assert is_job_title_line("Principal Deputy Trade Adviser Jonas Falk")
    assert is_job_title_line("Col. Ana Ruiz, Ministry Spokesperson")
    assert not is_job_title_line("Trade Adviser Resigns After Bridge Deal Collapses")


def test_dateline_names_the_agency_and_marks_a_news_story() -> None:
    page = ("Convoys cross the river for the first time in a year\n"
            "11.04.2025 18:47\n\n"
            f"OSLO, Apr. 11 (Nordpress) -- {BODY}\n\n{BODY}")
    meta = refine(page).metadata
    assert meta.publisher == "Nordpress"
    assert meta.provenance["publisher"] == "explicit"
    assert meta.published == "2025-04-11"
    assert meta.title == "Convoys cross the river for the first time in a year"
    assert meta.kind == "news"
    slashes = refine(f"Talks end\n\nBERGEN, May 2 /Nordpress/ - {BODY}\n\n{BODY}").metadata
    assert slashes.publisher == "Nordpress"


def test_site_name_suffixes_are_cut_and_name_the_publisher() -> None:
    hints = DocumentHints(title="Regular Press Conference on May 2, 2025_Ministry of Foreign "
                                "Affairs of the People's Republic of China")
    meta = refine(BODY + "\n\n" + BODY, hints, "a.html").metadata
    assert meta.title == "Regular Press Conference on May 2, 2025"
    assert meta.publisher == "Ministry of Foreign Affairs of the People's Republic of China"
    assert meta.provenance["publisher"] == "structured"


def test_a_transcript_is_a_transcript() -> None:
    turns = "\n\n".join(["MS. LUND: Good afternoon. I have two items to share today.",
                         "Q: Thank you. Can you say how many convoys crossed?",
                         f"MS. LUND: {BODY}", "Q: And the next one?",
                         "MS. LUND: We will have more to say on that next week."])
    meta = refine("Press Secretary Holds a Briefing\nMay 2, 2025\n\n" + turns).metadata
    assert meta.kind == "transcript"
    assert meta.title == "Press Secretary Holds a Briefing"


def test_show_json_carries_provenance(capsys, workspace_dir, tmp_path) -> None:
    page = tmp_path / "bridge.txt"
    page.write_text("Bridge talks stall as both sides dig in\nBy Mara Quint\nMay 2, 2025\n\n"
                    + BODY + "\n\n" + BODY, encoding="utf-8")
    assert main(["--workspace", str(workspace_dir), "import", str(page)]) == 0
    capsys.readouterr()
    assert main(["--workspace", str(workspace_dir), "show", "1", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown["provenance"]["title"] == "explicit"
    assert shown["provenance"]["authors"] == "explicit"
    assert shown["title_inferred"] is False


def test_yearless_stamp_above_the_headline_and_a_slash_dateline() -> None:
    page = ("Nordpress\nPolitics\nWorld\nMilitary & Defense\nMay 2, 14:35 UTC+3\n"
            "Ferry talks to resume next week — minister\n"
            "The transport minister said both sides had agreed on a timetable\n"
            "Read in full version\n"
            f"OSLO, May 2. /Nordpress/. {BODY}\n\n{BODY}")
    meta = refine(page + "\n\n© 1999-2025 Nordpress. All rights reserved.").metadata
    assert meta.title == "Ferry talks to resume next week — minister"
    assert meta.publisher == "Nordpress"
    # the wire dateline "OSLO, May 2." states the day (month first, as "МОСКВА, 6 ноября."
    # does day first), the page's other dates the year
    assert (meta.published, meta.provenance["published"]) == ("2025-05-02", "explicit")
    assert "Read in full version" not in refine(page).text


def test_a_label_line_makes_the_next_line_a_value_not_a_headline() -> None:
    page = ("Press release\nFerry operators fined over safety failures\n"
            "The regulator has fined three ferry operators.\n"
            "From:\nMaritime Safety Office and The Rt Hon Jan Berg MP\n"
            f"Published\n12 March 2025\n\n{BODY}\n\n{BODY}")
    assert refine(page).metadata.title == "Ferry operators fined over safety failures"


def test_a_briefing_title_with_its_date_and_the_briefer_under_it() -> None:
    page = ("Office of the Spokesperson\nDepartment Press Briefing – May 2, 2025\n"
            "Ann Olsen, Department Spokesperson\nOslo\nMay 2, 2025\n\n"
            "MS. OLSEN: Good afternoon. I have one item at the top today.\n\n"
            "QUESTION: Can you say how many ferries crossed?\n\n"
            f"MS. OLSEN: {BODY}\n\nQUESTION: And tomorrow?\n\n"
            "MS. OLSEN: We will see tomorrow, thank you.")
    meta = refine(page).metadata
    assert meta.title == "Department Press Briefing – May 2, 2025"
    assert meta.kind == "transcript"
    assert meta.authors == []  # the briefer speaks; nobody wrote it


def test_series_byline_and_author_bios_are_furniture() -> None:
    page = ("Analysis\nWhy the ferry deal matters for the north\n"
            "Critical Notes by Kari Holm and Lars Vik\nPublished May 2, 2025\n\n"
            f"{BODY}\n\n{BODY}\n\n"
            "Kari Holm is a senior fellow at the Harbour Institute.\n\n"
            "Lars Vik is a research associate at the Harbour Institute.")
    refined = refine(page)
    assert refined.metadata.authors == ["Kari Holm", "Lars Vik"]
    assert refined.metadata.title == "Why the ferry deal matters for the north"
    assert "senior fellow" not in refined.text
    assert refined.text.endswith("capital.")


def test_delivery_note_stays_and_photo_caption_with_credit_goes() -> None:
    page = ("Doorstep statement by the Minister\n3 May 2025\n(As delivered)\n\n"
            "Fishermen wait at the harbour in Tromsø on May 1, 2025. Ola Dahl/AFP via Getty "
            "Images\n\n" + BODY + "\n\n" + BODY)
    text = refine(page).text
    assert text.startswith("(As delivered)")
    assert "Getty" not in text


def test_authors_with_their_jobs_on_the_next_line_and_under_the_date() -> None:
    above = ("Research paper\nThe ferry question in the northern sea\n"
             "Kari Holm\nSenior Fellow, Maritime Programme\nLars Vik\nResearch Associate\n"
             f"12 March 2025\n\n{BODY}\n\n{BODY}")
    assert refine(above).metadata.authors == ["Kari Holm", "Lars Vik"]
    below = ("The ferry question in the northern sea\n12 March 2025\n"
             f"Kari Holm, Senior Fellow, Maritime Programme\n\n{BODY}\n\n{BODY}")
    assert refine(below).metadata.authors == ["Kari Holm"]


def test_an_institution_atop_its_own_page_is_the_publisher() -> None:
    page = ("Maritime Safety Office of Ruritania\nHome\nNews\nStatements\n"
            f"Statement on ferry safety inspections\n3 May 2025\n\n{BODY}\n\n{BODY}")
    meta = refine(page).metadata
    assert meta.publisher == "Maritime Safety Office of Ruritania"
    assert meta.provenance["publisher"] == "inferred"
    assert meta.kind == "statement"


def test_byline_names_without_places_outlets_or_editors() -> None:
    page = ("Ferry talks stall again\nBy MARA QUINT Associated Press and Olek Fenn in Bergen; "
            f"Editing by Ed Stone\nMay 2, 2025\n\n{BODY}\n\n{BODY}")
    assert refine(page).metadata.authors == ["Mara Quint", "Olek Fenn"]


def test_the_h1_wins_over_a_title_that_wraps_it_in_site_and_section() -> None:
    html = ("<html><head><title>Ruritania MFA | Statements | Ferry safety: statement by the "
            "spokesperson</title></head><body><h1>Ruritania</h1><main>"
            "<h1>Ferry safety: statement by the spokesperson</h1>"
            f"<p>{BODY}</p><p>{BODY}</p></main></body></html>")
    extracted = read_document(html.encode(), "s.html")
    assert extracted.hints.title == "Ferry safety: statement by the spokesperson"


def test_a_short_closing_turn_of_a_transcript_is_kept() -> None:
    turns = "\n\n".join([f"MS. LUND: {BODY}", "Q: Can you say how many convoys crossed?",
                         "MS. LUND: Twelve convoys crossed, and two more are waiting.",
                         "Q: One more", "MS. LUND: Go ahead"])
    refined = refine("Press Secretary Holds a Briefing\nMay 2, 2025\n\n" + turns)
    assert refined.metadata.kind == "transcript"
    assert refined.text.endswith("Q: One more\n\nMS. LUND: Go ahead")


def test_html_endnotes_are_note_blocks_and_stay_after_the_share_line() -> None:
    html = ("<html><head><title>A paper on ferries</title></head><body><main>"
            f"<h1>A paper on ferries</h1><p>{BODY[:-1]}.<a href='#fn1' id='r1'>[1]</a></p>"
            f"<p>{BODY}</p><p>Share this page</p><ol class='notes'>"
            "<li id='fn1'>Harbour Office, annual ferry report, 2024.</li></ol>"
            "</main></body></html>")
    extracted = read_document(html.encode(), "n.html")
    blocks = extracted.blocks or []
    assert [b.text for b in blocks if b.kind == "footnote"] == [
        "Harbour Office, annual ferry report, 2024."]
    assert ("heading", "A paper on ferries") in [(b.kind, b.text) for b in blocks]
    refined = refine_article(extracted.text, extracted.hints, "n.html", extracted.blocks,
                             extracted.page_text)
    assert refined.text.endswith("Harbour Office, annual ferry report, 2024.")
    assert "[1]" not in refined.text


def test_a_labelled_from_line_names_the_issuing_office() -> None:
    page = ("Press release\nFerry operators fined over safety failures\n"
            "From:\nMaritime Safety Directorate and The Rt Hon Jan Berg MP\n"
            f"Published\n12 March 2025\n\n{BODY}\n\n{BODY}")
    meta = refine(page).metadata
    assert (meta.publisher, meta.provenance["publisher"]) == (
        "Maritime Safety Directorate", "explicit")


def test_a_title_with_an_unknown_site_tail_gives_way_to_the_page_headline() -> None:
    html = ("<html><head><title>Ferry deal agreed after long talks - Harbour Gazette Online"
            "</title></head><body><div class='headline'>Ferry deal agreed after long talks</div>"
            f"<div class='date'>May 2, 2025</div><article><p>{BODY}</p><p>{BODY[:-1]} again."
            "</p></article></body></html>")
    extracted = read_document(html.encode(), "g.html")
    refined = refine_article(extracted.text, extracted.hints, "g.html", extracted.blocks,
                             extracted.page_text)
    assert refined.metadata.title == "Ferry deal agreed after long talks"
    assert refined.metadata.published == "2025-05-02"


def _imported(name: str, data: str):
    extracted = read_document(data.encode("utf-8"), name)
    return refine_article(extracted.text, extracted.hints, name, extracted.blocks,
                          extracted.page_text).metadata


def test_a_site_name_before_the_headline_in_the_page_title_is_the_publisher() -> None:
    page = ("<html><head><title>Ministry of Coastal Affairs of Ruritania : Press Conference by"
            " the Press Secretary</title></head><body><h1>Press Conference by the Press "
            f"Secretary</h1><p>{BODY}</p><p>{BODY}</p></body></html>")
    meta = _imported("p.html", page)
    assert meta.title == "Press Conference by the Press Secretary"
    assert meta.publisher == "Ministry of Coastal Affairs of Ruritania"


def test_a_row_of_language_links_is_not_the_sites_name() -> None:
    md = ("**Ministry of Coastal Affairs of Ruritania**\n\n"
          "[Deutsch](https://www.mca.example/de/) | [Français](https://www.mca.example/fr/)"
          " | [Español](https://www.mca.example/es/)\n\n"
          "# Spokesperson's Regular Press Conference on 3 March 2025\n\n"
          f"{BODY}\n\n{BODY}\n")
    assert read_markdown(md).hints.publisher is None
    meta = _imported("p.md", md)
    assert meta.publisher == "Ministry of Coastal Affairs of Ruritania"


def test_originally_published_in_a_language_does_not_name_the_publisher() -> None:
    page = ('<html><head><title>Inside the front line - THE WEEKLY</title>'
            '<meta property="og:site_name" content="THE WEEKLY"></head><body><main>'
            f'<h1>Inside the front line</h1><p>{BODY}</p><p>{BODY}</p><p>{BODY}</p>'
            '<p><em>This article was originally published in Polish.</em></p></main></body>'
            '</html>')
    assert _imported("p.html", page).publisher == "THE WEEKLY"


def test_an_accessibility_switch_is_never_the_title() -> None:
    page = ("Ministry of Coastal Affairs of Ruritania\nSearch\nHome\nPress office\n"
            "Site for the visually impaired\n\n"
            "Briefing by the Ministry's spokeswoman, Port Vell, 20 March 2025\n\n"
            f"20 March 2025 17:05\n\n{BODY}\n\n{BODY}")
    meta = refine(page)
    assert meta.metadata.title.startswith("Briefing by the Ministry's spokeswoman")
    assert "visually impaired" not in meta.text


def test_a_published_and_an_updated_stamp_on_one_line_give_the_published_date() -> None:
    assert date_line("Published Mar. 3, 2025 at 9:10 a.m. CET | Updated Mar. 4, 2025 at "
                     "1:05 p.m. CET") == ("2025-03-03", "published")
    assert date_line("The talks ran from 3 March 2025 to 5 March 2025 in Geneva") is None


def test_author_lines_without_by_that_list_several_names() -> None:
    for line, names in (("Anna Berg, Tomas K. Lind", ["Anna Berg", "Tomas K. Lind"]),
                        ("Anna Berg and Tomas Lind, Reuters", ["Anna Berg", "Tomas Lind"])):
        page = (f"Ferry operators fined over safety failures\n{line}\n12 March 2025\n\n"
                f"{BODY}\n\n{BODY}")
        assert refine(page).metadata.authors == names


def test_a_byline_naming_the_agency_and_role_before_the_writer() -> None:
    page = (f"Ferry operators fined over safety failures\nby Xinhua writer Li Wenhua\n"
            f"12 March 2025\n\n{BODY}\n\n{BODY}")
    assert refine(page).metadata.authors == ["Li Wenhua"]


def test_citation_author_tags_name_a_papers_authors() -> None:
    page = ('<html><head><title>Ferry safety after the war</title>'
            '<meta name="citation_author" content="Berg, Anna">'
            '<meta name="citation_author" content="Lind, Tomas"></head><body><main>'
            f'<h1>Ferry safety after the war</h1><p>{BODY}</p><p>{BODY}</p><p>{BODY}</p>'
            '</main></body></html>')
    assert _imported("p.html", page).authors == ["Anna Berg", "Tomas Lind"]


def test_neither_a_bare_dateline_nor_a_labelled_field_is_the_headline() -> None:
    page = ("Source: Korean Central News Agency (KCNA)\nArticle Type: Statement\n\n"
            "Statement of the Spokesman for the Coastal Ministry\n"
            "Port Vell, March 2 (KCNA) --\nDate: 2025-03-02 06:12 KST\n\n"
            f"{BODY}\n\n{BODY}")
    meta = refine(page).metadata
    assert meta.title == "Statement of the Spokesman for the Coastal Ministry"
    assert meta.publisher == "KCNA"  # the known agency, named with its abbreviation


def test_a_welcome_banner_names_the_site() -> None:
    page = ("Skip to main content\nWelcome to the United Nations\nEnglish\nFrançais\n\n"
            "Daily Press Briefing by the Office of the Spokesperson\n6 November 2024\n\n"
            f"{BODY}\n\n{BODY}")
    assert refine(page).metadata.publisher == "United Nations"


def test_a_more_from_the_series_line_ends_the_article() -> None:
    page = (f"Ferry safety after the war\n12 March 2025\n\n{BODY}\n\n{BODY}\n\n"
            "More work from Harbour Notes\n\nWhy ferries sink\n\nSign up\n")
    text = refine(page).text
    assert "Harbour Notes" not in text and "Why ferries sink" not in text


def test_consecutive_markdown_lines_stay_lines_and_hard_wrapped_prose_is_rejoined() -> None:
    wrapped = BODY.replace(" that the convoy", "\nthat the convoy").replace(" before the",
                                                                           "\nbefore the")
    md = ("[Harbour Times](https://www.harbour.example/)\nWorld\nPorts\nSign In\n"
          "# Ferry operators fined over safety failures\n"
          "By [Anna Berg](https://www.harbour.example/authors/anna-berg)\n"
          "Published Mar 3, 2025 at 9:10 AM EST\nShare\nCopy link\n\n"
          f"{wrapped}\n\n{BODY}\n")
    extracted = read_markdown(md)
    meta = _imported("p.md", md)
    assert (meta.authors, meta.published) == (["Anna Berg"], "2025-03-03")
    refined = refine_article(extracted.text, extracted.hints, "p.md", extracted.blocks)
    assert BODY in refined.text.split("\n\n")  # the wrapped paragraph reads as one
    assert "Copy link" not in refined.text


def test_an_emailed_newsletter_names_its_sender_and_its_subject_is_the_title() -> None:
    page = ("View in browser\nHarbour Notes <notes@harbournotes.example>\nTo: subscriber\n"
            "Unsubscribe | Manage preferences\nHARBOUR NOTES — No. 88\nThursday 19/12/2024\n"
            "Ferries, fines and a quiet word from the port\nWritten by Anna Berg, Tallinn\n\n"
            f"{BODY}\n\n{BODY}")
    meta = refine(page).metadata
    assert meta.title == "Ferries, fines and a quiet word from the port"
    assert (meta.publisher, meta.published) == ("Harbour Notes", "2024-12-19")


def test_a_markdown_logo_link_names_the_site_and_the_writers_copyright_does_not() -> None:
    md = ("[![Harbour Notes](https://cdn.example/logo.png)](https://harbournotes.example/)\n"
          "Subscribe\nSign in\n"
          "# Ferries, fines and a quiet word from the port\n"
          "[Anna Berg](https://example.org/@anna) and [Bo Lind](https://example.org/@bo)\n"
          f"Apr 03, 2025\n\n{BODY}\n\n{BODY}\n\n© 2025 Anna Berg & Bo Lind\n")
    assert read_markdown(md).hints.publisher == "Harbour Notes"
    assert _imported("p.md", md).publisher == "Harbour Notes"


def test_a_site_named_by_its_address_is_the_publisher_behind_it() -> None:
    md = ("[English.news.cn](https://english.news.cn)\n[China](https://english.news.cn/china)\n"
          f"# Envoy speaks at the council\n\nMarch 3, 2025\n\n{BODY}\n\n{BODY}\n")
    assert _imported("p.md", md).publisher == "Xinhua"


def test_a_cookie_notice_naming_the_site_is_never_the_title() -> None:
    page = ("Harbour TV uses cookies. Read our Privacy Notice. OK\n\n"
            "Joint stakeout by the ambassadors following the council meeting\n"
            f"27 November 2024\n\n{BODY}\n\n{BODY}")
    meta = refine(page).metadata
    assert meta.title == "Joint stakeout by the ambassadors following the council meeting"


def test_the_logo_of_a_page_without_site_metadata_names_the_publisher() -> None:
    page = ("<html><head><title>Envoy speaks at the council</title></head><body>"
            "<header><img src='/img/site-logo.png' alt='Harbour Policy Forum logo'></header>"
            f"<h1>Envoy speaks at the council</h1><p>March 3, 2025</p><p>{BODY}</p>"
            f"<p>{BODY}</p><footer><img class='licence-logo' alt='Open Licence'></footer>"
            "</body></html>")
    assert read_document(page.encode(), "p.html").hints.publisher == "Harbour Policy Forum"
    assert _imported("p.html", page).publisher == "Harbour Policy Forum"
    # a licence's logo in the footer is not the site's
    footer_only = page.replace("site-logo", "banner").replace(" logo'", "'")
    assert read_document(footer_only.encode(), "q.html").hints.publisher != "Open Licence"


def test_a_from_line_the_extractor_left_out_beats_the_portals_site_name() -> None:
    head = ("GOV.UK\n\nPress release\n\nJoint statement on the ferry dispute\n\n"
            "From:\n\nDepartment for Harbours and The Rt Hon Ann Smith MP\n\n"
            "Published\n\n26 November 2024\n\n")
    hints = DocumentHints(title="Joint statement on the ferry dispute", publisher="GOV.UK",
                          published="2024-11-26")
    text = f"{BODY}\n\n{BODY}"
    meta = refine_article(text, hints, "p.html", None, head + text).metadata
    assert meta.publisher == "Department for Harbours"
    assert meta.provenance["publisher"] == "explicit"
    # without the line, the site's name stands
    assert refine_article(text, hints, "p.html", None, text).metadata.publisher == "GOV.UK"


def test_a_byline_after_the_date_and_a_second_writer_under_the_firsts_job() -> None:
    segmented = ("Ferries resume after the strike ends in the harbour\n"
                 "November 14, 2024 | By Rachel Kim and Thomas Berg, Korea Program\n\n"
                 f"{BODY}\n\n{BODY}")
    meta = refine(segmented).metadata
    assert meta.authors == ["Rachel Kim", "Thomas Berg"]
    assert meta.published == "2024-11-14"
    stacked = ("Ferries resume after the strike ends in the harbour\n"
               "By Ellie Cook\nSecurity & Defense Reporter\nand Brendan Cole\n"
               "Senior News Reporter\nPublished Nov 14, 2024 at 3:12 PM EST\n\n"
               f"{BODY}\n\n{BODY}")
    assert refine(stacked).metadata.authors == ["Ellie Cook", "Brendan Cole"]


def test_a_skip_link_above_the_masthead_is_not_the_sites_name() -> None:
    md = ("[Skip to content](#content)\n[Harbour.net](https://www.harbour.net)\n"
          "[News Focus](https://www.harbour.net/NewsFocus)\n\n"
          f"# Envoy speaks at the council\n\nMarch 3, 2025\n\n{BODY}\n\n{BODY}\n")
    assert read_markdown(md).hints.publisher == "Harbour.net"


def test_a_markdown_table_row_is_one_block_kept_in_the_body() -> None:
    # a data note's table: each row one line, its cells as the page shows them, dates and
    # all (a row starting with a date is not the page's date line); a one-row table is
    # layout, its cells lines of their own
    md = ("# Counting the convoys\n\n" + BODY + "\n\n"
          "| Date | Source | Trucks | Lost |\n|---|---|---|---|\n"
          "| 2025-03-02 | Port authority | about 1,200 | – |\n"
          "| 2025-04-11 | **Border guard** | 1,450 | at least 30 |\n\n" + BODY + "\n")
    extracted = read_markdown(md)
    rows = [b.text for b in extracted.blocks or [] if b.kind == "table"]
    assert rows == ["Date | Source | Trucks | Lost",
                    "2025-03-02 | Port authority | about 1,200 | –",
                    "2025-04-11 | Border guard | 1,450 | at least 30"]
    refined = refine_article(extracted.text, extracted.hints, "note.md", extracted.blocks)
    assert "\n\n2025-03-02 | Port authority | about 1,200 | –\n\n" in refined.text
    layout = read_markdown("| Date | 2024-10-28 | Views | 1,204 |\n|---|---|---|---|\n\n" + BODY)
    assert [b.text for b in layout.blocks or []][:2] == ["Date", "2024-10-28"]

