"""Index writes in the helper process (what the desktop app uses): same results, clean exit."""

from __future__ import annotations

from pathlib import Path

from briefing.core.search import IndexDoc, SearchIndex


def doc(article_id: int, body: str) -> IndexDoc:
    return IndexDoc(article_id=article_id, title=f"Article {article_id}", body=body,
                    publisher="Test Wire", authors=[], published="2024-11-15", tags=[],
                    perspectives=[], highlights="")


def test_writes_in_the_helper_process_are_searchable_and_it_stops_on_close(tmp_path: Path):
    index = SearchIndex(tmp_path / "index")
    list(index.rebuild([doc(1, "Budanov said the troops were deployed near Kursk.")], 1))
    index.write_in_process()
    texts = {1: "Budanov said the troops were deployed near Kursk.",
             2: "Pentagon officials estimated ten thousand soldiers.",
             3: "Seoul lawmakers were briefed by the spy agency."}
    index.upsert([doc(2, texts[2]), doc(3, texts[3])])
    helper = index._process
    assert helper is not None and helper.poll() is None  # the write really left the process
    assert {h.article_id for h in index.search("Pentagon", texts=texts.get).hits} == {2}

    texts[2] = "Pentagon officials revised the estimate."
    index.upsert([doc(2, texts[2])])
    assert index.search("soldiers", texts=texts.get).hits == []
    assert [h.article_id for h in index.search("revised", texts=texts.get).hits] == [2]

    index.delete([3])
    assert index.search("lawmakers", texts=texts.get).hits == []
    assert index.doc_count() == 2

    # A rebuild swaps the folder under the helper; its next write must land in the new index.
    list(index.rebuild([doc(1, texts[1])], 1))
    index.upsert([doc(4, "Kremlin spokesman Peskov declined to comment.")])
    texts[4] = "Kremlin spokesman Peskov declined to comment."
    assert [h.article_id for h in index.search("Peskov", texts=texts.get).hits] == [4]
    assert index.doc_count() == 2

    index.close()
    assert helper.poll() is not None  # no process left behind


def test_a_helper_that_dies_falls_back_to_writing_in_process(tmp_path: Path):
    index = SearchIndex(tmp_path / "index")
    list(index.rebuild([], 0))
    index.write_in_process()
    index.upsert([doc(1, "first batch")])
    index._process.kill()
    index._process.wait()
    index.upsert([doc(2, "second batch after the helper died")])
    texts = {1: "first batch", 2: "second batch after the helper died"}
    assert {h.article_id for h in index.search("batch", texts=texts.get).hits} == {1, 2}
    index.close()


def test_a_rebuild_in_the_helper_gives_the_same_results_and_can_be_stopped(
        workspace_dir: Path, corpus_dir: Path) -> None:
    from briefing.core.ingest.pipeline import import_files
    from briefing.core.workspace import Workspace

    with Workspace.open(workspace_dir) as ws:
        list(import_files(ws, [corpus_dir]))
        list(ws.index.rebuild())
        expected = [(h.article_id, h.hits) for h in ws.index.search("Budanov").hits]
        assert len(expected) == 2

        ws.index.write_in_process()
        progress = list(ws.index.rebuild())
        assert progress[-1] == (5, 5)
        assert ws.index.state() == "ok"
        assert [(h.article_id, h.hits) for h in ws.index.search("Budanov").hits] == expected

        # Stopped after its first progress report: the helper is stopped, nothing is lost.
        steps = ws.index.rebuild()
        next(steps)
        steps.close()
        assert ws.index.search("Budanov").total == 2
        list(ws.index.rebuild())
        assert ws.index.state() == "ok"
        assert [(h.article_id, h.hits) for h in ws.index.search("Budanov").hits] == expected
        helper = ws.index.index._process
    assert helper is not None and helper.poll() is not None


def test_an_idle_helper_is_stopped_and_the_next_write_starts_another(
        tmp_path: Path, monkeypatch) -> None:
    """The helper holds its own copy of the language models it indexed with; once idle it
    goes (and its memory with it), and a later write works as before."""
    import time

    from briefing.core.search import index as index_module

    monkeypatch.setattr(index_module, "HELPER_IDLE_S", 0.5)
    index = SearchIndex(tmp_path / "index")
    list(index.rebuild([], 0))
    index.write_in_process()
    index.upsert([doc(1, "Budanov said the troops were deployed near Kursk.")])
    first = index._process
    assert first is not None and index.helper_pid == first.pid
    index.upsert([doc(2, "Seoul lawmakers were briefed by the spy agency.")])  # still busy
    assert index._process is first
    deadline = time.monotonic() + 20
    while index.helper_pid is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert index.helper_pid is None
    assert first.wait(timeout=20) is not None  # it exits on the closed pipe
    index.upsert([doc(3, "Pentagon officials estimated ten thousand soldiers.")])
    assert index._process is not None and index._process is not first
    texts = {1: "", 2: "", 3: "Pentagon officials estimated ten thousand soldiers."}
    assert [h.article_id for h in index.search("Pentagon", texts=texts.get).hits] == [3]
    assert index.doc_count() == 3


def test_a_search_answers_while_the_helper_writes(tmp_path: Path) -> None:
    """The searcher's lock is not held while a write waits for the helper (an import's
    batch can take a minute): a search in another thread answers from the index as it was."""
    import threading

    index = SearchIndex(tmp_path / "index")
    texts = {1: "Budanov said the troops were deployed near Kursk.",
             2: "Pentagon officials estimated ten thousand soldiers."}
    list(index.rebuild([doc(1, texts[1])], 1))
    index.write_in_process()
    real_ask, seen = index._ask_process, []

    def ask_while_searching(request):  # noqa: ANN001, ANN202
        searcher = threading.Thread(target=lambda: seen.append(
            [h.article_id for h in index.search("Budanov", texts=texts.get).hits]))
        searcher.start()
        searcher.join(timeout=20)
        assert not searcher.is_alive(), "the search waited for the write"
        return real_ask(request)

    index._ask_process = ask_while_searching
    index.upsert([doc(2, texts[2])])
    assert seen == [[1]]
    assert [h.article_id for h in index.search("Pentagon", texts=texts.get).hits] == [2]
    index.close()
