"""Korean reporting verbs by lemma (issue 11): Kiwi's morphemes give each predicate its
dictionary form ("밝혔으며" -> 밝히다, "설명합니다" -> 설명하다, "규탄한다" -> 규탄하다), so a
verb of ko.toml's `verb_lemmas` reports in every tense, style and connective ending the
listed forms do not spell out.

A lemma reports only as a predicate: it ends the sentence (a final ending) or joins the
next clause with a connective ending (`connectives` in ko.toml: "-며", "-고", "-면서");
"밝힌 바" and "말하기" (a modifier or a noun) are no reporting verb.
"""

from __future__ import annotations

from functools import lru_cache

from briefing.core.search.languages import analyser

_PREDICATE_TAILS = {"EP", "VX", "XSV"}  # "했" (EP), "주" in "확인해 줬다" (VX)
_NEGATIONS = {"않", "못"}  # "밝히지 않고 있으나": not a statement


@lru_cache(maxsize=4096)
def korean_verbs(s: str, lemmas: frozenset[str], connectives: frozenset[str]
                 ) -> tuple[tuple[int, str], ...]:
    """(offset, word) of each word of `s` holding a listed reporting verb as a predicate."""
    tokens = analyser("kiwi").tokenize(s)
    out: list[tuple[int, str]] = []
    for i, t in enumerate(tokens):
        if t.tag.startswith("VV"):
            lemma, first = t.form + "다", t
        elif (t.tag == "XSV" and t.form == "하" and i and tokens[i - 1].tag in ("NNG", "XR")
              and tokens[i - 1].start + tokens[i - 1].len == t.start):
            lemma, first = tokens[i - 1].form + "하다", tokens[i - 1]
        else:
            continue
        if lemma not in lemmas or not _predicate(tokens, i + 1, connectives):
            continue
        start = s.rfind(" ", 0, first.start) + 1
        end = s.find(" ", t.start)
        word = s[start:end if end >= 0 else len(s)].rstrip(".,")
        if not out or out[-1][0] != start:
            out.append((start, word))
    return tuple(out)


def _predicate(tokens: list, i: int, connectives: frozenset[str]) -> bool:
    """Whether the morphemes from `i` end the verb as a predicate: past markers and
    auxiliaries, then a final ending or a listed connective ending."""
    for t in tokens[i:i + 6]:
        if t.tag == "EF":
            return True
        if t.tag == "EC" and t.form in connectives:
            return True
        if t.tag == "EC" and t.form in ("어", "아", "여", "고"):  # "확인해 줬다", "하고 있다"
            continue
        if t.tag not in _PREDICATE_TAILS or t.form in _NEGATIONS:
            return False
    return False


_NOMINAL = ("NN", "NP", "NR", "SL", "SH", "SN", "SSC", "XSN", "XR")
_TOPIC_PARTICLES = {"JX": {"은", "는", "도"}, "JKS": {"이", "가", "께서"}}


@lru_cache(maxsize=4096)
def korean_topic(head: str, max_words: int = 8) -> str | None:
    """The topic or subject of a Korean clause by Kiwi's morphemes: the words before the
    first topic or subject particle (은/는/도, 이/가) that ends a word after a noun, within
    `max_words` ("김정은 국무위원장은" -> "김정은 국무위원장": the 은 of the name is no
    particle; "국회에서도" holds none). None when the analyser finds no such particle."""
    tokens = analyser("kiwi").tokenize(head)
    limit = sum(len(w) + 1 for w in head.split(" ")[:max_words])
    for i, t in enumerate(tokens):
        if t.start >= limit:
            break
        if (t.form not in _TOPIC_PARTICLES.get(t.tag, ()) or not i
                or not tokens[i - 1].tag.startswith(_NOMINAL)):
            continue
        end = t.start + t.len
        if end < len(head) and not head[end].isspace():
            continue  # inside a word ("가능성도있": no)
        topic = head[:t.start].strip()
        if topic:
            return topic
    return None
