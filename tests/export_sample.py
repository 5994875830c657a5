"""A realistic briefing on the sample corpus: five articles, a dozen highlights in four
perspectives, and the troop and casualty figures lined up for comparison.

Shared by tests/test_export.py, the export benchmark and packaging/make_sample_note.py.
The article metadata is what an analyst would confirm on import; quotes are exact
passages of the sample articles.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from briefing.core.anchoring import find_quote
from briefing.core.models import ClaimComparison, ComparisonEntry
from briefing.core.resources import sample_corpus
from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace

ARTICLES = {  # corpus file prefix -> metadata
    "000": dict(title="How North Korea is giving Russia an edge in the war on Ukraine",
                publisher="Bloomberg", published="2025-01"),
    "001": dict(title="What North Korean troops mean for Russia\u2019s war", publisher="The Economist",
                published="2024-10-24"),
    "002": dict(title="Why Thousands of North Koreans Are Fighting in Russia", publisher="Bloomberg",
                published="2024-12-20"),
    "003": dict(title="North Korea in the Ukraine War Presages an Era of Confrontation With China",
                publisher="RSIS", published="2024-11-15", authors=["Drew Thompson"]),
    "004": dict(title="Why is North Korea helping Russia?", publisher="Intrigue",
                published="2024-10-21"),
}

# (article, quote, perspectives, note, reliability, credibility, tags, kind)
HIGHLIGHTS = [
    ("001", "The Ukrainian claims, later backed up by South Korea, are that North Korea\u2019s "
     "dictator, Kim Jong Un, has decided to commit at least 11,000 troops to the war.",
     ["ukrainian", "south_korean"], "Earliest troop figure in the library; Seoul concurred.",
     "B", 2, ["troops"], "claim"),
    ("000", "North Korea is producing new weapons around the clock, and has been supplying as "
     "much as 40 per cent of Russia's ammunition for the war, Mr Kyrylo Budanov, head of "
     "Ukrainian military intelligence, told Bloomberg News in an interview.",
     ["ukrainian"], "Not corroborated by any other source here.", "B", 3, ["munitions"], "claim"),
    ("001", "According to Mr Budanov, shipments that began as long ago as in late 2022 have "
     "reached 2.8m shells a year, just 100,000 short of Russia\u2019s own annual production at "
     "2.9m shells.", ["ukrainian"], "", "B", 3, ["munitions"], "claim"),
    ("000", "Ukrainian President Volodymyr Zelensky put the total at around 4,000 in early "
     "January, an estimate that hasn't been independently verified.",
     ["ukrainian"], "Four times the US figure a month earlier.", "C", 3, ["casualties"], "claim"),
    ("002", "US State Department spokesman Matthew Miller said on Nov. 4 that as many as 10,000 "
     "North Korean troops were in Russia\u2019s Kursk region bordering Ukraine.",
     ["us"], "On-the-record figure from the State Department.", "A", 2, ["troops"], "claim"),
    ("000", "US officials said in December that around 1,000 North Korean soldiers had been "
     "killed or injured in the Kursk region", ["us"], "", "B", 2, ["casualties"], "claim"),
    ("002", "US Secretary of State Antony Blinken said American officials had urged Beijing to "
     "leverage its influence to \u201ccurb these activities\u201d during \u201crobust\u201d talks.",
     ["us", "chinese"], "", None, None, ["diplomacy"], "claim"),
    ("000", "South Korean officials estimate as many as 15,000 North Korean troops have been "
     "deployed to fight in Russia, though estimates vary and some reports suggest that hundreds "
     "of them may have been killed.", ["south_korean"], "Highest estimate in the library.", "B", 3,
     ["troops"], "claim"),
    ("004", "South Korea\u2019s main intelligence agency released satellite images of what they say "
     "are Russian naval transports carrying up to 12,000 North Korean soldiers to Russia earlier "
     "this month.", ["south_korean"], "Imagery-based; NIS assessment.", "B", 2, ["troops"],
     "evidence"),
    ("002", "North Korea has 1.28 million active military personnel, with 1.1 million of them in "
     "the army, according to South Korean estimates.", ["south_korean"], "", None, None,
     ["context"], "context"),
    ("003", "One Chinese scholar described China\u2019s position on the troop deployment as "
     "\u201ccautious but supportive\u201d.", ["chinese"],
     "A single unnamed scholar: indicative of the debate in Beijing, not of policy.", "D", 4,
     ["diplomacy"], "claim"),
    ("003", "Russia\u2019s deputy foreign minister visited Beijing at the end of October, meeting "
     "Foreign Minister Wang Yi, affirming that China-Russia ties have reached historic highs and "
     "are \u201cunaffected by shifting global dynamics\u201d", ["chinese"], "", "B", 2,
     ["diplomacy"], "claim"),
    ("002", "Chinese President Xi Jinping is trying to improve ties with the US and its allies, "
     "and has projected a stance of neutrality over the war in Ukraine.", ["chinese"], "",
     None, None, ["diplomacy"], "context"),
]


def corpus_file(prefix: str) -> Path:
    return next(p for p in sample_corpus() if p.name.startswith(prefix))


def add_articles(ws: Workspace) -> dict[str, int]:
    """Store the five sample articles with their metadata; returns prefix -> article id."""
    ids = {}
    for prefix, meta in ARTICLES.items():
        path = corpus_file(prefix)
        text = path.read_text(encoding="utf-8")
        digest = hashlib.sha256(text.encode()).hexdigest()
        ids[prefix] = ws.articles.add(NewArticle(
            text=text, text_hash=digest, source_file=path.name, original_hash=digest,
            format="txt", words=len(text.split()), language="en", **meta))
    return ids


def add_highlights(ws: Workspace, ids: dict[str, int]) -> list[int]:
    """Mark the sample highlights; returns their ids in the order above."""
    out = []
    for prefix, quote, persp, note, rel, cred, tags, kind in HIGHLIGHTS:
        text = ws.articles.text(ids[prefix])
        span = find_quote(text, quote)
        assert span is not None, f"quote not found in {prefix}: {quote[:40]}"
        h = ws.highlights.add(ids[prefix], text, *span, perspectives=persp, note=note,
                              reliability=rel, credibility=cred, tags=tags, kind=kind)
        out.append(h.id)
    return out


def comparisons(ids: dict[str, int]) -> list[ClaimComparison]:
    """The figures the claims view lines up for these articles."""
    def entry(figure, text, persp, prefix, quote, qualifier=None):
        return ComparisonEntry(figure=figure, text=text, perspectives=persp,
                               article_id=ids[prefix], quote=quote, qualifier=qualifier)
    troops = ClaimComparison("North Korean troops in Russia", "troops", [
        entry(10_000, "10,000", ["us"], "002", "as many as 10,000", "as many as"),
        entry(11_000, "11,000", ["ukrainian"], "001", "at least 11,000", "at least"),
        entry(12_000, "12,000", ["south_korean"], "004", "up to 12,000", "up to"),
        entry(15_000, "15,000", ["south_korean"], "000", "as many as 15,000", "as many as"),
    ], disagreement=True)
    casualties = ClaimComparison("North Korean soldiers killed or injured", "casualties", [
        entry(1_000, "1,000", ["us"], "000", "around 1,000", "around"),
        entry(4_000, "4,000", ["ukrainian"], "000", "around 4,000", "around"),
    ], disagreement=True)
    shells = ClaimComparison("Shells sent to Russia per year", "shells", [
        entry(2_800_000, "2.8m", ["ukrainian"], "001", "2.8m shells a year"),
    ], disagreement=False)
    return [troops, casualties, shells]


def build_sample(ws: Workspace) -> tuple[dict[str, int], list[int]]:
    ids = add_articles(ws)
    return ids, add_highlights(ws, ids)
