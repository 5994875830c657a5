"""Independent experts: a speaker known only as a scholar, analyst or researcher of some
nationality or base speaks for none of the perspectives (README "Hard cases": analysts and
think tanks speak for no side, whatever their nationality), unless tied to a state."""

from __future__ import annotations

import re

from briefing.core.claims.affiliation import bare_country

# Independent experts named by their nationality or base ("a senior Chinese scholar with
# ties to ...", "Chinese scholars interviewed for this paper", "Seoul-based analysts"): the
# expert noun heads the phrase, only determiners, adjectives, a nationality or "-based"
# stand before it. Not one tied to a state ("who advises the Foreign Ministry", "at a
# state-affiliated institute"), nor a blogger (who speaks for the side he backs).
_EXPERT = re.compile(
    r"(?:(?:an?|the|one|some|several|many|most|other|two|three|few|a\s+few|leading|"
    r"senior|prominent|independent|veteran|well-known|respected|military|security|"
    r"defen[cs]e|foreign[- ]policy|[a-z]+-based|[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+)+"
    r"(?P<head>scholars?|analysts?|experts?|researchers?|academics?|professors?|"
    r"specialists?)\b(?P<rest>.*)", re.DOTALL)
_STATE_TIED = re.compile(r"(?i)\b(?:advis\w*|state-(?:affiliated|run|owned|backed)|"
                         r"government-(?:affiliated|run|backed)|official|pro-\w+)\b")


def independent_expert(text: str, after: str = "") -> bool:
    """Is the speaker span an independent expert known only by nationality or base?
    `after`: the words after the span, where a relative clause may tie the expert to a
    state ("a Chinese scholar who advises the Foreign Ministry told ...")."""
    m = _EXPERT.fullmatch(" ".join(text.split()))
    tie = re.match(r"\s*,?\s*(?:who|which|that)\b[^,.;]*", after)
    if m is None or _STATE_TIED.search(text) or tie is not None and \
            _STATE_TIED.search(tie.group()):
        return False
    pre = m.group()[:m.start("head")].split()
    # capitalised modifiers must be a nationality ("Chinese", "South Korean") or
    # "Western", not an institution ("A BND analyst", "RAND researchers")
    caps = " ".join(w for w in pre if w[:1].isupper() and w.lower() not in (
        "a", "an", "the", "one", "some", "several", "many", "most", "other", "two", "three"))
    if not caps:
        return False
    return caps == "Western" or bare_country(caps) is not None


# A former official who now teaches or studies ("Daniel Roh, a former South Korean diplomat
# who now teaches in London"): an analyst now, of no side (not "now an opposition MP").
_NOW_ACADEMIC = re.compile(
    r"(?i)\bformer\b.*\b(?:now|today)\s+(?:teaches|lectures|researches|writes|"
    r"an?\s+(?:professor|scholar|fellow|researcher|analyst|lecturer|academic|consultant))\b")


def former_now_academic(text: str) -> bool:
    """Is the speaker a former official described as now teaching or researching?"""
    return _NOW_ACADEMIC.search(text) is not None
