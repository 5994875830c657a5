"""Which language an article is written in (ISO 639-1), with py3langid.

py3langid (a maintained fork of langid.py) classifies 97 languages from
character n-grams, so it needs no word boundaries (Chinese, Korean) and tells
Ukrainian from Russian. Its model (~4 MB) is loaded on first use only.
A text too short to judge, or judged with low confidence, gets no language:
the analyst can set it in the details pane or with `briefing edit --language`.
A text made mostly of common English words is English at once ([detect] in
resources/cleaning/languages/en.toml): an English library never loads the model.
"""

from __future__ import annotations

import re
import threading
import tomllib
from functools import lru_cache
from typing import Any

from briefing.core.resources import resource

MIN_LETTERS = 40  # fewer letters than this: too little to judge
MIN_CONFIDENCE = 0.6
SAMPLE_CHARS = 1500  # the opening is enough: ~2 ms an article instead of ~10 ms for 6000
_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
_lock = threading.Lock()
_identifier: Any = None


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


@lru_cache(maxsize=1)
def _macros() -> dict[str, str]:
    """ISO 639-3 code -> the ISO 639-1 macrolanguage it belongs to (language_macros.toml)."""
    path = resource("cleaning", "language_macros.toml")
    return dict(tomllib.loads(path.read_text(encoding="utf-8")).get("fold", {}))


@lru_cache(maxsize=1)
def _quick_cues() -> list[tuple[str, float, frozenset[str]]]:
    """(code, share, words) from the [detect] tables of resources/cleaning/languages/."""
    out = []
    folder = resource("cleaning", "languages")
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        detect = tomllib.loads(path.read_text(encoding="utf-8")).get("detect")
        if detect:
            out.append((path.stem, float(detect["share"]), frozenset(detect["words"])))
    return out


def _quick(sample: str) -> str | None:
    words = _WORD.findall(sample.lower())
    if len(words) < 40:
        return None
    for code, share, cues in _quick_cues():
        if sum(1 for w in words if w in cues) >= share * len(words):
            return code
    return None


def detect_language(text: str) -> str | None:
    """The ISO 639-1 code of the language `text` is written in, or None when unsure."""
    sample = text[:SAMPLE_CHARS]
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    quick = _quick(sample)
    if quick is not None:
        return quick
    # Varieties of one macrolanguage share its probability: a Hong Kong page scored
    # Cantonese .52, Chinese .31 and Wu .18 is Chinese, sure enough.
    fold = _macros()
    totals: dict[str, float] = {}
    for code, p in _model().rank(sample):
        code = fold.get(code, code)
        totals[code] = totals.get(code, 0.0) + float(p)
    code, confidence = max(totals.items(), key=lambda kv: kv[1])
    if confidence < MIN_CONFIDENCE or not isinstance(code, str) or len(code) != 2:
        return None
    return code
