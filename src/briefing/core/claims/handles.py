"""Social-media handles as speakers: "@nato.int (Bluesky, 16:20): "..."", "@mod-russia-en
(Telegram, 09:12): ...", "@rybar (Telegram), the pro-war channel, wrote ...".

A round-up of posts names each poster by a handle, not by a name with a cue. A handle
is read as the words it is made of ("mod-russia-en" -> "Mod Russia En", "zelenskyy" ->
"Zelenskyy"), the platform's suffix left off ("bsky.social"); a handle that is a web
address ("nato.int") is read as a publisher's address is (resources/claims/publishers.toml
[domains]). Language-neutral: handles are Latin-script everywhere.
"""

from __future__ import annotations

import re

# "@name" with the platform and time in brackets after it, at the start of a sentence.
_LEAD = re.compile(r"\W{0,3}(?P<handle>@[\w.-]*\w)(?:\s*\([^()\n]{1,40}\))?(?P<after>\s*[:,]|\s)")
# Platform suffixes that are not part of the poster's name.
_PLATFORM = re.compile(r"\.(?:bsky\.social|bsky\.app|bsky|t\.me|x\.com|twitter\.com|"
                       r"threads\.net|mastodon\.social)$", re.IGNORECASE)
_PIECES = re.compile(r"[._-]+|(?<=[a-z])(?=[A-Z])")
# A post embedded as a card: its poster's display name, the handle alone on the next line,
# then the post's text ("Kaja Kallas" / "@kajakallas" / "Xi, Putin and Kim ...").
_BARE = re.compile(r"@[A-Za-z0-9_.]{2,40}")
_NAME = re.compile(r"[^\W\d][\w.'’ -]{1,60}?(?=[^\w.'’]*$)")
_ENDS = (".", "!", "?", "\"", "”", "’", "'")


def handle_lead(sentence: str) -> tuple[int, int, str] | None:
    """(start, end, what follows) of a handle opening the sentence, or None."""
    m = _LEAD.match(sentence)
    if m is None:
        return None
    return m.start("handle"), m.end("handle"), m.group("after").strip()


def handle_words(handle: str) -> tuple[str, str]:
    """The handle as words ("@mod-russia-en" -> "Mod Russia En") and as an address
    ("nato.int"), its platform suffix left off."""
    bare = _PLATFORM.sub("", handle.lstrip("@"))
    words = " ".join(w[:1].upper() + w[1:] for w in _PIECES.split(bare) if w)
    return words, bare


def post_cards(text: str, spans: list[tuple[int, int]]) -> dict[int, tuple[str, int]]:
    """{paragraph number of a post's text: (its poster, where the name is)} for each post
    embedded as a card: a display name, the bare handle on the paragraph under it, the
    post's text under that. The poster speaks every sentence of the post. A name line that
    is not a name ("X posted:") leaves the poster to the handle's words."""
    cards: dict[int, tuple[str, int]] = {}
    for i in range(1, len(spans) - 1):
        a, z = spans[i]
        if not _BARE.fullmatch(text[a:z].strip()):
            continue
        body = text[spans[i + 1][0]:spans[i + 1][1]].rstrip()
        if not body.endswith(_ENDS) or _BARE.fullmatch(body):
            continue
        line = text[spans[i - 1][0]:spans[i - 1][1]].strip()
        name = _NAME.match(line)
        if name is not None and len(line.split()) <= 8 and not line.endswith((":", *_ENDS)):
            cards[i + 1] = (name.group().strip(), spans[i - 1][0])
        else:
            cards[i + 1] = (handle_words(text[a:z].strip())[0], a)
    return cards
