"""The library database: schema, migrations, articles, highlights, perspectives."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from briefing.core.backups import list_backups, take_backup
from briefing.core.models import Perspective
from briefing.core.store import db as db_module
from briefing.core.store import schema
from briefing.core.store.articles import ArticleStore, NewArticle
from briefing.core.store.db import Database, StoreError
from briefing.core.store.highlights import HighlightError, HighlightStore
from briefing.core.store.perspectives import PerspectiveError, PerspectiveStore

TEXT = ("Mr Kyrylo Budanov, head of Ukrainian military intelligence, said North Korea supplies "
        "as much as 40 per cent of Russia's ammunition. South Korean officials estimate as many "
        "as 15,000 North Korean troops have been deployed.")

DEFAULTS = [
    Perspective("ukrainian", "Ukrainian", "#1f77b4", "1", ["Budanov"]),
    Perspective("south_korean", "South Korean", "#d62728", "3", ["South Korean officials"]),
]


@pytest.fixture
def db(tmp_path: Path) -> Database:
    database = Database(tmp_path / "library.sqlite3")
    database.migrate()
    PerspectiveStore(database).sync_defaults(DEFAULTS)
    yield database
    database.close()


def _article(db: Database, text: str = TEXT) -> int:
    return ArticleStore(db).add(NewArticle(
        title="How North Korea is giving Russia an edge", text=text, text_hash="h" + str(len(text)),
        source_file="a.txt", original_hash="x" * 64, format="txt", authors=["A. Writer"],
        published="2024-11-15", words=len(text.split())))


def test_fresh_database_has_current_schema_and_pragmas(db: Database) -> None:
    assert db.user_version == schema.SCHEMA_VERSION
    assert db.scalar("PRAGMA foreign_keys") == 1
    assert db.scalar("PRAGMA journal_mode") == "wal"
    assert db.integrity_ok()


def test_migration_backs_up_first_and_rolls_back_on_failure(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "library.sqlite3"
    first = Database(path)
    first.migrate()
    _article(first)
    first.close()
    broken = [*schema.MIGRATIONS, ["ALTER TABLE articles ADD COLUMN extra TEXT",
                                   "THIS IS NOT SQL"]]
    monkeypatch.setattr(db_module, "MIGRATIONS", broken)
    monkeypatch.setattr(db_module, "SCHEMA_VERSION", len(broken))
    second = Database(path)
    seen: list[int] = []

    def backup_first(version: int) -> None:
        seen.append(version)
        take_backup(second.conn, tmp_path, "migration", f"before schema {len(broken)}")

    with pytest.raises(sqlite3.OperationalError):
        second.migrate(backup_first)
    assert seen == [len(schema.MIGRATIONS)]
    # the failed migration left nothing behind, and a backup was taken before it
    assert second.user_version == len(schema.MIGRATIONS)
    columns = [r[1] for r in second.query("PRAGMA table_info(articles)")]
    assert "extra" not in columns
    [backup] = list_backups(tmp_path)
    assert backup.kind == "migration" and backup.verified and backup.articles == 1
    with sqlite3.connect(backup.path) as copy:
        assert copy.execute("SELECT title FROM articles").fetchone()[0].startswith("How North")
    second.close()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    database = Database(tmp_path / "library.sqlite3")
    database.migrate()
    database.execute("PRAGMA user_version = 99")
    with pytest.raises(StoreError, match="newer Briefing"):
        database.migrate()
    database.close()


def test_article_round_trip_and_tags(db: Database) -> None:
    store = ArticleStore(db)
    aid = _article(db)
    store.set_tags(aid, ["troops", "Kursk", "troops"])
    a = store.get(aid)
    assert a.title.startswith("How North Korea")
    assert a.authors == ["A. Writer"]
    assert a.published_precision == "day"
    assert a.tags == ["Kursk", "troops"]
    assert [x.id for x in store.list()] == [aid]
    assert store.list()[0].text == ""  # listing does not load texts


def test_every_change_queues_the_article_for_indexing(db: Database) -> None:
    aid = _article(db)
    db.execute("DELETE FROM index_queue")
    HighlightStore(db).add(aid, TEXT, 0, 20, ["ukrainian"])
    assert db.scalar("SELECT article_id FROM index_queue") == aid


def test_highlight_add_update_delete_restore(db: Database) -> None:
    aid = _article(db)
    store = HighlightStore(db)
    start = TEXT.index("South Korean officials")
    h = store.add(aid, TEXT, start, len(TEXT), ["south_korean"], note="SK figure")
    assert h.quote.startswith("South Korean officials estimate")
    assert h.prefix.endswith("ammunition. ")
    h2 = store.update(h.id, perspectives=["south_korean", "ukrainian"], reliability="B",
                      credibility=2, kind="evidence")
    assert h2.perspectives == ["south_korean", "ukrainian"]
    assert (h2.reliability, h2.credibility, h2.kind) == ("B", 2, "evidence")
    removed = store.delete(h.id)
    assert store.get(h.id) is None
    back = store.restore(removed)
    assert (back.id, back.quote, back.perspectives, back.note) == (
        h.id, h.quote, ["south_korean", "ukrainian"], "SK figure")


def test_overlapping_highlights_coexist(db: Database) -> None:
    aid = _article(db)
    store = HighlightStore(db)
    store.add(aid, TEXT, 0, 60, ["ukrainian"])
    store.add(aid, TEXT, 30, 120, ["south_korean"])
    assert [(h.start, h.end) for h in store.for_article(aid)] == [(0, 60), (30, 120)]


@pytest.mark.parametrize("changes, message", [
    ({"kind": "opinion"}, "unknown kind"),
    ({"reliability": "G"}, "A-F"),
    ({"credibility": 7}, "1-6"),
    ({"perspectives": ["martian"]}, "unknown perspective"),
])
def test_invalid_highlight_edits_are_refused_and_change_nothing(db: Database, changes, message) -> None:
    aid = _article(db)
    store = HighlightStore(db)
    h = store.add(aid, TEXT, 0, 20, ["ukrainian"])
    with pytest.raises(HighlightError, match=message):
        store.update(h.id, **changes)
    assert store.get(h.id) == h


def test_empty_selection_is_refused(db: Database) -> None:
    aid = _article(db)
    with pytest.raises(HighlightError):
        HighlightStore(db).add(aid, TEXT, 5, 5)
    with pytest.raises(HighlightError, match="empty"):
        HighlightStore(db).add(aid, "a    b", 1, 4)


def test_reanchor_moves_highlights_and_orphans_the_lost(db: Database) -> None:
    aid = _article(db)
    store = HighlightStore(db)
    s = TEXT.index("as many as 15,000")
    kept = store.add(aid, TEXT, s, s + len("as many as 15,000"), ["south_korean"])
    lost = store.add(aid, TEXT, 0, TEXT.index(","), ["ukrainian"])
    new_text = "Top stories\n\n" + TEXT.replace("Mr Kyrylo Budanov", "The spy chief")
    with db.transaction() as conn:
        assert store.reanchor_article(conn, aid, new_text) == (1, 1)
    moved = store.get(kept.id)
    assert new_text[moved.start:moved.end] == "as many as 15,000"
    orphan = store.get(lost.id)
    assert orphan.orphaned and orphan.quote == "Mr Kyrylo Budanov"


def test_deleting_an_article_deletes_its_highlights(db: Database) -> None:
    aid = _article(db)
    HighlightStore(db).add(aid, TEXT, 0, 20, ["ukrainian"])
    ArticleStore(db).delete([aid])
    assert db.scalar("SELECT count(*) FROM highlights") == 0
    assert db.scalar("SELECT count(*) FROM index_queue WHERE article_id = ?", (aid,)) == 1


def test_perspective_edits_survive_a_defaults_sync(db: Database) -> None:
    store = PerspectiveStore(db)
    store.update("ukrainian", cues=["Budanov", "HUR"], colour="#123456")
    store.add("Iranian", "#00aa00", "8", ["Tehran"])
    changed = [Perspective("ukrainian", "Ukrainian", "#ffffff", "1", ["Zelensky"]),
               Perspective("south_korean", "South Korea", "#d62728", "3", ["NIS"]),
               Perspective("chinese", "Chinese", "#ff7f0e", "4", ["Beijing"])]
    store.sync_defaults(changed)
    by_key = {p.key: p for p in store.all()}
    assert by_key["ukrainian"].cues == ["Budanov", "HUR"]  # the user's edit wins
    assert by_key["ukrainian"].colour == "#123456"
    assert by_key["south_korean"].name == "South Korea"  # unedited default follows the file
    assert "chinese" in by_key and by_key["iranian"].cues == ["Tehran"]
    assert store.resolve("south korea").key == "south_korean"
    assert store.resolve("8").key == "iranian"


def test_perspective_validation(db: Database) -> None:
    store = PerspectiveStore(db)
    with pytest.raises(PerspectiveError, match="already used"):
        store.add("NATO", "#000000", "1")
    with pytest.raises(PerspectiveError, match="colour"):
        store.add("NATO", "blue", "9")
    aid = _article(db)
    HighlightStore(db).add(aid, TEXT, 0, 20, ["ukrainian"])
    with pytest.raises(PerspectiveError, match="highlight"):
        store.delete("ukrainian")


def test_closing_waits_for_a_query_another_thread_is_running(db: Database) -> None:
    """A workspace closed while a background task still reads (the app joins its tasks
    first; a test or a plug-in might not) must not free the connection under the
    statement: that crashed the whole process with a segmentation fault."""
    import threading
    import time

    results: list[object] = []
    started = threading.Event()

    def read() -> None:
        db.scalar("SELECT 1")  # this thread's connection exists before the long query
        started.set()
        try:
            results.append(db.scalar(
                "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n "
                "WHERE i < 3000000) SELECT count(*) FROM n"))
        except sqlite3.Error as exc:  # what a task's on_error would get
            results.append(exc)

    worker = threading.Thread(target=read)
    worker.start()
    assert started.wait(5)
    time.sleep(0.05)  # the long statement is running
    db.close()
    worker.join(10)
    assert results == [3000000]
