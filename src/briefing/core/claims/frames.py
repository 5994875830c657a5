"""Closed word classes and patterns the Attributor reads verbs and their subjects by
(claims/attribution.py): auxiliaries, hearer verbs, naming frames, source lists, asides."""

from __future__ import annotations

import re

# Words that may stand between "and" and the verb of a second predicate ("... and has also
# said"): auxiliaries and adverbs of time/manner, a closed grammatical class.
_AUXILIARIES = frozenset({"has", "have", "had", "also", "later", "then", "since",
                          "again", "publicly", "repeatedly"})


# What a side can withhold as a standing position: "has not confirmed", "have not
# acknowledged", "has not commented".
_WITHHELD = frozenset({"confirmed", "acknowledged", "commented"})
# Ruling nothing out states a position too: "Seoul has not ruled out sending weapons".
_NOT_RULED_OUT = frozenset({"ruled out", "rule out", "rules out"})
# After a subject pronoun a weak verb is a verb, never a noun ("Russian units, he added,
# were ...").
_SUBJECT_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


_DURATIONS = frozenset({"days", "weeks", "months", "years"})
# Verbs whose object is the hearer: what follows them is never an inverted speaker.
_HEARER_VERBS = frozenset({"told", "tells", "tell", "briefed", "briefs", "informed",
                           "informs"})


# A span that opens with a personal pronoun and runs on is a clause, never a speaker ("I
# spent ... every official", "they rarely match"); "they all", "we both" still are.
# A naming verb's object and what it is named ("called the report a lie", "called their
# cooperation lawful", "branded the sanctions illegal"): reported words without quotation
# marks (not "called up reservists", "called the troops home").
_NAMED_AS = re.compile(r"\s+(?:the|its|their|his|her|this|that|these|those|such)\s+"
                       r"[\w-]+(?:\s+[\w-]+)?\s+(?:a|an|[a-z]+(?:ful|al|ous|ive|ble|ic|less|"
                       r"ate|ent|ant))\b")

_CLAUSE_SUBJECT = re.compile(r"(?:i|we|you|they|he|she)\s+(?!(?:all|both|too|themselves|"
                             r"ourselves|himself|herself|alone|and)\b)[a-z]")


_DETERMINERS = frozenset({"the", "a", "an", "this", "that", "its", "their", "his", "her",
                          "our", "these", "those"})
_NATIONALITY = re.compile(r"(?:ian|ean|ese|ish|ch|an)$")
# Adverbs that may stand between an auxiliary and its participle ("was first reported").
_PASSIVE_ADVERBS = frozenset({"first", "also", "later", "previously", "initially", "already",
                              "still", "never", "not", "since", "once", "just", "then",
                              "originally", "subsequently", "reportedly", "officially"})


# The rest of a list of named sources after "according to X": ", Y and the Z" before a
# comma.
_NAMED = r"(?:the\s+)?[A-Z][\w'.-]*(?:\s+(?:of\s+)?[A-Z][\w'.-]*){0,3}"
_SOURCE_LIST = re.compile(rf",\s*{_NAMED}(?:,\s*{_NAMED})*,?\s+and\s+{_NAMED}(?=\s*,)")


# A subordinate clause with its own subject between a sentence's subject and "and said".
_SUBORDINATE = re.compile(r",\s+(?:when|after|as|while|before|where)\s+(?P<subj>[^,;:]{3,80}?)"
                          r"\s+(?:was|were|had|has|is|are)\b")


# A name right before an appositive, at the start of the sentence or of a clause.
_NAME_BEFORE_APPOSITIVE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:and|that)\s+)((?:[A-Z][\w'’.-]+\s+){0,3}[A-Z][\w'’-]+),\s*$")


# An appositive after a source ("according to X, a think tank funded by Y,") is short; a
# longer piece after the comma is the reported clause ("according to the source, the first
# North Korean units arrived in the Kursk region in early December, after ...").
_APPOSITIVE_WORDS = 8
_CLOSED_QUOTE = re.compile(r"(?:[”\"]|[.,!?]['’])$")
# What follows a parenthetical reporting verb: its speaker, then a comma and the sentence
# goes on ("..., says a Western diplomat in Beijing, they complain ...").
_PARENTHETICAL = re.compile(r"\s+(?:an?|the|one|[A-Z])[^,;.!?“”\"]{1,80},\s+(?P<next>[\w']+)")


# A person's possessive opening a subject: "Zelensky's figure", "Peskov's answer".
_POSSESSOR = re.compile(r"(?P<who>[A-Z][a-z'-]+(?:\s+[A-Z][a-z'-]+){0,2})['’]s\s+[a-z]")
