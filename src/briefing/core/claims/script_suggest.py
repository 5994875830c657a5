"""Claim suggestions for a text in Cyrillic, Hangul or Han script: the pass over its
sentences, paragraph by paragraph, with the turns of a transcript or interview and the
issuing body's own voice. Who speaks in a sentence is multilingual.py's ScriptAttributor;
the rules per language are data (resources/claims/languages/, read by script_rules.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from briefing.core.claims.captions import Captions
from briefing.core.claims.han_forms import fold_traditional
from briefing.core.claims.interviews import InterviewTurns, answer_sentences, independent
from briefing.core.claims.multilingual import ScriptAttributor
from briefing.core.claims.script_rules import (
    Rules,
    lemma_of,
    opens_line,
    page_home,
    page_language,
    script_rules,
    sentences,
)
from briefing.core.models import Perspective, Suggestion


def suggest_in_script(text: str, script: str, perspectives: Iterable[Perspective],
                      title: str = "", issuer_side: tuple[str, str] | None = None,
                      issuer_name: str = "") -> list[Suggestion]:
    """Attributed sentences of `text` written in `script`, sorted by start offset; `title`
    names the body whose transcript this may be (its role turns speak for it);
    `issuer_side` is (perspective, cue) of the official body whose own page this is: what
    has no speaker of its own is that body's."""
    rules = script_rules().get(script)
    if rules is None:
        return []
    if script == "han":  # "他說", "發言人": traditional characters read as simplified
        original = text
        text, title = fold_traditional(text), fold_traditional(title)
        return [replace(s, quote=original[s.start:s.end])
                for s in _suggest(rules, text, perspectives, title, issuer_side, issuer_name)]
    return _suggest(rules, text, perspectives, title, issuer_side, issuer_name)


def _suggest(rules: Rules, text: str, perspectives: Iterable[Perspective], title: str,
             issuer_side: tuple[str, str] | None, issuer_name: str) -> list[Suggestion]:
    """suggest_in_script on a text in the script `rules` read (Han folded to simplified)."""
    script = rules.script
    attributor = ScriptAttributor(rules, list(perspectives))
    attributor.home = page_home(rules, text)
    attributor.lang = page_language(rules, text)
    issuer: Suggestion | None = None  # a body's own statement: its unattributed sentences
    if title and any(re.search(p, title) for p in rules.statement_titles):
        keys, cue = attributor.perspectives(title)
        if keys:
            issuer = Suggestion(0, 0, title, keys[:1], cue, title, "")
    if issuer is None and issuer_side is not None:
        issuer = Suggestion(0, 0, title, [issuer_side[0]], issuer_side[1],
                            issuer_name or title, "")
    if issuer is None and any(re.match(p, issuer_name) for p in rules.state_bodies):
        # "Служба зовнішньої розвідки України": a state body's own page, named in its script
        keys, cue = attributor.perspectives(issuer_name)
        if keys:
            issuer = Suggestion(0, 0, title, keys[:1], cue, issuer_name, "")
    out: list[Suggestion] = []
    last: Suggestion | None = None  # the previous attributed sentence (back-references)
    answer: Suggestion | None = None  # the last answer turn's speaker (transcripts)
    answering = False  # the line is part of an answer turn ("答：…" up to the next "问：")
    turns = _Turns(rules, attributor, text, title)
    interview = InterviewTurns(rules, attributor, text, title)
    captions = Captions(rules, attributor)
    forward = [re.compile(p, re.IGNORECASE) for p in rules.forward_references]
    interlocutors = {w.lower() for w in rules.interlocutors}
    before: tuple[int, int] | None = None  # the previous sentence of the same line
    for start, end in sentences(text, rules.dateline_rx, rules.abbreviations):
        s = text[start:end]
        prev, before = before, (start, end)
        if prev is not None and "\n" in text[prev[1]:start] and not (
                _lead_paragraph(text, prev) and any(rx.match(text[start:end]) for rx in forward)):
            # the sentence before, on another line: only a lead paragraph of one sentence
            # that "Про це повідомив …" opening the next paragraph points back to
            prev = None
        if opens_line(text, start):  # "答：…" opens an answer, "问：…" ends it
            answering = s.startswith(tuple(rules.answer_prefixes)) or (
                answering and not turns.asks(s))
        named = turns.see(text, start, end)
        if turns.asking:
            continue  # the interviewer's turn ("ЕКАТЕРИНА КОТОВА: В Москве говорят …")
        caption, bite = captions.see(text, start, end)
        if caption:
            continue  # "[토니 블링컨 / 미국 국무장관]": who speaks in the lines under it
        if bite is not None and (bite.perspectives or independent(rules, bite.speaker or "")):
            out.extend(Suggestion(a, b, text[a:b], list(bite.perspectives), bite.cue,
                                  bite.speaker, bite.verb)
                       for a, b in answer_sentences(s, start))
            last = out[-1] if script == "hangul" else last  # "그는 …" after his sound bite
            continue
        answered = interview.see(text, start, end)
        if interview.asking:
            continue  # "―중국은 … 보고 있나.": the interviewer's question
        if answered is not None and interview.guessed and named is not None and named.perspectives:
            # "Ответ: …" on a body's briefing whose lead names no interviewee: the host body
            # answers, not the first speaker the lead reports ("Госдеп США заявил …")
            answered = None
        if answered is not None and (interview.loose or interview.labelled or interview.plain
                                     or _role_turn(rules, text, start)
                                     or _reported_speech(attributor, s)
                                     ) and _own_speaker(attributor, s):
            # a line of narration inside a loosely marked interview, or a sentence of a
            # role-turn answer ("Ответ: …") reporting another side ("По данным Пентагона,
            # …", "Госдеп США заявил, …"): that side's, not the interviewee's
            answered = None
        if answered is not None and not s.rstrip().endswith(_ENDS):
            continue  # "Поділитися: Facebook Telegram": furniture after the last answer
        if answered is not None:  # every sentence of the answer is the interviewee's
            out.extend(Suggestion(a, b, text[a:b], list(answered.perspectives), answered.cue,
                                  answered.speaker, answered.verb)
                       for a, b in answer_sentences(s, start))
            last = out[-1] if script == "hangul" else last  # "그는 …" after his answer
            continue
        bullet = any(rx.search(s.rstrip(". ")) for rx in rules.bare_end_rx)
        if not s.endswith(_ENDS) and not bullet:
            continue  # a headline, a teaser line or a question (not a report's bullet)
        is_answer = s.startswith(tuple(rules.answer_prefixes))
        found = attributor.speaker(s)
        if found is not None and bullet:
            # a report's bullet ("○ 사상자는 …로 추정됨"): the report's own voice, unless
            # it opens on its assessing body ("□ 국정원은 …것으로 파악")
            voice = issuer or last
            if not _assessor(attributor, s, found[0]):
                found = None
                if voice is not None:
                    out.append(replace(voice, start=start, end=end, quote=s))
                continue
        if found is not None and named is not None and (
                attributor.first_person(found[0])
                or (script == "hangul" and not any(q in s for q in '“”"「」'))):
            # a turn's own words: "우리는 …", "그 대가로 북한의 파병이 …고 보고 있습니다"
            # (no quotation: the topic is inside what the spokesperson reports)
            found = None  # "Ответ: Мы неоднократно предупреждали…": the turn's speaker
        if found is None and named is not None:  # "郭嘉昆：…" and the lines of that answer
            out.append(Suggestion(start, end, s, list(named.perspectives), named.cue,
                                  named.speaker, named.verb))
            continue
        if found is None and last is not None and text[last.end:start].strip() == "" and any(
                re.search(p, s) for p in rules.continuations):
            # "…고 말했다. 북한군이 이를 활용할 수 있다는 것이다.": his report goes on
            last = replace(last, start=start, end=end, quote=s)
            out.append(last)
            continue
        head = _quoted_head(rules, attributor, text, start, end) if found is None else None
        if head is not None:  # "국정원 \"북한, 추가 파병 준비\"" as a line of its own
            out.append(head)
            continue
        if found is None and issuer is not None:
            out.append(Suggestion(start, end, s, list(issuer.perspectives), issuer.cue,
                                  issuer.speaker, issuer.verb))
            continue
        if found is None:
            if is_answer and answer is None:
                # "答：我不了解…" before any answer named its speaker: the spokesperson of
                # the body whose briefing the page is ("外交部发言人毛宁主持例行记者会")
                keys, cue = turns.page_host(text, title, rules.briefing_marks)
                answer = Suggestion(0, 0, title, keys, cue, title, "") if keys else None
            if answering and answer is not None:  # "答：我不掌握…": the spokesperson again
                out.append(Suggestion(start, end, s, list(answer.perspectives), answer.cue,
                                      answer.speaker, answer.verb))
            continue
        span, verb = found
        span = attributor.owner_of_document(span)
        keys, cue = attributor.perspectives(span)
        if independent(rules, span):  # "中国问题专家吕宁思": an analyst speaks for no side
            keys, cue = [], None
        elif not keys and not attributor.is_back_reference(span):
            keys, cue = attributor.introduced(span, text, start)
            if not keys:  # "김 의원은 국정원이 …고 보고했다고 전했다": the report's source
                keys, cue = attributor.relayed_source(s, span)
        guest = interview.speaker or turns.answerer
        if guest is not None and span.split()[0].lower() in interlocutors and not keys:
            # "Собеседник «РГ» отметил": the interviewee, named or answering in turns
            keys, cue, span = list(guest.perspectives), guest.cue, guest.speaker or span
        elif not keys and last is not None and attributor.is_back_reference(span):
            keys, cue, span = list(last.perspectives), last.cue, last.speaker or span
        elif not keys and attributor.is_back_reference(span):
            # "Госсекретарь США … провел переговоры. По словам госсекретаря, …"
            keys, cue = attributor.role_introduced(span, text, start)
        elif (not keys and last is not None and text[last.end:start].strip() == ""
              and attributor.reported_topic(s, span)):
            # "…고 보고했습니다. 사망자는 …추정된다고 밝혔습니다.": the speaker goes on
            keys, cue, span = list(last.perspectives), last.cue, last.speaker or span
        last = Suggestion(start=start, end=end, quote=s, perspectives=keys, cue=cue,
                          speaker=span, verb=verb)
        if keys:
            attributor.recent.append((span, keys))
        if (prev is not None and keys and any(rx.match(s) for rx in forward)
                and not any(o.start == prev[0] for o in out)
                and text[prev[0]:prev[1]].rstrip().endswith(".")):
            # "Южная Корея может пересмотреть … . Об этом заявил министр …": the sentence
            # the reference points back to is the speaker's claim
            out.append(Suggestion(prev[0], prev[1], text[prev[0]:prev[1]], list(keys), cue,
                                  span, verb))
        out.append(last)
        if is_answer:
            answer = last
    return out


# a Korean quotative ending a reported clause ("…했다고 ", "…이라고 ", "…”라고 ")
# how a sentence that may be a claim ends (「」『』: Taiwan's and Hong Kong's quotation marks)
_ENDS = (".", "!", "…", "。", "！", "»", "”", '"', ")", "」", "』")


def _quoted_head(rules: Rules, attributor: ScriptAttributor, text: str, start: int,
                 end: int) -> Suggestion | None:
    """A line that is only a speaker and his quoted words (a subheading, a roundup's item:
    "국정원 \"북한, 추가 파병 준비\""), as his claim when he has a side; else None."""
    line_end = text.find("\n", end)
    if not opens_line(text, start) or text[end:line_end if line_end >= 0 else len(text)].strip():
        return None
    s = text[start:end]
    for p in rules.quoted_heads:
        m = re.match(p, s)
        if m is None:
            continue
        keys, cue = _head_side(rules, attributor, m.group("who"))
        also = _head_side(rules, attributor, m.groupdict().get("also") or "")[0]
        keys += [k for k in also if keys and k not in keys]
        if keys:
            return Suggestion(start, end, s, keys, cue, m.group("who").strip(), "")
    return None


def _assessor(attributor: ScriptAttributor, s: str, span: str) -> bool:
    """Whether a report's bullet opens on the body that assesses ("□ 국정원은 …것으로
    파악"): its topic (은/는) has a side and the view is not a passive ("…로 추정됨")."""
    at = s.find(span)
    particle = s[at + len(span):at + len(span) + 1] if at >= 0 else ""
    return (particle in ("은", "는") and bool(attributor.perspectives(span)[0])
            and not re.search(r"(?:됨|되었음|됐음)[.\s]*$", s))


def _head_side(rules: Rules, attributor: ScriptAttributor, who: str
               ) -> tuple[list[str], str | None]:
    """The side of a quoted head's speaker: his cues, or a country's one-syllable name
    standing alone ("러 \"할 말 없다\"")."""
    keys, cue = attributor.perspectives(who)
    if keys:
        return keys[:1], cue
    bare = who.strip(" []▲△▶-·")
    return ([rules.prefix_sides[bare]], bare) if bare in rules.prefix_sides else ([], None)


def _lead_paragraph(text: str, prev: tuple[int, int]) -> bool:
    """Whether text[prev] is a paragraph of its own, one sentence long (a lead)."""
    a, b = prev
    line_start = text.rfind("\n", 0, a) + 1
    line_end = text.find("\n", b)
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    return line.strip() == text[a:b].strip()


def _role_turn(rules: Rules, text: str, start: int) -> bool:
    """Whether the sentence at `start` is in a line opened by a role turn ("Ответ:",
    "Відповідь:"): a transcript's answer, whose sentences may report other sides."""
    line = text[text.rfind("\n", 0, start) + 1:start + 1]
    return any(re.match(p, line) for p in rules.host_turns)


def _reported_speech(attributor: ScriptAttributor, s: str) -> bool:
    """Whether an answer's sentence reports what another says ("— Пекін каже, що …",
    "— Росія погрожує Сеулу"), not what the one talking thinks they hold ("— Китай вважає
    …": a stance verb, data `stance_lemmas`, is the speaker's characterisation)."""
    if attributor.lang not in attributor.r.lemma_forms:
        return False  # a language without Cyrillic verb lemmas (simplemma reads those)
    found = attributor.speaker(s)
    if found is None:
        return False
    words = found[1].split()
    return bool(words) and lemma_of(words[0], attributor.lang) not in attributor.r.stance_lemmas


def _own_speaker(attributor: ScriptAttributor, s: str) -> bool:
    """Whether the sentence names a speaker with a side of their own ("Як писало Радіо
    Свобода, … НСР повідомила, що …"), not the interviewee talking in the first person."""
    found = attributor.speaker(s)
    if not (found and attributor.perspectives(found[0])[0]
            and not attributor.first_person(found[0])):
        return False
    # "Пекин, как и мы, выступает против …": the one talking counts himself in
    verb_at = s.find(found[1])
    return not attributor.counts_self(s[:verb_at] if verb_at > 0 else "")


class _Turns:
    """A transcript's turns named by their speaker ("郭嘉昆：…"): the answer a sentence
    belongs to, from its turn's first line up to the next turn (a question ends it)."""

    def __init__(self, rules: Rules, attributor: ScriptAttributor, text: str = "",
                 title: str = "") -> None:
        self.answer_rx = re.compile(rules.answer_turn) if rules.answer_turn else None
        questions = [rules.question_turn] if rules.question_turn else []
        questions += rules.question_turns
        self.question_rx = (re.compile("|".join(f"(?:{q})" for q in questions))
                            if questions else None)
        self.host_rx = (re.compile("|".join(f"(?:{h})" for h in rules.host_turns))
                        if rules.host_turns else None)
        self.attributor = attributor
        self.title = title
        self.host = self.page_host(text, title) if self.host_rx is not None else ([], None)
        self.current: Suggestion | None = None
        self.answerer: Suggestion | None = None  # the last named answer's speaker
        self.asking = False  # the line is the interviewer's turn: no claim of anyone's
        self.interviewers = self._interviewers(text)

    def _interviewers(self, text: str) -> set[str]:
        """Names whose turns ask (a "?" ends at least half of them) in a transcript where
        another name's turns never do: the host ("ЕКАТЕРИНА КОТОВА: …?" beside "ПАК СОН
        ХУН: …"), whose remarks between questions are no one's claims either."""
        if self.answer_rx is None:
            return set()
        turns: dict[str, list[int]] = {}
        for line in text.splitlines():
            m = self.answer_rx.match(line)
            if m is not None:
                asked = line.rstrip(" »”\"'").endswith("?")
                turns.setdefault(m.group("name").strip().casefold(), []).append(asked)
        answerers = [n for n, asks in turns.items() if len(asks) >= 2 and not any(asks)]
        return {n for n, asks in turns.items()
                if answerers and len(asks) >= 2 and 2 * sum(asks) >= len(asks)}

    def asks(self, line: str) -> bool:
        """Whether `line` opens a question turn ("问：…", "法新社记者：…")."""
        return self.question_rx is not None and self.question_rx.match(line) is not None

    def page_host(self, text: str, title: str, marks: Iterable[str] = ()
                  ) -> tuple[list[str], str | None]:
        """The perspective of the body whose page this is: the first one named by the title
        ("통일부 정례브리핑", "Брифинг … МИД России") or else by the page's first lines; with
        `marks`, only by a line holding one ("外交部发言人毛宁主持例行记者会": a briefing)."""
        marks = tuple(marks)
        for line in [title, *text.splitlines()[:5 if marks else 3]]:
            if marks and not any(m in line for m in marks):
                continue
            keys, cue = self.attributor.perspectives(line)
            if keys:
                return keys[:1], cue
        return [], None

    def _introduced(self, name: str, text: str, start: int) -> tuple[list[str], str | None]:
        """A turn's speaker named without a cue ("Александр Мацегора", a broadcast's "ПАК СОН
        ХУН" read as "Пак Сон Хун"): where the text introduced the name, else an interview
        title's head ("Посол России в КНДР: …"; a quotation as the head names no one)."""
        if name.isupper() and len(name.split()) >= 2:
            name = " ".join(w.capitalize() for w in name.split())
        keys, cue = self.attributor.introduced(name, text, start)
        head = self.title.split(":", 1)[0].strip()
        if not keys and ":" in self.title and len(name.split()) in (2, 3) and \
                not head.startswith(("«", "“", "„", '"')):
            keys, cue = self.attributor.perspectives(head)
            keys = keys[:1]
        return keys, cue

    def see(self, text: str, start: int, end: int) -> Suggestion | None:
        """The named answer the sentence text[start:end] is part of, if any."""
        if self.answer_rx is None and self.host_rx is None:
            return None
        if opens_line(text, start):  # a line's first sentence may open a turn
            line = text[start:end]
            self.asking = False
            if self.question_rx is not None and self.question_rx.match(line):
                self.current = None
            elif self.host_rx is not None and (h := self.host_rx.match(line)) is not None:
                keys, cue = self.host
                self.current = (Suggestion(start, end, line, keys, cue, h.group().strip(),
                                           h.group().strip()) if keys else None)
            elif self.answer_rx is None:
                if not line.rstrip().endswith(("。", "！", ".", "!", "”", "…", "？", "?", "»")):
                    self.current = None
            elif (m := self.answer_rx.match(line)) is not None and \
                    m.group("name").strip().casefold() in self.interviewers:
                self.current, self.asking = None, True  # "ЕКАТЕРИНА КОТОВА: …" asks
                return None
            elif (m := self.answer_rx.match(line)) is not None:
                name = m.group("name")
                keys, cue = self.attributor.perspectives(name)
                if not keys and self.attributor.r.script in ("cyrillic", "han"):
                    # "车斗铉：…" introduced as "韩国…研究院研究员车斗铉": the side named there
                    keys, cue = self._introduced(name, text, start)
                statement = line.rstrip().endswith(("。", "！", ".", "!", "”", "…"))
                # "郑明远：…" introduced as "复旦大学…专家郑明远": an analyst, no side
                analyst = not keys and self.attributor.analyst(name, text, start)
                self.current = (Suggestion(start, end, line, keys, cue, name, "：")
                                if (keys or analyst) and statement else None)
                self.answerer = self.current or self.answerer
            elif not line.rstrip().endswith(("。", "！", ".", "!", "”", "…", "？", "?")):
                self.current = None  # a line that is no sentence: the transcript has ended
        return self.current
