"""Hand work on: a whole workspace or one collection as one archive file, and its import.

The archive (`.briefing`, a zip file) holds the articles (cleaned text, details, tags),
their original files, the highlights, the perspectives they use, the speaker book,
the collections and the saved briefs (their settings and highlights in order; not their
export history, which names files on the sender's machine), each as a part listed in
`manifest.json` with its sha256 and size. An article's record carries the analyst's
cleaning choices (lines kept or dropped against the rules), so a re-clean on the
receiving side keeps them. An archive without briefs or cleaning choices (written before
they existed) imports as before.
Importing verifies every part before anything is written: a missing, damaged or
changed part (or one the manifest does not list) refuses the whole archive with the
part named. Articles the workspace already holds (same original, or same text) are
not duplicated; their highlights are added only where the same passage is not
marked already. A backup is taken before an import writes anything.

The checksums catch damage and casual edits, not a forger who rewrites the manifest
too: the archive is not signed.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing.core import collections
from briefing.core.anchoring import find_quote
from briefing.core.backups import BackupError
from briefing.core.errors import (
    ArchiveError,
    BriefError,
    CollectionError,
    HighlightError,
    PerspectiveError,
)
from briefing.core.ingest import dedupe
from briefing.core.outputs import OutputError, check_output
from briefing.core.store.articles import NewArticle
from briefing.core.store.briefs import SETTINGS as BRIEF_SETTINGS
from briefing.core.timeutil import now_iso
from briefing.core.workspace import Workspace, workspace_name

FORMAT = "briefing-archive"
VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".briefing"
_JSON_PARTS = ("articles.json", "highlights.json", "perspectives.json", "speakers.json",
               "collections.json")


@dataclass
class ArchiveReport:
    """What an export wrote or an import took in."""

    path: Path
    articles: int = 0
    duplicates: int = 0  # articles the workspace already held
    highlights: int = 0
    highlights_skipped: int = 0  # the same passage was marked already
    speakers: int = 0
    collections: int = 0
    notes: list[str] = field(default_factory=list)
    briefs: int = 0

    def line(self, verb: str) -> str:
        dup = f" ({self.duplicates} already here)" if self.duplicates else ""
        held = f", {self.briefs} brief(s)" if self.briefs else ""
        return (f"{verb} {self.path}: {self.articles} article(s){dup}, {self.highlights} "
                f"highlight(s), {self.speakers} speaker assignment(s), {self.collections} "
                f"collection(s){held}")


def _dump(value: Any) -> bytes:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


# -- export ------------------------------------------------------------------------------
def export_archive(ws: Workspace, out: Path, collection: str | None = None,
                   force: bool = False) -> ArchiveReport:
    """Write the workspace (or one collection of it) to `out` as one verified archive."""
    out = Path(out).expanduser()
    try:
        check_output(out, [ws.root], force)
    except OutputError as exc:
        raise ArchiveError(str(exc)) from None
    if collection:
        try:
            chosen = collections.get(ws, collection)
        except CollectionError as exc:
            raise ArchiveError(str(exc)) from None
        ids = [i for i in chosen.article_ids if ws.articles.get(i) is not None]
        wanted = [chosen]
    else:
        ids = ws.articles.ids()
        wanted = collections.list_collections(ws)
    parts: dict[str, bytes] = {}
    records, refs = [], {}
    for article_id in ids:
        a = ws.articles.get(article_id)
        assert a is not None
        try:
            parts[f"originals/{a.original_hash}"] = ws.read_original(a.original_hash)
        except OSError as exc:
            raise ArchiveError(f"cannot archive article #{a.id} ({a.title}): its original "
                               f"file is missing or unreadable ({exc.strerror or exc}); "
                               "`briefing check` says more") from None
        refs[a.id] = a.original_hash
        records.append({
            "ref": a.original_hash, "title": a.title, "title_inferred": a.title_inferred,
            "publisher": a.publisher, "authors": a.authors, "published": a.published,
            "source_url": a.source_url, "source_file": a.source_file, "format": a.format,
            "language": a.language, "text": a.text, "words": a.words,
            "imported_at": a.imported_at, "read": a.read, "provenance": a.provenance,
            "kind": a.kind, "note": a.note, "caveat": a.caveat, "tags": a.tags,
            "cleaning": [list(pair) for pair in ws.cleaning.lines(a.id)]})
    found = ws.highlights.list(article_ids=ids) if ids else []
    marks: list[dict[str, Any]] = [{"article": refs[h.article_id], "start": h.start, "end": h.end, "quote": h.quote,
              "perspectives": h.perspectives, "kind": h.kind, "note": h.note,
              "translation": h.translation,
              "reliability": h.reliability, "credibility": h.credibility, "tags": h.tags,
              "orphaned": h.orphaned, "created": h.created}
             for h in found]
    used = {k for h in found for k in h.perspectives}
    book = ws.speakers.entries()
    used |= {key for _name, key in book.values()}
    perspectives = [{"key": p.key, "name": p.name, "colour": p.colour, "shortcut": p.shortcut,
                     "cues": p.cues, "builtin": p.builtin}
                    for p in ws.perspectives.all() if p.key in used]
    speakers = [{"name": name, "perspective": key} for name, key in book.values()]
    kept = [{"name": c.name, "query": c.query,
             "articles": [refs[i] for i in c.article_ids if i in refs]
             if c.query is None else []} for c in wanted]
    held = _brief_records(ws, found, collection)
    for name, value in (("articles.json", records), ("highlights.json", marks),
                        ("perspectives.json", perspectives), ("speakers.json", speakers),
                        ("collections.json", kept), ("briefs.json", held)):
        parts[name] = _dump(value)
    manifest = {
        "format": FORMAT, "version": VERSION, "created": now_iso(),
        "from": workspace_name(ws.root),
        "scope": {"kind": "collection", "name": collection} if collection
        else {"kind": "workspace"},
        "counts": {"articles": len(records), "highlights": len(marks),
                   "speakers": len(speakers), "collections": len(kept), "briefs": len(held)},
        "parts": {name: {"sha256": _sha(data), "size": len(data)}
                  for name, data in sorted(parts.items())},
    }
    _write_zip(out, {MANIFEST: _dump(manifest), **parts})
    return ArchiveReport(out, len(records), 0, len(marks), 0, len(speakers), len(kept),
                         briefs=len(held))


def _brief_records(ws: Workspace, found: list, collection: str | None) -> list[dict]:
    """The briefs to hand on: every one (a workspace), or those drawing from the collection
    or whose chosen highlights all lie in it. Highlights are named by their place in
    highlights.json; rows outside the archive are left out."""
    place = {h.id: n for n, h in enumerate(found)}
    out = []
    for row in ws.briefs.list():
        drawn = (row.filters.get("collection") or "").lower()
        if collection and drawn != collection.lower() and not (
                row.chosen and all(h in place for h in row.chosen)):
            continue
        out.append({"name": row.name, "title": row.title, "author": row.author,
                    "marking": row.marking, "summary": row.summary, "group_by": row.group_by,
                    "citation_style": row.citation_style,
                    "filters": {k: v for k, v in row.filters.items() if k != "article_ids"},
                    "rows": [[place[h], chosen] for h, chosen in row.rows if h in place]})
    return out


def _write_zip(out: Path, parts: dict[str, bytes]) -> None:
    """All or nothing: a temporary file beside `out`, renamed over it when complete."""
    folder = out.parent if str(out.parent) else Path(".")
    try:
        handle, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".part", dir=folder)
    except OSError as exc:
        raise ArchiveError(f"cannot write {out}: {exc.strerror or exc}") from None
    try:
        with os.fdopen(handle, "wb") as stream, \
                zipfile.ZipFile(stream, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in parts.items():
                archive.writestr(name, data)
        os.replace(tmp, out)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise ArchiveError(f"cannot write {out}: {exc.strerror or exc}; nothing was "
                           "written") from None


# -- verify ------------------------------------------------------------------------------
def read_archive(path: Path) -> tuple[dict, dict[str, bytes]]:
    """(manifest, {part: bytes}) after checking every part against the manifest; raises
    ArchiveError naming the archive and the first part that is missing, damaged, changed
    or not listed."""
    path = Path(path).expanduser()
    where = path.name
    try:
        archive = zipfile.ZipFile(path)
    except FileNotFoundError:
        raise ArchiveError(f"{path}: no such file") from None
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(f"{where} is not a Briefing archive, or it is damaged ({exc})") \
            from None
    with archive:
        names = archive.namelist()
        if MANIFEST not in names:
            raise ArchiveError(f"{where} is not a Briefing archive: it has no {MANIFEST}")
        manifest_bytes = _read_part(archive, where, MANIFEST)
        try:
            manifest = json.loads(manifest_bytes)
            listed = dict(manifest["parts"])
        except (ValueError, KeyError, TypeError):
            raise ArchiveError(f"{where}: the part {MANIFEST} is damaged (it is not the "
                               "manifest Briefing writes)") from None
        if manifest.get("format") != FORMAT:
            raise ArchiveError(f"{where} is not a Briefing archive")
        if int(manifest.get("version", 0)) > VERSION:
            raise ArchiveError(f"{where} was written by a newer Briefing (archive version "
                               f"{manifest.get('version')}); update Briefing to import it")
        for name in names:
            if name != MANIFEST and name not in listed:
                raise ArchiveError(f"{where}: the part {name} is not listed in the manifest; "
                                   "the archive was changed after it was written")
        parts: dict[str, bytes] = {}
        for name, expected in listed.items():
            if name not in names:
                raise ArchiveError(f"{where}: the part {name} is missing")
            data = _read_part(archive, where, name)
            if _sha(data) != expected.get("sha256") or len(data) != expected.get("size"):
                raise ArchiveError(f"{where}: the part {name} does not match its checksum in "
                                   "the manifest: it was damaged or changed; nothing was "
                                   "imported")
            parts[name] = data
    for name in _JSON_PARTS:
        if name not in parts:
            raise ArchiveError(f"{where}: the part {name} is missing")
    for name, data in parts.items():
        if name.startswith("originals/") and _sha(data) != name.split("/", 1)[1]:
            raise ArchiveError(f"{where}: the part {name} is not the file its name says")
    return manifest, parts


def _read_part(archive: zipfile.ZipFile, where: str, name: str) -> bytes:
    try:
        return archive.read(name)
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:
        raise ArchiveError(f"{where}: the part {name} is damaged ({exc}); nothing was "
                           "imported") from None


# -- import ------------------------------------------------------------------------------
def import_archive(ws: Workspace, path: Path) -> ArchiveReport:
    """Verify the archive, back the library up, then take in what it holds."""
    ws.require_writable("import an archive")
    path = Path(path).expanduser()
    _manifest, parts = read_archive(path)
    try:
        records = json.loads(parts["articles.json"])
        marks = json.loads(parts["highlights.json"])
        perspectives = json.loads(parts["perspectives.json"])
        speakers = json.loads(parts["speakers.json"])
        kept = json.loads(parts["collections.json"])
    except ValueError as exc:
        raise ArchiveError(f"{path.name}: a part cannot be read ({exc})") from None
    if ws.articles.count():
        try:
            ws.backup("bulk", f"before importing the archive {path.name}")
        except BackupError as exc:
            raise ArchiveError(f"{exc}; nothing was imported") from None
    try:
        held = json.loads(parts.get("briefs.json", b"[]"))
    except ValueError as exc:
        raise ArchiveError(f"{path.name}: the part briefs.json cannot be read ({exc})") \
            from None
    report = ArchiveReport(path)
    keys = _take_perspectives(ws, perspectives, report)
    ids = _take_articles(ws, records, parts, report)
    placed = _take_highlights(ws, marks, ids, keys, report)
    for entry in speakers:
        key = keys.get(entry["perspective"])
        if key and ws.speakers.get(entry["name"]) is None:
            ws.speakers.assign(entry["name"], key)
            report.speakers += 1
    for entry in kept:
        try:
            if entry.get("query") is not None:
                if ws.collections.get(entry["name"]) is None:
                    collections.save_search(ws, entry["name"], entry["query"])
            else:
                collections.add(ws, entry["name"], [ids[r] for r in entry["articles"]
                                                     if r in ids])
            report.collections += 1
        except CollectionError as exc:
            report.notes.append(f"collection {entry['name']}: {exc}")
    _take_briefs(ws, held, placed, keys, report)
    ws.index.catch_up()
    return report


def _take_briefs(ws: Workspace, held: list[dict], placed: dict[int, int],
                 keys: dict[str, str], report: ArchiveReport) -> None:
    """Each brief under its name (one that is taken here is kept as it is, and said)."""
    for entry in held:
        name = entry.get("name", "")
        if ws.briefs.get(name) is not None:
            report.notes.append(f"brief {name}: there is already a brief of that name here; "
                                "it was kept as it is")
            continue
        filters = dict(entry.get("filters") or {})
        if filters.get("perspectives"):
            filters["perspectives"] = [keys[k] for k in filters["perspectives"] if k in keys]
        settings = {k: entry[k] for k in BRIEF_SETTINGS if isinstance(entry.get(k), str)}
        try:
            row = ws.briefs.create(name, filters, **settings)
        except BriefError as exc:
            report.notes.append(f"brief {name}: {exc}")
            continue
        ws.briefs.set_rows(row.id, [(placed[n], bool(chosen)) for n, chosen in entry["rows"]
                                    if n in placed])
        report.briefs += 1


def _take_perspectives(ws: Workspace, items: list[dict], report: ArchiveReport
                       ) -> dict[str, str]:
    """{archived key: key here}: the same key, else the same name, else added."""
    keys: dict[str, str] = {}
    for p in items:
        here = ws.perspectives.get(p["key"]) or ws.perspectives.resolve(p["name"])
        if here is None:
            taken = {q.shortcut for q in ws.perspectives.all()}
            try:
                here = ws.perspectives.add(p["name"], p["colour"],
                                           "" if p["shortcut"] in taken else p["shortcut"],
                                           p.get("cues", []))
            except PerspectiveError as exc:
                report.notes.append(f"perspective {p['name']}: {exc}")
                continue
        keys[p["key"]] = here.key
    return keys


def _take_articles(ws: Workspace, records: list[dict], parts: dict[str, bytes],
                   report: ArchiveReport) -> dict[str, int]:
    """{archived ref: article id here}; articles already here are kept as they are."""
    ids: dict[str, int] = {}
    for r in records:
        text = r["text"]
        thash = dedupe.text_hash(text)
        existing = ws.articles.by_original_hash(r["ref"]) or ws.articles.by_text_hash(thash)
        if existing is not None:
            ids[r["ref"]] = existing
            report.duplicates += 1
            continue
        original = parts.get(f"originals/{r['ref']}")
        if original is None:
            raise ArchiveError(f"{report.path.name}: the part originals/{r['ref']} is missing")
        ws.store_original(original, r["ref"])
        article_id = ws.articles.add(NewArticle(
            title=r["title"], text=text, text_hash=thash, source_file=r["source_file"],
            original_hash=r["ref"], format=r["format"], title_inferred=r["title_inferred"],
            publisher=r["publisher"], authors=r["authors"], published=r["published"],
            source_url=r["source_url"], language=r["language"], words=r["words"],
            provenance=r["provenance"], kind=r["kind"]),
            dedupe.sketch(dedupe.shingles(text)))
        ws.articles.update_metadata(article_id, note=r["note"], caveat=r["caveat"],
                                    read=r["read"])
        if r["tags"]:
            ws.articles.set_tags(article_id, r["tags"])
        for line, decision in r.get("cleaning", []):  # absent in archives written before
            ws.cleaning.set(article_id, line, decision)
        ids[r["ref"]] = article_id
        report.articles += 1
    return ids


def _take_highlights(ws: Workspace, marks: list[dict], ids: dict[str, int],
                     keys: dict[str, str], report: ArchiveReport) -> dict[int, int]:
    """Each highlight at its passage (found again by its quote if the text here differs);
    one whose passage is nowhere stays an orphan with its quote. A passage marked here
    already is not marked twice. Returns {place in highlights.json: highlight id here}."""
    placed: dict[int, int] = {}
    for n, m in enumerate(marks):
        article_id = ids.get(m["article"])
        if article_id is None:
            continue
        text = ws.articles.text(article_id)
        have = ws.highlights.for_article(article_id)
        span: tuple[int, int] | None = (m["start"], m["end"])
        if text[m["start"]:m["end"]] != m["quote"]:
            span = find_quote(text, m["quote"])
        same = [h.id for h in have if (span is not None and (h.start, h.end) == span)
                or (span is None and h.orphaned and h.quote == m["quote"])]
        if same:
            placed[n] = same[0]
            report.highlights_skipped += 1
            continue
        fields = {"perspectives": [keys[k] for k in m["perspectives"] if k in keys],
                  "kind": m["kind"], "note": m["note"], "reliability": m["reliability"],
                  "translation": m.get("translation", ""),
                  "credibility": m["credibility"], "tags": m["tags"]}
        try:
            if span is None:
                made = ws.highlights.add_orphan(article_id, m["quote"], m["start"], m["end"],
                                                **fields)
            else:
                made = ws.highlights.add(article_id, text, *span, **fields)
        except HighlightError as exc:
            report.notes.append(f"highlight {m['quote'][:40]!r}: {exc}")
            report.highlights_skipped += 1
            continue
        placed[n] = made.id
        report.highlights += 1
    return placed
