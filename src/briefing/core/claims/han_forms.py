"""Traditional Chinese read as simplified: one set of cues and verbs for both forms.

Taiwan's and Hong Kong's outlets (中央社, 自由時報) write 說, 稱, 認為, 呼籲, 發言人; the
zh rules are written in simplified characters (说, 称, 认为, 呼吁, 发言人). Rather than
list every cue twice, the attributor reads a folded copy of the text: OpenCC's own
traditional-to-simplified tables (the field's standard converter, its official wheel).
The fold must keep every character at its place, since suggestions carry offsets into
the page: a conversion that changes the length is not used (the text stays as it is).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any


@lru_cache(maxsize=1)
def _converter() -> Any:
    """OpenCC's traditional-to-simplified converter, loaded on the first Han page."""
    import opencc  # lazily: an English-only library never loads it

    return opencc.OpenCC("t2s")


def fold_traditional(text: str) -> str:
    """`text` with traditional characters as simplified ones, character for character;
    `text` itself when it holds no Han character or the fold would move offsets."""
    if not any("\u4e00" <= ch <= "\u9fff" for ch in text):
        return text
    folded: str = _converter().convert(text)
    if len(folded) == len(text):
        return folded
    # a phrase table changed a length: fold each character alone (always one for one)
    chars = [_converter().convert(ch) for ch in text]
    return "".join(c if len(c) == 1 else o for c, o in zip(chars, text, strict=True))
