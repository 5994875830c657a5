"""Refusals the user sees as one line: raised by the core, shown by the CLI and the app.

They live outside `core.store` so the UI can catch them without importing storage.
"""

from __future__ import annotations


class HighlightError(ValueError):
    """A highlight action was refused; the message says why."""


class PerspectiveError(ValueError):
    """A perspective edit was refused; the message says why."""


class SpeakerError(ValueError):
    """A speaker book change was refused; the message says why."""


class ClaimError(ValueError):
    """A correction of a claims row was refused; the message says why."""


class CollectionError(ValueError):
    """A collection change was refused (unknown name, duplicate, bad query); says why."""


class BriefError(ValueError):
    """A saved brief change was refused (unknown name, duplicate, unknown highlight); says
    why."""


class ArchiveError(ValueError):
    """An archive could not be written, or was refused on reading (damaged or changed);
    the message names the file and the part."""


class CleaningError(ValueError):
    """A correction of an article's cleaning was refused (no such article or line, the
    original unreadable); the message says why."""
