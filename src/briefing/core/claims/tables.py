"""Table rows as the readers give them: one paragraph, cells joined by " | ".

A table of estimates is where a data note keeps its figures ("2024-12-19 | South Korea, NIS |
about 12,000 | at least 100 | about 1,000" under "Date | Source | Deployed | Killed |
Wounded or killed (total)"). A figure in a cell counts what its column's header names
("Killed": casualties), else what the row's first cell names ("Ballistic missiles | about
100"); the row is the statement of the cell under a source header ("Source", "According
to"), else the writer's own figure. The header words are data (resources/claims/numeric.toml
[tables]).
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from briefing.core.resources import resource

SEP = " | "
_MAX_ROWS_BACK = 40  # rows searched above a row for its header (keeps long texts linear)
_DATE_CELL = re.compile(r"\s*(?:\d{4}-\d{1,2}(?:-\d{1,2})?|\d{1,2}[./]\d{1,2}[./]\d{2,4})\s*$")


@dataclass(frozen=True)
class Cell:
    """One cell of a row: its text and where it is in the full text."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """A table row and the header row above it (None when the row is the header)."""

    cells: list[Cell]
    header: list[str] | None

    def column(self, pos: int) -> int:
        """The index of the cell holding offset `pos` (the last cell if past the end)."""
        return next((i for i, c in enumerate(self.cells) if pos < c.end), len(self.cells) - 1)

    def heading(self, pos: int) -> str:
        """The header of the column holding `pos` ("" when the header does not line up)."""
        if self.header is None or len(self.header) != len(self.cells):
            return ""
        return self.header[self.column(pos)]

    def source(self) -> Cell | None:
        """The cell under a source header ("Source", "Estimated by"), if the table has one."""
        if self.header is None or len(self.header) != len(self.cells):
            return None
        words = _words()["source_headers"]
        for name, cell in zip(self.header, self.cells, strict=True):
            if name.strip(" :*").lower() in words and cell.text.strip("–—- "):
                return cell
        return None


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    data = tomllib.loads(resource("claims", "numeric.toml").read_text(encoding="utf-8"))
    tables = data.get("tables", {})
    return {"source_headers": frozenset(w.lower() for w in tables.get("source_headers", []))}


def _line(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph line holding text[start:end]."""
    a = text.rfind("\n", 0, start) + 1
    z = text.find("\n", end)
    return a, len(text) if z < 0 else z


def _cells(text: str, a: int, z: int) -> list[Cell]:
    out: list[Cell] = []
    pos = a
    while True:
        cut = text.find(SEP, pos, z)
        stop = z if cut < 0 else cut
        out.append(Cell(text[pos:stop], pos, stop))
        if cut < 0:
            return out
        pos = cut + len(SEP)


def table_row(text: str, start: int, end: int) -> Row | None:
    """The table row holding text[start:end] (a one-line paragraph with at least two
    cells, in a run of such paragraphs with as many cells), or None."""
    a, z = _line(text, start, end)
    if SEP not in text[a:z]:
        return None
    cells = _cells(text, a, z)
    rows = [(a, z)]
    prev = a
    for _ in range(_MAX_ROWS_BACK):
        if prev < 2 or text[prev - 2:prev] != "\n\n":
            break
        pa, pz = _line(text, prev - 3, prev - 2)
        if pa >= pz or text[pa:pz].count(SEP) != len(cells) - 1:
            break
        rows.append((pa, pz))
        prev = pa
    if len(rows) == 1:  # a lone line with bars: a row only when a row of its width follows
        after = text[z + 2:text.find("\n", z + 2) if text.find("\n", z + 2) >= 0 else None]
        if not text.startswith("\n\n", z) or after.count(SEP) != len(cells) - 1:
            return None
        return Row(cells, None)
    top = rows[-1]
    header = [c.text for c in _cells(text, *top)]
    return Row(cells, header) if top != (a, z) else Row(cells, None)


def date_cell(cell: str) -> bool:
    """A cell holding a date ("2024-12-19", "19.12.2024"), not a count."""
    return bool(_DATE_CELL.match(cell))
