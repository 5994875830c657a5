"""Labelled unseen pages (tests/data/unseen/{dev,test}): loading, importing, comparing text.

Shared by the quality benchmarks and the quality tests. Pages are imported through the real
import pipeline into a real workspace, so scores measure what an analyst would get.
Label schema: tests/data/unseen/README.md ("briefing-unseen/1").
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

from briefing.core.ingest.pipeline import import_files
from briefing.core.models import Article
from briefing.core.workspace import Workspace

UNSEEN = Path(__file__).resolve().parent.parent / "tests" / "data" / "unseen"
HALVES = ("dev", "test")
_SPACE = re.compile(r"\s+")


@dataclass
class Page:
    """One labelled page: its file and its labels (a dict in the label schema)."""

    half: str
    name: str
    path: Path
    label: dict

    @property
    def genre(self) -> str:
        return str(self.label["genre"])

    @property
    def language(self) -> str:
        return str(self.label.get("language") or "en")


def norm(text: str) -> str:
    """Text as labels compare it: Unicode NFC, whitespace folded, typographic quotes kept."""
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


def pages(half: str, only: str | None = None) -> list[Page]:
    """Every labelled page of one half, in file-name order (only the names matching the
    glob `only`, when given: "*_7.*" for one batch of new pages)."""
    folder = UNSEEN / half
    labels = json.loads((folder / "labels.json").read_text(encoding="utf-8"))["pages"]
    return [Page(half, name, folder / name, labels[name]) for name in sorted(labels)
            if only is None or fnmatch(name, only)]


def imported(half: str, root: Path, only: str | None = None
             ) -> Iterator[tuple[Page, Article]]:
    """Import one half into a fresh workspace at `root`; yield each page with its article.

    A page that fails to import is yielded with an empty article (it scores zero), never
    skipped: a refused page is a miss the analyst would meet.
    """
    items = pages(half, only)
    with Workspace.open(root) as ws:
        results = {Path(p.result.path).name: p.result
                   for p in import_files(ws, [page.path for page in items], index=False)}
        for page in items:
            result = results.get(page.name)
            article = (ws.articles.get(result.article_id)
                       if result is not None and result.article_id is not None else None)
            yield page, article or Article(id=0, title="", text="")
