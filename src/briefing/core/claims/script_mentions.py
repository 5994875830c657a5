"""The words that name a speaker in Cyrillic, Hangul or Han script, and whose side they are.

The attributor of those scripts (multilingual.py) finds the verb and the speaker's words;
this base reads them: the cues of each perspective in the speaker's words (the language's
data and the workspace's own cues), a generic body named again, a name the text introduced
earlier with its side, a role named back, a document's owner, and back-references ("він",
"这位发言人", "이 당국자").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.core.claims.interviews import independent
from briefing.core.claims.script_rules import (
    MAX_SPEAKER_CHARS,
    Rules,
    compiled_cue,
    cue_pattern,
    cue_regex,
)
from briefing.core.models import Perspective

_TITLED = re.compile(r"《[^《》]{1,30}》")


class ScriptMentions:
    """Sides of the words naming a speaker, and the speakers they point back to."""

    def __init__(self, rules: Rules, perspectives: Iterable[Perspective]) -> None:
        self.r = rules
        owner: dict[str, str] = {}
        for key, cues in rules.speakers.items():
            for cue in cues:
                owner.setdefault(cue.lower(), key)
        for p in perspectives:  # the workspace's own cues (user-added names in any script)
            for cue in p.cues:
                owner.setdefault(cue.strip().lower(), p.key)
        self.owner = owner
        bounded = frozenset(c.lower() for c in rules.composed)
        self.cue_rx = cue_regex(owner, rules.script, bounded)
        self.patterns = {cue: compiled_cue(cue_pattern(cue, rules.script, bounded))
                         for cue in sorted(owner, key=len, reverse=True)}
        self.bodies = {b.lower() for b in rules.bodies}
        self.first_words = {w.lower() for w in rules.first_person}
        self.prepositions = {w.lower() for w in rules.prepositions}
        self.possessives = {w.lower() for w in rules.possessives}
        self.coordinators = {w.lower() for w in rules.coordinators}
        self.pronouns = {w.lower() for w in rules.subject_pronouns}
        # an adverb that may stand alone before a verb ("仅表示", "则称"): no subject
        self.lone_adverbs = {w.lower() for w in [*rules.back_reference_adverbs,
                                                  *rules.lone_adverbs]}
        self.home: str | None = None  # the page's country (page_home), for its bodies
        # the last speakers with their sides, for a generic body named again (_named_body)
        self.recent: list[tuple[str, list[str]]] = []
        self.lang: str | None = None  # the page's language (page_language), for verb lemmas

    def _in_object(self, span: str, pos: int) -> bool:
        """Whether the cue at `pos` follows a preposition ("з", "до", "после", "с"): it names
        whom the speaker met or where he went, not the speaker."""
        words = span[:pos].split()
        return bool(words) and words[-1].lower() in self.prepositions

    def first_person(self, span: str) -> bool:
        """Whether the speaker's words open with "мы", "я", "우리": the one who is talking."""
        words = span.split()
        return bool(words) and words[0].strip(",:").lower() in self.first_words

    def counts_self(self, span: str) -> bool:
        """Whether the words name the one talking among others ("Пекин, как и мы, …",
        "як і я"): a first-person word of its own in them."""
        return any(w.lower() in self.first_words for w in re.findall(r"[^\W\d_]+", span))

    def _owner(self, found: str) -> str | None:
        """The perspective of a matched cue (its data form, or a stem's other ending)."""
        cue = self._cue(found)
        return self.owner[cue] if cue is not None else None

    def _cue(self, found: str) -> str | None:
        """The data form of a matched cue ("разведки" -> "разведка")."""
        if found.lower() in self.owner:
            return found.lower()
        return next((c for c, rx in self.patterns.items() if rx.fullmatch(found)), None)

    def perspectives(self, span: str) -> tuple[list[str], str | None]:
        """Perspective keys of the cues in the speaker's words (longest cue at each place)."""
        if self.cue_rx is None:
            return [], None
        keys: list[str] = []
        first = None
        body_keys: list[str] = []
        body_cue = None
        posted = ([(p.start(), p.end()) for p in self.r.posting_rx.finditer(span)]
                  if self.r.posting_rx is not None else [])
        found = list(self.cue_rx.finditer(span))
        # "韩国《朝鲜日报》": a paper's name in title marks names no side when a cue outside
        # the marks does ("《劳动新闻》" alone still speaks for its side)
        titled = [(t.start(), t.end()) for t in _TITLED.finditer(span)]
        outside = [m for m in found if not any(a <= m.start() < b for a, b in titled)]
        if titled and outside:
            found = outside
        # "В ходе встречи с Путиным Ким Чен Ын": a side named after a preposition before
        # the speaker's own name is whom he met or where, not his ("В Кремле" alone, "У
        # китайському МЗС" with a generic body after it, speak)
        own = next((m.start() for m in found if not self._in_object(span, m.start())
                    and self._cue(m.group()) not in self.bodies), None)
        for m in found:
            if self._in_object(span, m.start()) and (
                    keys or body_keys or (own is not None and m.start() < own)):
                continue  # "Рютте після зустрічі з південнокорейською делегацією": not his
            if any(a <= m.start() and m.end() <= b for a, b in posted):
                continue  # "驻俄罗斯大使": Russia hosts him, he is not its envoy
            key = self._owner(m.group())
            if key and self._cue(m.group()) in self.bodies:
                key = self._named_body(m.group()) or self.home or key
                if key not in body_keys:
                    body_keys.append(key)
                    body_cue = body_cue or m.group()
            elif key and key not in keys:
                keys.append(key)
                first = first or m.group()
        if not keys and not body_keys:
            keys = self._joint(span)
            first = span if keys else first
        if not keys and any(f.lower() in span.lower() for f in self.r.foreign):
            return [], None  # "德国外交部发言人": a country that is no perspective's body
        if not keys and not body_keys and self.home:
            # "황준국 주유엔 대사": an envoy posted abroad with no country of his own named
            # is the page's country's
            abroad = next((a for rx in self.r.home_posting_rx if (a := rx.search(span))), None)
            if abroad is not None:
                return [self.home], abroad.group()
        return (keys, first) if keys else (body_keys, body_cue)

    def _joint(self, span: str) -> list[str]:
        """The sides of countries named together by one letter each ("朝俄两国均否认":
        North Korea's and Russia's), every letter a known one."""
        for pattern in self.r.joint_sides:
            for m in re.finditer(pattern, span):
                letters = m.group("sides")
                if all(ch in self.r.joint_letters for ch in letters):
                    return list(dict.fromkeys(self.r.joint_letters[ch] for ch in letters))
        return []

    def _named_body(self, found: str) -> str | None:
        """The side of a generic body ("представитель разведки") that a recent speaker
        named in full ("Национальная служба разведки Южной Кореи подтвердила …"): the
        body just named, not the page's home country's. Cyrillic only: Korean and
        Chinese papers write a bare 외교부 / 外交部 for their own country's even right after
        another's ("중국 외교부 대변인은 … 외교부 당국자는 …")."""
        if self.r.script != "cyrillic":
            return None
        rx = self.patterns.get(self._cue(found) or "")
        for speaker, keys in reversed(self.recent[-3:]):
            if rx is not None and len(keys) == 1 and rx.search(speaker):
                return keys[0]
        return None

    def introduced(self, span: str, text: str, before: int) -> tuple[list[str], str | None]:
        """The perspective of a speaker named without one ("金正奎说", "Юсов", "王俊生认为")
        from where the text first introduced that name: the cue nearest to it in its clause
        ("朝鲜外务省副相金正奎", "представник ГУР Андрій Юсов", "Андрій Юсов, речник ГУР")."""
        name = self._name(span)
        if self.cue_rx is None or name is None:
            return [], None
        head = text[:before]
        left = r"(?<![\w])" if self.r.script == "cyrillic" else ""
        for m in re.finditer(left + re.escape(name), head):
            whole = self.cue_rx.match(head, m.start())
            if whole is not None and self._owner(whole.group()) is not None:
                # "Центр закликає …" after "Центр протидії дезінформації фіксує …": the
                # head word of a body named before stands for that body
                return [self._owner(whole.group()) or ""], whole.group()
            lo, hi = self._clause_around(head, m.start(), m.end())
            window = head[lo:hi]
            if independent(self.r, window):  # "сходознавцем Юрієм Пойтою": no side
                return [], None
            best: tuple[int, str, str] | None = None
            for c in self.cue_rx.finditer(window):
                key = self._owner(c.group())
                if key is None:
                    continue
                at = lo + c.start()
                gap = m.start() - (lo + c.end()) if at < m.start() else at - m.end()
                if self._in_object(window, c.start()):
                    gap += len(head)  # "посол России в КНДР Мацегора": the post, not his side
                if best is None or gap < best[0]:
                    best = (gap, key, c.group())
            if best is not None:
                return [best[1]], best[2]
        return [], None

    def role_introduced(self, span: str, text: str, before: int
                        ) -> tuple[list[str], str | None]:
        """The side of a role named back ("По словам госсекретаря", "За словами міністра")
        when no claim came before: where the text last gave that role as a subject, with
        the cues after it ("Госсекретарь США Энтони Блинкен провел переговоры …"); a role
        after a preposition ("з міністром … Кореї") is whom he met, not him."""
        words = span.split()
        if self.r.script != "cyrillic" or not words or len(words[-1]) < 5:
            return [], None
        stem = re.sub(r"[аяоеёиыуюйьіїєэ]+$", "", words[-1], flags=re.IGNORECASE)
        head = text[:before]
        for m in reversed(list(re.finditer(r"(?<![\w-])" + re.escape(stem) + r"\w*", head,
                                           re.IGNORECASE))):
            if self._in_object(head, m.start()):
                continue
            end = re.search(r"[.!?\n,]", head[m.end():])
            window = head[m.start():m.end() + (end.start() if end else 80)]
            keys, cue = self.perspectives(window)
            if keys:
                return keys[:1], cue
        return [], None

    def analyst(self, span: str, text: str, before: int) -> bool:
        """Whether the text introduced the speaker's name as an independent analyst
        ("复旦大学朝鲜韩国研究中心专家郑明远", "сходознавцем Юрієм Пойтою")."""
        name = self._name(span)
        if name is None or not self.r.independent:
            return False
        head = text[:before]
        left = r"(?<![\w])" if self.r.script == "cyrillic" else ""
        for m in re.finditer(left + re.escape(name), head):
            lo, hi = self._clause_around(head, m.start(), m.end())
            if independent(self.r, head[lo:hi]):
                return True
        return False

    def _name(self, span: str) -> str | None:
        """The name a speaker's words end in (Cyrillic: its stem, any case), or None."""
        span = span.strip()
        if self.r.script == "han":
            for adverb in sorted(self.r.back_reference_adverbs, key=len, reverse=True):
                if span.endswith(adverb) and len(span) > len(adverb) + 1:  # "李成权还指出"
                    span = span[: -len(adverb)]
                    break
            return span if 2 <= len(span) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in span
                                                        ) else None
        words = span.split()
        if not words:
            return None
        if self.r.script == "hangul":
            return words[0] if len(words[0]) >= 2 else None
        adverbs = {a.lower() for a in self.r.back_reference_adverbs}
        while len(words) > 1 and words[-1].strip(".,").lower() in adverbs:
            words = words[:-1]  # "Скібіцький також": the name before the adverb
        word = words[-1].strip(".,")
        if (len(word) < 4 and len(words) >= 2 and not word.isupper()
                and all(w[:1].isupper() for w in words)):
            return " ".join(words)  # "Пак Сон Хун": a Korean name, in full
        if len(word) < 4 or not word[0].isupper() or word.isupper():
            return None
        return word[:max(4, len(word) - 2)]

    def _clause_around(self, text: str, start: int, end: int) -> tuple[int, int]:
        """The bounds of the clause holding text[start:end] and, after a comma, the
        apposition that follows the name ("Андрій Юсов, речник ГУР, ...")."""
        stops = "。！？；\n" if self.r.script == "han" else ".!?…\n"
        lo = max(text.rfind(ch, 0, start) for ch in stops) + 1
        if self.r.script == "han":
            lo = max(lo, text.rfind("，", 0, start) + 1)
            return lo, end
        hi = end
        rest = text[end:end + 2 * MAX_SPEAKER_CHARS]
        m = re.match(rf"\s*,([^,.!?;:]{{1,{MAX_SPEAKER_CHARS}}})[,.]", rest)
        if m:
            hi = end + m.end()
        if self.r.script == "hangul":
            hi = end + len(" ".join(rest.split(" ")[:4]))
        return lo, hi

    def owner_of_document(self, span: str) -> str:
        """The author of the text a sentence cites ("в дописі президента" -> "президента",
        "в заявлении МИД России" -> "МИД России"): the speaker is whose document it is."""
        words = span.split()
        adverbs = {a.lower() for a in self.r.back_reference_adverbs}
        if (len(words) >= 3 and words[0].lower() in self.prepositions
                and words[1].lower() in {d.lower() for d in self.r.documents}
                and not all(w.lower() in adverbs for w in words[2:])):
            return " ".join(words[2:])
        return span

    def _demonstrative(self, words: str) -> bool:
        """A demonstrative then a short role with no cue of its own ("这位发言人", "이
        당국자", "эта чиновница"): the last speaker again."""
        join = "" if self.r.script == "han" else " "
        for d in sorted((d.lower() for d in self.r.demonstratives), key=len, reverse=True):
            if not words.startswith(d + join):
                continue
            rest = words[len(d + join):].strip()
            short = (2 <= len(rest) <= 6 if self.r.script == "han"
                     else 1 <= len(rest.split()) <= 2)
            return short and not self.perspectives(rest)[0]
        return False

    def is_back_reference(self, span: str) -> bool:
        """The speaker words point to the previous speaker ("він", "Він також", "他还")."""
        words = span.strip().lower()
        for lead in sorted((c.lower() for c in self.r.connectives), key=len, reverse=True):
            if words.startswith(lead + " "):  # "при этом он": "он"
                words = words[len(lead) + 1:].lstrip()
                break
        refs = {b.lower() for b in self.r.back_references}
        if words in refs:
            return True
        if self._demonstrative(words):
            return True
        parts = words.split()
        if (self.r.script == "hangul" and len(parts) == 2 and len(parts[0]) == 1
                and parts[1] in refs):
            return True  # "전 대변인은": a surname and the role of the one just named
        for ref in sorted(refs, key=len, reverse=True):
            # "глава держави у Telegram у понеділок": the role, then where and when
            rest = words[len(ref):].split() if words.startswith(ref + " ") else []
            if rest and rest[0] in self.prepositions and len(ref) > 3:
                return True
        parts = words.split()
        documents = {d.lower() for d in self.r.documents}
        after = {a.lower() for a in self.r.back_reference_adverbs}
        if (len(parts) >= 2 and parts[0] in self.prepositions and parts[1] in documents
                and all(w in after for w in parts[2:])):
            return True  # "У звіті також (зазначено)": the last speaker's document
        if 1 < len(parts) <= 3 and parts[0] in self.pronouns and not self.perspectives(
                " ".join(parts[1:]))[0]:
            return True  # "она BFM.ru", "он журналистам": told someone, still the last one
        if 1 < len(parts) <= 3 and (parts[0] in self.possessives or (
                parts[1] in self.possessives and len(parts) == 3)):
            # "його адміністрація", "Водночас його адміністрація": the last speaker's own
            return True
        adverbs = sorted({a.lower() for a in self.r.back_reference_adverbs}, key=len, reverse=True)
        for adverb in adverbs:
            if words.endswith(adverb):
                head = words[: -len(adverb)].rstrip()
                if head in refs:
                    return True
        return False
