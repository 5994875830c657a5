"""Whose voice an English page speaks in: its home side, its issuer, its writer.

A government body's statement says what has no speaker of its own for its issuer; a think
tank's assessment is its writer's own; a national agency's "senior official" is of the
agency's country. `page_voice` reads these once per page, before the sentences are read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from briefing.core.claims.affiliation import foreign
from briefing.core.claims.attribution import Speaker
from briefing.core.claims.cues import CueMatcher
from briefing.core.claims.headings import dateline_side
from briefing.core.claims.home import (
    home_side,
    is_government_body,
    is_official,
    issuer_side,
    issuer_sides,
    own_voice,
    statement_issuer,
    text_side,
    writer_names,
)
from briefing.core.claims.statement_voice import QUOTE_TEXT, lead_subject

# First person plural: in a government body's own statement, the issuer speaks ("We call
# on...", "...as our partners know"); lower-case "us" only (upper-case "US" is a country).
WE = re.compile(r"(?<![\w.])(?:We|we|Our|our|ours|us)(?![\w.])")
# A page written as turns ("Q:", "MR. X:"), at the start of a line.
_TRANSCRIPT_LIKE = re.compile(r"(?m)^(?:Q|A|Question|Answer|[A-Z][A-Z .'-]{2,40}):\s")


@dataclass
class PageVoice:
    """The page's own voice: `home` is its side (key, cue), `issuer` who says what it
    asserts, `outside` an issuer of a government none of the perspectives covers."""

    home: tuple[str, str] | None
    official: bool
    issuer: Speaker | None
    outside: bool
    dateline: tuple[str, str] | None
    writer: set[str] = field(default_factory=set)


def page_voice(matcher: CueMatcher, text: str, title: str, publisher: str,
               spans: list[tuple[int, int]]) -> PageVoice:
    """Read the page's home side, issuer and writer from its publisher, title and text
    (`spans`: its paragraphs)."""
    home = home_side(matcher, publisher, title)
    official = is_official(publisher, title)
    # What a think tank "assesses" is its writer's own assertion; what a government body
    # ("The President of Russia noted ...") says in its own document is its statement.
    writer = writer_names(publisher) if not (official and home is not None) else set()
    # "Statement by the Ministry of Foreign Affairs of Ukraine on ...": the text is the
    # issuer's; its assertions are the issuer's statements.
    issuer_name = statement_issuer(title)
    issuer: Speaker | None = None
    if issuer_name is not None:
        side = issuer_side(matcher, issuer_name) or home or text_side(
            matcher, text, spans)
        official = True
        if side is not None:
            home = side
        # The side comes from the title's issuer, the publisher, or the statement's own
        # lead ("The Ministry of Foreign Affairs of Ukraine strongly condemns ...") or place
        # line; a joint issuer speaks for every side it names. An issuer of no known side
        # ("the Press Secretary" of Japan's ministry) adds nothing: its text is left to the
        # ordinary attribution rules.
        joint = issuer_sides(matcher, issuer_name) if side is not None else []
        keys = joint if len(joint) > 1 and side is not None and side[0] in joint else (
            [side[0]] if side else [])
        issuer = Speaker(issuer_name or publisher or (side[1] if side else "issuer"),
                         keys, side[1] if side else None, "issuer")
    own_words = WE.search(QUOTE_TEXT.sub(" ", text)) is not None
    if issuer is None and official and home is not None and is_government_body(publisher) \
            and (_TRANSCRIPT_LIKE.search(text) or own_words):
        # A government body's own page written in its own voice ("We call on ...") or as
        # a transcript: what it asserts outside quotations and turns is its statement even
        # under a headline-like title (a third-person press release is not).
        issuer = Speaker.of_side(publisher, home, "publisher")
    # A statement issued by a government none of the perspectives covers ("Ministry of
    # Foreign Affairs of Japan"): its assertions are statements of no side of ours. (An
    # issuer whose side is merely not recognised is not guessed to be of none.)
    # A title that names no issuer ("Statement on the deployment ...") leaves it to the
    # publisher, a government body, and to the statement's lead: "The Philippines views
    # with grave concern ..." names a country none of the perspectives covers.
    outside = issuer is not None and not issuer.perspectives and (
        bool(issuer_name) and (foreign(publisher) or foreign(issuer_name or "")) or
        issuer_name == "" and is_government_body(publisher) and (
            foreign(publisher) or foreign(lead_subject(text))))
    if issuer is None and home is None and is_government_body(publisher) and \
            own_words and foreign(lead_subject(text)):
        # The same for a government's own release in its own voice under a headline
        # ("Australia imposes further sanctions ..." by its "Minister for Foreign Affairs"),
        # when its lead names that country ("Australia has today imposed ...").
        issuer = Speaker(publisher, [], None, "issuer")
        outside = True
    if issuer is None and home is None and own_words:
        own = own_voice(text)  # "Norway strongly condemns ... We are deeply concerned"
        if own is not None:
            home, official = own, True
            issuer = Speaker.of_side(own[1], own, "publisher")
    dateline = dateline_side(matcher, text, spans)
    return PageVoice(home, official, issuer, outside, dateline, writer)
