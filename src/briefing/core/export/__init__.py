"""Briefing note export: the selected highlights as .docx, Markdown, CSV or JSON.

`export_briefing(ws, spec, out)` is the one entry point the CLI and the app use.
It is split in two so the UI can read the workspace on its own thread and write
in the background: `build_content` (reads the workspace) and `write_content`
(renders and writes one file atomically; touches no database).
"""

from __future__ import annotations

import io
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.export.files import check_writable, write_atomic
from briefing.core.export.readiness import ReadyReport, check_content, check_ready
from briefing.core.export.selection import (
    CITATION_STYLES,
    GROUPINGS,
    BriefingContent,
    BriefingSpec,
    ExportError,
    build_content,
    select_highlights,
)
from briefing.core.models import ClaimComparison
from briefing.core.outputs import OutputError, check_output
from briefing.core.workspace import Workspace

FORMATS = {"docx": ".docx", "md": ".md", "csv": ".csv", "json": ".json"}
_SUFFIXES = {".docx": "docx", ".md": "md", ".markdown": "md", ".csv": "csv", ".json": "json",
             ".jsonld": "json"}

Progress = Callable[[int, int], None] | None


@dataclass
class ExportReport:
    """What an export wrote."""

    path: Path
    format: str
    highlights: int
    sections: int
    sources: int
    comparisons: int
    bytes: int
    seconds: float
    warnings: list[str] = field(default_factory=list)
    highlight_ids: list[int] = field(default_factory=list)  # what the note cites, in order
    article_ids: list[int] = field(default_factory=list)  # its sources, in citation order

    def line(self) -> str:
        return (f"wrote {self.path} ({self.format}): {self.highlights} highlight(s) in "
                f"{self.sections} section(s), {self.sources} source(s)")


def format_for(out: Path, fmt: str | None = None) -> str:
    """The format asked for, else the one OUT's extension names; ExportError if neither."""
    if fmt:
        fmt = fmt.lower().lstrip(".")
        if fmt == "markdown":
            fmt = "md"
        if fmt not in FORMATS:
            raise ExportError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
        return fmt
    found = _SUFFIXES.get(Path(out).suffix.lower())
    if found is None:
        raise ExportError(f"cannot tell the format from {Path(out).name!r}; end the name with "
                          ".docx, .md, .csv or .json, or pass a format")
    return found


def guard_output(out: Path, protected: tuple[Path, ...], force: bool = False) -> None:
    """ExportError unless `out` may be written: never inside a workspace, never over a file
    Briefing did not write unless `force` (see core/outputs.py)."""
    try:
        check_output(out, protected, force)
    except OutputError as exc:
        raise ExportError(str(exc), needs_confirmation=exc.needs_confirmation) from None
    check_writable(out)


def write_content(content: BriefingContent, out: Path, fmt: str | None = None,
                  progress: Progress = None, *, protected: tuple[Path, ...],
                  force: bool = False) -> ExportReport:
    """Render the content in one format and write it to `out` all-or-nothing.

    `protected`: folders nothing may be written into (the open workspace).
    """
    started = time.perf_counter()
    out = Path(out)
    guard_output(out, protected, force)
    fmt = format_for(out, fmt)
    warnings = list(content.warnings)
    # Rendered in memory first: the size needed is known before the disk is touched,
    # and a full disk fails the one write below, never halfway through rendering.
    buffer = io.BytesIO()
    if fmt == "docx":
        from briefing.core.export.docx import write_docx

        warnings.extend(write_docx(content, buffer, progress))
    else:
        if fmt == "md":
            from briefing.core.export.markdown import render_markdown as render
        elif fmt == "csv":
            from briefing.core.export.tabular import render_csv as render
        else:
            from briefing.core.export.annotations import render_annotations as render
        encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
        buffer.write(render(content).encode(encoding))
        if progress:
            progress(len(content.items), len(content.items))
    data = buffer.getvalue()
    size = write_atomic(out, data)
    return ExportReport(path=out, format=fmt, highlights=len(content.items),
                        sections=len(content.sections), sources=len(content.sources),
                        comparisons=len(content.comparisons), bytes=size,
                        seconds=time.perf_counter() - started, warnings=warnings,
                        highlight_ids=[item.highlight.id for item in content.items],
                        article_ids=[src.article_id for src in content.sources])


def export_briefing(ws: Workspace, spec: BriefingSpec, out: Path, fmt: str | None = None,
                    progress: Progress = None,
                    comparisons: list[ClaimComparison] | None = None,
                    force: bool = False) -> ExportReport:
    """Select, group and write a briefing note. Refuses an empty selection, a path inside
    the workspace, and an existing file Briefing did not write (unless `force`)."""
    started = time.perf_counter()
    out = Path(out)
    protected = (ws.root,)
    guard_output(out, protected, force)
    fmt = format_for(out, fmt)
    content = build_content(ws, spec, comparisons)
    if not content.items:
        raise ExportError("no highlights match this selection; nothing was written")
    report = write_content(content, out, fmt, progress, protected=protected, force=force)
    report.seconds = time.perf_counter() - started
    return report


__all__ = ["CITATION_STYLES", "BriefingContent", "BriefingSpec", "ExportError", "ExportReport",
           "FORMATS", "GROUPINGS", "ReadyReport", "build_content", "check_content", "check_ready", "export_briefing", "format_for", "guard_output",
           "select_highlights",
           "write_content"]
