"""Speech a quotation reports (issue 9, round 18): a speaker of no side who quotes another
side's words ('"China has consistently said that it wants peace," Mr Peters says', '"...my
counterpart, who told me that Seoul is concerned ..."') states that side's claim, as the
labels read it; the quoted speaker's own "we" and "I" add nothing."""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.core.claims.grammar import _WORD
from briefing.core.claims.rules import AttributionRules, scan
from briefing.core.claims.sentences import Sentence
from briefing.core.claims.speaker import Speaker

# Verbs that report another's words outright (not a call: "We urge Beijing to ...").
_SPEECH_VERBS = frozenset({"said", "says", "told", "tells", "claimed", "claims", "stated",
                           "states", "warned", "warns", "denied", "denies", "confirmed",
                           "confirms", "estimated", "estimates", "reported", "insisted",
                           "insists", "assured", "announced", "admitted", "acknowledged"})
_FIRST_PERSON = frozenset({"i", "we", "my", "our", "us", "me"})

VerbSpeaker = Callable[[str, Sentence, "re.Match[str]", list[Speaker], int], "Speaker | None"]


def quoted_reports(verb_speaker: VerbSpeaker, rules: AttributionRules, s: str,
                   sent: Sentence, quotes: list[tuple[int, int]],
                   index: int) -> list[Speaker]:
    """Speakers of a side that the quotations of sentence `s` report, each read as the
    attributor reads a reporting verb's subject (`verb_speaker`)."""
    out: list[Speaker] = []
    for a, z in quotes:
        inner = s[a + 1:z - 1] if z - a > 2 else ""
        if len(_WORD.findall(inner)) < rules.min_quote_words:
            continue
        part = Sentence(sent.start + a + 1, sent.start + a + 1 + len(inner), inner,
                        sent.paragraph)
        for m in scan(rules.verbs, rules.verb_heads, inner):
            if m.group().lower() not in _SPEECH_VERBS:
                continue
            sp = verb_speaker(inner, part, m, out, index)
            if sp is None or not sp.perspectives or \
                    sp.text.lower().split()[:1] and sp.text.lower().split()[0] in _FIRST_PERSON:
                continue
            out.append(sp)
    return out
