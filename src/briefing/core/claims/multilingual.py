"""Claim suggestions for articles in Cyrillic, Hangul and Han script (uk, ru, ko, zh).

The English attributor (attribution.py) reads English syntax; these languages get a
small rule set each, as data in resources/claims/languages/<code>.toml: reporting verbs,
source phrases ("за словами", "по данным", "에 따르면", "据…报道") and speaker cues per
perspective in that language. The speaker is found by the language's word order (before
the verb in Russian, Ukrainian and Chinese; the sentence's topic in Korean) and its
perspective from the cues in the speaker's words only, plus the workspace's own cues.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from briefing.core.models import Perspective, Suggestion
from briefing.core.resources import resource

_SCRIPTS = {
    "cyrillic": re.compile(r"[\u0400-\u052f]"),
    "hangul": re.compile(r"[\uac00-\ud7af]"),
    "han": re.compile(r"[\u4e00-\u9fff]"),
}
_LETTERS = re.compile(r"[^\W\d_]")
_CLAUSE = re.compile(r"[,;:，；：]|\s[-–—]\s|[«»“”„\"]")
_SENTENCE_END = re.compile(r"[.!?…。！？]+[»”\"’)）]*")
_OPEN, _CLOSE = "«“„", "»”"
MIN_SHARE = 0.3  # a script with at least this share of the letters gets its rules
MAX_SPEAKER_CHARS = 80


@dataclass
class Rules:
    """The merged rules of one script (several languages may share it)."""

    script: str
    verbs: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    source_ends: list[str] = field(default_factory=list)
    subject_particles: list[str] = field(default_factory=list)
    datelines: list[str] = field(default_factory=list)
    back_references: list[str] = field(default_factory=list)
    answer_prefixes: list[str] = field(default_factory=list)
    weak_particles: list[str] = field(default_factory=list)  # need a two-syllable word
    insertions: list[str] = field(default_factory=list)  # "в свою очередь": not the speaker
    back_reference_adverbs: list[str] = field(default_factory=list)  # "він також": "він"
    # a country's generic bodies ("국방부", "外交部", "Генштаб"): the home country's unless
    # the speaker's words name another ("우크라이나 국방부", "韩国外交部")
    bodies: list[str] = field(default_factory=list)
    # reporting verbs by stem and ending ("заяви" + л/ла/ло/ли): every gender and number
    verb_stems: list[str] = field(default_factory=list)
    verb_endings: list[str] = field(default_factory=list)
    # regexes for a reporting construction ("…다고 반박했다": a quotative and its verb)
    verb_patterns: list[str] = field(default_factory=list)
    # reporting verbs by lemma, per language ("заявить", "повідомити"): a word whose lemma
    # (simplemma's dictionary for the page's language) is one of them and whose ending is a
    # finite form of that language ("-ет", "-ли"; not a gerund "заявив" in Russian) reports,
    # in every tense, aspect, gender and number the lists above do not spell out
    verb_lemmas: dict[str, frozenset[str]] = field(default_factory=dict)
    lemma_forms: dict[str, re.Pattern[str]] = field(default_factory=dict)
    insertion_rx: list[re.Pattern[str]] = field(default_factory=list)
    answer_turn: str = ""    # a turn named by its speaker: "郭嘉昆：…" (group `name`)
    question_turn: str = ""  # a turn that is a question: "问：…", "法新社记者：…"
    # a turn by a role, not a name ("답변 :", "□ 대변인 :", "Ответ:"): the page's host body
    # speaks (the ministry named at the head of the page: "통일부", "МИД России")
    host_turns: list[str] = field(default_factory=list)
    question_turns: list[str] = field(default_factory=list)
    first_person: list[str] = field(default_factory=list)  # "мы", "우리": the turn's speaker
    abbreviations: list[str] = field(default_factory=list)  # "тыс.": no sentence ends there
    prepositions: list[str] = field(default_factory=list)  # "з", "до": an object follows
    possessives: list[str] = field(default_factory=list)  # "його": "його адміністрація"
    # a country's short prefix before a generic body names that country's body ("俄国防部",
    # "美军", "미 국방부"): [prefixes] key -> prefixes, composed with `prefixed` bodies
    composed: list[str] = field(default_factory=list)
    # the country a page in each language speaks from (its generic bodies are that
    # country's: "Генштаб" on a Ukrainian page is Ukraine's, on a Russian page Russia's),
    # and the letters only that language uses in its script ("іїєґ" for Ukrainian)
    homes: dict[str, str] = field(default_factory=dict)
    letters: dict[str, str] = field(default_factory=dict)
    # a title that makes the page a body's own statement ("Заява Генерального штабу …"):
    # what it says with no speaker of its own is the issuer's
    statement_titles: list[str] = field(default_factory=list)
    speakers: dict[str, list[str]] = field(default_factory=dict)
    dateline_rx: list[re.Pattern[str]] = field(default_factory=list)
    verb_rx: re.Pattern[str] | None = None
    source_rx: re.Pattern[str] | None = None


def page_home(rules: Rules, text: str) -> str | None:
    """The home country of a page in `rules`' script: that of the language whose own
    letters it uses most (Ukrainian "і", Russian "ы"), or of its script's only language."""
    if len(rules.homes) <= 1:
        return next(iter(rules.homes.values()), None)
    sample = text[:4000].lower()
    counts = {lang: sum(sample.count(ch) for ch in letters)
              for lang, letters in rules.letters.items()}
    best = max(counts, key=lambda lang: counts[lang], default=None)
    return rules.homes.get(best) if best is not None and counts[best] else None


def page_language(rules: Rules, text: str) -> str | None:
    """The language (file stem) of a page in `rules`' script whose own letters it uses most,
    or the script's only language."""
    if len(rules.homes) <= 1:
        return next(iter(rules.homes), None)
    sample = text[:4000].lower()
    counts = {lang: sum(sample.count(ch) for ch in letters)
              for lang, letters in rules.letters.items()}
    best = max(counts, key=lambda lang: counts[lang], default=None)
    return best if best is not None and counts[best] else None


@dataclass(frozen=True)
class _Found:
    """A reporting verb found by its lemma, shaped like a regex match for the callers."""

    at: int
    word: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.word)

    def group(self) -> str:
        return self.word


_WORD = re.compile(r"[^\W\d_][\w'ʼ’-]*")


@lru_cache(maxsize=20000)
def _lemma(word: str, lang: str) -> str:
    import simplemma  # loaded only for a page in a language with verb lemmas

    return str(simplemma.lemmatize(word, lang=lang)).lower()


@lru_cache(maxsize=1)
def script_rules() -> dict[str, Rules]:
    """resources/claims/languages/*.toml merged per script."""
    out: dict[str, Rules] = {}
    folder = resource("claims", "languages")
    for path in sorted(folder.glob("*.toml")) if folder.is_dir() else []:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        rules = out.setdefault(data["script"], Rules(data["script"]))
        for name in ("verbs", "sources", "source_ends", "subject_particles", "datelines",
                     "back_references", "answer_prefixes", "insertions", "weak_particles",
                     "back_reference_adverbs", "bodies", "verb_patterns", "host_turns",
                     "question_turns", "first_person", "statement_titles",
                     "abbreviations", "prepositions", "possessives"):
            getattr(rules, name).extend(data.get(name, []))
        lang = path.stem
        if data.get("verb_lemmas") and data.get("lemma_forms"):
            rules.verb_lemmas[lang] = frozenset(v.lower() for v in data["verb_lemmas"])
            rules.lemma_forms[lang] = re.compile(
                "(?:" + "|".join(map(re.escape, data["lemma_forms"])) + ")$", re.IGNORECASE)
        if "home" in data:
            rules.homes[lang] = data["home"]
        if "letters" in data:
            rules.letters[lang] = data["letters"]
        endings = data.get("verb_endings", [])
        rules.verb_stems.extend(f"{stem}\x00{'|'.join(map(re.escape, endings))}"
                                for stem in data.get("verb_stems", []))
        for key, cues in data.get("speakers", {}).items():
            rules.speakers.setdefault(key, []).extend(cues)
        joins = [""] if data["script"] == "han" else ["", " "]
        for key, prefixes in data.get("prefixes", {}).items():
            made = [p + j + b for p in prefixes for b in data.get("prefixed", []) for j in joins]
            rules.speakers.setdefault(key, []).extend(made)
            rules.composed.extend(made)
        rules.answer_turn = rules.answer_turn or data.get("answer_turn", "")
        rules.question_turn = rules.question_turn or data.get("question_turn", "")
    for rules in out.values():
        rules.dateline_rx = [re.compile(p) for p in rules.datelines]
        rules.insertion_rx = [re.compile(p, re.IGNORECASE) for p in rules.insertions]
        bound = rules.script != "han"  # Chinese has no spaces: a verb may touch its speaker
        left, right = (r"(?<![\w-])", r"(?![\w])") if bound else ("", "")
        verbs = [re.escape(v) for v in sorted(rules.verbs, key=len, reverse=True)]
        verbs += [re.escape(stem) + f"(?:{ends})" for stem, ends in
                  (v.split("\x00") for v in sorted(set(rules.verb_stems), key=len, reverse=True))]
        alternatives = [left + "(?:" + "|".join(verbs) + ")" + right] if verbs else []
        alternatives += rules.verb_patterns
        if alternatives:
            rules.verb_rx = re.compile("|".join(f"(?:{a})" for a in alternatives),
                                       re.IGNORECASE)
        sources = sorted(rules.sources, key=len, reverse=True)
        if sources:
            start = r"(?<![\w-])" if rules.script == "cyrillic" else ""
            rules.source_rx = re.compile(start + "(?:" + "|".join(map(re.escape, sources))
                                         + ")", re.IGNORECASE)
    return out


def dominant_script(text: str) -> str | None:
    """'cyrillic', 'hangul' or 'han' when that script holds enough of the letters."""
    sample = text[:4000]
    letters = len(_LETTERS.findall(sample))
    if not letters:
        return None
    for name, rx in _SCRIPTS.items():
        if len(rx.findall(sample)) >= MIN_SHARE * letters:
            return name
    return None


def sentences(text: str, datelines: Iterable[re.Pattern[str]] = (),
              abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """[start, end) of each sentence, per line; never split inside «…» or “…”, nor inside
    a dateline ("МОСКВА. 6 ноября. ИНТЕРФАКС - ...", "МОСКВА, 7 ноября. /ТАСС/. ..."),
    nor after an abbreviation ("11 тыс. военнослужащих", "50 тис. військових")."""
    datelines = list(datelines)
    short = {a.lower().rstrip(".") for a in abbreviations}
    out: list[tuple[int, int]] = []
    for line in re.finditer(r"[^\n]+", text):
        start, depth, straight = line.start(), 0, False
        i = line.start()
        while i < line.end():
            ch = text[i]
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif ch == '"':  # a straight quote opens after a space or the line start
                opens = not straight and (i == line.start() or text[i - 1] in " (\t")
                straight = opens or (not straight and not opens)
                depth = depth + 1 if opens else max(0, depth - 1)
            m = _SENTENCE_END.match(text, i) if depth == 0 and ch in ".!?…。！？" else None
            if m and m.end() <= line.end():
                end = m.end()
                nxt = text[end:end + 1]
                words = len(text[start:end].split())
                cjk = ch in "。！？"
                piece = text[start:end]
                dateline = any((d := rx.match(piece)) and d.end() >= len(piece.rstrip())
                               for rx in datelines)
                before = text[start:i].rsplit(None, 1)
                if ch == "." and before and before[-1].lower() in short:
                    dateline = True  # an abbreviation's period ends no sentence
                last = text[start:i].rsplit(None, 1)[-1] if text[start:i].strip() else ""
                # a short sentence ends too after a long lower-case word ("Москва відповіла
                # передбачувано."), never after an initial or a short abbreviation
                short_ok = ch in "?!" or (len(last) >= 5 and last.isalpha() and last.islower())
                if not dateline and (cjk or (nxt in ("", " ") and (words >= 4 or short_ok)
                                             and _next_starts(text, end))):
                    out.append((start, end))
                    start = end
                    while start < line.end() and text[start] == " ":
                        start += 1
                i = end
                continue
            i += 1
        if text[start:line.end()].strip():
            out.append((start, line.end()))
    return out


def _opening_quote(s: str) -> int:
    """Where the quotation that opens the sentence ends (0 when it opens with none)."""
    if not s or s[0] not in _OPEN + '"':
        return 0
    close = '"' if s[0] == '"' else _CLOSE
    for i in range(len(s) - 1, 0, -1):
        if s[i] in close:
            return i + 1 if i < len(s) - 2 else 0
    return 0


def _next_starts(text: str, pos: int) -> bool:
    """Whether a sentence can start at `pos`: a capital, a quote, a non-letter, or a letter of
    a script without case (Hangul, Han), where no capital marks a new sentence."""
    rest = text[pos:pos + 3].lstrip()
    if not rest:
        return True
    ch = rest[0]
    return ch.isupper() or ch in _OPEN or not ch.isalpha() or ch.lower() == ch.upper()


_ENDING = re.compile(r"[аяоеёиыуюйьіїєэ]+$", re.IGNORECASE)


def _cue_pattern(cue: str, script: str, bounded: frozenset[str] = frozenset()) -> str:
    """A cue as a regex. In Cyrillic each word of five letters or more is its stem with
    any ending ("России" -> "Росси\\w*": Россия, Россию, Россией; "Южная Корея" ->
    "Южн\\w* Коре\\w*"), so one form in the data finds every case of the name."""
    if script != "cyrillic":  # a country's one-letter prefix opens a word ("미 국방부")
        return (r"(?<![\w])" if cue in bounded and script == "hangul" else "") + re.escape(cue)
    words = []
    for word in cue.split():
        stem = _ENDING.sub("", word) if len(word) >= 5 else word
        words.append(re.escape(stem) + r"[\w'ʼ’-]*" if len(stem) >= 4 else re.escape(word))
    return r"\s+".join(words)


@cache
def _compiled(pattern: str) -> re.Pattern[str]:
    """A cue's regex, compiled once per process: an attributor is made for every text, and
    a language's hundreds of cue patterns overflow the re module's own cache."""
    return re.compile(pattern, re.IGNORECASE)


def _cue_rx(cues: Iterable[str], script: str, bounded: frozenset[str] = frozenset()
            ) -> re.Pattern[str] | None:
    cues = sorted({c for c in cues if c.strip()}, key=len, reverse=True)
    if not cues:
        return None
    left = r"(?<![\w])" if script == "cyrillic" else ""
    return _compiled(left + "(?:" + "|".join(_cue_pattern(c, script, bounded) for c in cues)
                     + ")")


class ScriptAttributor:
    """Finds attributed sentences in one script's text and the speaker's perspectives."""

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
        self.cue_rx = _cue_rx(owner, rules.script, bounded)
        self.patterns = {cue: _compiled(_cue_pattern(cue, rules.script, bounded))
                         for cue in sorted(owner, key=len, reverse=True)}
        self.bodies = {b.lower() for b in rules.bodies}
        self.first_words = {w.lower() for w in rules.first_person}
        self.prepositions = {w.lower() for w in rules.prepositions}
        self.possessives = {w.lower() for w in rules.possessives}
        self.home: str | None = None  # the page's country (page_home), for its bodies
        self.lang: str | None = None  # the page's language (page_language), for verb lemmas

    def verbs(self, s: str, pos: int = 0) -> list[re.Match[str] | _Found]:
        """The reporting verbs of `s` from `pos` on, in order: those the verb lists and
        patterns spell out, and words whose lemma is a reporting verb of the page's language."""
        r = self.r
        found: list[re.Match[str] | _Found] = (list(r.verb_rx.finditer(s, pos))
                                               if r.verb_rx is not None else [])
        lemmas = r.verb_lemmas.get(self.lang or "")
        forms = r.lemma_forms.get(self.lang or "")
        if lemmas and forms is not None and self.lang:
            taken = [(m.start(), m.end()) for m in found]
            for w in _WORD.finditer(s, pos):
                word = w.group()
                if (len(word) < 4 or not word.islower() or not forms.search(word)
                        or any(a < w.end() and w.start() < b for a, b in taken)):
                    continue
                if _lemma(word, self.lang) in lemmas:
                    found.append(_Found(w.start(), word))
            found.sort(key=lambda m: m.start())
        return found

    def _in_object(self, span: str, pos: int) -> bool:
        """Whether the cue at `pos` follows a preposition ("з", "до", "после", "с"): it names
        whom the speaker met or where he went, not the speaker."""
        words = span[:pos].split()
        return bool(words) and words[-1].lower() in self.prepositions

    def first_person(self, span: str) -> bool:
        """Whether the speaker's words open with "мы", "я", "우리": the one who is talking."""
        words = span.split()
        return bool(words) and words[0].strip(",:").lower() in self.first_words

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
        for m in self.cue_rx.finditer(span):
            if self._in_object(span, m.start()) and (keys or body_keys):
                continue  # "Рютте після зустрічі з південнокорейською делегацією": not his
            key = self._owner(m.group())
            if key and self._cue(m.group()) in self.bodies:
                key = self.home or key
                if key not in body_keys:
                    body_keys.append(key)
                    body_cue = body_cue or m.group()
            elif key and key not in keys:
                keys.append(key)
                first = first or m.group()
        return (keys, first) if keys else (body_keys, body_cue)

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
                if span and self.perspectives(span)[0]:
                    return span, verb.group()
        if r.source_rx is not None:
            for m in r.source_rx.finditer(s):
                span = self._after_source(s, m.end())
                if span:
                    return span, m.group()
                # "По его словам, …": the phrase holds its speaker, a back-reference
                ref = next((w for w in m.group().split() if self.is_back_reference(w)), None)
                if ref is not None:
                    return ref, m.group()
                if r.script == "hangul":  # "국정원에 따르면": the words before the phrase
                    before = s[:m.start()].split()
                    if before:
                        return before[-1], m.group().strip()
        if r.verb_rx is None:
            return None
        verbs = self.verbs(s)
        quoted = _opening_quote(s)
        if quoted and r.script != "hangul":
            # '"Я наголосив, що …", — написав міністр': the verb after the quotation
            # reports it; verbs inside the quotation are the speaker's own
            for v in (v for v in verbs if v.start() >= quoted):
                span = self._clause_after(s, v.end())
                if span:
                    return span, v.group()
        for v in verbs:
            if r.script == "hangul":
                span = self._topic(s[:v.start()])
            else:
                span = self._clause_before(s, v.start(), r.insertion_rx)
                lead = self.cue_rx.match(s) if self.cue_rx is not None else None
                if span is None and r.script == "han" and lead is not None:
                    span = lead.group()  # "中方反对…，呼吁…": the sentence's subject speaks
                span = span or self._clause_after(s, v.end())
                if (span and not self.perspectives(span)[0] and not self.is_back_reference(span)
                        and not self.first_person(span)):
                    # "Об этом заявил замглавы МИД РФ Руденко", "Про це повідомив Юсов":
                    # the speaker follows the verb
                    after = self._clause_after(s, v.end())
                    if after and self.perspectives(after)[0]:
                        span = after
            if span:
                return span, v.group()
        return None

    def _after_source(self, s: str, pos: int) -> str | None:
        if self.r.script == "hangul":
            return None
        if self.r.script == "han":
            ends = "|".join(map(re.escape, sorted(self.r.source_ends, key=len, reverse=True)))
            m = re.compile(rf"([^，。；：,]{{1,30}}?)(?:{ends})").match(s, pos)
            return m.group(1) if m else None
        m = _CLAUSE.search(s, pos)
        span = s[pos:m.start() if m else len(s)].strip()
        return span if 0 < len(span) <= MAX_SPEAKER_CHARS else None

    @staticmethod
    def _clause_before(s: str, pos: int, insertions: Iterable[re.Pattern[str]] = ()
                       ) -> str | None:
        """The clause before the verb; an inserted phrase between speaker and verb ("Ким
        Чен Ын, в свою очередь, заявил") is passed over to the clause before it."""
        bounds = [(m.start(), m.end()) for m in _CLAUSE.finditer(s, 0, pos)]

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
        m = _CLAUSE.search(s, pos)
        span = s[pos:m.start() if m else len(s)].strip(" .。")
        if len(span) > MAX_SPEAKER_CHARS and " " in span[:MAX_SPEAKER_CHARS]:
            # "…, сообщил журналистам член комитета … Ли Сон Гвон после брифинга …": the
            # speaker opens the long tail; its first words are enough to place him
            span = span[:MAX_SPEAKER_CHARS].rsplit(" ", 1)[0]
        return span if 0 < len(span) <= MAX_SPEAKER_CHARS else None

    def _topic(self, head: str) -> str | None:
        """The Korean sentence's topic or subject: the words up to the first one ending in
        은/는/이/가 ("젤렌스키 우크라이나 대통령은" -> "젤렌스키 우크라이나 대통령")."""
        words = head.split()
        for i, word in enumerate(words[:8]):
            for particle in sorted(self.r.subject_particles, key=len, reverse=True):
                least = 2 if particle in self.r.weak_particles else 1  # 인도 is not 인 + 도
                if word.endswith(particle) and len(word) >= len(particle) + least:
                    return " ".join([*words[:i], word[: -len(particle)]])
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
            lo, hi = self._clause_around(head, m.start(), m.end())
            window = head[lo:hi]
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
        word = words[-1].strip(".,")
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

    def is_back_reference(self, span: str) -> bool:
        """The speaker words point to the previous speaker ("він", "Він також", "他还")."""
        words = span.strip().lower()
        refs = {b.lower() for b in self.r.back_references}
        if words in refs:
            return True
        for ref in sorted(refs, key=len, reverse=True):
            # "глава держави у Telegram у понеділок": the role, then where and when
            rest = words[len(ref):].split() if words.startswith(ref + " ") else []
            if rest and rest[0] in self.prepositions and len(ref) > 3:
                return True
        parts = words.split()
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
    out: list[Suggestion] = []
    last: Suggestion | None = None  # the previous attributed sentence (back-references)
    answer: Suggestion | None = None  # the last answer turn's speaker (transcripts)
    turns = _Turns(rules, attributor, text, title)
    for start, end in sentences(text, rules.dateline_rx, rules.abbreviations):
        s = text[start:end]
        named = turns.see(text, start, end)
        if not s.endswith((".", "!", "…", "。", "！", "»", "”", '"', ")")):
            continue  # a headline, a teaser line or a question
        is_answer = s.startswith(tuple(rules.answer_prefixes))
        found = attributor.speaker(s)
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
        if found is None and issuer is not None:
            out.append(Suggestion(start, end, s, list(issuer.perspectives), issuer.cue,
                                  issuer.speaker, issuer.verb))
            continue
        if found is None:
            if is_answer and answer is not None:  # "答：我不掌握…": the spokesperson again
                out.append(Suggestion(start, end, s, list(answer.perspectives), answer.cue,
                                      answer.speaker, answer.verb))
            continue
        span, verb = found
        keys, cue = attributor.perspectives(span)
        if not keys and not attributor.is_back_reference(span):
            keys, cue = attributor.introduced(span, text, start)
        if not keys and last is not None and attributor.is_back_reference(span):
            keys, cue, span = list(last.perspectives), last.cue, last.speaker or span
        last = Suggestion(start=start, end=end, quote=s, perspectives=keys, cue=cue,
                          speaker=span, verb=verb)
        out.append(last)
        if is_answer:
            answer = last
    return out


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
        self.host = self._host(text, title) if self.host_rx is not None else ([], None)
        self.current: Suggestion | None = None

    def _host(self, text: str, title: str) -> tuple[list[str], str | None]:
        """The perspective of the body whose page this is: the first one named by the title
        ("통일부 정례브리핑", "Брифинг … МИД России") or else by the page's first lines."""
        for line in [title, *text.splitlines()[:3]]:
            keys, cue = self.attributor.perspectives(line)
            if keys:
                return keys[:1], cue
        return [], None

    def _introduced(self, name: str, text: str, start: int) -> tuple[list[str], str | None]:
        """A turn's speaker named without a cue ("Александр Мацегора"): where the text
        introduced the name, else an interview title's head ("Посол России в КНДР: …")."""
        keys, cue = self.attributor.introduced(name, text, start)
        if not keys and ":" in self.title and len(name.split()) in (2, 3):
            keys, cue = self.attributor.perspectives(self.title.split(":", 1)[0])
            keys = keys[:1]
        return keys, cue

    def see(self, text: str, start: int, end: int) -> Suggestion | None:
        """The named answer the sentence text[start:end] is part of, if any."""
        if self.answer_rx is None and self.host_rx is None:
            return None
        if start == 0 or text[start - 1] == "\n":  # a line's first sentence may open a turn
            line = text[start:end]
            if self.question_rx is not None and self.question_rx.match(line):
                self.current = None
            elif self.host_rx is not None and (h := self.host_rx.match(line)) is not None:
                keys, cue = self.host
                self.current = (Suggestion(start, end, line, keys, cue, h.group().strip(),
                                           h.group().strip()) if keys else None)
            elif self.answer_rx is None:
                if not line.rstrip().endswith(("。", "！", ".", "!", "”", "…", "？", "?", "»")):
                    self.current = None
            elif (m := self.answer_rx.match(line)) is not None:
                name = m.group("name")
                keys, cue = self.attributor.perspectives(name)
                if not keys and self.attributor.r.script == "cyrillic":
                    keys, cue = self._introduced(name, text, start)
                statement = line.rstrip().endswith(("。", "！", ".", "!", "”", "…"))
                self.current = (Suggestion(start, end, line, keys, cue, name, "：")
                                if keys and statement else None)
            elif not line.rstrip().endswith(("。", "！", ".", "!", "”", "…", "？", "?")):
                self.current = None  # a line that is no sentence: the transcript has ended
        return self.current
