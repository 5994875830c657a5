"""Authors, boxes and furniture on layouts first seen in the `_14` dev pages (issue 9,
item 6): an author's note above or under the article ("Jane Roe is a senior fellow at
…") names the writers and is not article text; a box of key findings or figures the
extractor drops as a sidebar is put back where the page has it.

Each test is one invented page read through the real reader and cleaner
(pipeline.read_article).
"""

from __future__ import annotations

import pytest

from briefing.core.ingest.pipeline import read_article

TITLE = "Why the harbour talks stalled again this winter"
BODY = [
    "The talks between the two harbour authorities broke down on Tuesday after the "
    "delegations failed to agree on who would pay for the new breakwater, officials said.",
    "Negotiators had met four times since September, and each round ended with a promise "
    "to meet again. This time no date was set, and both sides blamed the other for it.",
    "The port's trade has fallen by a fifth since the storm damaged the old breakwater, "
    "and shipping lines have begun to send their larger vessels to rival ports instead.",
]


def _read(lines: list[str], name: str = "page.txt"):
    return read_article("\n".join(lines).encode(), name)[1]


def test_an_author_note_under_the_article_names_its_writer() -> None:
    note = ("Tomas Varga is a contributing editor at the Harbour Review and a former "
            "analyst of port security.")
    refined = _read([TITLE, "12 March 2025", "", *BODY, "", note, "Share"])
    assert refined.metadata.authors == ["Tomas Varga"]
    assert note not in refined.text
    assert BODY[-1] in refined.text


def test_an_author_note_above_the_article_names_both_writers_in_capitals() -> None:
    note = ("ANNA LIND is a Senior Fellow at the Harbour Institute. PETER MOSS is "
            "Professor of Maritime Law at the University of Eastport.")
    refined = _read(["ESSAY", TITLE, "12 March 2025", "", note, "", *BODY])
    assert refined.metadata.authors == ["Anna Lind", "Peter Moss"]
    assert note not in refined.text


def test_a_byline_beats_an_author_note() -> None:
    note = "Tomas Varga is a contributing editor at the Harbour Review."
    meta = _read([TITLE, "By Anna Lind", "12 March 2025", "", *BODY, "", note]).metadata
    assert meta.authors == ["Anna Lind"]


def test_a_profile_sentence_inside_the_article_stays_article_text() -> None:
    inside = "Tomas Varga is a senior analyst at the port authority who led the talks."
    refined = _read([TITLE, "12 March 2025", "", BODY[0], inside, BODY[1], BODY[2]])
    assert inside in refined.text
    assert refined.metadata.authors == []


def _html(box: str, where: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in BODY)
    head = f"<div class='meta'><p>Download PDF</p></div>{box}" if where == "above" else ""
    inside = box if where == "inside" else ""
    return (f"<html><head><title>{TITLE}</title></head><body><main><article>"
            f"<h1>{TITLE}</h1>{head}<div class='body'><p>{BODY[0]}</p>{inside}"
            f"{paras[len(BODY[0]) + 7:]}</div></article></main>"
            "<footer><p>About us</p></footer></body></html>")


def test_a_key_findings_box_above_the_article_is_kept_before_it() -> None:
    box = ("<aside class='findings'><h2>Key Findings</h2><ul>"
           "<li>The breakwater will cost twice the first estimate.</li>"
           "<li>Neither authority can pay for it alone.</li></ul></aside>")
    text = _read([_html(box, "above")], "page.html").text
    assert "Key Findings" in text
    assert text.index("Neither authority can pay for it alone.") < text.index(BODY[0])


def test_a_box_of_figures_inside_the_article_is_kept_in_place() -> None:
    box = ("<aside class='sidebar'><h3>By the Numbers</h3><ul>"
           "<li>4,000: ships a year before the storm</li>"
           "<li>3,200: ships a year since</li></ul></aside>")
    text = _read([_html(box, "inside")], "page.html").text
    assert "3,200: ships a year since" in text
    assert text.index(BODY[0]) < text.index("By the Numbers") < text.index(BODY[1])


def test_an_embedded_posts_head_and_counters_are_furniture_its_text_is_not() -> None:
    post = ("The harbour will reopen when the breakwater is safe, and not one day "
            "before that.")
    refined = _read([TITLE, "12 March 2025", "", BODY[0], "The mayor posted:",
                     "Mayor Ilse Brandt", "@ilse_brandt", post, "11:02 AM · Mar 3, 2025",
                     "3.4K Reposts 12K Likes", "Read 412 replies", "", BODY[1], BODY[2]])
    kept = refined.text.split("\n\n")
    assert post in kept and "The mayor posted:" in kept
    for furniture in ("Mayor Ilse Brandt", "@ilse_brandt", "3.4K Reposts 12K Likes",
                      "Read 412 replies"):
        assert furniture not in kept


def test_a_writers_sign_off_under_the_article_names_its_writer() -> None:
    meta = _read([TITLE, "12 March 2025", "", *BODY, "Lena Petrova, staff reporter",
                  "Please direct questions to desk@harbour.example"]).metadata
    assert meta.authors == ["Lena Petrova"]


def test_a_speakers_name_and_office_under_the_article_is_no_writer() -> None:
    meta = _read([TITLE, "12 March 2025", "", *BODY, "Lena Petrova, spokesperson"]).metadata
    assert meta.authors == []


def test_a_blog_naming_itself_at_the_foot_is_the_publisher_and_its_blurb_furniture() -> None:
    blurb = ("Harbour Notes is a one-person blog about ports and shipping. Subscribe via "
             "RSS or email.")
    md = "\n\n".join([f"---\ntitle: \"{TITLE}\"\ndate: 2025-03-12\n---", *BODY, "---",
                      f"*{blurb}*"])
    refined = read_article(md.encode(), "note.md")[1]
    assert refined.metadata.publisher == "Harbour Notes"
    assert blurb not in refined.text and BODY[-1] in refined.text


def test_a_publication_described_inside_the_article_is_not_the_publisher() -> None:
    inside = "The Harbour Gazette is a weekly magazine about the port, founded in 1921."
    md = "\n\n".join([f"---\ntitle: \"{TITLE}\"\ndate: 2025-03-12\n---", inside, *BODY])
    refined = read_article(md.encode(), "note.md")[1]
    assert refined.metadata.publisher is None
    assert inside in refined.text


def test_hexo_tags_go_the_quote_between_them_stays_and_a_note_box_goes() -> None:
    quote = "We will not sign until the costs are shared fairly between both ports."
    md = "\n\n".join([f"---\ntitle: \"{TITLE}\"\ndate: 2025-03-12\n---",
                      "{% note info %}\nThis is a working note. Numbers will change.\n"
                      "{% endnote %}", BODY[0], "{% blockquote %}", quote,
                      "{% endblockquote %}", BODY[1], BODY[2]])
    text = read_article(md.encode(), "note.md")[1].text
    assert quote in text and BODY[0] in text
    assert "{%" not in text and "working note" not in text


ZH_BODY = [
    "（本社記者台北17日電）港務局與航運公司的談判週二再度破裂，雙方仍未就防波堤費用達成協議。",
    "港務局發言人表示，談判已進行四輪，但每次都以「下次再談」收場，這次連日期都沒有定。",
    "自從暴風損壞舊防波堤以來，港口貿易量已下降兩成，大型船隻開始轉往其他港口。",
]


def test_a_taiwanese_stamp_with_its_update_note_dates_the_story_under_its_headline() -> None:
    headline = "港口談判再度破裂 學者：費用分攤是關鍵"
    meta = _read(["中央社 CNA", "即時 政治 國際 兩岸 產經", "首頁 > 國際", headline,
                  "2024/12/17 16:45（12/17 17:20 更新）", "字級 列印 分享", *ZH_BODY,
                  "© 2024 中央通訊社 Central News Agency"]).metadata
    assert (meta.title, meta.published) == (headline, "2024-12-17")
    assert meta.publisher == "Central News Agency"


def test_a_breadcrumb_over_the_date_puts_the_headline_under_it() -> None:
    headline = "ЦПД: пропаганда приховує втрати у портовому місті"
    body = ["Центр фіксує скоординовану кампанію, мета якої — приховати втрати у місті "
            "під час боїв минулого тижня.",
            "Такі твердження не відповідають дійсності, наголошують у Центрі та у "
            "місцевій адміністрації порту."]
    meta = _read(["Центр протидії дезінформації", "Про Центр Новини Аналітика Контакти EN",
                  "Головна / Новини", "18.12.2024", headline, "Друк Поділитися",
                  *body]).metadata
    assert (meta.title, meta.published) == (headline, "2024-12-18")


def test_a_newsletters_first_numbered_section_heading_is_kept() -> None:
    lines = ["Harbour Briefing", "By Anna Lind · Mar 12, 2025", "",
             "1 big thing: the breakwater bill", BODY[0], BODY[1],
             "2. The shipping lines move", BODY[2]]
    text = _read(lines).text
    assert "1 big thing: the breakwater bill" in text
    assert text.index("1 big thing") < text.index(BODY[0])


def test_a_lone_numbered_line_over_the_article_is_still_page_head() -> None:
    text = _read([TITLE, "12 March 2025", "1 min read", *BODY]).text
    assert "1 min read" not in text


def test_a_live_pages_first_post_heading_under_its_labels_is_kept() -> None:
    lines = ["Harbour talks live: negotiators walk out", "12 March 2025", "Live feed",
             "Updated at 15.02 GMT", "Port authority declines to comment", BODY[0], "Share",
             "Shipping lines weigh their options", BODY[1], BODY[2]]
    refined = _read(lines)
    kept = refined.text.split("\n\n")
    assert refined.metadata.title == "Harbour talks live: negotiators walk out"
    assert kept[:2] == ["Port authority declines to comment", BODY[0]]
    assert "Live feed" not in kept


def test_without_later_section_headings_the_line_over_the_article_stays_head() -> None:
    lines = ["Harbour talks live: negotiators walk out", "12 March 2025", "Live feed",
             "Updated at 15.02 GMT", "Port authority declines to comment", *BODY]
    assert _read(lines).text.split("\n\n")[0] == BODY[0]


@pytest.mark.parametrize("furniture", [
    "Related news: Harbour strike ends after two days",
    "Key event",
    "15:40 GMT",
    "You're currently a free subscriber to Harbour Letters. For the full experience, "
    "upgrade your subscription.",
    "Contact",
    "Press spokesperson: +47 23 95 00 00",
    "Harbour.no is published by the Office of the Port Authority on behalf of the city.",
    "Dock workers at the port of Eastport, March 3, 2025. REUTERS/Jane Roe Purchase "
    "Licensing Rights",
])
def test_furniture_inside_and_under_the_article_goes(furniture: str) -> None:
    kept = _read([TITLE, "12 March 2025", "", BODY[0], furniture, BODY[1], BODY[2]]
                 ).text.split("\n\n")
    assert furniture not in kept and kept == BODY


def test_a_sentence_about_a_contact_stays() -> None:
    line = "Contact between the two delegations has been limited to e-mails since March."
    assert line in _read([TITLE, "12 March 2025", "", BODY[0], line, BODY[1]]).text


@pytest.mark.parametrize(("footer", "publisher"), [
    ("© 2025 Ministry of Defence of Ruritania | Accessibility | Privacy",
     "Ministry of Defence of Ruritania"),
    ("© Copyright Harbour Institute 2025", "Harbour Institute"),
    ("Copyright © 2025 The Harbour Review (1828) Ltd. All rights reserved.",
     "The Harbour Review"),
])
def test_a_copied_pages_copyright_footer_names_its_publisher(footer: str,
                                                             publisher: str) -> None:
    meta = _read([TITLE, "12 March 2025", "", *BODY, "", footer]).metadata
    assert meta.publisher == publisher


def test_a_transcripts_question_is_never_its_headline() -> None:
    turns = ["MINISTER: Thank you. We agreed today on a new package for the harbour, "
             "with money for the breakwater and for the pilots.",
             "QUESTION: Minister, will the port reopen to large ships this winter?",
             "MINISTER: Not before the breakwater is safe, and the engineers will tell us "
             "when that is, not the politicians.",
             "QUESTION: And the shipping lines, what do they say about the delay?",
             "MINISTER: They are worried, and they have every reason to be, but they "
             "have also been patient with us."]
    meta = _read(["Transcript", *turns[1:]]).metadata
    assert not meta.title.startswith("QUESTION")


@pytest.mark.parametrize("head", [
    ["Home / Newsroom / Press Statements", "Posted on 08 Nov 2025", TITLE],
    ["Start / Press releases", "Press release from Ministry for Harbour Affairs", TITLE,
     "Published 05 November 2025"],
    ["Harbour Courier Live", "Asia | Harbour dispute", TITLE],
    [TITLE, "Follow live updates", "By Anna Lind and Peter Moss, news reporters"],
])
def test_labels_around_a_copied_pages_headline_are_not_the_headline(head: list[str]) -> None:
    standfirst = ("The two harbour authorities failed again to agree on who pays for the "
                  "new breakwater, and no new date was set.")
    meta = _read(["Skip to content", *head, standfirst, *BODY]).metadata
    assert meta.title == TITLE


def test_a_live_pages_stamp_then_first_published_dates_it_by_the_first() -> None:
    meta = _read([TITLE, "Mon 13 Jan 2025 11.02 GMT First published on Sun 12 Jan 2025 "
                  "09.45 GMT", "", *BODY]).metadata
    assert meta.published == "2025-01-12"
