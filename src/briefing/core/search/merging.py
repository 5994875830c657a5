"""How incremental commits merge the index's segments as imports accumulate.

Every commit of an import batch writes a new segment, and every query pays a
fixed price per segment (each word is looked up and opened once per segment;
a bounded prefix opens up to 64 words in each). Whoosh's default policy
(MERGE_SMALL) merges only segments smaller than a Fibonacci threshold, so 200
imports of 50 articles left 8 segments (up to 16 on the way) of ~2,500 articles
each, never merged again.

LADDER keeps every segment at least LADDER_RATIO times the size of all smaller
ones together, merging the smallest ones as soon as that fails: segment sizes
grow geometrically (a few big, a few small), so the count stays near
log_ratio(articles / batch) while each article is copied a few times over the
library's life (MERGE_SMALL: about 2). Ratio 4 rather than 3 since merges stream
(segments.py): 200 imports of 50 end with 3 segments instead of 5 (1,000 of 50: 5
instead of 7) for 7 copies an article instead of 5.4; measured on bench_search's
200-import index at 3,000 articles: 2 segments instead of 4, prefix p95 39.5 ms
instead of 107 (one-go index in the same runs: 34.7 and 43.8).
"""

from __future__ import annotations

LADDER_RATIO = 4


def plan(sizes: list[int], ratio: int = LADDER_RATIO) -> int:
    """How many of the smallest segments (document counts in ascending order) to merge
    into one: 0, or 2 or more. The smallest are merged while the next one is less than
    `ratio` times their sum."""
    if len(sizes) < 2:
        return 0
    k, acc = 1, sizes[0]
    while k < len(sizes) and sizes[k] < ratio * acc:
        acc += sizes[k]
        k += 1
    return k if k >= 2 else 0


def LADDER(writer, segments):  # noqa: ANN001, ANN201, N802 - Whoosh's merge-policy signature
    """Whoosh merge policy (writer.commit(mergetype=LADDER)): merge the smallest
    segments per plan(); returns the segments kept as they are. With a writer made by
    segments.prepare, the merged segments' postings are streamed, not pooled."""
    from briefing.core.search.segments import merge_segment

    ordered = sorted(segments, key=lambda s: s.doc_count_all())
    k = plan([s.doc_count_all() for s in ordered])
    if k < 2:
        return list(segments)
    for seg in ordered[:k]:
        merge_segment(writer, seg)
    return ordered[k:]
