""""Ready to send?": what a note would cite that the analyst has not checked yet.

Run before writing (the export dialog shows it as a step, the CLI prints it as warning
lines). It never blocks: the analyst signs the note and decides. It lists

* article details the note cites that are still inferred (title, publisher, authors,
  date): guessed by the cleaner, never confirmed or edited (the article's `provenance`);
* orphaned highlights: passages no longer found in their article's current text;
* suggested claims never confirmed: in the cited articles, suggestions the analyst has
  neither accepted nor rejected;
* sources whose handling caveat is above the note's marking.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from briefing.core.export.selection import (
    BriefingContent,
    BriefingSpec,
    build_content,
    marking_warnings,
)
from briefing.core.workspace import Workspace

CHECKED_FIELDS = (("title", "title"), ("publisher", "publisher"), ("authors", "authors"),
                  ("published", "date"))
KINDS = ("inferred", "orphaned", "suggestions", "marking")


@dataclass
class ReadyIssue:
    kind: str  # one of KINDS
    text: str  # one line a user reads
    article_id: int | None = None
    highlight_id: int | None = None


@dataclass
class ReadyReport:
    issues: list[ReadyIssue] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.issues

    def of(self, kind: str) -> list[ReadyIssue]:
        return [i for i in self.issues if i.kind == kind]

    def lines(self) -> list[str]:
        return [i.text for i in self.issues]


def _inferred(content: BriefingContent) -> list[ReadyIssue]:
    out = []
    seen: set[int] = set()
    for item in content.items:
        a = item.article
        if a.id in seen:
            continue
        seen.add(a.id)
        fields = [label for name, label in CHECKED_FIELDS
                  if a.provenance.get(name) == "inferred"
                  or (name == "title" and a.title_inferred and not a.is_confirmed("title"))]
        if fields:
            out.append(ReadyIssue(
                "inferred", f"source [{item.source.number}] \u201c{a.title}\u201d: the "
                f"{', '.join(fields)} {'was' if len(fields) == 1 else 'were'} guessed, never "
                f"confirmed (check them in the article's details)", article_id=a.id))
    return out


def _orphaned(content: BriefingContent) -> list[ReadyIssue]:
    return [ReadyIssue("orphaned", f"highlight #{item.highlight.id} in source "
                       f"[{item.source.number}] is orphaned: its passage is no longer in the "
                       "article's current text", article_id=item.article.id,
                       highlight_id=item.highlight.id)
            for item in content.items if item.highlight.orphaned]


def _unconfirmed(ws: Workspace, content: BriefingContent) -> list[ReadyIssue]:
    from briefing.core.suggestions import pending_suggestions  # the claims engine, when needed

    out = []
    for src in content.sources:
        try:
            n = len(pending_suggestions(ws, src.article_id))
        except Exception as exc:  # the check is an aid: a fault there never stops an export
            out.append(ReadyIssue("suggestions", f"source [{src.number}]: its suggested "
                                  f"claims could not be checked ({exc})",
                                  article_id=src.article_id))
            continue
        if n:
            out.append(ReadyIssue(
                "suggestions", f"source [{src.number}] \u201c{src.title}\u201d has {n} "
                f"suggested claim{'s' * (n != 1)} never confirmed or rejected",
                article_id=src.article_id))
    return out


def check_content(ws: Workspace, content: BriefingContent) -> ReadyReport:
    """The ready-to-send check of an outline already built."""
    issues = _inferred(content) + _orphaned(content) + _unconfirmed(ws, content)
    issues += [ReadyIssue("marking", line) for line in marking_warnings(content)]
    return ReadyReport(issues)


def check_ready(ws: Workspace, spec: BriefingSpec) -> ReadyReport:
    """The ready-to-send check of what `spec` would write (no comparison table needed)."""
    return check_content(ws, build_content(ws, spec, comparisons=[]))
