"""Who speaks in the library: every speaker of a suggested statement, with what decides
its perspective (the analyst's speaker book, else the cues, else nothing).

Used by `briefing speakers` and the app's Speakers dialog. Speakers are worked out
from the suggestions (cached per article text), so nothing here goes stale when the
attribution rules change; only the analyst's assignments are stored.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from briefing.core.errors import SpeakerError
from briefing.core.speaker_names import (
    book_hits,
    is_listed_speaker,
    is_proper_name,
    speaker_key,
    speaker_name,
)
from briefing.core.suggestions import raw_suggestions
from briefing.core.workspace import Workspace


@dataclass
class SpeakerEntry:
    """One speaker across the library."""

    key: str  # the book's key: the name, case-folded, titles off
    name: str  # shown: the book's spelling, else the most frequent one
    statements: int = 0  # suggested statements attributed to the speaker
    without_perspective: int = 0  # of which the cues gave no perspective
    articles: list[int] = field(default_factory=list)
    mentions: list[str] = field(default_factory=list)  # as written, most frequent first
    perspective: str | None = None  # assigned in the speaker book
    cue_perspectives: list[str] = field(default_factory=list)  # what the cues give

    @property
    def source(self) -> str:
        """What decides the perspective: 'book', 'cues' or 'none'."""
        if self.perspective:
            return "book"
        return "cues" if self.cue_perspectives else "none"

    @property
    def unassigned(self) -> bool:
        """Not in the book, and some statement has no perspective: the analyst should decide."""
        return not self.perspective and self.without_perspective > 0


def library_speakers(ws: Workspace, unassigned: bool = False,
                     cancelled: Callable[[], bool] | None = None) -> list[SpeakerEntry]:
    """Every speaker of the library's suggestions (and every booked one), unassigned first,
    then by number of statements. Reads every article's suggestions (cached per text):
    the app runs it in the background; `cancelled` is checked between articles."""
    book = ws.speakers.lookup()
    entries: dict[str, SpeakerEntry] = {}
    written: dict[str, Counter[str]] = {}
    cues: dict[str, Counter[tuple[str, ...]]] = {}
    for article in ws.articles.iter_with_text():
        if cancelled is not None and cancelled():
            return []
        rejected = ws.highlights.rejected_quotes(article.id)
        found = raw_suggestions(ws, article)
        for s, hit in zip(found, book_hits(found, book), strict=True):
            if s.quote in rejected:
                continue
            if hit is None and not is_listed_speaker(s.speaker):
                continue
            key = hit[0] if hit else speaker_key(s.speaker)
            entry = entries.get(key)
            if entry is None:
                entry = entries[key] = SpeakerEntry(key=key, name="")
            entry.statements += 1
            entry.without_perspective += not s.perspectives
            if article.id not in entry.articles:
                entry.articles.append(article.id)
            written.setdefault(key, Counter())[speaker_name(s.speaker)] += 1
            cues.setdefault(key, Counter())[tuple(s.perspectives)] += 1
    _merge_names(entries, written, cues, set(book.entries))
    for key, (name, perspective) in book.entries.items():
        entry = entries.setdefault(key, SpeakerEntry(key=key, name=name))
        entry.name, entry.perspective = name, perspective
    for key, entry in entries.items():
        forms = written.get(key, Counter())
        entry.mentions = [m for m, _n in forms.most_common()]
        if not entry.name:  # the spelling of the key itself, not a merged surname
            entry.name = next((m for m in entry.mentions if speaker_key(m) == key),
                              entry.mentions[0] if entry.mentions else key)
        entry.cue_perspectives = _own_sides(cues.get(key, Counter()))
    listed = sorted(entries.values(),
                    key=lambda e: (not e.unassigned, -e.statements, e.name.casefold()))
    return [e for e in listed if e.unassigned] if unassigned else listed


def _own_sides(given: Counter[tuple[str, ...]]) -> list[str]:
    """The sides a speaker speaks for, from the sides the cues gave their statements: those
    in more than half of them. A sentence that also reports another source ("US officials
    said ..., while Zelensky put the total at ...") carries both sides, and would otherwise
    list the other side under this speaker."""
    sided = [(c, n) for c, n in given.most_common() if c]
    if not sided:
        return []
    total = sum(n for _c, n in sided)
    counts: Counter[str] = Counter()
    for c, n in sided:
        counts.update({k: n for k in c})
    order = list(dict.fromkeys(k for c, _n in sided for k in c))
    return [k for k in order if counts[k] * 2 > total] or list(sided[0][0])


def _merge_names(entries: dict[str, SpeakerEntry], written: dict[str, Counter[str]],
                 cues: dict[str, Counter[tuple[str, ...]]], booked: set[str]) -> None:
    """One entry per person: "Ukrainian President Volodymyr Zelensky" and a bare "Zelensky"
    join "Volodymyr Zelensky" when that full name is the only one they can belong to."""
    def proper(key: str) -> bool:
        forms = written.get(key)
        return forms is not None and bool(forms) and is_proper_name(forms.most_common(1)[0][0])

    def merge(source: str, target: str) -> None:
        a, b = entries.pop(source), entries[target]
        b.statements += a.statements
        b.without_perspective += a.without_perspective
        b.articles += [i for i in a.articles if i not in b.articles]
        written[target].update(written.pop(source, Counter()))
        cues.setdefault(target, Counter()).update(cues.pop(source, Counter()))

    names = [k for k in entries if " " in k and proper(k)]
    for key in sorted(entries, key=len, reverse=True):
        if key in booked:
            continue
        inside = [n for n in names if n != key and n in entries and key.endswith(" " + n)]
        if inside:
            merge(key, max(inside, key=len))
    for key in [k for k in entries if " " not in k and k not in booked and proper(k)]:
        owners = [n for n in names if n in entries and n.split()[-1] == key]
        if len(owners) == 1:
            merge(key, owners[0])


def find_speaker(ws: Workspace, name: str) -> SpeakerEntry | None:
    """The library's speaker this name stands for: its key, or one of its mentions
    ("Zelensky" -> the entry of "Volodymyr Zelensky")."""
    key = speaker_key(name)
    if not key:
        return None
    entries = library_speakers(ws)
    return next((e for e in entries if e.key == key), None) or next(
        (e for e in entries if any(speaker_key(m) == key for m in e.mentions)), None)


def assign_speaker(ws: Workspace, name: str, perspective_key: str | None,
                   seen: SpeakerEntry | None = None) -> SpeakerEntry:
    """Give a speaker a perspective across the library (None clears it: the cues decide).

    The name is filed under the library's spelling of the speaker when there is one, so
    every mention of that speaker follows. Returns the speaker as it now stands. `seen`
    is the speaker as the caller already knows it (the app's list): no re-reading then.
    """
    known = seen is not None
    if seen is None:
        seen = find_speaker(ws, name)
    filed = seen.name if seen is not None else name
    if perspective_key is None:
        if not ws.speakers.clear(filed) and not ws.speakers.clear(name):
            raise SpeakerError(f"{name!r} is not in the speaker book")
        if seen is not None:  # the statements that now follow the cues again
            return replace(seen, perspective=None)
    else:
        ws.speakers.assign(filed, perspective_key)
    if known and seen is not None:
        return replace(seen, perspective=perspective_key)
    after = find_speaker(ws, filed)
    return after if after is not None else SpeakerEntry(key=speaker_key(filed), name=filed,
                                                         perspective=perspective_key)
