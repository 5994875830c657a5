"""Numbered schema migrations for library.sqlite3.

Each entry moves the schema from version N-1 to N and runs in one transaction.
Never edit a released migration: append a new one.
"""

from __future__ import annotations


def _queue_trigger(name: str, event: str, article: str) -> str:
    """A trigger that queues `article` for the search index when `event` happens."""
    return (f"CREATE TRIGGER {name} {event} BEGIN "
            f"INSERT OR REPLACE INTO index_queue(article_id, seq) VALUES ({article}, "
            "(SELECT coalesce(max(seq), 0) + 1 FROM index_queue)); END")


MIGRATIONS: list[list[str]] = [
    # 1: articles, tags, perspectives, highlights, suggestion rejections, index queue
    [
        """CREATE TABLE articles (
            id INTEGER PRIMARY KEY,
            title TEXT NOT NULL,
            title_inferred INTEGER NOT NULL DEFAULT 0,
            publisher TEXT,
            authors TEXT NOT NULL DEFAULT '[]',
            published TEXT,
            source_url TEXT,
            source_file TEXT NOT NULL,
            original_hash TEXT NOT NULL,
            format TEXT NOT NULL,
            language TEXT,
            text TEXT NOT NULL,
            text_hash TEXT NOT NULL,
            words INTEGER NOT NULL,
            imported_at TEXT NOT NULL,
            read INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE UNIQUE INDEX articles_original_hash ON articles(original_hash)",
        "CREATE INDEX articles_text_hash ON articles(text_hash)",
        """CREATE TABLE article_sketch (
            hash INTEGER NOT NULL,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE
        )""",
        "CREATE INDEX article_sketch_hash ON article_sketch(hash)",
        "CREATE INDEX article_sketch_article ON article_sketch(article_id)",
        "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE COLLATE NOCASE)",
        """CREATE TABLE article_tags (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (article_id, tag_id)
        )""",
        """CREATE TABLE perspectives (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            colour TEXT NOT NULL,
            shortcut TEXT NOT NULL DEFAULT '',
            cues TEXT NOT NULL DEFAULT '[]',
            builtin INTEGER NOT NULL DEFAULT 0,
            user_modified INTEGER NOT NULL DEFAULT 0,
            position INTEGER NOT NULL DEFAULT 0
        )""",
        """CREATE TABLE highlights (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            kind TEXT NOT NULL DEFAULT 'claim'
                CHECK (kind IN ('claim', 'evidence', 'context', 'question')),
            note TEXT NOT NULL DEFAULT '',
            reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A','B','C','D','E','F')),
            credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6),
            orphaned INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            CHECK (start >= 0 AND "end" >= start)
        )""",
        "CREATE INDEX highlights_article ON highlights(article_id)",
        """CREATE TABLE highlight_perspectives (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            perspective_key TEXT NOT NULL REFERENCES perspectives(key) ON UPDATE CASCADE,
            position INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (highlight_id, perspective_key)
        )""",
        "CREATE INDEX highlight_perspectives_key ON highlight_perspectives(perspective_key)",
        """CREATE TABLE highlight_tags (
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
            PRIMARY KEY (highlight_id, tag_id)
        )""",
        """CREATE TABLE rejected_suggestions (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            quote TEXT NOT NULL,
            rejected_at TEXT NOT NULL,
            PRIMARY KEY (article_id, quote)
        )""",
        """CREATE TABLE index_queue (
            article_id INTEGER PRIMARY KEY,
            seq INTEGER NOT NULL
        )""",
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    ],
    # 2: how each article field was found (explicit|structured|inferred|confirmed), the
    # analyst's kind, note and handling caveat per article
    [
        "ALTER TABLE articles ADD COLUMN provenance TEXT NOT NULL DEFAULT '{}'",
        "ALTER TABLE articles ADD COLUMN kind TEXT",
        "ALTER TABLE articles ADD COLUMN note TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE articles ADD COLUMN caveat TEXT NOT NULL DEFAULT ''",
        # articles imported before provenance existed: an inferred title says so
        """UPDATE articles SET provenance = json_object('title',
               CASE WHEN title_inferred THEN 'inferred' ELSE 'explicit' END)""",
    ],
    # 3: every change that the search index reflects queues its article, whoever makes it
    # (the app, the CLI, or a tool editing the file behind Briefing's back)
    [
        _queue_trigger("queue_article_insert", "AFTER INSERT ON articles", "new.id"),
        _queue_trigger("queue_article_delete", "AFTER DELETE ON articles", "old.id"),
        _queue_trigger("queue_article_update", "AFTER UPDATE OF title, text, publisher, "
                       "authors, published, language ON articles", "new.id"),
        _queue_trigger("queue_tag_insert", "AFTER INSERT ON article_tags", "new.article_id"),
        _queue_trigger("queue_tag_delete", "AFTER DELETE ON article_tags", "old.article_id"),
        _queue_trigger("queue_highlight_insert", "AFTER INSERT ON highlights",
                       "new.article_id"),
        _queue_trigger("queue_highlight_delete", "AFTER DELETE ON highlights",
                       "old.article_id"),
        _queue_trigger("queue_highlight_update", "AFTER UPDATE OF quote, note ON highlights",
                       "new.article_id"),
        _queue_trigger("queue_highlight_perspective_insert",
                       "AFTER INSERT ON highlight_perspectives WHEN EXISTS "
                       "(SELECT 1 FROM highlights WHERE id = new.highlight_id)",
                       "(SELECT article_id FROM highlights WHERE id = new.highlight_id)"),
        _queue_trigger("queue_highlight_perspective_delete",
                       "AFTER DELETE ON highlight_perspectives WHEN EXISTS "
                       "(SELECT 1 FROM highlights WHERE id = old.highlight_id)",
                       "(SELECT article_id FROM highlights WHERE id = old.highlight_id)"),
    ],
    # 4 (tags on highlights; the speaker book): a highlight's tags are searchable with its
    # article (`tag:`), so tagging queues the article; the speaker book files the perspective
    # the analyst assigned to a speaker under the speaker's normalised name
    [
        """CREATE TABLE speaker_book (
            key TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            perspective_key TEXT NOT NULL REFERENCES perspectives(key)
                ON UPDATE CASCADE ON DELETE CASCADE,
            assigned TEXT NOT NULL
        )""",
        _queue_trigger("queue_highlight_tag_insert",
                       "AFTER INSERT ON highlight_tags WHEN EXISTS "
                       "(SELECT 1 FROM highlights WHERE id = new.highlight_id)",
                       "(SELECT article_id FROM highlights WHERE id = new.highlight_id)"),
        _queue_trigger("queue_highlight_tag_delete",
                       "AFTER DELETE ON highlight_tags WHEN EXISTS "
                       "(SELECT 1 FROM highlights WHERE id = old.highlight_id)",
                       "(SELECT article_id FROM highlights WHERE id = old.highlight_id)"),
    ],
    # 5 (claims you can trust): every figure the comparison lines up is a stored
    # row, anchored like a highlight (position + quote/prefix/suffix of the figure), so its
    # id lasts across restarts and re-cleaning; fixed_* hold the analyst's corrections
    [
        """CREATE TABLE IF NOT EXISTS claims (
            id INTEGER PRIMARY KEY,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER NOT NULL,
            "end" INTEGER NOT NULL,
            quote TEXT NOT NULL,
            prefix TEXT NOT NULL DEFAULT '',
            suffix TEXT NOT NULL DEFAULT '',
            passage TEXT NOT NULL DEFAULT '',
            highlight_id INTEGER REFERENCES highlights(id) ON DELETE SET NULL,
            figure REAL NOT NULL,
            value_high REAL,
            unit TEXT NOT NULL,
            subject TEXT NOT NULL,
            qualifier TEXT,
            perspectives TEXT NOT NULL DEFAULT '[]',
            fixed_figure REAL,
            fixed_subject TEXT,
            fixed_perspectives TEXT,
            excluded INTEGER NOT NULL DEFAULT 0,
            active INTEGER NOT NULL DEFAULT 1,
            orphaned INTEGER NOT NULL DEFAULT 0,
            created TEXT NOT NULL,
            modified TEXT NOT NULL,
            CHECK (start >= 0 AND "end" >= start)
        )""",
        "CREATE INDEX IF NOT EXISTS claims_article ON claims(article_id)",
        "CREATE INDEX IF NOT EXISTS claims_highlight ON claims(highlight_id)",
    ],
    # 6 (collections): named sets of articles, and saved searches (a stored query that is
    # re-run, so its members stay live); a deleted article leaves every set it was in
    [
        """CREATE TABLE IF NOT EXISTS collections (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            query TEXT,
            created TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS collection_articles (
            collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            added TEXT NOT NULL,
            PRIMARY KEY (collection_id, article_id)
        )""",
        "CREATE INDEX IF NOT EXISTS collection_articles_article ON collection_articles(article_id)",
    ],
    # saved briefs: a stored draft of a note (title block, grouping, the filter it draws
    # from as JSON), the highlights it has considered in the analyst's order (chosen = 1 in
    # the note, 0 left out on purpose), and each export (when, file, format, what it cited)
    [
        """CREATE TABLE IF NOT EXISTS briefs (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE COLLATE NOCASE,
            title TEXT NOT NULL DEFAULT 'Briefing note',
            author TEXT NOT NULL DEFAULT '',
            marking TEXT NOT NULL DEFAULT 'UNCLASSIFIED',
            summary TEXT NOT NULL DEFAULT '',
            group_by TEXT NOT NULL DEFAULT 'perspective',
            citation_style TEXT NOT NULL DEFAULT 'numbered',
            filters TEXT NOT NULL DEFAULT '{}',
            created TEXT NOT NULL,
            modified TEXT NOT NULL
        )""",
        """CREATE TABLE IF NOT EXISTS brief_highlights (
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            highlight_id INTEGER NOT NULL REFERENCES highlights(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            chosen INTEGER NOT NULL DEFAULT 1,
            PRIMARY KEY (brief_id, highlight_id)
        )""",
        "CREATE INDEX IF NOT EXISTS brief_highlights_highlight ON brief_highlights(highlight_id)",
        """CREATE TABLE IF NOT EXISTS brief_exports (
            id INTEGER PRIMARY KEY,
            brief_id INTEGER NOT NULL REFERENCES briefs(id) ON DELETE CASCADE,
            exported TEXT NOT NULL,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            highlight_ids TEXT NOT NULL DEFAULT '[]',
            article_ids TEXT NOT NULL DEFAULT '[]'
        )""",
        "CREATE INDEX IF NOT EXISTS brief_exports_brief ON brief_exports(brief_id)",
    ],
    # translations beside quotes (issue 11 item 6): the analyst's translation of a highlight
    # in another language, shown under the quote in the note and marked as the analyst's
    [
        "ALTER TABLE highlights ADD COLUMN translation TEXT NOT NULL DEFAULT ''",
    ],
    # the library list at the size of a real desk (issue 13 item 4, "Start"): the list's
    # order and filters read these covering indexes (a few MB) instead of the article pages
    # with their text (the title one, narrowest, for the order a window opens with); the
    # publisher filter's choices come from their own index
    [
        "CREATE INDEX IF NOT EXISTS articles_title ON articles(title)",
        "CREATE INDEX IF NOT EXISTS articles_library ON articles(title, publisher, published, "
        "words, language, authors)",
        "CREATE INDEX IF NOT EXISTS articles_publisher ON articles(publisher)",
    ],
    # the analyst's corrections of cleaning: a line of an article's page to keep although
    # the rules dropped it, or to drop although they kept it, under the line's folded text
    # (core/cleaning_choices.py); re-cleaning applies them after every rule
    [
        """CREATE TABLE IF NOT EXISTS cleaning_choices (
            article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            key TEXT NOT NULL,
            line TEXT NOT NULL,
            decision TEXT NOT NULL CHECK (decision IN ('keep', 'drop')),
            chosen TEXT NOT NULL,
            PRIMARY KEY (article_id, key)
        )""",
    ],
]

SCHEMA_VERSION = len(MIGRATIONS)
