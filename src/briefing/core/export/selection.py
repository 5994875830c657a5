"""What goes into a briefing note: the spec a user fills in, the highlights it
selects, and the plain outline (sections, items, sources, comparison rows)
that every writer (docx, Markdown, CSV, JSON) renders.

Reading the workspace happens here and only here; writers never touch the
database, so the UI can build the content on its thread and write in the
background.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

from briefing.core import collections
from briefing.core.claims.status import judge
from briefing.core.errors import CollectionError, PerspectiveError
from briefing.core.export.markings import lower_than
from briefing.core.export.quotes import display_quote
from briefing.core.export.sanitize import MAX_NODE_CHARS
from briefing.core.models import Article, ClaimComparison, Highlight, Perspective
from briefing.core.workspace import Workspace

GROUPINGS = ("perspective", "tag", "article", "order")  # "order": the analyst's own order
CITATION_STYLES = ("numbered", "footnotes")  # footnotes: Chicago notes beside the list
ORDER_HEADING = "Key passages"
UNATTRIBUTED = "Unattributed"
UNTAGGED = "Untagged"
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_MONTHS_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


class ExportError(Exception):
    """An export was refused or failed; the message says why and what to do.

    `needs_confirmation`: the user may overrule the refusal (replace an existing file that
    Briefing did not write) by exporting again with `force`.
    """

    def __init__(self, message: str, needs_confirmation: bool = False) -> None:
        super().__init__(message)
        self.needs_confirmation = needs_confirmation


@dataclass
class BriefingSpec:
    """Everything the user chooses for one note. Empty filter lists mean "all"."""

    title: str = "Briefing note"
    summary: str = ""
    author: str = ""
    marking: str = "UNCLASSIFIED"
    date: str | None = None  # ISO "YYYY-MM-DD"; today when None
    group_by: str = "perspective"
    perspectives: list[str] = field(default_factory=list)  # keys, names or shortcuts
    tags: list[str] = field(default_factory=list)  # highlight or article tags
    article_ids: list[int] = field(default_factory=list)
    date_from: str | None = None  # article published date, ISO prefix, inclusive
    date_to: str | None = None
    highlight_ids: list[int] | None = None  # exact selection and order (after filters)
    collection: str | None = None  # only articles of this collection (a saved search re-run)
    template: Path | None = None  # a .docx whose styles replace the shipped template's
    citation_style: str = "numbered"  # or "footnotes" (Chicago notes; .docx only)
    # "New since <date>" markers (a saved brief's option): the date of its previous export,
    # and the highlights and sources (article ids) that were not in that export
    new_since: str | None = None
    new_highlights: list[int] = field(default_factory=list)
    new_sources: list[int] = field(default_factory=list)


@dataclass
class SourceEntry:
    """One article cited in the note, numbered in order of first citation."""

    number: int
    article_id: int
    title: str
    publisher: str | None
    published: str | None
    authors: list[str]
    url: str | None
    caveat: str = ""  # the article's own handling caveat
    new_since: str = ""  # "New since 5 Dec 2026" when the note marks it new, else ""

    def citation(self) -> str:
        """'Publisher, “Title”, 15 Nov 2024' (parts that are unknown are left out)."""
        parts = [self.publisher] if self.publisher else []
        parts.append(f"\u201c{self.title}\u201d")
        parts.append(short_date(self.published) or "undated")
        return ", ".join(parts)

    def listing(self) -> str:
        """The full entry for the numbered source list: publisher, title, date at its known
        precision, authors and URL when known. Never the imported file's name: it means
        nothing to the note's reader."""
        text = self.citation()
        if self.authors:
            text += ". By " + _and(self.authors)
        if self.url:
            text += f". {self.url}"
        if self.caveat.strip():
            text += f". Handling: {' '.join(self.caveat.split())}"
        return text


def _and(names: list[str]) -> str:
    """'A', 'A and B', 'A, B and C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


@dataclass
class NoteItem:
    """One highlight as the note shows it."""

    highlight: Highlight
    article: Article
    source: SourceEntry
    quote: str
    perspectives: list[str]  # display names, in the highlight's order
    also: list[str]  # other groups this highlight belongs to (not this section)
    note: str
    grading: str  # "Source B / Credibility 2", or ""
    translation: str = ""  # the analyst's translation of the quote, or ""
    new_since: str = ""  # "New since 5 Dec 2026" when the note marks it new, else ""

    @property
    def reference(self) -> int:
        return self.source.number

    @property
    def source_line(self) -> str:
        return f"{self.source.citation()} [{self.source.number}]"


@dataclass
class Section:
    heading: str
    key: str  # perspective key, tag, or article id as text
    colour: str | None  # "#rrggbb" for perspective sections
    items: list[NoteItem] = field(default_factory=list)


@dataclass
class ComparisonColumn:
    name: str
    colour: str | None


@dataclass
class ComparisonRow:
    label: str  # "North Korean troops"
    cells: list[str]  # one per column: "10,000 [2]; 12,000 [4]" or ""
    disagreement: bool
    entries: int = 0  # how many figures the row lines up
    status: str = ""  # agree | disagree | changed | single (claims.status); "" if unknown

    @property
    def verdict(self) -> str:
        if self.disagreement or self.status == "disagree":
            return "Sources differ"
        if self.status == "changed":
            return "Changed over time"
        if self.status == "single":
            return "Single source"
        return "Single source" if self.entries < 2 else "Consistent"


@dataclass
class BriefingContent:
    """The note as plain values: what every writer renders."""

    title: str
    summary: str
    author: str
    marking: str
    date: str  # ISO
    group_by: str
    sections: list[Section]
    sources: list[SourceEntry]
    columns: list[ComparisonColumn] = field(default_factory=list)
    comparisons: list[ComparisonRow] = field(default_factory=list)
    comparison_status: str = ""  # why there is no table, when there is none
    template: Path | None = None
    warnings: list[str] = field(default_factory=list)
    citation_style: str = "numbered"

    @property
    def items(self) -> list[NoteItem]:
        return [item for section in self.sections for item in section.items]

    @property
    def long_date(self) -> str:
        return long_date(self.date)


# -- dates -------------------------------------------------------------------
def short_date(published: str | None) -> str:
    """'2024-11-15' -> '15 Nov 2024'; '2024-11' -> 'Nov 2024'; '2024' -> '2024'."""
    if not published:
        return ""
    parts = published.split("-")
    try:
        if len(parts) >= 3:
            return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
        if len(parts) == 2:
            return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    except (ValueError, IndexError):
        return published
    return parts[0]


def long_date(iso: str) -> str:
    """'2026-11-25' -> '25 November 2026' (unparseable dates come back as given)."""
    try:
        day = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {_MONTHS_LONG[day.month - 1]} {day.year}"


def _in_range(published: str | None, start: str | None, end: str | None) -> bool:
    """Does a (possibly partial) published date overlap [start, end]?"""
    if not start and not end:
        return True
    if not published:
        return False
    low, high = _pad(published, "-01-01"), _pad(published, "-12-31")
    if start and high < _pad(start, "-01-01"):
        return False
    return not (end and low > _pad(end, "-12-31"))


def _pad(iso: str, tail: str) -> str:
    return iso + tail[len(iso) - 4:] if len(iso) < 10 else iso


def grading(h: Highlight) -> str:
    parts = []
    if h.reliability:
        parts.append(f"Source {h.reliability}")
    if h.credibility:
        parts.append(f"Credibility {h.credibility}")
    return " / ".join(parts)


# -- selection -----------------------------------------------------------------
def resolve_perspective_keys(ws: Workspace, names: list[str]) -> list[str]:
    """Keys for perspective keys, names or shortcuts; unknown ones are an ExportError."""
    try:
        return ws.perspectives.resolve_keys(names)
    except PerspectiveError as exc:
        raise ExportError(str(exc)) from None


def _article_order(article: Article) -> tuple:
    return (article.published or "9999", article.id)


def select_highlights(ws: Workspace, spec: BriefingSpec) -> list[tuple[Highlight, Article]]:
    """The highlights the spec selects, with their articles, in note order.

    Order: spec.highlight_ids when given (it also limits the selection), else by
    article (oldest published first) and position in the article.
    """
    keys = resolve_perspective_keys(ws, spec.perspectives) if spec.perspectives else None
    articles = {a.id: a for a in ws.articles.list()}
    wanted_articles = spec.article_ids or None
    if wanted_articles:
        missing = [i for i in wanted_articles if i not in articles]
        if missing:
            raise ExportError(f"no article #{missing[0]} in this workspace")
    if spec.collection:
        try:
            inside = set(collections.members(ws, spec.collection))
        except CollectionError as exc:
            raise ExportError(str(exc)) from None
        wanted_articles = [i for i in (wanted_articles or articles) if i in inside]
        if not wanted_articles:
            return []
    found = ws.highlights.list(article_ids=wanted_articles, perspectives=keys)
    tags = {t.lower() for t in spec.tags}
    chosen: list[tuple[Highlight, Article]] = []
    for h in found:
        article = articles.get(h.article_id)
        if article is None:
            continue
        if tags and not tags & {t.lower() for t in [*h.tags, *article.tags]}:
            continue
        if not _in_range(article.published, spec.date_from, spec.date_to):
            continue
        chosen.append((h, article))
    if spec.highlight_ids is not None:
        by_id = {h.id: (h, a) for h, a in chosen}
        return [by_id[i] for i in dict.fromkeys(spec.highlight_ids) if i in by_id]
    chosen.sort(key=lambda pair: (*_article_order(pair[1]), pair[0].start, pair[0].id))
    return chosen


# -- content -------------------------------------------------------------------
def build_content(ws: Workspace, spec: BriefingSpec,
                  comparisons: list[ClaimComparison] | None = None) -> BriefingContent:
    """Select, group and number: the note's outline as plain values.

    `comparisons` defaults to the library's numeric-claim comparisons when the
    claims engine is installed (briefing.core.suggestions.library_comparisons).
    """
    if spec.group_by not in GROUPINGS:
        raise ExportError(f"group by one of {', '.join(GROUPINGS)}, not {spec.group_by!r}")
    if spec.citation_style not in CITATION_STYLES:
        raise ExportError(f"cite with one of {', '.join(CITATION_STYLES)}, "
                          f"not {spec.citation_style!r}")
    selected = select_highlights(ws, spec)
    perspectives = ws.perspectives.all()
    filter_keys = resolve_perspective_keys(ws, spec.perspectives) if spec.perspectives else []
    sections = _group(selected, spec, perspectives, filter_keys)
    sources = _number_sources(sections)
    if spec.group_by == "article":
        for section in sections:
            first = section.items[0]
            section.heading = f"{first.source.citation()} [{first.source.number}]"
    content = BriefingContent(
        title=spec.title.strip() or "Briefing note", summary=spec.summary.strip(),
        author=spec.author.strip(), marking=spec.marking.strip(),
        date=spec.date or dt.date.today().isoformat(), group_by=spec.group_by,
        sections=sections, sources=sources, template=spec.template,
        citation_style=spec.citation_style)
    if spec.new_since:
        _mark_new(content, spec)
    content.warnings.extend(marking_warnings(content))
    for item in content.items:
        if len(item.highlight.quote) > MAX_NODE_CHARS:
            content.warnings.append(
                f"highlight #{item.highlight.id} is {len(item.highlight.quote):,} characters "
                "long; the note "
                f"shows its first {MAX_NODE_CHARS:,} and says how much was left out")
    from_library = comparisons is None
    if comparisons is None:
        comparisons, status = _library_comparisons(ws)
        content.comparison_status = status
        if status:
            content.warnings.append(status)
    # The library's rows also carry figures from unreviewed suggestions: a note shows
    # only the figures of the highlights the analyst chose. Rows given by the caller
    # keep every figure from the cited sources.
    chosen = {item.highlight.id for item in content.items} if from_library else None
    _add_comparisons(content, comparisons or [], perspectives, filter_keys, chosen)
    return content


def new_since_label(iso: str) -> str:
    """'2026-12-05T09:00:00+00:00' -> 'New since 5 Dec 2026'."""
    return f"New since {short_date(iso[:10]) or iso}"


def _mark_new(content: BriefingContent, spec: BriefingSpec) -> None:
    label = new_since_label(spec.new_since or "")
    new_items, new_sources = set(spec.new_highlights), set(spec.new_sources)
    for item in content.items:
        if item.highlight.id in new_items:
            item.new_since = label
    for src in content.sources:
        if src.article_id in new_sources:
            src.new_since = label


def _group(selected: list[tuple[Highlight, Article]], spec: BriefingSpec,
           perspectives: list[Perspective], filter_keys: list[str]) -> list[Section]:
    names = {p.key: p for p in perspectives}
    placeholder = SourceEntry(0, 0, "", None, None, [], None)
    sections: dict[str, Section] = {}
    order: list[str] = []
    for h, article in selected:
        if spec.group_by == "perspective":
            groups = [k for k in h.perspectives if not filter_keys or k in filter_keys]
            groups = groups or list(h.perspectives)
            key = groups[0] if groups else ""
            p = names.get(key)
            heading = p.name if p else (key or UNATTRIBUTED)
            colour = p.colour if p else None
            also = [names[k].name if k in names else k for k in groups[1:]]
        elif spec.group_by == "tag":
            tag_pool = h.tags or article.tags
            wanted = {t.lower() for t in spec.tags}
            groups = [t for t in tag_pool if not wanted or t.lower() in wanted] or list(tag_pool)
            key = groups[0] if groups else ""
            heading, colour, also = key or UNTAGGED, None, groups[1:]
        elif spec.group_by == "article":
            key, heading, colour, also = str(article.id), article.title, None, []
        else:  # the analyst's order: one section, exactly as arranged
            key, heading, colour, also = "", ORDER_HEADING, None, []
        section = sections.get(key)
        if section is None:
            section = sections[key] = Section(heading=heading, key=key, colour=colour)
            order.append(key)
        section.items.append(NoteItem(
            highlight=h, article=article, source=placeholder, quote=display_quote(h),
            perspectives=[names[k].name if k in names else k for k in h.perspectives],
            also=also, note=h.note.strip(), grading=grading(h),
            translation=h.translation.strip()))
    # Sections follow the perspective list (or tags A-Z); a user's order applies within them.
    if spec.group_by == "perspective":
        rank = {p.key: i for i, p in enumerate(perspectives)}
        order.sort(key=lambda k: rank.get(k, len(rank)) if k else len(rank) + 1)
    elif spec.group_by == "tag":
        order.sort(key=lambda k: (k == "", k.lower()))
    return [sections[k] for k in order]


def _number_sources(sections: list[Section]) -> list[SourceEntry]:
    sources: dict[int, SourceEntry] = {}
    for section in sections:
        for item in section.items:
            a = item.article
            entry = sources.get(a.id)
            if entry is None:
                entry = sources[a.id] = SourceEntry(
                    number=len(sources) + 1, article_id=a.id, title=a.title,
                    publisher=a.publisher, published=a.published, authors=list(a.authors),
                    url=a.source_url, caveat=a.caveat or "")
            item.source = entry
    return list(sources.values())


def marking_warnings(content: BriefingContent) -> list[str]:
    """One line per cited source whose handling caveat is higher than the note's marking."""
    out = []
    for src in content.sources:
        level = lower_than(content.marking, src.caveat)
        if level is not None:
            out.append(f"the note is marked {content.marking or 'with nothing'} but source "
                       f"[{src.number}] (\u201c{src.title}\u201d) carries the caveat "
                       f"{' '.join(src.caveat.split())!r} ({level.name}); mark the note "
                       f"{level.name} or higher, or leave that source out")
    return out


def _library_comparisons(ws: Workspace) -> tuple[list[ClaimComparison], str]:
    """The claims engine's comparisons, or ([], why not) when it is absent or fails."""
    from briefing.core import suggestions  # imports the workspace layer; loaded when needed

    try:
        return list(suggestions.library_comparisons(ws)), ""
    except Exception as exc:  # a fault there must not stop the note being written
        return [], f"No comparison of figures: the claims engine failed ({exc})."


def _add_comparisons(content: BriefingContent, comparisons: list[ClaimComparison],
                     perspectives: list[Perspective], filter_keys: list[str],
                     chosen: set[int] | None) -> None:
    numbers = {s.article_id: s.number for s in content.sources}
    kept: list[tuple[ClaimComparison, list]] = []
    used: set[str] = set()
    for cc in comparisons:
        entries = [e for e in cc.entries if e.article_id in numbers
                   and (chosen is None or e.highlight_id in chosen)
                   and (not filter_keys or set(e.perspectives) & set(filter_keys))]
        if not entries:
            continue
        kept.append((cc, entries))
        for e in entries:
            used.update(e.perspectives or [""])
    columns = [p for p in perspectives if p.key in used]
    keys = [p.key for p in columns]
    content.columns = [ComparisonColumn(p.name, p.colour) for p in columns]
    if "" in used:
        keys.append("")
        content.columns.append(ComparisonColumn(UNATTRIBUTED, None))
    for cc, entries in kept:
        cells: list[list[str]] = [[] for _ in keys]
        for e in entries:
            figure = e.written
            text = f"{figure} [{numbers[e.article_id]}]"
            for k in e.perspectives or [""]:
                if k in keys and text not in cells[keys.index(k)]:
                    cells[keys.index(k)].append(text)
        # Judged again on the figures the note shows (copies: the rows stay as they are).
        status = judge([replace(e) for e in entries])
        disagree = status == "disagree"
        label = cc.subject or cc.unit
        if cc.unit and cc.unit.lower() not in label.lower():
            label = f"{label} ({cc.unit})"
        label = label[:1].upper() + label[1:]
        content.comparisons.append(ComparisonRow(label=label, cells=["; ".join(c) for c in cells],
                                                 disagreement=disagree, entries=len(entries),
                                                 status=status))
    if comparisons and not content.comparisons and not content.comparison_status:
        content.comparison_status = "No figures from the cited sources to compare."
    elif not comparisons and not content.comparison_status:
        content.comparison_status = "No numeric claims to compare among the cited sources."
