"""The selected highlights as W3C Web Annotations (JSON-LD), for annotation tools.

Each highlight is an Annotation whose target carries a TextQuoteSelector
(exact, prefix, suffix) and a TextPositionSelector (start, end) on the
article's cleaned text; the body carries the perspectives (tagging), the
analyst's note (commenting), the analyst's translation (translating) and the grading.
"""

from __future__ import annotations

import json
from typing import Any

from briefing.core.export.sanitize import clean_text
from briefing.core.export.selection import BriefingContent, NoteItem
from briefing.core.outputs import JSON_GENERATOR

CONTEXT = "http://www.w3.org/ns/anno.jsonld"


def _annotation(item: NoteItem, section: str) -> dict[str, Any]:
    h, a = item.highlight, item.article
    body: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": clean_text(name)}
        for name in item.perspectives]
    if item.note:
        body.append({"type": "TextualBody", "purpose": "commenting", "format": "text/plain",
                     "value": clean_text(item.note)})
    if item.translation:
        body.append({"type": "TextualBody", "purpose": "translating", "format": "text/plain",
                     "value": clean_text(item.translation)})
    if item.grading:
        body.append({"type": "TextualBody", "purpose": "assessing", "value": item.grading})
    body += [{"type": "TextualBody", "purpose": "tagging", "value": clean_text(t)} for t in h.tags]
    source: dict[str, Any] = {"id": f"urn:briefing:article:{a.id}", "type": "Text",
                              "title": clean_text(a.title)}
    if a.source_url:
        source["canonical"] = a.source_url
    return {
        "id": f"urn:briefing:highlight:{h.id}",
        "type": "Annotation",
        "motivation": "commenting" if item.note else "highlighting",
        "created": h.created or None,
        "modified": h.modified or None,
        "body": body,
        "target": {
            "source": source,
            "selector": [
                {"type": "TextQuoteSelector", "exact": clean_text(h.quote),
                 "prefix": clean_text(h.prefix), "suffix": clean_text(h.suffix)},
                {"type": "TextPositionSelector", "start": h.start, "end": h.end},
            ],
        },
        "briefing": {
            "reference": item.reference, "section": clean_text(section),
            "perspectives": list(h.perspectives), "kind": h.kind, "note": clean_text(item.note),
            "translation": clean_text(item.translation),
            "reliability": h.reliability, "credibility": h.credibility,
            "publisher": clean_text(a.publisher or ""), "published": a.published,
            "orphaned": h.orphaned,
            # a brief's "Mark what is new": "New since 5 Dec 2026", else absent
            **({"new_since": item.new_since} if item.new_since else {}),
        },
    }


def render_annotations(content: BriefingContent) -> str:
    """An AnnotationCollection with one page holding every selected highlight."""
    items = [_annotation(item, s.heading) for s in content.sections for item in s.items]
    doc = {
        "@context": CONTEXT,
        "id": "urn:briefing:note",
        "type": "AnnotationCollection",
        "label": clean_text(content.title),
        "generator": JSON_GENERATOR,
        "total": len(items),
        "first": {"type": "AnnotationPage", "startIndex": 0, "items": items},
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
