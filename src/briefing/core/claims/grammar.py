"""Grammar the attributor reads with: boundaries of a subject, names, asides, clauses.

Closed-class patterns and small span helpers shared by claims/attribution.py (open
vocabulary - verbs, roles, cues - lives in resources/claims/ instead)."""

from __future__ import annotations

import re

from briefing.core.claims.words import _TOPIC_ROLES

_BOUNDARY = re.compile(
    r"[,;:()\[\]—–]|[”\"]|\s-\s|(?<![\w'-])(?:that|while|whereas|but|what|which|when|if|"
    r"because|although|though|whether|where|how)(?![\w'-])", re.IGNORECASE)
_WORD = re.compile(r"[\w'.-]+")
_CONJUNCTS = re.compile(r",\s+(?:and\s+)?|\s+and\s+")
# Back-references that fit any earlier speaker ("the official", "the source").
# A person's name: "Anna Kim", "Dr. Lee Sang-min" (a title, then two or three names).
_PERSON = re.compile(r"(?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){1,2}(?![\w'-])")
# A verb that says what a person is or belongs to ("commands a Ukrainian drone unit").
_BELONGS = re.compile(r"\b(?:is|was|has been|commands|commanded|serves|served|fights|fought|"
                      r"flies|flew|works|worked|leads|led|heads|headed|joined|belongs|"
                      r"represents|advises|advised)\b(?:\s+(?:in|with|for|as|to|on))?",
                      re.IGNORECASE)
# Members named by a neighbouring word: "one battery commander" among "artillery officers".
_KIN: dict[str, set[str]] = {"commander": {"officers", "commanders"},
                             "officer": {"officers", "commanders"},
                             "soldier": {"troops", "soldiers", "servicemen"},
                             "milblogger": {"milbloggers", "bloggers", "war bloggers",
                                            "channels"},
                             "blogger": {"bloggers", "milbloggers", "channels"},
                             "channel": {"channels", "bloggers", "milbloggers"}}
# Who write the war's channels: one of them is of the side the page gave its kind ("Russian
# pro-war Telegram channels have been writing ... Igor Lapin, a blogger, claimed ...").
CHANNEL_KINDS = frozenset({"blogger", "milblogger", "channel"})
# A channel named after its kind: 'The channel "Voenkor Sokol"', 'The military blogger known
# as "Dva Polkovnika"'.
KIND_BEFORE_NAME = re.compile(r"(?i)\b(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?P<kind>channel|"
                              r"milblogger|blogger)\s+(?:known\s+as\s+|called\s+)?[\"“]?$")
KIND_IN_LINE = re.compile(r"(?i)^\W*(?:the|a|an)\s+(?:[\w-]+\s+){0,2}?(?P<kind>channel|"
                          r"milblogger|blogger)\b")
# A comma and a new subject after "and": "..., and officials said" has a subject of its own.
_CLAUSE_AFTER = re.compile(r",\s*(?:and|but)\s+\S+(?:\s+\S+){0,3}\s*$")
# A short label before a colon, capitalised ("Ukraine's HUR:", "South Korea's NIS:").
# ("General Staff of Ukraine:", "NIS (Seoul):": connectors and a bracketed place too)
_LABEL_COLON = re.compile(r"(?:[A-Z][\w'’.-]*\s+(?:(?:of|for|and|the)\s+){0,2}){0,4}"
                          r"[A-Z][\w'’.-]*(?:\s+\([A-Z][^()\n]{0,30}\))?:(?=\s)")
# Asides between a subject and its verb.
_INTERJECTION = re.compile(
    r"(?i)(?:for (?:its|his|her|their) part|in turn|however|meanwhile|too|though|also|"
    r"in (?:a|the) (?:statement|interview|post|briefing)(?: [\w' -]{0,40})?|"
    r"(?:on|last|this) \w+(?: \w+)?|for (?:its|his|her|their) own part|"
    r"for the (?:first|second|third|last) time|once again|yet again|at last|"
    # a prepositional phrase of place, time or occasion: "on his second trip to Pyongyang
    # in two weeks", "during a visit to Seoul", "after talks with Lavrov"
    r"(?:on|in|at|during|after|before|following|ahead of|upon|while on) "
    r"(?!(?:\w+ )*?(?:is|are|was|were|has|have|had|will|would)\b)[\w'’ @.-]{3,70})")
# One name and an appositive: "Serhiy, a 34-year-old drone pilot with ..."
_APPOSED = re.compile(r"[A-Z][a-z'-]{2,}(?=,\s+(?:a|an|the)\s)")
# A colon opening a quotation or a statement: 'had a message for the West: "..."'.
_COLON_QUOTE = re.compile(r"(?<=\w):\s+(?=[“\"‘']|[A-Z])")
# Two clauses joined before a colon: ", and we ...", ", but here's ...", "; ...".
TWO_CLAUSES = re.compile(r"(?:,\s+(?:and|but|yet|so)|;)\s+(?!(?:\w+\s+)?(?:said|says|told)\b)"
                          r"(?=[\w'’ ]{0,60}?\b(?:is|are|was|were|has|have|had|can|will|"
                          r"would|could|\w+'s|\w+'re)\b)")
_QUOTE = re.compile(r"“[^”]*”|\"[^\"]*\"")
_CAPITALISED = re.compile(r"\b[A-Z][\w'-]{2,}")
# Any capitalised word, however short: a name's part ("Fu", "Li" in "Fu Cong", "Li Qiang").
_NAME_WORD = re.compile(r"\b[A-Z][\w'-]+")
_RIGHT_END = re.compile(
    r"[,;:()\[\]—–”\"]|(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)\.|"
    r"\s(?:on|in|at|when|who|whose|during|after|before|to|in an|told|"
    r"said|says)\s", re.IGNORECASE)


# What follows a verb of saying when it reports an act, not words.
_ACT_NOT_SPEECH = re.compile(r"\s+(?:martial\s+law|war\s+on|a\s+state\s+of\s+(?:emergency|war)|"
                             r"an?\s+emergency|independence|victory|bankruptcy)\b", re.I)
# A reporting verb whose object is a vague quantity or "a ... story", with no clause of
# content: "that tells us something", "Trade figures tell a similar story", "the numbers
# say little about morale". Nothing is reported, so nobody is quoted.
_NO_CONTENT = re.compile(r"\s+(?:us|me|you|them)?\s*(?:(?:very|rather|remarkably|surprisingly)\s+)?"
                         r"(?:little|much|nothing|something|anything|a\s+lot|a\s+great\s+deal|"
                         r"an?\s+(?:[\w-]+\s+){0,2}story|the\s+(?:same|whole|real)\s+story)"
                         r"(?=\s*(?:[.,;:!?)]|$)|\s+(?:about|on|in|for|to|from|with|at|but|and|when|beyond|"
                         r"yet|so)\b)", re.I)
# A possessor's words: "President Yoon's answer, delivered ..., was hedged: ..."
_SPEECH_NOUN = re.compile(r"^(?P<who>.+?)['’]s\s+(?:own\s+)?(?:answers?|responses?|reply|replies|"
                          r"messages?|position|views?|verdict|statements?|assessments?|comments?|"
                          r"words|warnings?|explanations?|reactions?|arguments?|line|remarks|"
                          r"posts?)\b", re.IGNORECASE)
# Roles of one person (for "he"/"she" later in the same sentence).
_PERSON_ROLES = frozenset({"minister", "president", "secretary", "spokesman", "spokeswoman",
                           "spokesperson", "ambassador", "envoy", "chancellor", "premier",
                           "counterpart", "commander", "chief", "leader", "general",
                           "official", "diplomat", "adviser", "advisor", "director"})
# The West as a body of speakers (plural only: "a Western diplomat" is one person of no
# stated side).
_WESTERN = re.compile(r"\bWestern\s+(?:[a-z]+\s+)?(?:allies|governments|officials|intelligence|"
                      r"agencies|capitals|partners|leaders|diplomats|countries|nations|"
                      r"estimates|sources)\b|\b(?:G7|G-7|Group of Seven)\b")
# A source that names no one.
_VAGUE_SOURCE = re.compile(r"(?i)(?:some\s+|unconfirmed\s+|media\s+|press\s+|news\s+|local\s+|"
                           r"online\s+|several\s+|recent\s+)*(?:reports|media|rumou?rs|"
                           r"social\s+media|the\s+internet)")
# A speaker that is a document or a measurement, placed by nothing but its own cues.
_DOCUMENT = re.compile(r"(?i)^(?:an?|the|one|another)\s+(?:[\w'-]+\s+){0,3}?(?:poll|survey|"
                       r"study|report|analysis|tracker|imagery|dataset|data)\b")
# An opening phrase that names a topic, never a speaker.
_TOPIC_OPENERS = frozenset({"regarding", "on", "as", "concerning", "about", "in", "for", "with",
                            "after", "before", "asked", "speaking", "referring", "commenting",
                            "responding", "following", "amid", "despite", "since", "during"})
# A single name as the subject of a clause, after an opening phrase: "Back at the front,
# Kit closes his laptop."
# The finite verb may be an auxiliary or a common irregular past ("Wang did not mention
# them.", "Kim was silent.", "Lin took a harder line.").
_KNOWN_SUBJECT = re.compile(
    r"(?:^|,\s+)([A-Z][a-z'-]{2,})\s+(?:[a-z]+ly\s+)?(?:[a-z]+(?:s|ed)|did|does|was|were|is|"
    r"had|has|would|will|could|can|cannot|may|might|must|never|also|took|made|gave|went|came|"
    r"kept|left|met|spoke|wrote|chose|sent|got|saw|knew|held|ran|stood|seemed)\b")


_LY_NOUNS = frozenset({"ally", "family", "rally", "assembly", "monopoly", "supply", "reply",
                       "anomaly", "bully", "belly", "jelly", "folly", "tally"})


_BELONGING = frozenset({"is", "was", "are", "were", "heads", "headed", "leads", "led", "serves",
                        "served", "works", "worked", "represents", "represented", "commands",
                        "commanded", "speaks", "spoke", "runs", "ran", "chairs", "chaired",
                        "oversees", "directs", "belongs", "has", "had"})


def _belonging_clause(text: str) -> bool:
    """A relative clause that places its subject ("who heads Ukraine's ...") rather than
    naming what they study or met ("who tracks Russian Telegram", "who met Russian ...")."""
    words = [w.lower() for w in _WORD.findall(text)[:3]]
    if not words or words[0] not in ("who", "whose", "which", "that"):
        return True
    return words[0] == "whose" or (len(words) > 1 and (words[1] in _BELONGING or
                                   (len(words) > 2 and words[2] in _BELONGING)))


def _topic_word(span: str, name: str) -> bool:
    """Is `name` the topic of a role in span ("a Korea expert", "a China watcher")?"""
    m = re.search(rf"(?i)\b{re.escape(name)}\s+([\w-]+)", span)
    return m is not None and m.group(1).lower() in _TOPIC_ROLES


def is_adverb(word: str) -> bool:
    """A lower-case "-ly" word that is not a noun ("strongly", "firmly"; not "an ally")."""
    return word.islower() and len(word) > 4 and word.endswith("ly") and word not in _LY_NOUNS


def _inside(pos: int, spans: list[tuple[int, int]]) -> bool:
    return any(a < pos < z for a, z in spans)


def _trim(s: str, start: int, end: int) -> tuple[int, int]:
    while start < end and not (s[start].isalnum()):
        start += 1
    while end > start and not (s[end - 1].isalnum() or s[end - 1] in ".'"):
        end -= 1
    while end > start and s[end - 1] == "." and not re.search(r"\b[A-Z]\.$|U\.S\.$", s[start:end]):
        end -= 1
    return start, end


_NEXT_BOUNDARY = re.compile(r"[,;:()\[\]—–”\"]|(?<!\b[A-Z])\.(?:\s|$)")


def _next_boundary(s: str, pos: int) -> int:
    """The next punctuation that ends a phrase (a full stop after an initial, as in "U.S.
    estimates", does not)."""
    m = _NEXT_BOUNDARY.search(s, pos)
    return m.start() if m else len(s)


def _after_word_boundary(s: str, pos: int) -> bool:
    """Is the pronoun at pos inside a subordinate clause ("images of what they say")?"""
    words = _WORD.findall(s[max(0, pos - 30):pos])
    return bool(words) and words[-1].lower() in ("what", "which", "that", "as", "where", "how")


# A contact clause closing a subject, with no "who": "(an official) I spoke to",
# "(diplomats) we interviewed in Seoul".
CONTACT = re.compile(r"\s+(?:I|we)\s+(?:\w+ly\s+)?(?:spoke|talked|interviewed|met|"
                     r"consulted|contacted|reached)(?:\s+(?:to|with))?(?:\s+in\s+[A-Z][\w-]+)?$")
