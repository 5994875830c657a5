"""The text field's own postings (schema.ProseText) are exactly Whoosh's TEXT postings."""

from __future__ import annotations

import random
from pathlib import Path

from whoosh import fields

from briefing.core.search import IndexDoc, SearchIndex

WORDS = ["troops", "said", "Budanov", "15,000", "1.5", "café", "the", "of", "Песков",
         "заявил", "국정원은", "林剑", "didn't", "North", "Korean", "shells"]


def _postings(folder: Path, docs: list[IndexDoc], whooshs_own: bool) -> tuple:
    ix = SearchIndex(folder)
    if whooshs_own:
        ix.schema._fields["text"] = fields.TEXT(analyzer=ix.schema["text"].analyzer)
    list(ix.rebuild(iter(docs), len(docs)))
    reader = ix._get_searcher().reader()
    out = {}
    for term in reader.lexicon("text"):
        m = reader.postings("text", term)
        items = []
        while m.is_active():
            items.append((m.id(), m.weight(), m.value()))
            m.next()
        out[term] = items
    lengths = [reader.doc_field_length(d, "text") for d in range(reader.doc_count_all())]
    ix.close()
    return out, lengths


def test_text_postings_equal_whooshs_text_field(tmp_path: Path) -> None:
    rng = random.Random(4)
    docs = [IndexDoc(i, " ".join(rng.choices(WORDS, k=3)), " ".join(rng.choices(WORDS, k=60)),
                     publisher="Test Wire", authors=["A. Writer"], tags=["kursk"])
            for i in range(1, 80)]
    ours = _postings(tmp_path / "ours", docs, whooshs_own=False)
    assert len(ours[0]) > 15 and any(len(p) > 1 for p in ours[0].values())
    assert ours == _postings(tmp_path / "whoosh", docs, whooshs_own=True)
