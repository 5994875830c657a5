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
