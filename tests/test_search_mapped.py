"""Segment files are read where Whoosh maps them: the same bytes as a copy would give."""

from __future__ import annotations

import io
import pickle
from array import array
from pathlib import Path

from briefing.core.search import IndexDoc, SearchIndex
from briefing.core.search.mapped import ViewFile


def test_a_view_file_reads_seeks_and_unpickles_as_a_bytes_file_does() -> None:
    data = pickle.dumps({"a": [1, 2, 3]}) + b"first line\nsecond\n" + bytes(range(256)) * 40
    view, copy = ViewFile(memoryview(data)), io.BytesIO(data)
    assert pickle.load(view) == pickle.load(copy) and view.tell() == copy.tell()
    for f in (view, copy):
        assert f.readline() == b"first line\n"
    assert view.read(3) == copy.read(3) and view.tell() == copy.tell()
    for whence, offset in ((0, 100), (1, 50), (2, -20)):
        assert view.seek(offset, whence) == copy.seek(offset, whence)
        assert view.read(40) == copy.read(40)
    assert view.read() == copy.read() == b""
    view.seek(1000)
    numbers = array("B")
    numbers.fromfile(view, 16)  # as StructFile.read_array does
    assert numbers.tobytes() == data[1000:1016]


def test_a_searcher_reads_its_segment_in_place(tmp_path: Path) -> None:
    index = SearchIndex(tmp_path / "index")
    docs = [IndexDoc(i, f"Report {i}", f"Budanov said the troops moved {i} times.")
            for i in range(1, 30)]
    list(index.rebuild(docs, len(docs)))
    texts = {d.article_id: d.body for d in docs}
    results = index.search('"troops moved"', limit=5, texts=texts.get)
    assert results.total == 29 and results.hits[0].excerpt
    reader = index._get_searcher().reader()
    leaf = reader.leaf_readers()[0][0] if hasattr(reader, "leaf_readers") else reader
    files = [leaf._terms._dbfile, leaf._terms._postfile]  # the terms and the postings
    assert all(isinstance(f.file, ViewFile) for f in files)
    index.close()
