"""The library list's order, filters and pages, asked of the core (real workspace)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from briefing.core.library import DATE, HIGHLIGHTS, PUBLISHER, TITLE, WORDS, LibraryFilter
from briefing.core.store.articles import NewArticle
from briefing.core.workspace import Workspace


@pytest.fixture
def ws(workspace_dir: Path) -> Iterator[Workspace]:
    with Workspace.open(workspace_dir) as workspace:
        yield workspace


def _add(ws: Workspace, title: str, publisher: str = "", published: str = "", words: int = 1,
         authors: list[str] | None = None) -> int:
    return ws.articles.add(NewArticle(
        title=title, text=f"{title}. body text", text_hash=title, source_file=f"{title}.txt",
        original_hash=title, format="txt", publisher=publisher or None,
        published=published or None, authors=authors or [], words=words))


def test_order_by_each_column_the_lists_way(ws: Workspace) -> None:
    ukr = _add(ws, "Ядерна загроза", "Укрінформ", "2024-11-15", 30)
    low = _add(ws, "apple harvest", "bbc", "2024", 20)
    up = _add(ws, "Border talks", "Reuters", "2024-02", 10)
    none = _add(ws, "Undated note", "", "", 40)
    lib = ws.library
    everything = LibraryFilter()
    assert lib.order(everything, TITLE) == [low, up, none, ukr]  # case-insensitive
    assert lib.order(everything, TITLE, descending=True) == [ukr, none, up, low]
    assert lib.order(everything, DATE) == [low, up, ukr, none]  # year first, undated last
    assert lib.order(everything, DATE, descending=True) == [ukr, up, low, none]
    assert lib.order(everything, PUBLISHER) == [none, low, up, ukr]
    assert lib.order(everything, WORDS, descending=True) == [none, ukr, low, up]
    ws.highlights.add(up, ws.articles.text(up), 0, 6, perspectives=["us", "chinese"])
    assert lib.order(everything, HIGHLIGHTS, descending=True)[0] == up
    assert lib.order(everything) == sorted([ukr, low, up, none])
    assert lib.order(everything, TITLE, after_id=low, up_to_id=none) == [up, none]


def test_filters_and_rows(ws: Workspace) -> None:
    a = _add(ws, "Troops in Kursk", "Bloomberg", "2024-11-15", authors=["Jane Roe"])
    b = _add(ws, "Shells for Russia", "The Economist", "2024-10")
    text = ws.articles.text(b)
    ws.highlights.add(b, text, 0, 6, perspectives=["ukrainian"], tags=["Artillery Supply"])
    ws.articles.set_tags(a, ["Kursk"])
    lib = ws.library
    assert lib.order(LibraryFilter(words=("roe", "kursk"))) == [a]
    assert lib.order(LibraryFilter(words=("artillery",))) == [b]  # a highlight's tag
    assert lib.order(LibraryFilter(perspective="ukrainian")) == [b]
    assert lib.order(LibraryFilter(publisher="Bloomberg")) == [a]
    assert lib.order(LibraryFilter(tag="artillery supply")) == [b]
    assert lib.order(LibraryFilter(articles=frozenset({b, 999}))) == [b]
    assert lib.order(LibraryFilter(articles=frozenset())) == []
    rows = lib.rows([b, a, 12345])
    assert [r.id for r in rows] == [b, a]
    assert rows[0].counts == {"ukrainian": 1} and rows[0].tags == ["Artillery Supply"]
    assert rows[1].authors == ["Jane Roe"] and rows[1].tags == ["Kursk"]
    assert lib.publishers() == ["Bloomberg", "The Economist"]
    assert lib.tags() == ["Artillery Supply", "Kursk"]


def test_a_highlight_under_two_perspectives_is_one_highlight(ws: Workspace) -> None:
    both = _add(ws, "Shells and troops")
    two = _add(ws, "Two claims")
    ws.highlights.add(both, ws.articles.text(both), 0, 6, perspectives=["us", "chinese"])
    text = ws.articles.text(two)
    ws.highlights.add(two, text, 0, 6, perspectives=["us"])
    ws.highlights.add(two, text, 7, 10)
    lib = ws.library
    rows = {r.id: r for r in lib.rows([both, two])}
    assert rows[both].total == 1  # the Highlights column
    assert rows[both].counts == {"us": 1, "chinese": 1}  # its tooltip, per perspective
    assert rows[two].total == 2 and rows[two].counts == {"us": 1, "": 1}
    assert lib.order(LibraryFilter(), HIGHLIGHTS, descending=True) == [two, both]
    assert lib.counts_and_tags([both])[both][0] == 1
