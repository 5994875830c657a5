"""The sample library: the articles shipped in resources/corpus, in their own workspace.

On the first start the app opens a "Sample" workspace (in the user data folder, beside
the user's own library) and imports the sample articles there, so the user's library
starts empty. Help ▸ Open the sample brings it back later.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from briefing.core.ingest.pipeline import INDEX_EVERY, ImportProgress, import_files
from briefing.core.resources import sample_corpus
from briefing.core.workspace import Workspace

SEEDED_KEY = "sample_corpus_offered"
SAMPLE_KEY = "sample_workspace"  # set in the Sample workspace's own settings
SAMPLE_NAME = "Sample"


def sample_workspace_dir() -> Path:
    """<user data>/Briefing/Sample (resolved when called, like the default workspace)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("Briefing", appauthor=False)) / SAMPLE_NAME


def mark_sample(ws: Workspace) -> None:
    """This workspace holds the sample articles (imported on its first start)."""
    if not ws.readonly and ws.db.get_setting(SAMPLE_KEY) is None:
        ws.db.set_setting(SAMPLE_KEY, "1")


def is_sample(ws: Workspace) -> bool:
    return ws.db.get_setting(SAMPLE_KEY) is not None


def is_first_start(default_root: Path) -> bool:
    """No library was ever made in the default workspace: Briefing has never run here
    (or only from the command line's other workspaces)."""
    db = default_root / "library.sqlite3"
    return not db.exists() and not (default_root / "originals").is_dir()


def import_sample_corpus(ws: Workspace, cancelled: Callable[[], bool] | None = None,
                         index_every: int = INDEX_EVERY) -> Iterator[ImportProgress]:
    """Import the sample articles (already-imported ones come back as duplicates);
    marks the workspace so they are offered only once."""
    ws.db.set_setting(SEEDED_KEY, "1")
    yield from import_files(ws, sample_corpus(), cancelled=cancelled, index_every=index_every)


def needs_sample(ws: Workspace) -> bool:
    """True on the first opening of the (empty) Sample workspace, never again once offered;
    the user's own workspaces never get the sample articles by themselves."""
    return (not ws.readonly and is_sample(ws) and ws.articles.count() == 0
            and ws.db.get_setting(SEEDED_KEY) is None)
