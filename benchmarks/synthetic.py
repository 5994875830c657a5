"""Deterministic synthetic news corpus for the search and import benchmarks.

Articles look like the wire copy analysts read: a Zipf-distributed vocabulary
(common English words, topic words and a long tail of invented words), names
such as Budanov or Zelensky in a minority of articles, figures written as
"15,000", stock phrases ("legitimate targets", "military intelligence"),
publishers, authors and dates of day, month or year precision. The same seed
always gives the same corpus, so runs are comparable.

    from benchmarks.synthetic import generate, write_corpus
    for article in generate(1000, seed=1): ...      # dicts
    paths = write_corpus(folder, 10_000, seed=1)     # .txt files for the import benchmark
"""

from __future__ import annotations

import itertools
import random
import tomllib
from collections.abc import Iterator
from pathlib import Path

_LISTS = tomllib.loads((Path(__file__).with_name("synthetic_words.toml")).read_text("utf-8"))
COMMON: list[str] = _LISTS["common"]
TOPIC: list[str] = _LISTS["topic"]
NAMES: list[tuple[str, float]] = [(name, share) for name, share in _LISTS["names"]]
PLACES: list[str] = _LISTS["places"]
PHRASES: list[str] = _LISTS["phrases"]
FIGURES: list[str] = _LISTS["figures"]
PUBLISHERS: list[str] = _LISTS["publishers"]
FIRST: list[str] = _LISTS["first_names"]
LAST: list[str] = _LISTS["last_names"]
MONTHS: list[str] = _LISTS["months"]

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in ("a", "e", "i", "o", "u", "ai", "ou")]
TAIL_SIZE = 20_000


def _vocabulary() -> tuple[list[str], list[float]]:
    """Words by rank with Zipf cumulative weights (s = 1.07, like English prose)."""
    rng = random.Random(12345)
    tail: list[str] = []
    seen: set[str] = set(COMMON) | set(TOPIC)
    while len(tail) < TAIL_SIZE:
        w = "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4)))
        w += rng.choice(["", "", "s", "ed", "ing", "ment", "tion", "er"])
        if w not in seen:
            seen.add(w)
            tail.append(w)
    words = COMMON + TOPIC + tail
    weights = [1.0 / (rank + 1) ** 1.07 for rank in range(len(words))]
    return words, list(itertools.accumulate(weights))


_WORDS, _CUM = _vocabulary()


def _sentence(rng: random.Random, extras: list[str]) -> str:
    n = rng.randint(8, 26)
    words = rng.choices(_WORDS, cum_weights=_CUM, k=n)
    if extras and rng.random() < 0.35:
        words.insert(rng.randrange(len(words) + 1), rng.choice(extras))
    if rng.random() < 0.12:
        words.insert(rng.randrange(len(words) + 1), rng.choice(FIGURES))
    if rng.random() < 0.03:
        words.insert(rng.randrange(len(words) + 1), rng.choice(PHRASES))
    if rng.random() < 0.08:
        words.insert(rng.randrange(len(words) + 1), rng.choice(PLACES))
    s = " ".join(words)
    if rng.random() < 0.15:
        s += ", " + rng.choice(["he said", "she said", "officials said", "according to reports"])
    return s[0].upper() + s[1:] + "."


def _date(rng: random.Random) -> str:
    year = rng.choice([2022, 2023, 2024, 2024, 2024, 2025])
    r = rng.random()
    if r < 0.05:
        return f"{year}"
    month = rng.randint(1, 12)
    if r < 0.15:
        return f"{year}-{month:02d}"
    return f"{year}-{month:02d}-{rng.randint(1, 28):02d}"


def generate(n: int, seed: int = 1) -> Iterator[dict]:
    """`n` articles as dicts: title, body, publisher, authors (list), published (ISO, partial)."""
    rng = random.Random(seed)
    for _ in range(n):
        extras = [name for name, p in NAMES if rng.random() < p]
        extras += rng.sample(PLACES, 2)
        words = int(min(2500, max(120, rng.lognormvariate(6.3, 0.5))))  # median ~550 words
        paragraphs: list[str] = []
        count = 0
        while count < words:
            para = " ".join(_sentence(rng, extras) for _ in range(rng.randint(2, 5)))
            count += para.count(" ") + 1
            paragraphs.append(para)
        title_words = rng.choices(_WORDS[60:400], k=rng.randint(4, 9))
        title = " ".join([rng.choice(extras)] + title_words)
        yield {
            "title": title[0].upper() + title[1:],
            "body": "\n\n".join(paragraphs),
            "publisher": rng.choice(PUBLISHERS),
            "authors": [f"{rng.choice(FIRST)} {rng.choice(LAST)}"
                        for _ in range(rng.choice([1, 1, 1, 2]))],
            "published": _date(rng),
        }


def _as_text(article: dict) -> str:
    """The article as a scraped plain-text page: title, byline, date line, body, footer."""
    published = article["published"]
    parts = published.split("-")
    if len(parts) == 3:
        dateline = f"{int(parts[2])} {MONTHS[int(parts[1]) - 1]} {parts[0]}"
    elif len(parts) == 2:
        dateline = f"{MONTHS[int(parts[1]) - 1]} {parts[0]}"
    else:
        dateline = parts[0]
    return (f"{article['title']}\n\nBy {' and '.join(article['authors'])}\n{dateline}\n\n"
            f"{article['body']}\n\n© {parts[0]} {article['publisher']}. All rights reserved.\n")


def write_corpus(folder: Path, n: int, seed: int = 1) -> list[Path]:
    """Write `n` articles as UTF-8 .txt files into `folder`; returns their paths in order."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    paths: list[Path] = []
    for i, article in enumerate(generate(n, seed), 1):
        path = folder / f"article_{i:06d}.txt"
        path.write_text(_as_text(article), encoding="utf-8")
        paths.append(path)
    return paths
