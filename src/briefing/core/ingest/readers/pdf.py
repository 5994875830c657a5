"""PDF files -> page text (pages separated by blank lines) and the PDF's own metadata.

pypdf runs in a child process (`pdf_worker`) with a wall-clock limit (TIME_LIMIT_S) and an
address-space limit (MEMORY_LIMIT_BYTES), so a malformed file that makes pypdf loop or
balloon costs at most that, and the caller always gets an answer.
"""

from __future__ import annotations

import json
import math
import os
import re
import signal
import subprocess
import sys
from pathlib import Path

from briefing.core.ingest.readers.pdf_worker import OUT_OF_MEMORY_SIGNS
from briefing.core.ingest.readers.props import iso_date, split_authors
from briefing.core.ingest.types import DocumentHints, Extracted, ReadError

TIME_LIMIT_S = 30.0
MEMORY_LIMIT_BYTES = 1_500_000_000
WORKER = "briefing.core.ingest.readers.pdf_worker"
SHORT_LINE = 0.75  # a line under 75% of the page's full line width ends a paragraph
_BULLETS = "\u2022\u25aa\u25cf\u25e6\u2023\u2043"
_SPACES = re.compile(r"[ \t\u00a0]+")


def _worker_env() -> dict[str, str]:
    """The child must import briefing even when it is not installed (a source checkout)."""
    env = dict(os.environ)
    src = str(Path(__file__).resolve().parents[4])
    env["PYTHONPATH"] = os.pathsep.join(p for p in (src, env.get("PYTHONPATH")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def page_paragraphs(text: str) -> str:
    """Rejoin a page's wrapped lines into paragraphs separated by blank lines.

    PDF text comes out one printed line per line. A line clearly shorter than the page's
    full line width ends a paragraph (so do blank lines and bullets); other line breaks
    become spaces, and a word hyphenated across lines ("mili-" + "tary") is rejoined.
    Pages with few or short lines (slides, tables) keep their lines as they are.
    """
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    lengths = sorted(len(line) for line in lines if line)
    if len(lengths) < 4 or lengths[len(lengths) // 2] < 30:
        return "\n".join(line for line in lines if line)
    full = lengths[int(len(lengths) * 0.9)]
    paragraphs: list[str] = []
    current = ""
    for line in lines:
        if not line or line[0] in _BULLETS:
            if current:
                paragraphs.append(current)
            current = line
        elif not current:
            current = line
        elif current.endswith("-") and current[-2:-1].isalpha() and line[0].islower():
            current = current[:-1] + line
        else:
            current = f"{current} {line}"
        if current and len(line) < SHORT_LINE * full:
            paragraphs.append(current)
            current = ""
    if current:
        paragraphs.append(current)
    return "\n\n".join(p for p in paragraphs if p)


def worker_command(memory_limit: int, time_limit: float) -> list[str]:
    """How to start the worker: `python -m ...`, or the frozen app's `--pdf-worker` mode."""
    limits = [str(memory_limit), str(math.ceil(time_limit) + 5)]
    if getattr(sys, "frozen", False):
        return [sys.executable, "--pdf-worker", *limits]
    return [sys.executable, "-m", WORKER, *limits]


def run_worker(data: bytes, time_limit: float = TIME_LIMIT_S,
               memory_limit: int = MEMORY_LIMIT_BYTES) -> dict[str, object]:
    """Parse `data` in a fresh child process; ReadError on timeout or a crashed child."""
    command = worker_command(memory_limit, time_limit)
    try:
        proc = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=_worker_env())
    except OSError as exc:
        raise ReadError(f"cannot start the PDF reader ({exc.strerror or exc})") from None
    try:
        out, err = proc.communicate(data, timeout=time_limit)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        raise ReadError(f"damaged PDF: reading it took longer than {time_limit:g} s, "
                        "so it was stopped") from None
    try:
        result = json.loads(out.decode("utf-8"))
    except ValueError:
        raise ReadError(_crash_reason(proc.returncode, err)) from None
    if not isinstance(result, dict):
        raise ReadError("damaged PDF (the PDF reader gave no answer)")
    return result


def _crash_reason(returncode: int, stderr: bytes) -> str:
    """Why the worker stopped without an answer, for a person."""
    if any(sign.encode() in stderr for sign in OUT_OF_MEMORY_SIGNS):
        return "damaged PDF: reading it needed too much memory, so it was stopped"
    if returncode == -getattr(signal, "SIGXCPU", 24):
        return "damaged PDF: reading it took too long, so it was stopped"
    how = f"signal {-returncode}" if returncode < 0 else f"exit code {returncode}"
    return f"damaged PDF (the PDF reader crashed on it: {how})"


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def read_pdf(data: bytes, time_limit: float = TIME_LIMIT_S,
             memory_limit: int = MEMORY_LIMIT_BYTES) -> Extracted:
    """Text of every page, joined by blank lines, with /Title, /Author, /CreationDate hints."""
    result = run_worker(data, time_limit=time_limit, memory_limit=memory_limit)
    if not result.get("ok"):
        kind = result.get("error")
        if kind == "encrypted":
            raise ReadError("password-protected PDF; remove the password (print to PDF or "
                            "'save without security') and import it again")
        if kind == "memory":
            raise ReadError("damaged PDF: reading it needed too much memory, so it was stopped")
        raise ReadError(f"damaged PDF ({result.get('detail') or 'unreadable'})")
    raw_pages = result.get("pages")
    pages = [page_paragraphs(str(p)) for p in (raw_pages if isinstance(raw_pages, list) else [])]
    if not any(pages):
        raise ReadError("PDF has no text layer (scanned image?); run OCR first")
    raw_meta = result.get("meta")
    meta: dict[str, object] = raw_meta if isinstance(raw_meta, dict) else {}
    hints = DocumentHints(
        title=(str(meta.get("title") or "").strip() or None),
        authors=split_authors(_text_or_none(meta.get("author"))),
        published=iso_date(meta.get("created")))
    return Extracted(text="\n\n".join(p for p in pages if p), format="pdf", hints=hints)
