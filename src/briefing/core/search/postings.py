"""Reading one term's postings a block at a time: all of them, or only at given documents.

Whoosh's matcher hands out one posting per Python call; a word in most articles has
tens of thousands. Its whoosh3 blocks (about 100 postings each) are read here whole,
straight from the block's decoded lists. A block that cannot hold any of the wanted
documents (its last document number is below the next one wanted) is passed over
without being decoded: its header alone says where it ends.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from itertools import compress

from whoosh.codec.whoosh3 import W3LeafMatcher

Postings = tuple[list[int], list[float], list[bytes]]  # (documents, weights, values)


def read_all(m, values: bool) -> Postings:  # noqa: ANN001 - a Whoosh matcher
    """Every (document, weight[, value]) of one term in one segment."""
    ids: list[int] = []
    weights: list[float] = []
    vals: list[bytes] = []
    if isinstance(m, W3LeafMatcher):
        while m.is_active():
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            i = m._i
            ids.extend(m._ids[i:])
            weights.extend(m._weights[i:])
            if values:
                if m._values is None:
                    m._read_values()
                vals.extend(m._values[i:])
            m._next_block()
        return ids, weights, vals
    while m.is_active():  # e.g. a FilterMatcher hiding deleted documents, an inline posting
        ids.append(m.id())
        weights.append(m.weight())
        if values:
            vals.append(m.value())
        m.next()
    return ids, weights, vals


def read_within(m, docs: Sequence[int], values: bool) -> Postings:  # noqa: ANN001
    """The postings of one term at `docs` (sorted document numbers) only; blocks holding
    none of them are skipped undecoded."""
    ids: list[int] = []
    weights: list[float] = []
    vals: list[bytes] = []
    if not docs:
        return ids, weights, vals
    if isinstance(m, W3LeafMatcher):
        wanted = set(docs)
        j, n = 0, len(docs)
        while j < n and m.is_active():
            last = m._maxid
            if docs[j] > last:  # none of the wanted documents is in this block
                m._next_block()
                continue
            if m._ids is None:
                m._read_ids()
            if m._weights is None:
                m._read_weights()
            i = m._i
            block = m._ids[i:]
            held = list(map(wanted.__contains__, block))
            ids.extend(compress(block, held))
            weights.extend(compress(m._weights[i:], held))
            if values:
                if m._values is None:
                    m._read_values()
                vals.extend(compress(m._values[i:], held))
            j = bisect_right(docs, last, j)
            m._next_block()
        return ids, weights, vals
    for doc in docs:  # a FilterMatcher (deleted documents), an inline posting
        if not m.is_active():
            break
        m.skip_to(doc)
        if m.is_active() and m.id() == doc:
            ids.append(doc)
            weights.append(m.weight())
            if values:
                vals.append(m.value())
    return ids, weights, vals
