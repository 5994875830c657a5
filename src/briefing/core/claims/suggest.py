"""Propose highlights: sentences that attribute a claim, with the speaker's perspectives."""

from __future__ import annotations

from collections.abc import Iterable

from briefing.core.claims.attribution import Attributor
from briefing.core.claims.cues import matcher_for
from briefing.core.claims.multilingual import dominant_script, suggest_in_script
from briefing.core.claims.sentences import split_sentences
from briefing.core.models import Perspective, Suggestion

MIN_WORDS = 4  # shorter "sentences" are headings or fragments
MAX_CHARS = 1500
_TERMINAL = tuple(".!?\"”’'…)")  # longer ones are run-together page furniture, not a sentence


def suggest_claims(text: str, perspectives: Iterable[Perspective]) -> list[Suggestion]:
    """Attributed-claim sentences of `text`, sorted by start offset.

    Each suggestion's perspectives come from who is speaking (several when several
    speakers are named); `cue` is the cue that decided them, None when the speaker
    matched no perspective (the sentence is still suggested).
    """
    script = dominant_script(text)
    if script is not None:  # Ukrainian, Russian, Korean, Chinese: rules per language
        return suggest_in_script(text, script, perspectives)
    attributor = Attributor(matcher_for(list(perspectives)))
    out: list[Suggestion] = []
    for index, sent in enumerate(split_sentences(text)):
        if len(sent.text) > MAX_CHARS or len(sent.text.split()) < MIN_WORDS:
            continue
        if not sent.text.endswith(_TERMINAL):
            continue  # a headline, caption or teaser line, not a sentence of the story
        speakers = attributor.attribute(sent, index)
        if not speakers:
            continue
        keys: list[str] = []
        cue = None
        for sp in speakers:
            for key in sp.perspectives:
                if key not in keys:
                    keys.append(key)
            if sp.perspectives and cue is None:
                cue = sp.cue
        main = next((sp for sp in speakers if sp.perspectives), speakers[0])
        out.append(Suggestion(start=sent.start, end=sent.end, quote=sent.text,
                              perspectives=keys, cue=cue, speaker=main.text, verb=main.verb))
    return out
