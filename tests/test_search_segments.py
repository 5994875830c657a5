"""The streamed merge and one-read lengths (core/search/segments.py) write the same index
as Whoosh's own writer: same postings, stored fields, lengths and search results, over
many small commits merged by LADDER, with updated (deleted) articles in merged segments."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import index as whoosh_index

from briefing.core.search import IndexDoc
from briefing.core.search.merging import LADDER
from briefing.core.search.schema import make_schema, to_fields
from briefing.core.search.segments import prepare

WORDS = ["troops", "border", "officials", "said", "kursk", "north", "korean", "army",
         "drones", "village", "ceasefire", "talks"]


def _doc(i: int, version: int, rng: random.Random) -> IndexDoc:
    body = " ".join(rng.choices(WORDS, k=rng.randint(0, 40)))  # some bodies are empty
    return IndexDoc(i, f"Report {i} v{version}", body, publisher="Agency" if i % 3 else None,
                    authors=[f"Writer {i % 4}"] if i % 2 else [])


def _build(folder: Path, streamed: bool) -> None:
    rng = random.Random(5)
    folder.mkdir()
    ix = whoosh_index.create_in(str(folder), make_schema())
    for batch in range(30):
        writer = ix.writer(procs=1, limitmb=1)
        if streamed:
            writer = prepare(writer)
        for _ in range(rng.randint(1, 9)):
            i = rng.randint(1, 60)  # repeats: updates delete the article's old copy
            writer.update_document(**to_fields(_doc(i, batch, rng)))
        writer.commit(mergetype=LADDER)
    ix.close()


def _contents(folder: Path) -> tuple:
    ix = whoosh_index.open_dir(str(folder))
    with ix.reader() as r:
        ids = {d: s["article_id"] for d, s in r.iter_docs()}
        postings = [(f, t, ids[d], w, v) for f, t, d, w, v in r.iter_postings()]  # stored order
        stored = sorted(tuple(sorted(s.items())) for _, s in r.iter_docs())
        lengths = sorted((ids[d], f, r.doc_field_length(d, f)) for d in ids
                         for f in ("text", "title", "authors"))
        segments = sorted(s.doc_count_all() for s in ix._segments())
    ix.close()
    return postings, stored, lengths, segments


def test_streamed_merges_write_what_whoosh_writes(tmp_path: Path):
    _build(tmp_path / "whoosh", streamed=False)
    _build(tmp_path / "streamed", streamed=True)
    theirs, ours = _contents(tmp_path / "whoosh"), _contents(tmp_path / "streamed")
    assert ours[0] and len(ours[3]) < 30  # postings there, and segments were merged
    assert ours == theirs
