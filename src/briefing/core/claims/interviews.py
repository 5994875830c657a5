"""Interviews whose turns carry no names: "―질문" then “답변”, "– Питання?" then "– Відповідь."

A question line is marked by the language's question dash (data: `interview_questions`);
the lines right after it that look like an answer (`interview_answers`: a quotation in
Korean, a dash in Ukrainian and Russian) are the interviewee's, up to the next question
or the first line of narration. The interviewee is the one the lead says the outlet met
or spoke with (`interviewees`, group `who`: "…을 만나", "поговорило зі …"); an
independent analyst ("전문가", "сходознавець", `independent`) speaks for no side, anyone
else for the side their cues name.
"""

from __future__ import annotations

import re
from typing import Protocol

from briefing.core.claims.script_rules import Rules, opens_line
from briefing.core.models import Suggestion

# Where a sentence of an answer ends: its stop, a closing quotation mark, then a space.
# A title that quotes its head ("Скібіцький: «Північна Корея вчиться …»"): the page is the
# words of the one it names, an interview when plain question lines follow
_QUOTING_TITLE = re.compile(r"^[^:«“\"„]{2,60}:\s*[«“\"„]")
_LETTER = re.compile(r"[^\W\d_]")
_ANSWER_STOP = re.compile(r"[.!?…]+[”\"’»]*(?=\s+\S)")
# how a paragraph that goes on an answer ends (a sentence's stop, a closing quotation mark)
_PARAGRAPH_ENDS = (".", "!", "…", "»", "”", '"', "。", "！", "다")


def answer_sentences(s: str, start: int) -> list[tuple[int, int]]:
    """[start, end) of each sentence of an answer written as one quotation ("“베이징은 …
    불편해합니다. 북한이 … 않을 겁니다.”"): the sentence splitter keeps a quotation whole,
    but the interviewee's quoted paragraph holds several statements."""
    out, at = [], 0
    for m in _ANSWER_STOP.finditer(s):
        if len(s[at:m.end()].strip()) <= 3:
            continue  # "A. …": a turn's letter, no sentence
        out.append((start + at, start + m.end()))
        at = m.end() + len(s[m.end():]) - len(s[m.end():].lstrip())
    out.append((start + at, start + len(s.rstrip())))
    return [(a, b) for a, b in out if b > a]


class _Sides(Protocol):
    def perspectives(self, span: str) -> tuple[list[str], str | None]: ...

    def introduced(self, span: str, text: str, before: int) -> tuple[list[str], str | None]: ...

    def speaker(self, s: str) -> tuple[str, str] | None: ...

    def first_person(self, span: str) -> bool: ...


def independent(rules: Rules, span: str) -> bool:
    """Whether the speaker's words name an independent analyst ("중국 외교 전문가",
    "柏林自由大学中国问题专家吕宁思", "сходознавець"): a nationality beside him names his
    field or his seat, not the side he speaks for."""
    low = span.lower()
    return (any(w.lower() in low for w in rules.independent)
            # "베이징의 한 외교 소식통": a source placed in a capital, of no named side
            or any(re.search(p, span) for p in rules.placed_sources))


class InterviewTurns:
    """Reads a page line by line; `see` gives the interviewee's Suggestion for an answer."""

    def __init__(self, rules: Rules, sides: _Sides, text: str, title: str = "") -> None:
        self.questions = [re.compile(p, re.MULTILINE) for p in rules.interview_questions]
        self.answers = [re.compile(p) for p in rules.interview_answers]
        # an answer written as a plain paragraph after the question ("―…나." then "포로들이
        # …"): the interviewee's, unless it names a speaker of its own (`plain`)
        self.plain_answers = [re.compile(p) for p in rules.plain_answers]
        self.plain = False
        # a page that calls itself an interview ("Інтерв'ю", "专访") and asks in plain
        # question paragraphs ("**Чи може Китай …?**"): every other line answers, unless
        # it names a speaker of its own (`loose`)
        self.loose = False
        if not any(rx.search(text) for rx in self.questions) and rules.plain_questions:
            head = (title + "\n" + text[:2000]).lower()
            plain = [re.compile(p, re.MULTILINE) for p in rules.plain_questions]
            asked = sum(len(rx.findall(text)) for rx in plain)
            if asked >= 2 and (any(m.lower() in head for m in rules.interview_marks)
                               or _QUOTING_TITLE.match(title)):
                self.questions, self.answers, self.loose = plain, [re.compile(".")], True
        self.current: Suggestion | None = None
        self.asking = False  # the line being read is a question
        self.after_question = False
        self.labelled = False  # the answer being read opened with a role label ("A.")
        self.marks = [re.compile(p) for p in rules.interview_turn_marks]
        self.tags = [re.compile(p) for p in rules.speech_tags]
        self.addressees = [re.compile(p) for p in rules.interview_addressees]
        self.answered = False  # the last marked turn was an answer: the next is a question
        self.addressee: Suggestion | None = None  # "Вопрос (к Чхве Сон Хи):": who answers
        self.guessed = False  # the interviewee is only the lead's first speaker (_briefer)
        self.shared = False  # the lead names several answerers of different sides
        self.sides, self.text = sides, text
        self.speaker = self._interviewee(rules, sides, text, title) if self.questions else None
        self.active = self.speaker is not None or (self.shared and bool(self.addressees))

    def _interviewee(self, rules: Rules, sides: _Sides, text: str, title: str
                     ) -> Suggestion | None:
        """The interviewee named before the first question line, with their side; else
        the head of a title in the "Юсов: …" layout."""
        first = len(text)
        for rx in self.questions:
            m = rx.search(text)
            if m is not None:
                first = min(first, m.start())
        if first == len(text):
            return None
        lead = text[:first]
        pronouns = {p.lower() for p in rules.interviewee_pronouns}
        sideless: Suggestion | None = None  # a name the lead gives that has no side
        him = False  # the lead speaks of him by a pronoun: he is named before, or in the title
        for pattern in rules.interviewees:
            for m in re.finditer(pattern, lead, re.MULTILINE):
                who = m.group("who").strip(" ,")
                if who.split()[0].lower() in pronouns:
                    him = True
                    break  # "поговорили с ним о …": he is named before, or in the title
                if independent(rules, who):
                    return Suggestion(0, 0, who, [], None, who, "")
                if self._several(rules, who):
                    # "Лавров и Чхве Сон Хи ответили на вопросы": each answer is the one
                    # its question names, or the host's
                    self.shared = True
                    return None
                keys, cue = sides.perspectives(who)
                if keys:
                    return Suggestion(0, 0, who, keys[:1], cue, who, "")
                # "Коваленко поговорив з НВ": the outlet he spoke with has no side; the
                # one with a side, or else the first named, is the interviewee
                sideless = sideless or Suggestion(0, 0, who, [], None, who, "")
        if sideless is not None and not him:
            return sideless
        head = title.split(":", 1)[0].strip() if ":" in title else ""
        if head and len(head.split()) <= 6:
            if independent(rules, head):
                return Suggestion(0, 0, head, [], None, head, "")
            keys, cue = sides.perspectives(head)
            if not keys:  # "Андрей Руденко: …": the side the lead gives him
                keys, cue = sides.introduced(head, text, first)
            return Suggestion(0, 0, head, keys[:1], cue, head, "")
        # (Chinese transcripts' "答：" turns, `answer_prefixes`, already answer for the
        # last spokesperson or the host: script_suggest.py, turns.py)
        self.guessed = True
        return self._briefer(sides, lead) or (
            None if rules.answer_prefixes else self._host(rules, sides, title))

    @staticmethod
    def _host(rules: Rules, sides: _Sides, title: str) -> Suggestion | None:
        """The one body of a side a briefing's title names ("国防部例行记者会", "외교부
        대변인 정례브리핑") when the lead names no one who spoke: its answers are that side's."""
        keys, cue = sides.perspectives(title)
        if len(keys) != 1 or independent(rules, title):
            return None
        return Suggestion(0, 0, title, keys, cue, title, "")

    def _several(self, rules: Rules, who: str) -> bool:
        """Whether `who` joins answerers of different sides ("министр России … и министр
        КНДР …"): no one of them answers every question."""
        parts = re.split("|".join(r"\s+" + re.escape(j.strip()) + r"\s+"
                                  for j in rules.interviewee_joins) or r"(?!)", who)
        firsts = {keys[0] for keys in (self.sides.perspectives(p)[0] for p in parts) if keys}
        return len(firsts) > 1

    def _addressed(self, line: str, start: int) -> Suggestion | None:
        """The one a turn label names as answering ("Вопрос (к Чхве Сон Хи):", "Ответ
        (Лавров):"), with the side his name or its introduction gives."""
        for rx in self.addressees:
            m = rx.match(line)
            if m is None:
                continue
            who = m.group("who").strip(" ,")
            keys, cue = self.sides.perspectives(who)
            if not keys:
                keys, cue = self.sides.introduced(who, self.text, start)
            return Suggestion(0, 0, who, keys[:1], cue, who, "")
        return None

    def _narrated(self, line: str) -> bool:
        """Whether a marked line is narrated direct speech ("— …, — заявил Песков."): the
        narrator's words after it name another side than the interviewee's ("— …, —
        каже Коваленко.", "— …, — сказав він." stay his answer)."""
        for rx in self.tags:
            m = rx.search(line)
            if m is None:
                continue
            keys = self.sides.perspectives(line[m.end() - 1:])[0]
            mine = self.speaker.perspectives if self.speaker is not None else []
            return bool(keys) and keys[:1] != list(mine[:1])
        return False

    @staticmethod
    def _briefer(sides: _Sides, lead: str) -> Suggestion | None:
        """The one the lead says spoke ("김태효 국가안보실 1차장은 … 브리핑했습니다" before
        "Q. …" / "A. …"): the first sentence of the lead with a speaker who has a side."""
        for line in lead.splitlines():
            found = sides.speaker(line.strip()) if line.strip() else None
            if found is None:
                continue
            keys, cue = sides.perspectives(found[0])
            if keys:
                return Suggestion(0, 0, found[0], keys[:1], cue, found[0], "")
        return None

    def see(self, text: str, start: int, end: int) -> Suggestion | None:
        """The interviewee's answer the sentence text[start:end] belongs to, if any."""
        if not self.active:
            return None
        if opens_line(text, start):  # a line's first sentence: a new turn?
            line_end = text.find("\n", start)
            line = text[start:line_end if line_end >= 0 else len(text)]
            marked = any(rx.match(line) for rx in self.marks)
            narrated = marked and self._narrated(line)
            self.asking = any(rx.match(line) for rx in self.questions) or (
                # "— Расскажите о …" after an answer: the interviewer's turn
                marked and self.answered and not narrated)
            if self.asking:
                self.current, self.after_question, self.answered = None, True, False
                self.addressee = self._addressed(line, start)
            elif narrated:  # "— …, — ответил Песков.": the one it names speaks
                self.current, self.after_question = None, False
            elif self.after_question and (any(rx.match(line) for rx in self.answers) or any(
                    rx.match(line) for rx in self.plain_answers)):
                self.plain = not any(rx.match(line) for rx in self.answers)
                self.current = self._addressed(line, start) or self.addressee or self.speaker
                self.answered = marked
                # "A. …", "답: …": a turn opened by a role label, a transcript's answer
                # (not a dash or a quotation): its sentences may report other sides
                self.labelled = any(m is not None and _LETTER.search(m.group())
                                    for m in (rx.match(line) for rx in self.answers))
            elif self.after_question and self.current is None and line.rstrip().endswith("?"):
                self.asking = True  # "Вопрос: Пентагон утверждает …" / "Что скажете?"
            elif not (self.labelled and self.current is not None
                      and line.rstrip().endswith(_PARAGRAPH_ENDS)):
                # (a labelled answer, "Ответ: …", "A. …", goes on in the paragraphs after
                # it up to the next question or a line that is no sentence)
                self.current, self.after_question = None, False
        return self.current
