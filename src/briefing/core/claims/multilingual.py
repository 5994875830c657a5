"""Who speaks in a sentence written in Cyrillic, Hangul or Han script (uk, ru, ko, zh).

The English attributor (attribution.py) reads English syntax; these languages get a
small rule set each, as data in resources/claims/languages/<code>.toml: reporting verbs,
source phrases ("за словами", "по данным", "에 따르면", "据…报道") and speaker cues per
perspective in that language. The speaker is found by the language's word order (before
the verb in Russian, Ukrainian and Chinese; the sentence's topic in Korean) and its
perspective from the cues in the speaker's words only, plus the workspace's own cues.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.core.claims.interviews import independent
from briefing.core.claims.korean_verbs import korean_topic, korean_verbs
from briefing.core.claims.script_mentions import ScriptMentions
from briefing.core.claims.script_rules import (
    CLAUSE,
    MAX_SPEAKER_CHARS,
    WORD,
    FoundVerb,
    lemma_of,
    opening_quote,
)

# A Cyrillic past-tense verb ("вызвал", "провела", "зустрівся") and an infinitive (its lemma)
_PAST = re.compile(r"(?:л|ла|ло|ли|лся|лась|лось|лись|вся|ся)$")
_INFINITIVE = ("ть", "ться", "ти", "тися", "чь", "чься")
# A quoted name of up to three words ("«Эха»", "«Новой газеты»"): part of its clause
_SHORT_QUOTE = re.compile(r"«[^«»,.;:!?\s]+(?:\s[^«»,.;:!?\s]+){0,2}»"
                          # a short quoted name inside a Chinese clause ("对美国媒体“战区”网站
                          # 表示", "接受「美國之音」訪問"): no punctuation, a word right after it
                          r"|[“「『][^“”「」『』，。、,.;:：；!?！？\s]{1,12}[”」』]"
                          r"(?=[\u4e00-\u9fffA-Za-z])")
# A Korean quotative ending before a reporting verb ("…나왔다고 정부 관계자는 전했다").
_QUOTATIVE = re.compile(r"(?:다|라|냐|자)[”\"’]?고\s+")
# A reporting verb's quotative inside a report ("보고했다고 전했다"): what it reported was
# reported again, by the sentence's speaker.
_RELAYED = re.compile(r"(?:다|라)[”\"’]?고\s+")
# Two speakers joined by 와/과 ("…이성권 의원과 야당 간사 박선원 의원은"): the subject
# may run past eight words.
_JOINED = re.compile(r"\S(?:와|과)\s")
_LONG_SUBJECT = 14
# A Russian speaker citing whose information it is ("сославшись на данные НСР").
_CITING = re.compile(r"(?:со ссылкой на|сославшись на|ссылаясь на)\s+([^,.;:«»]{2,80})",
                     re.IGNORECASE)
# The body a report came from ("국정원으로부터 …는 보고를 받았다"), in its own words.
_REPORTED_BY = re.compile(r"(\S+?)(?:으로부터|로부터)\s")


def _inside_quotation(s: str, start: int, end: int) -> bool:
    """Whether s[start:end] lies inside a quotation ("…" or “…”) of `s`: one opened before
    it and not closed by its end."""
    opened = -1
    for i, ch in enumerate(s[:end]):
        if ch == "“" or (ch == '"' and opened < 0):
            opened = i
        elif ch == "”" or ch == '"':
            opened = -1
    return 0 <= opened < start


# Words that end a Korean source's noun phrase going back from "에 따르면": an object
# ("…을 방문한"), a place ("…에서") or a clause's ending belongs to what comes before it.
_NOT_SOURCE = re.compile(r"(?:[을를]|에서|[,，])$")


def _korean_source(head: str) -> str | None:
    """The noun phrase before a Korean source phrase ("정부 관계자에 따르면" -> "정부
    관계자", "미국 국방부의 발표에 따르면" -> "미국 국방부의 발표"): up to four words back,
    not past a comma, an object or a place."""
    words = head.split()
    taken: list[str] = []
    for word in reversed(words[-4:]):
        if taken and _NOT_SOURCE.search(word):
            break
        taken.insert(0, word)
    return " ".join(taken) or None


class ScriptAttributor(ScriptMentions):
    """Finds attributed sentences in one script's text and the speaker's perspectives."""

    def verbs(self, s: str, pos: int = 0) -> list[re.Match[str] | FoundVerb]:
        """The reporting verbs of `s` from `pos` on, in order: those the verb lists and
        patterns spell out, and words whose lemma is a reporting verb of the page's language."""
        r = self.r
        found: list[re.Match[str] | FoundVerb] = (list(r.verb_rx.finditer(s, pos))
                                               if r.verb_rx is not None else [])
        lemmas = r.verb_lemmas.get(self.lang or "")
        forms = r.lemma_forms.get(self.lang or "")
        if lemmas and forms is not None and self.lang:
            taken = [(m.start(), m.end()) for m in found]
            for w in WORD.finditer(s, pos):
                word = w.group()
                if (len(word) < 4 or not word.islower() or not forms.search(word)
                        or any(a < w.end() and w.start() < b for a, b in taken)):
                    continue
                if lemma_of(word, self.lang) in lemmas:
                    found.append(FoundVerb(w.start(), word))
            found.sort(key=lambda m: m.start())
        elif lemmas and self.lang in r.lemma_connectives:  # Korean: Kiwi's morphemes
            taken = [(m.start(), m.end()) for m in found]
            found += [FoundVerb(pos + at, word) for at, word in korean_verbs(
                          s[pos:], lemmas, r.lemma_connectives[self.lang])
                      if not any(a < pos + at + len(word) and pos + at < b for a, b in taken)]
            found.sort(key=lambda m: m.start())
        if r.false_verbs:  # "对平壤来说": 说 inside "来说" reports nothing
            false = [(m.start(), m.end()) for m in r.false_verb_rx.finditer(s, pos)]
            found = [m for m in found
                     if not any(a <= m.start() and m.end() <= b for a, b in false)]
        return found

    def speaker(self, s: str) -> tuple[str, str] | None:
        """(speaker words, cue that made the sentence an attribution) or None."""
        r = self.r
        for rx in r.dateline_rx:  # "新华社莫斯科11月8日电 ...": the agency is not the speaker
            m = rx.match(s)
            if m:
                s = s[m.end():]
                break
        if r.source_rx is not None and r.verb_rx is not None and r.script == "cyrillic":
            # "Китайский МИД повторяет, что …, однако, по оценке ряда экспертов, …": the
            # speaker whose verb comes first, before a source phrase, is the sentence's
            first_source = r.source_rx.search(s)
            verb = next(iter(self.verbs(s)), None)
            if first_source is not None and verb is not None and verb.start() < first_source.start():
                span = self._clause_before(s, verb.start(), r.insertion_rx)
                if span and (self.perspectives(span)[0] or self.is_back_reference(span)):
                    # "Он также отметил, что, по данным разведки, …": he, not the source
                    return span, verb.group()
        cited = self._cited(s)
        if cited is not None:
            return cited
        conduit = self._past_conduit(s)
        if conduit is not None:
            return conduit
        if r.source_rx is not None:
            for m in r.source_rx.finditer(s):
                span = self._after_source(s, m.end())
                if span and r.script == "han" and not self.perspectives(span)[0]:
                    # "据路透社12月23日报道，韩国国家情报院当天表示…": the outlet passes on
                    # the words of the one with a side who speaks after its clause
                    relayed = self._relayed(s, m.end() + len(span))
                    if relayed is not None:
                        return relayed
                if span and r.script == "cyrillic" and m.start() > 0 and not self.perspectives(
                        span)[0] and m.group().lower().strip() in {c.lower() for c in r.conduits}:
                    # "В администрации президента, как передает издание …, склоняются к
                    # …": the outlet passes on the words of the side named before it
                    before = s[:m.start()].strip(" ,—–-")
                    if len(before) <= MAX_SPEAKER_CHARS and self.perspectives(before)[0]:
                        return before, m.group()
                if span:
                    return span, m.group()
                # "По его словам, …": the phrase holds its speaker, a back-reference
                ref = next((w for w in m.group().split() if self.is_back_reference(w)), None)
                if ref is not None:
                    return ref, m.group()
                if r.script == "hangul":  # "국정원에 따르면": the words before the phrase
                    named = _korean_source(s[:m.start()])
                    if named:
                        return named, m.group().strip()
        if r.verb_rx is None:
            return None
        verbs = self.verbs(s)
        quoted = opening_quote(s)
        if quoted and r.script != "hangul":
            # '"Я наголосив, що …", — написав міністр': the verb after the quotation
            # reports it; verbs inside the quotation are the speaker's own
            for v in (v for v in verbs if v.start() >= quoted):
                span = self._clause_after(s, v.end())
                if span:
                    return span, v.group()
        for v in verbs:
            if r.script == "hangul":
                if _inside_quotation(s, v.start(), v.end()):
                    continue  # "이어 \"…주시하고 있다\"고 덧붙였다": the quotation's own verb
                span = self._dropped_subject(s[:v.start()]) or self._topic(s[:v.start()])
                inner = _QUOTATIVE.match(v.group()) if self.lang in r.lemma_connectives else None
                if inner:  # "…나왔다고 정부 관계자는 전했다": the one between the quotative
                    named = korean_topic(v.group()[inner.end():])  # and the verb speaks
                    if named and (self.perspectives(named)[0] or self.is_back_reference(named)
                                  or independent(self.r, named)  # "…고 전문가들은 분석했다"
                                  or s.lstrip()[:1] in "“\"‘'"):
                        span = named  # (a quotation first: its words are no topic)
            else:
                span = self._clause_before(s, v.start(), r.insertion_rx)
                if span is not None and r.script == "cyrillic":
                    span = self._coordinated_subject(span)
                if span is not None and r.script == "han" and span.strip() in self.lone_adverbs:
                    # "林剑在…被问及…时，仅表示「…」": the adverb's clause has no subject;
                    # the speaker is in the clause before it
                    at = s.rfind(span.strip(), 0, v.start())
                    span = self._clause_before(s, at, r.insertion_rx) if at > 0 else span
                cut = s.rfind(",", 0, v.start())
                if span is None and cut > 0 and v.group().lower().endswith(
                        tuple(r.gerund_endings)):
                    # "Пєсков відмовився від відповіді, зазначивши, що …": the subject
                    # of the clause the gerund hangs on
                    span = self._clause_before(s, cut, r.insertion_rx)
                lead = self.cue_rx.match(s) if self.cue_rx is not None else None
                if span is None and r.script == "han" and lead is not None:
                    span = lead.group()  # "中方反对…，呼吁…": the sentence's subject speaks
                span = span or self._clause_after(s, v.end())
                if (span and span.split()[0].lower() in r.topic_openers
                        and not self.is_back_reference(span)  # not "Про це він написав"
                        and not any(span.lower().startswith(c.lower() + " ")
                                    for c in r.connectives)):  # nor "про це Сибіга"
                    span = self._past_topic(s, v.end(), span)
                for topic in r.topic_cuts:  # "林剑在…被问及朝鲜军人…时": 林剑
                    at = span.find(topic) if span else -1
                    if span and at > 0:
                        span = span[:at]
                for place in r.side_cuts:  # "崔善姬在莫斯科表示", "他在社交媒体上写道"
                    at = span.find(place) if span else -1
                    if span and at > 0 and (self.perspectives(span[:at])[0]
                                            or self.is_back_reference(span[:at])):
                        span = span[:at]
                if (span and not self.perspectives(span)[0] and not self.is_back_reference(span)
                        and not self.first_person(span) and not independent(r, span)):
                    # "Об этом заявил замглавы МИД РФ Руденко", "Про це повідомив Юсов":
                    # the speaker follows the verb
                    after = self._clause_after(s, v.end())
                    if after and self.perspectives(after)[0]:
                        span = after
                    elif v.group() in r.relaying_verbs:
                        # "美国之音报道，乌克兰军方称…": an outlet with no side passes on
                        # the words of the one with a side who speaks after its clause
                        relayed = self._relayed(s, v.end())
                        if relayed is not None:
                            return relayed
            if span:
                return span, v.group()
        return None

    def relayed_source(self, s: str, span: str) -> tuple[list[str], str | None]:
        """The side of the one whose report a Korean speaker with no side of his own passes
        on ("김 의원은 국정원이 …고 보고했다고 전했다", "…의원은 국정원으로부터 …는 보고를
        받았다고 밝혔다"): the subject of the reported clause's own reporting verb, or the
        body the report came from; ([], None) when the sentence relays no one."""
        if self.r.script == "cyrillic":  # "Депутат, сославшись на данные НСР, сообщил"
            for m in _CITING.finditer(s):
                keys, cue = self.perspectives(m.group(1))
                if keys:
                    return keys[:1], cue
            return [], None
        if self.r.script != "hangul":
            return [], None
        at = s.find(span)
        start = at + len(span) if at >= 0 else 0
        whose: list[str] = []
        stems = tuple(v.split("\x00")[0] for v in self.r.verb_stems)  # (stem, endings)
        for q in _RELAYED.finditer(s, start):
            word = s[s.rfind(" ", 0, q.start()) + 1:q.start()]
            if not word.endswith(stems) or _inside_quotation(s, q.start(), q.end()):
                continue  # not a report inside the report ("…보고했다고 전했다")
            whose.append(korean_topic(s[start:q.start() - len(word)]) or "")
        last = max(s.rfind("다고 "), s.rfind("라고 "))
        whose += [m.group(1) for m in _REPORTED_BY.finditer(s, start, max(last, start))]
        for who in whose:
            keys, cue = self.perspectives(who)
            if keys:
                return keys[:1], cue
        return [], None

    def reported_topic(self, s: str, span: str) -> bool:
        """Whether a Korean sentence's topic with no side is what the report is about, its
        speaker dropped ("…고 보고했다. 사망자는 300여 명으로 추정된다고 밝혔다."): no
        speaker's noun in it (data `speaker_nouns`), and the quoted clause after it has no
        subject of its own (in "카르타폴로프는 북한군이 없다고 말했다" he speaks)."""
        if self.r.script != "hangul" or any(n in span for n in self.r.speaker_nouns):
            return False
        at = s.find(span)
        quoted = _QUOTATIVE.search(s, at + len(span)) if at >= 0 else None
        if quoted is None or _inside_quotation(s, quoted.start(), quoted.end()):
            return False
        middle = s[at + len(span):quoted.start()].split(None, 1)
        return len(middle) == 2 and korean_topic(middle[1]) is None

    def _coordinated_subject(self, span: str) -> str:
        """The subject of a reporting verb joined to another predicate ("МИД Великобритании
        вызвал посла КНДР … и потребовал"): the words before the first verb, not its object."""
        words = span.split()
        if len(words) < 3 or words[-1].lower() not in self.coordinators or not self.lang:
            return span
        for i, w in enumerate(words[1:-1], start=1):
            if (len(w) >= 4 and w.islower() and _PAST.search(w)
                    and lemma_of(w, self.lang).endswith(_INFINITIVE)):
                return " ".join(words[:i])
        return span

    def _relayed(self, s: str, pos: int) -> tuple[str, str] | None:
        """The speaker with a side and its verb after the clause that ends at or past
        `pos` (a source phrase's), else None."""
        stop = CLAUSE.search(s, pos)
        if stop is None:
            return None
        for v in self.verbs(s, stop.end()):
            span = self._clause_before(s, v.start(), self.r.insertion_rx)
            if span and self.perspectives(span)[0]:
                return span, v.group()
        return None

    def _cited(self, s: str) -> tuple[str, str] | None:
        """The one an outlet cites, when he has a side ("로이터통신은 우크라이나 정보당국을
        인용해 … 보도했다", "美联社引述韩国官员的话报道"), or whose view the sentence ends
        on ("…크다는 게 국정원의 판단이다"): he speaks, not the outlet or the topic."""
        for rx in self.r.citation_rx:
            for m in rx.finditer(s):
                who = m.group("who").strip()
                if who and self.perspectives(who)[0]:
                    return who, m.group().strip()
        return None

    def _past_conduit(self, s: str) -> tuple[str, str] | None:
        """The speaker of a sentence that names an outlet passing on the words ("Как пишет
        Bloomberg со ссылкой на чиновников, Вашингтон рассчитывает, что …"): the one with a
        side named before a reporting verb outside the outlet's clause, else None."""
        r = self.r
        if not r.conduits or r.source_rx is None:
            return None
        low = s.lower()
        at = [low.find(c) for c in r.conduits if low.find(c) >= 0
              and (low.find(c) == 0 or not low[low.find(c) - 1].isalpha())]
        if not at:
            return None
        start = min(at)
        stop = CLAUSE.search(s, start)
        end = stop.start() if stop else len(s)
        for v in self.verbs(s):
            if start <= v.start() < end:
                continue  # the outlet's own verb ("пишет")
            span = self._clause_before(s, v.start(), r.insertion_rx)
            if span and not (start <= s.find(span) < end) and self.perspectives(span)[0]:
                return span, v.group()
        return None

    def _past_topic(self, s: str, verb_end: int, span: str) -> str:
        """The speaker of a sentence whose clause before the verb opens with its topic: the
        one named after the verb ("Про присутність військових КНДР … першою повідомила
        СБУ"), else the last one named before it, past the topic ("О переброске войск
        КНДР … начальник ГУР Кирилл Буданов сообщил")."""
        after = self._clause_after(s, verb_end)
        if after and self.perspectives(after)[0]:
            return after
        named = list(self.cue_rx.finditer(span)) if self.cue_rx is not None else []
        if named:
            return span[named[-1].start():]
        return after or span

    def _after_source(self, s: str, pos: int) -> str | None:
        if self.r.script == "hangul":
            return None
        if self.r.script == "han":
            ends = "|".join(map(re.escape, sorted(self.r.source_ends, key=len, reverse=True)))
            m = re.compile(rf"([^，。；：,]{{1,30}}?)(?:{ends})").match(s, pos)
            return m.group(1) if m else None
        m = CLAUSE.search(s, pos)
        span = s[pos:m.start() if m else len(s)].strip()
        return span if 0 < len(span) <= MAX_SPEAKER_CHARS else None

    @staticmethod
    def _clause_before(s: str, pos: int, insertions: Iterable[re.Pattern[str]] = ()
                       ) -> str | None:
        """The clause before the verb; an inserted phrase between speaker and verb ("Ким
        Чен Ын, в свою очередь, заявил") is passed over to the clause before it."""
        # a short quoted name inside the clause ("в эфире «Эха»", "опрошенный «Фонтанкой»")
        # is no clause boundary: its marks are masked
        masked = _SHORT_QUOTE.sub(lambda q: "\x01" * len(q.group()), s)
        bounds = [(m.start(), m.end()) for m in CLAUSE.finditer(masked, 0, pos)]

        def clause(k: int, end: int) -> str:
            return s[bounds[k - 1][1] if k else 0:end].strip(" -–—")

        k, end = len(bounds), pos
        span = clause(k, end)
        while k and (span == "" or any(rx.search(span) for rx in insertions)):
            before = clause(k - 1, bounds[k - 1][0])
            if span == "" and not any(rx.search(before) for rx in insertions):
                break  # "«…», — заявил Песков": no speaker before the verb
            k, end = k - 1, bounds[k - 1][0]
            span = clause(k, end)
            if span and any(rx.search(span) for rx in insertions):
                continue
            break
        if not span or len(span) > MAX_SPEAKER_CHARS * 2 or any(
                rx.search(span) for rx in insertions):
            return None
        return span

    @staticmethod
    def _clause_after(s: str, pos: int) -> str | None:
        m = CLAUSE.search(s, pos)
        span = s[pos:m.start() if m else len(s)].strip(" .。")
        if len(span) > MAX_SPEAKER_CHARS and " " in span[:MAX_SPEAKER_CHARS]:
            # "…, сообщил журналистам член комитета … Ли Сон Гвон после брифинга …": the
            # speaker opens the long tail; its first words are enough to place him
            span = span[:MAX_SPEAKER_CHARS].rsplit(" ", 1)[0]
        return span if 0 < len(span) <= MAX_SPEAKER_CHARS else None

    def _dropped_subject(self, head: str) -> str | None:
        """"그" for a Korean sentence whose subject is dropped, the one just named speaking
        on ("그러면서 \"…\"라고 했다", "\"…\"고도 했다", "또 …고 밝혔다"): before its quotation,
        or before all of it, nothing but connectives. None when a topic may be there."""
        quote = min((head.find(q) for q in '“"' if q in head), default=-1)
        before = head[:quote] if quote >= 0 else head
        words = before.split()
        leads = {c.lower() for c in self.r.connectives}
        close = max(head.rfind(q) for q in '”"')
        after = head[close + 1:].split() if close > quote else []  # (the verb closes it)
        if quote >= 0 and all(w.strip(",") in leads for w in words) and len(after) <= 1:
            return "그"  # (not '"…"고 미 국무부 관계자는 말했다': he is named after it)
        if (quote < 0 and words and words[0].strip(",") in leads
                and self.lang in self.r.lemma_connectives
                and korean_topic(" ".join(words[1:])) is None):
            return "그"
        return None

    def _marked_topic(self, head: str) -> str | None:
        """The topic a Korean sentence marks with a word or a contracted ending rather than
        a particle ("러시아 역시 …", "미국 또한 …", "국정원 측에선 …", "중국으로선 …"),
        before any quotation; None when there is none."""
        words = head.split()
        for i, word in enumerate(words[:8]):
            if word[:1] in "“\"‘'":
                return None
            if i and word.strip(",") in self.r.topic_words:
                return " ".join(words[:i])
            end = next((e for e in self.r.topic_endings if word.endswith(e)
                        and len(word) > len(e)), None)
            if end is not None:
                return " ".join([*words[:i], word[:-len(end)]])
        return None

    def _topic(self, head: str) -> str | None:
        """The Korean sentence's topic or subject: the words up to the first one ending in
        은/는/이/가 ("젤렌스키 우크라이나 대통령은" -> "젤렌스키 우크라이나 대통령")."""
        if self.lang in self.r.lemma_connectives:  # Korean: Kiwi's particles, not endings
            quoted = list(_QUOTATIVE.finditer(head))
            if quoted:  # "…우려가 나왔다고 정부 관계자는 전했다": the one after what was said
                topic = korean_topic(head[quoted[-1].end():])
                if topic is not None:
                    return topic
            marked = self._marked_topic(head)
            if marked is not None:
                return marked
            # two speakers joined ("여당 간사 이성권 의원과 야당 간사 박선원 의원은"): a
            # subject of a dozen words
            topic = korean_topic(head, _LONG_SUBJECT if _JOINED.search(head) else 8)
            if topic is not None:
                return topic
        words = head.split()
        for i, word in enumerate(words[:8]):
            for particle in sorted(self.r.subject_particles, key=len, reverse=True):
                least = 2 if particle in self.r.weak_particles else 1  # 인도 is not 인 + 도
                if word.endswith(particle) and len(word) >= len(particle) + least:
                    return " ".join([*words[:i], word[: -len(particle)]])
        return None
