"""Each script's claim rules (resources/claims/languages/<code>.toml), how its text splits
into sentences, and its speaker cues as regexes: what multilingual.py's attributor reads.

Data and lookups only; the attribution itself is in multilingual.py.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from briefing.core.resources import resource

_SCRIPTS = {
    "cyrillic": re.compile(r"[\u0400-\u052f]"),
    "hangul": re.compile(r"[\uac00-\ud7af]"),
    "han": re.compile(r"[\u4e00-\u9fff]"),
}
_LETTERS = re.compile(r"[^\W\d_]")
CLAUSE = re.compile(r"[,;:，；：]|\s[-–—]\s|[«»“”„\"「」『』]")
_SENTENCE_END = re.compile(r"[.!?…。！？]+[»”\"’)）」』]*")
# quotation marks a sentence stop inside does not end the sentence at (「」『』: Taiwan's and
# Hong Kong's Chinese, "他說：「…。」")
_OPEN, _CLOSE = "«“„「『", "»”」』"
# A list bullet opening a line of a post ("▪️ Зеленский заявил …", "• …", "🔹 …"): a dot, an
# emoji, or a symbol in its emoji form (U+FE0F), then a space; the sentence begins after it.
# A plain shape ("□ 국정원은 …", a Korean release's paragraph mark) stays in the sentence,
# as dashes do ("— …", an interview's turn).
_BULLET = re.compile(r"(?:[\u2022\u2023\u2043\u2219]|[\u2190-\u2bff]\ufe0f|"
                     r"[\U0001f300-\U0001faff]\ufe0f?)\u200d?\s+(?=\S)"
                     # a bullet before a turn's label ("🔹 대변인 : …") marks the turn: kept
                     r"(?![^\s:：]{1,20}(?:\s[^\s:：]{1,20}){0,2}\s?[:：])")
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
    lone_adverbs: list[str] = field(default_factory=list)  # "仅表示": a clause with no subject
    # an anonymous source placed somewhere ("베이징의 한 외교 소식통"): the place is no side
    placed_sources: list[str] = field(default_factory=list)
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
    # Korean: the connective endings after which a listed lemma still reports ("-며",
    # "-면서"; korean_verbs.py reads the morphemes, no listed forms)
    lemma_connectives: dict[str, frozenset[str]] = field(default_factory=dict)
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
    # an interview's turns without names (interviews.py): a question line ("―…", "– …?"),
    # the answer lines that follow one ("“…", "– …"), where the lead names the interviewee
    # (group `who`: "…을 만나", "поговорило зі …"), and words that make a speaker an
    # independent analyst ("전문가", "експерт", "专家"): he speaks for no side
    interview_questions: list[str] = field(default_factory=list)
    interview_answers: list[str] = field(default_factory=list)
    # an answer in a plain paragraph after a question line (no quotation, no label)
    plain_answers: list[str] = field(default_factory=list)
    interviewees: list[str] = field(default_factory=list)
    # a pronoun where the lead names the interviewee ("поговорили с ним"): he is named
    # before it or in the title's head
    interviewee_pronouns: list[str] = field(default_factory=list)
    # a mark both parties open their turns with ("— "): the turns alternate, so the marked
    # line after an answer is the interviewer's even without its "?" ("— Расскажите …")
    interview_turn_marks: list[str] = field(default_factory=list)
    # the narrator's words inside a marked line ("— …, — заявил Песков."): narrated direct
    # speech, no turn of the interview
    speech_tags: list[str] = field(default_factory=list)
    # a turn label naming who answers (group `who`: "Вопрос (к Чхве Сон Хи):"), and the
    # words joining two answerers in the lead ("Лавров и Чхве Сон Хи ответили на вопросы")
    interview_addressees: list[str] = field(default_factory=list)
    interviewee_joins: list[str] = field(default_factory=list)
    # a page calling itself an interview ("інтерв'ю", "专访") whose questions are plain
    # paragraphs ending in "?" (`plain_questions`): the other lines are the answers
    interview_marks: list[str] = field(default_factory=list)
    plain_questions: list[str] = field(default_factory=list)
    independent: list[str] = field(default_factory=list)
    # countries that are no perspective ("德国"): a generic body beside one is not the home's
    foreign: list[str] = field(default_factory=list)
    # words holding a reporting verb that report nothing ("来说" in "对平壤来说", "据说")
    false_verbs: list[str] = field(default_factory=list)
    # endings of a gerund reporting for its clause's subject ("…, зазначивши, що …")
    gerund_endings: list[str] = field(default_factory=list)
    # connectives before a back-reference ("При этом он", "Водночас він"): still him
    connectives: list[str] = field(default_factory=list)
    # a sentence pointing back to the one before it ("Об этом заявил …", "Про це повідомив
    # …"): that sentence is the speaker's claim too
    forward_references: list[str] = field(default_factory=list)
    # texts a sentence cites by their author ("йдеться в дописі президента"): the author speaks
    documents: list[str] = field(default_factory=list)
    # where a diplomat is posted ("驻俄罗斯大使", "주러시아 대사"): the country named there is
    # the host, not the side the diplomat speaks for (regexes; the posting is their match)
    postings: list[str] = field(default_factory=list)
    # words opening where or about what a speaker with a side spoke ("朝鲜外务相在莫斯科表示",
    # "美方对朝俄合作表示"): the speaker ends before them when the words before name a side
    side_cuts: list[str] = field(default_factory=list)
    # words naming a briefing's line ("外交部发言人毛宁主持例行记者会"): the body it names hosts
    # the answers ("答：…") that name no speaker
    briefing_marks: list[str] = field(default_factory=list)
    # a broadcast transcript's caption naming who speaks in the quotation under it
    # ("[토니 블링컨 / 미국 국무장관]"; group `who`; captions.py)
    captions: list[str] = field(default_factory=list)
    # a caption opening the line of its quotation ("[녹취] 이름/직함 : \"…\""; group `who`)
    inline_captions: list[str] = field(default_factory=list)
    # a speech's heading ("[김태효 국가안보실 1차장]" on its own line; group `who`): the
    # unquoted paragraphs under it are that speaker's, up to the next heading (captions.py)
    speech_headings: list[str] = field(default_factory=list)
    # a clause before the verb that opens with a topic preposition ("Про присутність …
    # першою повідомила СБУ", "О переброске … сообщил Пентагон") names what is reported:
    # the speaker follows the verb
    topic_openers: list[str] = field(default_factory=list)
    # words after which the speaker's clause holds the question's topic ("林剑…被问及朝鲜
    # 军人…时，只是重申"): the speaker is the words before them
    topic_cuts: list[str] = field(default_factory=list)
    # an outlet passing on others' words ("как пишет Bloomberg", "як передає …"): a source
    # phrase that yields to a speaker with a side named for the sentence's verb
    conduits: list[str] = field(default_factory=list)
    # a demonstrative before a role ("这位发言人", "이 당국자", "этот дипломат"): the span
    # names no one new, it points to the last speaker
    demonstratives: list[str] = field(default_factory=list)
    # conjunctions joining two predicates of one subject ("… вызвал посла и потребовал")
    coordinators: list[str] = field(default_factory=list)
    # the interviewee named by role ("Собеседник «РГ» отметил"), in an interview's narration
    interlocutors: list[str] = field(default_factory=list)
    # personal pronouns as subjects ("он", "вона"): with a recipient after them ("сказала
    # она BFM.ru") still the last speaker
    subject_pronouns: list[str] = field(default_factory=list)
    # a publisher that is a state body ("Служба зовнішньої розвідки України"): its page
    # speaks for the side its name gives
    state_bodies: list[str] = field(default_factory=list)
    # verbs of a view held rather than words said ("вважає", "считает"), by lemma: in an
    # interview's answer they characterise the side named, in the speaker's own words
    stance_lemmas: frozenset[str] = frozenset()
    # an outlet citing one who speaks ("…을 인용해", "援引…的话"; group `who`): the one
    # cited is the speaker when he has a side
    citations: list[str] = field(default_factory=list)
    citation_rx: list[re.Pattern[str]] = field(default_factory=list)
    # a sentence that goes on with the last speaker's report, no speaker of its own ("…할
    # 수 있다는 것이다", "…했다는 설명이다"): his claim when it follows his sentence
    continuations: list[str] = field(default_factory=list)
    # a line naming a speaker and then only his quoted words (a subheading "국정원 \"…\"";
    # group `who`): his claim when the words name a side
    quoted_heads: list[str] = field(default_factory=list)
    # nouns that name one who speaks ("관계자", "의원", "교수"): a topic holding one is the
    # speaker, not what a dropped speaker's report is about
    speaker_nouns: list[str] = field(default_factory=list)
    # an envoy posted abroad ("주유엔 대사", "주러 대사"): the page's country's, when his
    # words name no country of his own
    home_postings: list[str] = field(default_factory=list)
    home_posting_rx: list[re.Pattern[str]] = field(default_factory=list)
    # a bulleted line of an official report ending in a noun form, no full stop ("□ …로
    # 추정됨", "○ …것으로 판단"): a sentence all the same
    bare_ends: list[str] = field(default_factory=list)
    bare_end_rx: list[re.Pattern[str]] = field(default_factory=list)
    # words and contracted endings that mark a Korean topic instead of a particle ("러시아
    # 역시", "국정원 측에선", "중국으로선")
    topic_words: list[str] = field(default_factory=list)
    topic_endings: list[str] = field(default_factory=list)
    # a country's one-syllable name standing alone ("러", "美"): prefix -> perspective key
    prefix_sides: dict[str, str] = field(default_factory=dict)
    # countries named together by one letter each ("朝俄两国", "乌韩双方"): a regex whose
    # group `sides` holds the letters, and each letter's perspective key
    joint_sides: list[str] = field(default_factory=list)
    joint_letters: dict[str, str] = field(default_factory=dict)
    # an outlet's verb ("报道"): with no side of its own it yields to a later speaker's
    relaying_verbs: list[str] = field(default_factory=list)
    posting_rx: re.Pattern[str] | None = None
    false_verb_rx: re.Pattern[str] = re.compile(r"(?!)")
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
class FoundVerb:
    """A reporting verb found by its lemma, shaped like a regex match for the callers."""

    at: int
    word: str

    def start(self) -> int:
        return self.at

    def end(self) -> int:
        return self.at + len(self.word)

    def group(self) -> str:
        return self.word


WORD = re.compile(r"[^\W\d_][\w'ʼ’-]*")


@lru_cache(maxsize=20000)
def lemma_of(word: str, lang: str) -> str:
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
                     "back_reference_adverbs", "lone_adverbs", "placed_sources", "bodies", "verb_patterns", "host_turns",
                     "question_turns", "first_person", "statement_titles",
                     "abbreviations", "prepositions", "possessives", "interview_questions",
                     "interview_answers", "interviewees", "independent", "foreign", "false_verbs", "interview_marks", "plain_questions",
                     "gerund_endings", "connectives", "forward_references", "documents",
                     "postings", "captions", "inline_captions", "speech_headings",
                     "interviewee_pronouns", "topic_openers",
                     "interview_turn_marks", "speech_tags", "interview_addressees",
                     "interviewee_joins",
                     "topic_cuts", "side_cuts", "joint_sides", "briefing_marks", "conduits", "demonstratives", "coordinators",
                     "interlocutors", "subject_pronouns", "state_bodies", "citations",
                     "relaying_verbs", "continuations", "quoted_heads", "speaker_nouns",
                     "home_postings", "bare_ends", "plain_answers", "topic_words",
                     "topic_endings"):
            getattr(rules, name).extend(data.get(name, []))
        lang = path.stem
        rules.stance_lemmas |= frozenset(w.lower() for w in data.get("stance_lemmas", []))
        if data.get("verb_lemmas") and data.get("lemma_forms"):
            rules.verb_lemmas[lang] = frozenset(v.lower() for v in data["verb_lemmas"])
            rules.lemma_forms[lang] = re.compile(
                "(?:" + "|".join(map(re.escape, data["lemma_forms"])) + ")$", re.IGNORECASE)
        elif data.get("verb_lemmas") and data.get("lemma_connectives"):
            rules.verb_lemmas[lang] = frozenset(data["verb_lemmas"])
            rules.lemma_connectives[lang] = frozenset(data["lemma_connectives"])
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
            rules.prefix_sides.update((p, key) for p in prefixes)
            made = [p + j + b for p in prefixes for b in data.get("prefixed", []) for j in joins]
            rules.speakers.setdefault(key, []).extend(made)
            rules.composed.extend(made)
        rules.joint_letters.update(data.get("joint_letters", {}))
        rules.answer_turn = rules.answer_turn or data.get("answer_turn", "")
        rules.question_turn = rules.question_turn or data.get("question_turn", "")
    for rules in out.values():
        rules.dateline_rx = [re.compile(p) for p in rules.datelines]
        rules.insertion_rx = [re.compile(p, re.IGNORECASE) for p in rules.insertions]
        rules.citation_rx = [re.compile(p) for p in rules.citations]
        rules.home_posting_rx = [re.compile(p) for p in rules.home_postings]
        rules.bare_end_rx = [re.compile(p) for p in rules.bare_ends]
        if rules.postings:
            rules.posting_rx = re.compile("|".join(f"(?:{p})" for p in rules.postings))
        if rules.false_verbs:
            rules.false_verb_rx = re.compile("|".join(map(re.escape, rules.false_verbs)))
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
        bullet = _BULLET.match(text, line.start(), line.end())
        start, depth, straight = bullet.end() if bullet else line.start(), 0, False
        i = start
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
                # and a turn's one-word reply ("Коваленко: Так.", "— Нет.") after its label
                label = text[start:i].rstrip()[:-len(last)].rstrip() if last else ""
                short_ok = ch in "?!" or (len(last) >= 5 and last.isalpha() and last.islower()) or (
                    words <= 3 and label.endswith((":", "—", "–")) and last.isalpha())
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


def opens_line(text: str, start: int) -> bool:
    """Whether the sentence at `start` is its line's first (after a list bullet, if any)."""
    begin = text.rfind("\n", 0, start) + 1
    if begin == start:
        return True
    bullet = _BULLET.match(text, begin, start + 1)
    return bullet is not None and bullet.end() == start


def opening_quote(s: str) -> int:
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


def cue_pattern(cue: str, script: str, bounded: frozenset[str] = frozenset()) -> str:
    """A cue as a regex. In Cyrillic each word of five letters or more is its stem with
    any ending ("России" -> "Росси\\w*": Россия, Россию, Россией; "Южная Корея" ->
    "Южн\\w* Коре\\w*"), so one form in the data finds every case of the name."""
    if script != "cyrillic":  # a country's one-letter prefix opens a word ("미 국방부")
        return (r"(?<![\w])" if cue in bounded and script == "hangul" else "") + re.escape(cue)
    words = []
    parts = cue.split()
    for i, word in enumerate(parts):
        stem = _ENDING.sub("", word) if len(word) >= 5 else word
        if len(word) < 5 and i and i == len(parts) - 1 and not word.isupper() \
                and len(_ENDING.sub("", word)) >= 2:
            # a short last word of a name declines too ("Юн Сук Ёль" -> "Юн Сук Ёля",
            # "Ким Чен Ын" -> "Ким Чен Ына"): its stem with a case ending
            words.append(re.escape(_ENDING.sub("", word)) + r"[\w'ʼ’-]{0,3}(?![\w])")
        elif len(stem) >= 4:
            words.append(re.escape(stem) + r"[\w'ʼ’-]*")
        else:
            words.append(re.escape(word))
    return r"\s+".join(words)


@cache
def compiled_cue(pattern: str) -> re.Pattern[str]:
    """A cue's regex, compiled once per process: an attributor is made for every text, and
    a language's hundreds of cue patterns overflow the re module's own cache."""
    return re.compile(pattern, re.IGNORECASE)


def cue_regex(cues: Iterable[str], script: str, bounded: frozenset[str] = frozenset()
            ) -> re.Pattern[str] | None:
    cues = sorted({c for c in cues if c.strip()}, key=len, reverse=True)
    if not cues:
        return None
    left = r"(?<![\w])" if script == "cyrillic" else ""
    return compiled_cue(left + "(?:" + "|".join(cue_pattern(c, script, bounded) for c in cues)
                     + ")")
