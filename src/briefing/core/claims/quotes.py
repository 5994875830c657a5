"""Quotations that fill whole paragraphs, and who they belong to.

A statement quoted over several paragraphs ("Kim issued the following statement:" and then
"The Government ... ." over three paragraphs, the closing mark only at the end) belongs to
the speaker who introduced it; a quotation standing alone as a block, followed by a short
line naming the speaker ("Kaja Kallas, High Representative for ..."), belongs to that line.
A quotation running over several sentences is its speaker's throughout, and a sentence the
page repeats (a pull quote, a standfirst) is suggested once.
"""

from __future__ import annotations

import re

from briefing.core.claims.sentences import Sentence, paragraphs
from briefing.core.models import Suggestion

_OPEN = "“«\""
_CLOSE = "”»\""
_END = re.compile(r"[.!?…][\"”’'»)\]]*$")
MAX_RUN = 8  # paragraphs one quotation may span


def _marks(text: str, continuing: bool) -> tuple[int, int]:
    """(curly opening minus closing marks, straight marks) in a paragraph; a continuing
    paragraph's own leading mark is the typographic convention, not a new quotation."""
    if continuing and text[:1] in _OPEN:
        text = text[1:]
    curly = text.count("“") + text.count("«") - text.count("”") - text.count("»")
    return curly, text.count('"')


def quote_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """(first, last) paragraph numbers of quotations that open a paragraph and run to the
    end of it or of a later paragraph."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(spans):
        para = text[spans[i][0]:spans[i][1]].strip()
        if not para or para[0] not in _OPEN:
            i += 1
            continue
        curly, straight = _marks(para, False)
        if curly <= 0 and straight % 2 == 0:
            if para[-1:] in _CLOSE and curly == 0 and straight <= 2 and \
                    para.count("“") + para.count("«") <= 1:
                runs.append((i, i))  # one paragraph, quoted whole
            i += 1
            continue
        last = None
        for j in range(i + 1, min(len(spans), i + MAX_RUN)):
            nxt = text[spans[j][0]:spans[j][1]].strip()
            c, st = _marks(nxt, True)
            curly, straight = curly + c, straight + st
            if curly <= 0 and straight % 2 == 0:
                last = j
                break
        if last is None:
            i += 1
            continue
        runs.append((i, last))
        i = last + 1
    return runs


def attribution_line(text: str, spans: list[tuple[int, int]], after: int) -> str | None:
    """The short line naming a speaker right after a quoted block ("Kaja Kallas, High
    Representative for Foreign Affairs"), or None."""
    if after >= len(spans):
        return None
    line = text[spans[after][0]:spans[after][1]].strip().lstrip("—–-― ").strip()
    words = line.split()
    if not words or len(words) > 16 or not line[:1].isupper() or _END.search(line) or \
            line.endswith(":") or "\n" in line:
        return None
    return line


_DASH_LINE = re.compile(r"^\s*[—–―]\s*|^\s*-\s+(?=[A-Z@])")
_TRAILING_DATE = re.compile(r"\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?"
                            r"\s+\d{4}|\d{4}-\d{2}-\d{2})\s*$")


# A signature closing a quotation in the same paragraph: '"... respond." — Andrii Sybiha'.
SIGNATURE = re.compile(r"(?<=[.!?\"”’])\s+[—–―]\s*(?P<name>[A-Z][^—–―.!?\n]{1,120})$")


def dash_attributions(text: str, spans: list[tuple[int, int]]) -> dict[int, str]:
    """{paragraph number: the name in the dash line under it} for text signed below by a
    line opening with a dash ("— Defence of Ukraine (@DefenceU) November 5, 2024"), as an
    embedded post or an epigraph is, or signed at its own end ('"..." — Andrii Sybiha')."""
    out: dict[int, str] = {}
    for i, (a, z) in enumerate(spans):
        sig = SIGNATURE.search(text, a, z)
        if sig is not None and len(sig.group("name").split()) <= 18:  # ("— KCNA, quoting
            # Kim Jong-un at a ceremony in Pyongyang, via @nknewsorg (Bluesky, 17:10)")
            out[i] = _TRAILING_DATE.sub("", sig.group("name")).strip(" ,")
    for i in range(1, len(spans)):
        line = text[spans[i][0]:spans[i][1]].strip()
        dash = _DASH_LINE.match(line)
        if dash is None or len(line.split()) > 20 or "\n" in line:
            continue
        name = _TRAILING_DATE.sub("", line[dash.end():]).strip(" ,")
        if name and not _END.search(name):
            out[i - 1] = name
    return out


# Every quotation, paired from the left (a short one, '"fake news"', is paired too, so that
# its closing mark never opens a false one up to the next quotation); long ones count.
_PAIRED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")
_QUOTED_CHARS = (20, 1500)

_FOLD = re.compile(r"[\W_]+")


def said_once(found: list[Suggestion]) -> list[Suggestion]:
    """A sentence the page repeats (a pull quote, a standfirst, a caption over the body's
    own sentence) is one statement: suggested once, where it first stands, with the
    perspectives of whichever copy was attributed."""
    first: dict[str, int] = {}
    out: list[Suggestion] = []
    for s in found:
        key = _FOLD.sub(" ", s.quote.lower()).strip()
        if len(key) < 30:
            out.append(s)
            continue
        at = first.get(key)
        if at is None:
            first[key] = len(out)
            out.append(s)
        elif s.perspectives and not out[at].perspectives:
            kept = out[at]
            out[at] = Suggestion(start=kept.start, end=kept.end, quote=kept.quote,
                                 perspectives=list(s.perspectives), cue=s.cue,
                                 speaker=s.speaker, verb=s.verb)
    return out


def spread_quotations(text: str, sentences: list[Sentence], found: list[Suggestion]) -> list[Suggestion]:
    """Sentences inside a quotation that runs over several sentences belong to the speaker
    the quotation is attributed to ('"They don't surrender. They blow themselves up," he
    says.'): each such sentence is suggested for that speaker."""
    by_start = {s.start: s for s in found}
    added: dict[int, Suggestion] = {}
    for a, z in _quote_spans(text):
        inside = [t for t in sentences if t.start < z and t.end > a]
        if len(inside) < 2:
            continue
        said = [by_start[t.start] for t in inside
                if t.start in by_start and by_start[t.start].verb not in ("figure", None)]
        if not said:
            continue
        source = said[-1]
        for t in inside:
            have = by_start.get(t.start)
            if have is not None and have.verb != "figure":
                continue
            added[t.start] = Suggestion(start=t.start, end=t.end, quote=t.text,
                                        perspectives=list(source.perspectives), cue=source.cue,
                                        speaker=source.speaker, verb="quote")
    for para, a, z in _open_quotes(text):
        # '"...," said X. "Money and oil. It will ...' left open for the next paragraph:
        # the sentences after the opening mark are X's, as the next paragraph is
        said = [by_start[t.start] for t in sentences if para <= t.start and t.end <= a + 1
                and t.start in by_start and by_start[t.start].verb not in ("figure", None)]
        if not said or not said[-1].perspectives:
            continue
        source = said[-1]
        for t in sentences:
            if t.start < a or t.start >= z or (t.start in by_start and by_start[
                    t.start].verb != "figure"):
                continue
            added[t.start] = Suggestion(start=t.start, end=t.end, quote=t.text,
                                        perspectives=list(source.perspectives), cue=source.cue,
                                        speaker=source.speaker, verb="quote")
    if not added:
        return found
    merged = {s.start: s for s in found}
    merged.update(added)
    return [merged[k] for k in sorted(merged)]


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation (curly or straight double quotes), within a paragraph."""
    spans: list[tuple[int, int]] = []
    for m in _PAIRED.finditer(text):
        if _QUOTED_CHARS[0] <= m.end() - m.start() - 2 <= _QUOTED_CHARS[1]:
            spans.append((m.start(), m.end()))
    return spans


def _open_quotes(text: str) -> list[tuple[int, int, int]]:
    """(paragraph start, opening mark, paragraph end) of each quotation left open at the end
    of its paragraph, after an attribution in it, with the next paragraph opening a
    quotation: the convention for a quotation that runs over several paragraphs."""
    out: list[tuple[int, int, int]] = []
    paras = paragraphs(text)
    for (a, z), (b, _) in zip(paras, paras[1:], strict=False):
        para = text[a:z]
        if not text[b:].lstrip().startswith(("\"", "“")):
            continue
        if para.count("“") > para.count("”"):
            mark = a + para.rfind("“")
        elif "“" not in para and para.count('"') % 2 == 1:
            mark = a + para.rfind('"')
        else:
            continue
        if mark > a:  # (a paragraph that opens the quotation is a run of its own)
            out.append((a, mark, z))
    return out
