"""Whoosh's segment writer without its two per-posting detours (whoosh-reloaded 2.7.5).

Merging: Whoosh's `add_reader` copies every posting of a segment it merges into the
writer's sorting pool, which holds at most `limitmb` and spills the rest to disk,
pickled one posting at a time, then reads them all back in a heap merge. A merge of
two 2,000-article segments pickled 1.25 million postings: merging an article cost
more than indexing it afresh (6.5 ms against 4.3 ms), so a 10,000-article import spent
half its index time merging. But a segment's postings already come in (field, term,
document) order, and a merged segment's documents are numbered after the new ones and
after the segments merged before it: a stable merge of the pool's sorted postings with
each segment's own stream, by (field, term), is already in the order the postings
writer needs. `merge_segment` writes a segment's stored fields and lengths at once (as
Whoosh does) and streams its postings when the new segment is flushed.

Lengths: the postings writer asks for every posting's document length (for each
block's shortest and longest document) through a column reader, one seek and read per
posting; `prepare` has it read each field's lengths once.

Both are set on one writer instance by `prepare`; the index files are the same as
Whoosh's own (tested: same postings, same results).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterator
from operator import itemgetter
from typing import Any

_TERM = itemgetter(0, 1)  # (fieldname, term bytes) of a posting tuple


def prepare(writer: Any) -> Any:
    """Give a fresh SegmentWriter streamed merges and one-read lengths; returns it."""
    streams: list[tuple[Any, int, dict[int, int] | None]] = []
    writer._briefing_streams = streams
    pool = writer.pool
    pool_postings, pool_cleanup = pool.iter_postings, pool.cleanup

    def iter_postings() -> Iterator[tuple]:
        sources = [pool_postings()]
        sources += [writer._process_posts(reader.iter_postings(), base, docmap)
                    for reader, base, docmap in streams]
        if len(sources) == 1:
            return sources[0]
        return heapq.merge(*sources, key=_TERM)  # ties: earlier source (lower docnums) first

    def cleanup() -> None:
        try:
            pool_cleanup()
        finally:
            while streams:
                streams.pop()[0].close()

    pool.iter_postings = iter_postings
    pool.cleanup = cleanup
    per_document_reader = writer.per_document_reader
    writer.per_document_reader = lambda: _Lengths(per_document_reader())
    return writer


def merge_segment(writer: Any, segment: Any) -> None:
    """Merge `segment` into `writer` (one made by `prepare`): its stored fields and
    lengths now, its postings streamed when the writer flushes (the reader stays open
    until then)."""
    from whoosh.reading import SegmentReader

    streams = getattr(writer, "_briefing_streams", None)
    reader = SegmentReader(writer.storage, writer.schema, segment)
    if streams is None:  # a plain writer: Whoosh's own (pooled) merge
        writer.add_reader(reader)
        reader.close()
        return
    try:
        writer._check_state()
        base = writer.docnum
        names = {n for n in reader.indexed_field_names() if n in writer.schema}
        docmap = writer.write_per_doc(set(writer.schema.names()) | names, reader)
    except BaseException:
        reader.close()
        raise
    streams.append((reader, base, docmap))
    writer._added = True


class _Lengths:
    """A per-document reader whose doc_field_length reads each field's column once."""

    def __init__(self, reader: Any) -> None:
        self._reader = reader
        self._count = reader.doc_count_all()
        self._fields: dict[str, list[int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        lengths = self._fields.get(fieldname)
        if lengths is None:
            read = self._reader.doc_field_length
            lengths = self._fields[fieldname] = [read(d, fieldname, 0)
                                                 for d in range(self._count)]
        value = lengths[docnum]
        return value if value else default

    def close(self) -> None:
        self._reader.close()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._reader, name)
