"""Colon attributions and quoted speech with no verb of saying.

'The spokeswoman had a message for Tokyo: "..."' names its speaker before a colon; a list
label ("Ukraine's HUR: about 11,000 troops") or a speaker label ("Zelensky: ...") does too
when it names a side; a paragraph of quotation with no verb goes on quoting the speaker
of the paragraph before. The Attributor (attribution.py) inherits these readers.
"""

from __future__ import annotations

import re

from briefing.core.claims.cues import normalise
from briefing.core.claims.grammar import (
    _COLON_QUOTE,
    _LABEL_COLON,
    _WORD,
    TWO_CLAUSES,
    _next_boundary,
)
from briefing.core.claims.resolution import SpeakerResolver
from briefing.core.claims.sentences import Sentence
from briefing.core.claims.speaker import Speaker

# A time or place phrase before a framing line's subject ("By the summer, ", "In Seoul, ").
_OPENER = re.compile(r"\W*(?:(?:By|In|On|At|After|Since|Within|Later|Earlier|Then|Meanwhile|"
                     r"Shortly|Until)\b[^,:]{0,40},\s+)")
# Small words inside a name or a body's name ("Ministry of Foreign Affairs of the ...").
_NAME_LINKS = frozenset({"the", "of", "for", "in", "and", "at", "on", "de", "'s", "s"})


class ColonReader(SpeakerResolver):
    """Speakers named before a colon, and quotations that go on without a verb."""

    def _colon_speaker(self, s: str, sent: Sentence, index: int,
                       labels: bool = True) -> Speaker | None:
        """A colon attribution: 'The spokeswoman had a message for Tokyo: "..."',
        'Andriy Yermak, head of the Presidential Office, was blunter: "..."'."""
        m = _COLON_QUOTE.search(s)
        if m is None and labels:
            # A label in a list: "Ukraine's HUR: about 11,000 troops, ..."
            lab = _LABEL_COLON.match(s)
            if lab is not None and len(_WORD.findall(s[lab.end():])) >= 3:
                sp = self._resolve_plain(s, 0, lab.end() - 1, "label", sent.start)
                return sp if sp.perspectives else None
        if m is None or len(_WORD.findall(s[m.end():])) < 3:
            return None
        lead = _WORD.findall(s[:m.start()])
        if not s[:1].isalpha():
            return None  # a footnote
        if len(lead) < 3 or not any(w[:1].islower() for w in lead):
            # A speaker label ("Zelensky: ..."): a statement when the label names a side.
            if not labels or len(lead) > 6:
                return None
            sp = self._resolve_plain(s, 0, m.start(), "label", sent.start)
            return sp if sp.perspectives else None
        if TWO_CLAUSES.search(s, 0, m.start()):
            # "It's early days, but here's another way to look at this: ...", "Humour can
            # be ..., and one joke has been doing the rounds:": a colon attribution is one
            # clause, "<speaker> <verb phrase>:"; a lead of two is the writer's own
            return None
        subj = self._main_subject(s, m.start())
        if subj is None:
            return None
        a, z = subj
        words = [w.lower() for w in _WORD.findall(s[a:z])]
        if not words or words in (["it"], ["there"], ["here"], ["this"], ["that"]):
            return None  # a dummy subject speaks for nobody ("It is simple: ...")
        if words[0] in ("her", "his", "their", "its"):
            ante = self._antecedent(sent, index)  # "Her answer was blunt: ..."
            if ante is None:
                return None
            return ante.named(s[a:z], "colon", sent.start + a, sent.start + z)
        if not self._source_like(s, a, z, strict=False):
            return None
        extra = []
        comma = s.find(",", z, m.start())
        if comma >= 0:  # "Andriy Yermak, head of the Presidential Office, was blunter:"
            extra.append((comma + 1, _next_boundary(s, comma + 1)))
        return self._resolve(s, sent, a, z, "colon", index, extra=extra)

    def _quoted_speech(self, s: str, quotes: list[tuple[int, int]], sent: Sentence,
                       index: int) -> Speaker | None:
        """A sentence of quoted speech with no verb: the paragraph's speaker said it."""
        speech = [q for q in quotes
                  if len(_WORD.findall(s[q[0]:q[1]])) >= self.r.min_quote_words]
        ctx = self.ctx
        if s[:1] in "\"“" and ctx.last is not None and \
                ctx.last_paragraph == sent.paragraph - 1 and index - ctx.last_index <= 4 and \
                self._text[max(0, sent.start - 1):sent.start] in ("", "\n") and \
                len(_WORD.findall(s)) >= self.r.min_quote_words and \
                not re.search(r"\w[\"”]$", s.rstrip()):
            # (not a pull quote set as a heading: '"A school with live ammunition"')
            # A paragraph that opens a quotation and names no speaker goes on quoting the
            # speaker of the paragraph before ('"...," Mr Peters says.' then '"We will not
            # stand by ..."'), as newspapers run one speaker's quotations over paragraphs.
            return ctx.last.again("quote", sent.start, sent.end)
        if not speech:
            return None
        if ctx.last is None or ctx.last_paragraph != sent.paragraph or index - ctx.last_index > 4:
            return None
        last = ctx.last
        return last.again("quote", sent.start + speech[0][0], sent.start + speech[0][1])

    def frame_speaker(self, sent: Sentence, index: int) -> Speaker | None:
        """The subject of a line that frames the quotation under it with no verb of saying
        ("The Chinese Embassy in the United States struck a similar note:", "By the
        summer, Ukrainian officials were telling a different story:"): the speaker of the
        words below, when the subject names a side."""
        s = normalise(sent.text)
        opener = _OPENER.match(s)
        a = opener.end() if opener is not None else 0
        words = list(re.finditer(r"[\w'’.-]+|,", s[a:]))
        end, apposed, lower = a, False, 0
        for w in words:
            tok = w.group()
            if tok == ",":
                apposed = not apposed  # "X, the spokesman of Y, struck ...": the aside
                continue
            low = tok.lower().strip("'’")
            if not apposed and not tok[:1].isupper() and low not in _NAME_LINKS:
                if low in self.r.role_words | self.r.back_reference_heads and lower == 0:
                    lower += 1  # "Ukrainian officials", "the Chinese side"
                else:
                    break
            end = a + w.end()
        if end <= a:
            return None
        sp = self._resolve(s, sent, a, end, "frame", index)
        # (a side the subject's own words name, not one a title recalls from before:
        # "The Honourable X, Minister of Foreign Affairs, today issued ...")
        named = sp.cue is not None and sp.cue.lower() in s[a:end].lower()
        return sp if sp.perspectives and named else None
