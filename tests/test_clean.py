"""Cleaning keeps every article paragraph and drops the page furniture.

The corpus checks name real paragraphs (first, last, ones with the figures an
analyst compares, ones right next to furniture) and real furniture lines. The
invented pages in tests/data/cleaning use furniture the corpus does not have.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.core.ingest.clean import clean_text, clean_units, is_prose, unwrap
from briefing.core.ingest.refine import refine_article
from briefing.core.ingest.types import DocumentHints

DATA = Path(__file__).parent / "data" / "cleaning"


def paragraphs(text: str) -> list[str]:
    return text.split("\n\n")


def cleaned(corpus_texts: dict[str, str], prefix: str) -> str:
    name = next(n for n in corpus_texts if n.startswith(prefix))
    return refine_article(corpus_texts[name], DocumentHints(), name).text


# Sentences that must survive intact inside one paragraph; short lines (headings) must be
# paragraphs of their own.
KEEP = {
    "000": [
        "North Korea has likely received military aid in return, increasing the threat posed by "
        "the isolated nation to the US and its allies in East Asia.",
        "North Korea holds some of the largest stores of artillery shells and rockets that are "
        "compatible with the Soviet-era armaments that Russia has been burning through in "
        "Ukraine. North Korea is producing new weapons around the clock, and has been supplying "
        "as much as 40 per cent of Russia's ammunition for the war, Mr Kyrylo Budanov, head of "
        "Ukrainian military intelligence, told Bloomberg News in an interview.",
        "South Korean officials estimate as many as 15,000 North Korean troops have been "
        "deployed to fight in Russia, though estimates vary and some reports suggest that "
        "hundreds of them may have been killed. In June, top Putin security aide and former "
        "Russian defence minister Sergei Shoigu said North Korea would send 5,000 military "
        "construction workers and 1,000 sappers to assist with the rebuilding of Kursk.",
        "What's in it for North Korea?",
        "First off, North Korea gets a powerful military ally. When Mr Putin visited Mr Kim in "
        "Pyongyang in June 2024 – his first trip there in 24 years – the two reached a deal to "
        "come to each other's defence if either was ever attacked.",
        "How could this go wrong for Pyongyang and Moscow?",
        "Mr Kim's budding friendship with Putin may also irritate North Korea's biggest "
        "traditional benefactor, China. Chinese President Xi Jinping has projected a neutral "
        "stance over the war in Ukraine, and the Kim-Putin partnership potentially undermines "
        "this position. Bloomberg",
    ],
    "001": [
        "UKRAINE’S PRESIDENT, Volodymyr Zelensky, declared last week that North Korea is sending "
        "troops to Russia, in effect joining the invasion as a co-combatant. The appearance of "
        "one of the world’s most erratic and heavily-armed nations in the fight might test even "
        "the best-resourced and well-rested of defences. After 32 months of grinding war against "
        "a much larger enemy, Ukraine’s are neither.",
        "The Ukrainian claims, later backed up by South Korea, are that North Korea’s dictator, "
        "Kim Jong Un, has decided to commit at least 11,000 troops to the war.",
        "Russian soldiers are one thing, the spy chief says,",
        "“They fix some problems for the Russians. There is reason to be concerned.”",
    ],
    "002": [
        "(Bloomberg) -- For more than a year, Russia has leaned on its increasingly close ally "
        "North Korea for supplies of artillery shells and ballistic missiles to prosecute a "
        "grinding war in Ukraine.",
        "US State Department spokesman Matthew Miller said on Nov. 4 that as many as 10,000 "
        "North Korean troops were in Russia’s Kursk region bordering Ukraine.",
        "How many North Korean troops are we talking about?",
        "What’s in it for Russia?",
        "The budding friendship between Kim and Putin may also irritate North Korea’s biggest "
        "traditional benefactor, China.",
        "US Secretary of State Antony Blinken said American officials had urged Beijing to "
        "leverage its influence to “curb these activities” during “robust” talks.",
    ],
    "003": [
        "North Korea’s deployment of troops to support Russia’s invasion of Ukraine expands the "
        "conflict, intertwining security challenges in Asia and Europe. This development has "
        "significant implications for NATO, South Korea, and China, particularly if China’s "
        "support for Russia expands and Ukraine’s defences degrade, effectively ensuring "
        "China’s adversarial relationship with the West.",
        "In October, Ukrainian, South Korean, and US officials began warning that 10,000 "
        "soldiers North Korea deployed to Russia were receiving equipment, Russian uniforms and "
        "false identification to mask their origin.",
        "DPRK Deploys Troops to Russia",
        "Geopolitical Implications for NATO, South Korea, and China",
        "Conclusion",
        "Should Trump successfully use his political capital with Putin and leverage over "
        "Zelensky to establish a satisfactory peace, the risks of China irreparably damaging "
        "its relationship with Europe and the US decrease considerably.",
    ],
    "004": [
        "What are friends for, if not to help in times of need? We imagine that’s roughly what "
        "Vladimir Putin said when he asked Kim Jong Un for a few thousand North Korean soldiers "
        "to help his three-day invasion of Ukraine, which is now heading into its third year.",
        "Here’s what we know.",
        "There’s now plenty of evidence that North Korea has been supplying Russia with weapons "
        "for its invasion of Ukraine. But in June, Putin and Kim went a step further and signed "
        "a security pact that included a mutual defence clause.",
        "And then on Friday, South Korea’s main intelligence agency released satellite images of "
        "what they say are Russian naval transports carrying up to 12,000 North Korean soldiers "
        "to Russia earlier this month.",
        "So just yesterday on a call with NATO’s new chief, South Korean President Yoon Suk Yeol "
        "pledged (🇰🇷) to “take steps to revitalise security cooperation among South Korea, "
        "Ukraine, and NATO.”",
        "INTRIGUE’S TAKE",
        "Also worth noting:",
        "- Kremlin spokesperson Dmitry Peskov has told journalists that Russia’s cooperation "
        "with North Korea is “not directed against third countries”. We can confirm that Ukraine "
        "is indeed a third country.",
    ],
}

# Furniture: no cleaned paragraph may equal or contain these.
GONE = {
    "000": ["Top stories", "Swipe. Select. Stay informed.", "CDL's long-time director",
            "Hashtags", "Try Our AI Features", "No comments yet", "Related Articles",
            "13 minutes ago", "Trump says he is not seeking summit", "Rajnath Singh",
            "[[nid:", "FILE PHOTO"],
    "001": ["© 2024", "All rights reserved", "published under licence", "Live Mint",
            "Download The Mint News App"],
    "002": ["ADVERTISEMENT", "Politics", "©2024 Bloomberg L.P."],
    "003": ["About RSIS", "Board of Governors", "IntroductionBuilding", "Nanyang Avenue",
            "Subscribe to RSIS", "CO24175", "download pdf", "Source: Wikimedia", "Categories:",
            "comments powered by Disqus", "Popular Links", "Copyright ©", "Privacy Statement",
            "Rate your experience", "0/255 characters", "This site uses cookies",
            "Latest Book", "more info"],
    "004": ["Stay on top of your world", "Subscribe for free", "114,000+ subscribers",
            "No spam"],
}


@pytest.mark.parametrize("prefix", sorted(KEEP))
def test_article_paragraphs_survive(corpus_texts: dict[str, str], prefix: str) -> None:
    paras = paragraphs(cleaned(corpus_texts, prefix))
    for expected in KEEP[prefix]:
        if len(expected) < 40 and not expected.endswith(","):
            assert expected in paras, expected
        else:
            assert any(expected in p for p in paras), expected


@pytest.mark.parametrize("prefix", sorted(GONE))
def test_furniture_is_gone(corpus_texts: dict[str, str], prefix: str) -> None:
    paras = paragraphs(cleaned(corpus_texts, prefix))
    for junk in GONE[prefix]:
        assert not any(p == junk or junk in p for p in paras), junk


def test_every_raw_article_line_of_economist_survives(corpus_texts: dict[str, str]) -> None:
    """001 is one paragraph per line: all twelve article paragraphs stay, in order."""
    name = next(n for n in corpus_texts if n.startswith("001"))
    raw = [line.strip() for line in corpus_texts[name].splitlines() if line.strip()]
    assert paragraphs(cleaned(corpus_texts, "001")) == raw[:12]


def test_bloomberg_article_kept_from_dateline_to_last_paragraph(
        corpus_texts: dict[str, str]) -> None:
    name = next(n for n in corpus_texts if n.startswith("002"))
    raw = [line.strip() for line in corpus_texts[name].splitlines() if line.strip()]
    start = next(i for i, line in enumerate(raw) if line.startswith("(Bloomberg) --"))
    assert paragraphs(cleaned(corpus_texts, "002")) == raw[start:-1]


def test_rsis_article_printed_twice_is_kept_once(corpus_texts: dict[str, str]) -> None:
    text = cleaned(corpus_texts, "003")
    for sentence in ("averaging 1,500 casualties per day",
                     "One Chinese scholar described China’s position",
                     "many sages have observed that wars are easy to start",
                     "DPRK Deploys Troops to Russia"):
        assert text.count(sentence) == 1, sentence
    assert paragraphs(text)[0].startswith("North Korea’s deployment of troops")


def test_teaser_block_inside_article_goes_but_both_sides_stay(
        corpus_texts: dict[str, str]) -> None:
    paras = paragraphs(cleaned(corpus_texts, "000"))
    before = next(i for i, p in enumerate(paras) if p.startswith("South Korean officials"))
    assert paras[before + 1] == "What's in it for North Korea?"


def test_newsletter_keeps_its_own_take_and_list(corpus_texts: dict[str, str]) -> None:
    paras = paragraphs(cleaned(corpus_texts, "004"))
    take = paras.index("INTRIGUE’S TAKE")
    assert paras[take + 1].startswith("Sometimes humour can be")
    assert sum(p.startswith("- ") for p in paras) == 6
    assert paras[paras.index("Here’s what we know.") + 1].startswith("There’s now plenty")


# --- invented pages: furniture the corpus does not have ---------------------------------

def invented(name: str) -> str:
    return clean_text((DATA / name).read_text(encoding="utf-8"))


def test_invented_news_site_nav_newsletter_cookies_share() -> None:
    paras = paragraphs(invented("herald_newsletter_cookies.txt"))
    assert paras == [
        "South Korea is considering selling artillery shells directly to Ukraine, three "
        "officials familiar with the talks said on Monday, in a shift that would end years of "
        "caution in Seoul.",
        "The discussions follow reports that North Korean units have suffered heavy losses near "
        "Kursk. \"We cannot ignore what is happening,\" one official said.",
        "Seoul has so far supplied only non-lethal aid to Ukraine, including mine-clearing "
        "equipment and medical supplies worth $30 million.",
        "Defence analysts estimate that South Korea holds more than 3 million 155mm shells in "
        "storage.",
        "The ministry declined to comment.",
    ]


def test_invented_hard_wrapped_commentary_is_rejoined_and_cleaned() -> None:
    paras = paragraphs(invented("institute_wrapped.txt"))
    assert paras == [
        "North Korea's shells have changed the arithmetic of the war in Ukraine. Estimates "
        "differ widely, but most Western governments now accept that Pyongyang has shipped "
        "several million rounds since 2023, enough to sustain Russian fire for months at a time.",
        "The quality of those shells is another matter. Ukrainian gunners report that up to one "
        "in five fails to detonate, a figure that cannot be checked independently but matches "
        "what captured Russian soldiers have told interrogators.",
        "What happens next depends on whether production in North Korea can keep pace with "
        "Russian demand through 2026, and on whether China is willing to look the other way.",
        "Maria Kowalska is a research fellow in the Europe programme.",
    ]


def test_invented_wire_story_drops_newsletter_pitch_and_trust_footer() -> None:
    text = invented("wire_dateline.txt")
    assert text.startswith("MOSCOW (Reuters) - The Kremlin on Wednesday dismissed")
    assert text.endswith("about 11,000 North Korean troops had arrived in the region.")
    for junk in ("Morning Bid", "Sign up here", "Our Standards", "Read Next",
                 "Putin and Kim discussed trade", "Editing by"):
        assert junk not in text


def test_invented_guardian_like_page_keeps_body_between_advert_and_related_link() -> None:
    paras = paragraphs(invented("guardian_like.txt"))
    assert paras[0].startswith("North Korean troops fighting alongside Russian forces")
    assert paras[-1] == ("The Kremlin has not confirmed the presence of North Korean troops in "
                         "Russia.")
    assert len(paras) == 4
    assert "The losses were blamed on unfamiliar terrain" in paras[2]


def test_invented_substack_like_post_keeps_its_closing_list() -> None:
    paras = paragraphs(invented("substack_like.txt"))
    assert paras == [
        "When the first reports of North Korean soldiers in Russia appeared this month, many in "
        "Seoul assumed they were exaggerated.",
        "They were not. The National Intelligence Service now says 1,500 special forces troops "
        "have already arrived in Vladivostok, with more to follow.",
        "For Kim Jong Un, the calculation is simple:", "- cash", "- oil", "- technology",
        "The risk is that Moscow's gratitude lasts only as long as the war does.",
    ]


def test_plain_article_loses_nothing() -> None:
    raw = (DATA / "plain_article.txt").read_text(encoding="utf-8")
    expected = [p.strip() for p in raw.split("\n\n") if p.strip()]
    expected = [line for p in expected for line in p.split("\n")]  # list items are lines
    assert paragraphs(clean_text(raw)) == expected


def test_short_article_without_any_furniture_is_untouched() -> None:
    raw = "Kim met Putin.\n\nThey signed a pact.\n\nNothing else was said."
    assert clean_text(raw) == raw


def test_heading_between_paragraphs_stays_but_menu_of_labels_goes() -> None:
    raw = ("Home\nWorld\nAsia\nOpinion\n\nThe first paragraph says what happened.\n\n"
           "Background\n\nThe second paragraph gives the history.\n")
    assert paragraphs(clean_text(raw)) == [
        "The first paragraph says what happened.", "Background",
        "The second paragraph gives the history."]


def test_long_paragraph_that_mentions_cookies_and_copyright_is_kept() -> None:
    para = ("The European Commission said on Tuesday that websites which use cookies must let "
            "users refuse them as easily as they accept them, and that copyright holders would "
            "be consulted before the rules change, in a decision that officials in Brussels "
            "described as the most important since 2018.")
    assert clean_text(f"{para}\n\nA second sentence closes it.") == (
        f"{para}\n\nA second sentence closes it.")


def test_inline_scraper_ids_and_hashtag_lines_go() -> None:
    raw = "The talks ended without agreement. [[nid:12345]]\n#Korea #Russia\nThe end came later."
    assert clean_text(raw) == "The talks ended without agreement.\n\nThe end came later."


def test_unwrap_leaves_one_paragraph_per_line_text_alone() -> None:
    lines = [f"Sentence number {i} is a full paragraph of its own, ending in a stop." for i in
             range(8)]
    assert unwrap([lines]) == lines


def test_prose_shape() -> None:
    assert is_prose("What does Kim have that Putin wants?")
    assert not is_prose("Centre for Multilateralism Studies (CMS)")
    assert not is_prose("RSIS PublicationsAnnual ReviewsBooksBulletins and NewslettersRSIS")
    assert not is_prose("Top stories")


def test_units_record_why_each_line_went(corpus_texts: dict[str, str]) -> None:
    name = next(n for n in corpus_texts if n.startswith("003"))
    reasons = {u.text: u.dropped for u in clean_units(corpus_texts[name])}
    assert reasons["15 November 2024"] is not None  # furniture to the reader...
    assert reasons["Drew Thompson"] is not None     # ...but kept in the units for metadata


def test_byline_and_date_lines_inside_the_body_go_but_by_sentences_stay() -> None:
    raw = ("Seoul sends envoy to Kyiv\n\nThe envoy arrived on Tuesday.\n\n"
           "By Jane Doe and John Roe | March 3, 2025\n\nUpdated 4 March 2025\n\n"
           "By the end of the week, officials said, talks had begun.\n\nPage 2 of 3\n\n"
           "They continued on Friday.")
    assert paragraphs(refine_article(raw, DocumentHints(), "b.txt").text) == [
        "The envoy arrived on Tuesday.",
        "By the end of the week, officials said, talks had begun.",
        "They continued on Friday."]


NEAR_MISSES = [
    "Kim told his generals to subscribe to the new doctrine of forward defence.",
    "Subscribers to the Telegram channel rose by 20 percent after the first videos appeared.",
    "Countries that sign up will receive free training, the alliance said.",
    "The daily newsletter of the ruling party, Rodong Sinmun, did not mention the deployment.",
    "Russian soldiers were told to download the Telegram app to receive their orders.",
    "The photos were used with permission of the soldier's family.",
    "Comments by the foreign minister drew a sharp response from Seoul.",
    "Ukraine said it would share intelligence on North Korean units with South Korea.",
    "Photos released by Kyiv show the soldiers receiving Russian uniforms.",
    "Related talks in Geneva ended without agreement on Friday.",
]


def test_article_sentences_that_mention_furniture_words_are_kept() -> None:
    raw = "\n\n".join(NEAR_MISSES)
    assert paragraphs(clean_text(raw)) == NEAR_MISSES


def test_heading_right_after_a_newsletter_box_is_kept() -> None:
    raw = ("The first paragraph reports the news of the day.\n\n"
           "Sign up for our newsletter\n\nGet the briefing in your inbox.\n\nSubscribe\n\n"
           "Background\n\nThe second paragraph explains the history.")
    assert paragraphs(clean_text(raw)) == [
        "The first paragraph reports the news of the day.", "Background",
        "The second paragraph explains the history."]


def test_bullet_points_and_a_table_of_figures_inside_the_article_are_kept() -> None:
    paras = [
        "Estimates of the deployment differ from one capital to the next.",
        "Key points",
        "• Troops began arriving in Russia in October",
        "• Most of them were sent to the Kursk region",
        "• Casualties have been heavy since December",
        "Who says how many",
        "South Korea 12,000",
        "Ukraine 11,000",
        "United States 10,000",
        "None of these figures can be checked independently.",
    ]
    assert paragraphs(clean_text("\n\n".join(paras))) == paras


def test_hard_wrapped_markdown_is_rejoined_per_paragraph() -> None:
    paras = paragraphs(invented("markdown_wrapped.md"))
    assert paras == [
        "North Korea sent its first soldiers to Russia in October 2024. Their arrival was "
        "confirmed by the intelligence services of South Korea and Ukraine within days, and by "
        "the Pentagon soon after.",
        "## What they do",
        "Most of the troops were sent to the Kursk region, where Ukraine held a strip of Russian "
        "territory. They fought in assault groups alongside Russian marines and paratroopers.",
        "- They lacked drone experience and took heavy losses in December",
        "- They were rotated out of the front line in February",
        "Their presence was acknowledged by Pyongyang only in April 2025.",
    ]


def test_pdf_like_text_without_blank_lines_splits_at_short_lines_and_drops_page_numbers(
        ) -> None:
    paras = paragraphs(invented("pdf_wrapped.txt"))
    assert paras == [
        "North Korea sent its first soldiers to Russia in October 2024. Their arrival was "
        "confirmed by the intelligence services of South Korea and Ukraine within days, and by "
        "the Pentagon soon after, which put the number at about 10,000.",
        "Most of the troops were sent to the Kursk region, where Ukraine held a strip of Russian "
        "territory. They fought in assault groups alongside Russian marines and paratroopers, "
        "and suffered heavy losses in their first weeks of combat.",
        "Their presence was acknowledged by Pyongyang only in April 2025, when state media "
        "showed Kim Jong Un at a ceremony for the dead.",
    ]


def test_control_characters_go_but_emoji_and_joiners_stay() -> None:
    raw = "Kim\x07 met Putin.\u200b\n\nFlags 🇰🇷🇷🇺 and 👨\u200d👩\u200d👧 stay.\r\n"
    assert clean_text(raw) == "Kim met Putin.\n\nFlags 🇰🇷🇷🇺 and 👨\u200d👩\u200d👧 stay."


def test_empty_and_blank_pages_give_empty_text() -> None:
    assert clean_text("") == ""
    assert refine_article(" \n\t\n", DocumentHints(), "blank.txt").text == ""


def test_invented_agency_page_drops_reading_tools_captions_and_topics() -> None:
    raw = (DATA / "news_agency_like.txt").read_text(encoding="utf-8")
    paras = paragraphs(refine_article(raw, DocumentHints(), "n.txt").text)
    assert paras == [
        "Ukraine's military intelligence says about 3,000 more soldiers have arrived in the "
        "Kursk region this week.",
        "Ukraine's military intelligence agency says North Korea has sent about 3,000 more "
        "soldiers to Russia's Kursk region to replace losses.",
        "The agency said on Monday that the new troops had arrived in the past week, taking the "
        "total deployed to about 14,000.",
        "Russia has not confirmed the presence of North Korean soldiers, and Pyongyang has "
        "called the reports \"groundless\".",
    ]


def test_cleaning_is_idempotent(corpus_texts: dict[str, str]) -> None:
    pages = list(corpus_texts.values()) + [p.read_text(encoding="utf-8")
                                           for p in sorted(DATA.iterdir())]
    for page in pages:
        once = clean_text(page)
        assert clean_text(once) == once


def test_same_article_under_other_furniture_cleans_to_the_same_text(
        corpus_texts: dict[str, str]) -> None:
    name = next(n for n in corpus_texts if n.startswith("002"))
    raw = corpus_texts[name]
    dressed = ("Skip to content\nHome\nMarkets\nPolitics\nTechnology\nSign in\n\n" + raw
               + "\n\nShare this article\nFacebook\nTwitter\n"
               "We use cookies to improve your experience. By continuing, you accept them.\n"
               "Accept all\nRelated Articles\nKim visits a munitions factory\n")
    assert clean_text(dressed) == clean_text(raw)


def test_inline_photo_credits_go() -> None:
    raw = "Kim inspected the troops in Wonsan (Photo: KCNA/AFP) before they left for Russia."
    assert clean_text(raw) == "Kim inspected the troops in Wonsan before they left for Russia."


ARTICLE = ("North Korean soldiers fighting alongside Russian forces in the Kursk region have "
           "suffered heavy losses since they were thrown into combat, Seoul's spy agency said.\n\n"
           "The agency told lawmakers in a closed-door briefing that the troops were unfamiliar "
           "with the terrain and could not respond to drone attacks, officials said.")


@pytest.mark.parametrize("furniture", [
    "This is a provisional translation. The original Japanese text prevails.",
    "Unofficial translation. Only the French version is authentic.",
    'This article appears in the print edition of the February 17 & 24, 2025, issue, with '
    'the headline "Far From Home."',
    "Follow the Long Read on X at @gdnlongread, listen to our podcasts here and sign up to "
    "the long read weekly email here.",
    "You are receiving this email because you subscribed to Morning Brief.",
    "This issue is brought to you by Ridgeline Satcom — rugged terminals for newsrooms.",
    "Help us keep Example Review independent. Members get access to exclusive content.",
    "Full or partial citation of Example-Ukraine materials is allowed only with a hyperlink.",
    "Unless otherwise indicated, content on this site is available under the Creative "
    "Commons Attribution 3.0 licence.",
    "Add Newsweek as a preferred source on Google",
    "14 Likes",
    "Additional reporting by Jeongmin Kim.",
    "Associated Press writers Hanna Arhirova in Kyiv and Kim Tong-hyung in Seoul contributed.",
    "This paper does not necessarily reflect the opinions of the Department of the Navy or "
    "the Department of Defense. Distribution unlimited.",
    "Pinned",
    "Share  Save  Print  Gift",
    "You are reading a free article.",
])
def test_furniture_of_newsletters_magazines_and_ministries_goes(furniture: str) -> None:
    text = clean_text(f"{ARTICLE}\n\n{furniture}")
    assert text == ARTICLE


def test_a_magazines_tag_box_and_teasers_end_the_article() -> None:
    article = (f"{ARTICLE}\n\nChina wants the war to end in a way that does not humiliate "
               "Russia, its most important partner, and it wants no war on the peninsula.")
    page = (f"{article}\n\nTopics & Regions:\n\nChina\n\nNorth Korea\n\nSecurity\n\n"
            "Recommended Articles\n\nThe Axis of Upheaval\n\nHow America's Adversaries Are "
            "Uniting to Overturn the Global Order")
    assert clean_text(page) == article


def test_a_sentence_saying_who_contributed_stays() -> None:
    kept = ("Diplomats from Turkey and the United Nations said both sides contributed to the "
            "talks, and that more rounds were planned for the spring.")
    assert clean_text(f"{ARTICLE}\n\n{kept}") == f"{ARTICLE}\n\n{kept}"


def test_a_newsletters_signature_stays_and_its_footer_goes() -> None:
    page = (f"{ARTICLE}\n\nThat is all for this week. Stay safe, and thank you for reading.\n\n"
            "Oksana\n\n——————————\nSPONSORED\nRidgeline Satcom: connectivity you can trust "
            "when the grid goes down. Learn more →\n——————————\n"
            "You are receiving this email because you signed up at example.news.")
    assert clean_text(page).endswith("thank you for reading.\n\nOksana")


def test_a_platforms_footer_after_the_article_goes() -> None:
    page = (f"{ARTICLE}\n\nDiscover more from Peninsula Signals\n\nWeekly notes on the Korean "
            "peninsula. Over 12,000 subscribers.\n\nType your email...\n\n3 Restacks")
    assert clean_text(page) == ARTICLE


def test_a_papers_section_headings_and_a_live_pages_key_points_stay() -> None:
    page = ("Ukraine war latest\n\nWhy you can trust Example News\n\nKey points\n\n"
            "Seoul says it will consider sending weapons to Ukraine\n\n"
            "Kremlin declines to comment on 'allied' troops\n\n"
            f"Introduction\n\n{ARTICLE}\n\nNotes\n\n"
            "National Intelligence Service, briefing to the National Assembly Intelligence "
            "Committee, November 13, 2024.")
    text = refine_article(page, DocumentHints(), "live.txt").text
    assert text.startswith("Key points\n\nSeoul says it will consider sending weapons to "
                           "Ukraine\n\nKremlin declines to comment on 'allied' troops\n\n"
                           "Introduction\n\nNorth Korean soldiers")
    assert "\n\nNotes\n\nNational Intelligence Service" in text
    assert "Why you can trust" not in text


def test_an_author_box_under_the_article_goes() -> None:
    page = (f"Budanov: more troops to come\n\nBy Olena Hrytsenko\n\n{ARTICLE}\n\n"
            "Olena Hrytsenko\n\nReporter\n\nOlena Hrytsenko is a reporter at the Example "
            "Independent covering military affairs.")
    refined = refine_article(page, DocumentHints(), "a.md")
    assert refined.metadata.authors == ["Olena Hrytsenko"]
    assert refined.text.endswith("officials said.")


def test_a_platforms_author_card_ends_the_article_and_names_its_writer() -> None:
    more = ("Ukraine counts everything its drone units see, while Seoul counts what its "
            "agents can confirm, so the two figures will rarely agree, analysts said.")
    page = (f"Counting the dead in Kursk\n\n{ARTICLE}\n\n{more}\n\nNorth Korea\n\nWar\n\n"
            "Written by Tomasz Wierzbicki\n\n1.2K Followers\n\n"
            "Former newspaper analyst. Open-source researcher on Russia. Warsaw.\n\nFollow")
    refined = refine_article(page, DocumentHints(), "a.md")
    assert refined.text.endswith("analysts said.")
    assert refined.metadata.authors == ["Tomasz Wierzbicki"]
