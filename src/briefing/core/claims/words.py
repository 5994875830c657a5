"""Word lists the attribution code reads as grammar (closed classes: determiners, time words,
negations...). Open vocabulary (verbs, roles, cues) lives in resources/claims/ instead."""

from __future__ import annotations

_TOPIC_ROLES = frozenset({"expert", "experts", "specialist", "specialists", "watcher",
                          "watchers", "scholar", "scholars", "hand", "hands", "analyst",
                          "analysts", "researcher", "researchers", "observer", "observers",
                          "historian", "correspondent"})
# A non-governmental body a place name locates: "a private Seoul think tank", "a Kyiv
# university" (the place is where it is, not whose side it speaks for).
_BODY_AFTER_PLACE = frozenset({"think", "university", "institute", "foundation", "newspaper",
                               # a news outlet's post there: "NHK's Seoul bureau chief"
                               "bureau", "correspondent", "correspondents"})
# What a writer or scholar has written about is a topic, not a side: "co-author of a book on
# North Korea's army", "the author of a study about Russian logistics".
_WRITTEN_ON = frozenset({"book", "books", "study", "studies", "paper", "papers", "history",
                         "biography", "dissertation", "thesis"})
_CARRYING_VERBS = frozenset({"continues", "continue", "continued", "refuses", "refused",
                            "refuse", "declined", "declines", "decline", "went", "goes",
                            "hastened", "rushed", "seems", "seem", "seemed", "appears",
                            "appear", "appeared", "wants", "want", "wanted", "tried", "tries",
                            "sought", "seeks", "moved", "moves", "refusing", "continuing",
                            "declining", "trying", "seeking"})
_PREPOSITIONS = frozenset({"in", "on", "at", "by", "for", "from", "with", "after", "before",
                           "during", "since", "last", "rather", "of", "to"})
_NEGATIONS = frozenset({"not", "never", "didn't", "hasn't", "haven't", "hadn't", "won't",
                        "wouldn't", "doesn't", "don't", "isn't", "wasn't", "cannot", "can't",
                        "couldn't", "no"})
# "officials in Kyiv" speak for Kyiv; "a professor in London" does not.
_PLACED_ROLES = frozenset({"officials", "official", "authorities", "government", "leaders",
                           "lawmakers", "politicians", "ministry", "commanders", "military",
                           "forces", "prosecutors", "police", "spokesman", "spokeswoman",
                           "spokesperson", "sources"})
# (An embassy, mission or envoy "in Seoul" is posted there: it speaks for its own side.)
_TIME_PREPS = frozenset({"on", "in", "at", "last", "this", "next", "earlier", "later", "late",
                         "early", "by"})
_TIMES = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                    "sunday", "january", "february", "march", "april", "may", "june", "july",
                    "august", "september", "october", "november", "december", "week", "month",
                    "year", "weekend", "night", "morning", "evening", "afternoon", "today",
                    "yesterday", "spring", "summer", "autumn", "winter", "december,"})
_NOT_NAMES = frozenset({"the", "a", "an", "this", "that", "these", "those", "its", "their",
                        "his", "her", "some", "many", "most", "one", "in", "on", "at", "but",
                        "and", "as", "so", "if", "when", "while", "after", "before", "since",
                        "then", "there", "it", "we", "i", "they", "other", "such", "any"})
_DANGLING = frozenset({"to", "of", "for", "with", "by", "in", "on", "at", "from", "a", "an",
                       "the", "and", "or", "as", "than"})
_NOUN_NEXT = frozenset({"of", "are", "were", "is", "was", "have", "has", "had", "turn",
                        "turned", "vary", "varied", "suggest", "show", "and", "or", "to",
                        "about", "from", "for", "by", "in", "on", "remain"})
_DET_BEFORE = frozenset({"the", "a", "an", "initial", "some", "these", "those", "his", "her",
                         "its", "their", "such", "many", "other", "recent", "earlier", "new",
                         "latest", "unconfirmed", "april", "this", "that", "our", "my", "your",
                         "media", "news", "press", "similar", "conflicting", "no",
                         "any", "vague", "empty", "broken", "campaign", "every", "each",
                         "western", "rough", "own"})
_GENERIC_HEADS = frozenset({"official", "officials", "source", "sources", "statement",
                            "report", "spokesman", "spokeswoman", "spokesperson"})
