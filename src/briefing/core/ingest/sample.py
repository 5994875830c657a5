"""The sample library: the articles shipped in resources/corpus, imported on first start."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from briefing.core.ingest.pipeline import INDEX_EVERY, ImportProgress, import_files
from briefing.core.resources import sample_corpus
from briefing.core.workspace import Workspace

SEEDED_KEY = "sample_corpus_offered"


def import_sample_corpus(ws: Workspace, cancelled: Callable[[], bool] | None = None,
                         index_every: int = INDEX_EVERY) -> Iterator[ImportProgress]:
    """Import the sample articles (already-imported ones come back as duplicates);
    marks the workspace so they are offered only once."""
    ws.db.set_setting(SEEDED_KEY, "1")
    yield from import_files(ws, sample_corpus(), cancelled=cancelled, index_every=index_every)


def needs_sample(ws: Workspace) -> bool:
    """True on the first start of an empty workspace (never again once offered)."""
    return (not ws.readonly and ws.articles.count() == 0
            and ws.db.get_setting(SEEDED_KEY) is None)
