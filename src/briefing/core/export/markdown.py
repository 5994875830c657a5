"""The briefing note as Markdown: the same outline as the .docx, for other tools."""

from __future__ import annotations

from briefing.core.export.chicago import full_note, short_note
from briefing.core.export.sanitize import clean_text, one_line
from briefing.core.export.selection import BriefingContent, NoteItem
from briefing.core.outputs import MARKDOWN_MARK

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_<|"})


def _md(text: str) -> str:
    """Escape characters Markdown would read as formatting."""
    return one_line(text).translate(_SPECIAL)


def _quote_block(text: str) -> list[str]:
    lines = clean_text(text).strip().split("\n")
    return ["> " + line.strip().translate(_SPECIAL) if line.strip() else ">" for line in lines]


def _item(item: NoteItem, note: str = "") -> list[str]:
    """The quote, its source line (with a footnote mark `note` when citing with notes)."""
    out = _quote_block(f"\u201c{item.quote.strip()}\u201d")
    if item.translation:  # under the quote, marked as the analyst's
        out.append(">")
        out.append(f"> *Analyst's translation:* {_md(item.translation)}")
    out.append(">")
    out.append(f"> \u2014 {_md(item.source_line)}{note}")
    extras = []
    if item.note:
        extras.append(f"**Note:** {_md(item.note)}")
    if item.grading:
        extras.append(f"**Grading:** {item.grading}")
    if item.also:
        extras.append(f"**Also:** {_md(', '.join(item.also))}")
    if item.highlight.orphaned:
        extras.append("**Check:** this passage is no longer found in the article's current text.")
    if item.new_since:
        extras.append(f"**{item.new_since}**")
    if extras:
        out += ["", " \u00b7 ".join(extras)]
    return [*out, ""]


def render_markdown(content: BriefingContent) -> str:
    """The whole note as one Markdown document."""
    c = content
    out = [MARKDOWN_MARK, "", f"**{_md(c.marking)}**", "", f"# {_md(c.title)}", ""]
    meta = [c.long_date]
    if c.author:
        meta.append(f"Prepared by {_md(c.author)}")
    if c.marking:
        meta.append(f"Handling: {_md(c.marking)}")
    out += [" \u00b7 ".join(meta), ""]
    if c.summary:
        out += ["## Bottom line up front", ""]
        out += [_md(p) for p in clean_text(c.summary).split("\n") if p.strip()]
        out.append("")
    notes: list[str] = []  # Chicago notes as Markdown footnotes ([^1]), when asked for
    cited: set[int] = set()
    for section in c.sections:
        out += [f"## {_md(section.heading)}", ""]
        for item in section.items:
            mark = ""
            if c.citation_style == "footnotes":
                first = item.source.number not in cited
                cited.add(item.source.number)
                notes.append(full_note(item.source) if first else short_note(item.source))
                mark = f"[^{len(notes)}]"
            out += _item(item, mark)
    out += ["## Comparison of figures", ""]
    if c.comparisons:
        header = ["Figure", *[_md(col.name) for col in c.columns], "Agreement"]
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
        for row in c.comparisons:
            cells = [_md(row.label), *[_md(v) or "\u2013" for v in row.cells],
                     f"**{row.verdict}**" if row.disagreement else row.verdict]
            out.append("| " + " | ".join(cells) + " |")
    else:
        out.append(_md(c.comparison_status or "No figures to compare."))
    out += ["", "## Sources", ""]
    for src in c.sources:
        new = f" **{src.new_since}**" if src.new_since else ""
        out.append(f"{src.number}. {_md(src.listing())}{new}")
    if notes:
        out.append("")
        out += [f"[^{n}]: {_md(text)}" for n, text in enumerate(notes, start=1)]
    out += ["", f"**{_md(c.marking)}**", ""]
    return "\n".join(out)
