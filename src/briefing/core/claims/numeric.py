"""Numeric claims: figures with their unit and what they count.

"as many as 15,000 North Korean troops" -> figure 15000, unit troops, subject
"North Korean troops", qualifier "as many as". Only figures followed by a known noun
(or a currency / percent sign) count; years, dates, distances and bare numbers do not.
Figures written in words ("some nine thousand soldiers", "a thousand engineers") are read
with text2num, the maintained number-words parser (English grammar of units, tens, scales
and "and"); ranges ("10,000–12,000", "between 3,000 and 4,000") give a value and
`value_high`. Vocabulary lives in resources/claims/numeric.toml.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from briefing.core.claims.cues import CueMatcher, normalise
from briefing.core.claims.figure_aspect import counted_aspect
from briefing.core.claims.figure_sources import figure_sources, writers_aside
from briefing.core.claims.numbers import CURRENCY_SIGNS, RANGE, Num, find_numbers, scaled
from briefing.core.claims.numeric_languages import foreign_numeric_claims
from briefing.core.claims.numeric_nouns import (
    captured,
    collective,
    counts_one,
    in_table,
    is_source,
    per_period,
    share_owner,
    taken,
)
from briefing.core.claims.numeric_predicate import predicate
from briefing.core.claims.numeric_rules import NumericRules, numeric_rules
from briefing.core.claims.numeric_words import (
    CURRENCY_WORD,
    ELIDED_BACK,
    OFFER,
    TOKEN,
    bare_dollars,
    clause_start,
    counted_side,
    currency_word,
    first_nationality,
    force_size,
    is_year,
    nationality_at,
    noun_before,
    page_dollar,
    qualifier_at,
    read_noun,
    side_noun_before,
    stat_line_noun,
    words_after,
)
from briefing.core.models import NumericClaim

# What a share is of: up to three words after "of", a figure among them not counted
# ("70 percent of the shells", "half of the 1.5 million shells").
_SCALE_WORDS = frozenset({"hundred", "thousand", "million", "billion", "bn", "m"})
_SHARE_OF = re.compile(r"(?:\s+(?:per\s+cent|percent))?\s+of\s+((?:(?:\d[\d,.]*(?:\s?(?:hundred|"
                       r"thousand|million|billion|bn|m))?\s+)?[\w'-]+\s?){1,3})", re.IGNORECASE)
_OTHER_SCRIPT = re.compile(r"[\u0400-\u052f\uac00-\ud7af\u4e00-\u9fff]")
_TRAILING = frozenset({"for", "of", "in", "the", "a", "an", "to", "and", "or", "on", "at", "by"})
_NOT_SUBJECT = frozenset({"is", "are", "was", "were", "has", "have", "had", "been", "will",
                          "would", "could", "may", "might", "came", "come", "comes", "now",
                          "that", "which", "who", "whom", "from", "in", "to", "since"})
_MONEY_WORDS = ("military aid", "aid", "weapons", "arms", "loan", "cash", "payment", "gdp",
                "munitions", "assistance", "sanctions", "revenue", "exports", "imports")


def _local_dollar(rules: NumericRules, page: str, text: str, num: Num, after: int) -> str:
    """A bare "$" (or "dollars" after the figure ending at `after`) in a sentence about a country with its own dollar ("Canada has committed
    more than $19.5 billion") is that dollar, else the dollar of the `page`'s country
    (`page_dollar`); otherwise, and for "US$"/"USD", US dollars."""
    if not (text[num.start:num.start + 1] == "$" or bare_dollars(text, after)) or \
            not rules.dollar_rx:
        return "usd"  # "US$", "USD", "US dollars"
    lo = clause_start(text, num.start)
    m = rules.dollar_rx.search(text, lo, num.start)
    if m is None and rules.us_rx is not None and rules.us_rx.search(text, lo, num.start):
        return "usd"  # "The U.S. has given $60 billion" on a page about Canada
    return rules.dollars[m.group().lower()] if m else page_dollar(rules, page) or "usd"


def numeric_claims(text: str, start: int = 0, end: int | None = None,
                   perspectives: Iterable[str] = (), ellipsis: bool = True,
                   sources: CueMatcher | None = None) -> list[NumericClaim]:
    """Figures with a unit in text[start:end]; offsets are into `text`.

    `ellipsis`: a figure whose noun is left out ("about 3,000 more", "roughly 3,000, of
    whom some 300 were killed") counts what the figure just before it counted.
    `sources`: the perspectives' cues; given, a figure of a passage with several
    perspectives is the side that reports it (`figure_sources`)."""
    rules = numeric_rules()
    end = len(text) if end is None else end
    base = start
    norm = normalise(text[start:end])  # work on the passage only: offsets + base
    start, end = 0, len(norm)
    keys = list(perspectives)
    out: list[NumericClaim] = []
    numbers = find_numbers(norm, rules, start, end,
                           lambda at: counts_one(rules, norm, at, end))
    skip: set[int] = set()
    carried: dict[int, int] = {}  # a figure continuing the one before ("; of these, 7,887")
    wholes: set[int] = set()  # "of the 11,000 troops": the whole a part is counted from
    for i, num in enumerate(numbers):
        if i in skip:
            continue
        part = i + 1 < len(numbers) and not numbers[i + 1].cur and not numbers[i + 1].pct \
            and _PART_OF.fullmatch(norm, num.end, numbers[i + 1].start) is not None
        if part:
            wholes.add(i + 1)
        if _SOME_OF.search(norm, max(0, num.start - 30), num.start):
            wholes.add(i)  # "most of the 11,000 troops were killed": the whole, not losses
        high = None
        after = num.end
        nxt = numbers[i + 1] if i + 1 < len(numbers) else None
        if nxt is not None:
            link = RANGE.fullmatch(norm, num.end, nxt.start)
            if link is not None and (link.group().strip().lower() != "and" or _BETWEEN.search(
                    norm, max(0, num.start - 30), num.start)):
                # "11,000 to 12,000 soldiers", "between $5.5 billion and $6 billion"
                high, after = nxt.value, nxt.end
                skip.add(i + 1)
                factor = rules.scales.get(nxt.scale.lower(), 1.0) if nxt.scale else 1.0
                if num.scale is None and num.value * factor <= nxt.value:
                    # "four to six million": the low end in the high end's scale (not "a few
                    # hundred to a thousand", nor "11,000 to twelve thousand")
                    num = Num(num.start, num.end, scaled(num.value, factor), num.cur, num.pct,
                              nxt.scale)
        figure = num.value
        nationality = None
        cur = num.cur or currency_word(norm, after)
        if OFFER.match(norm, after) and (num.pct or cur) and figure < 1000 and high is None \
                and qualifier_at(rules, norm, num.start) is None:
            continue  # "15% off", "€5 a month": a price or a discount, not a claim
        if num.pct or re.match(r"\s+(?:per\s+cent|percent)\b", norm[after:after + 12],
                               re.IGNORECASE):
            unit = "percent"
            tail = _SHARE_OF.match(norm, after, end)
            # "three quarters of the 11,000 troops": "the troops", not "the 11"
            words = [w for w in tail.group(1).split()
                     if not w[0].isdigit() and w.lower() not in _SCALE_WORDS] if tail else []
            cut = next((i for i, w in enumerate(words) if w.lower() in _NOT_SUBJECT), len(words))
            words = words[:cut]  # "70 percent of the shells came from": "the shells"
            while words and words[-1].lower() in _TRAILING:
                words.pop()
            subject = share_owner(norm, num.start, " ".join(words) or "percent")
            unit_text = re.match(r"\s+(?:per\s+cent|percent)", norm[after:after + 12], re.I)
            after += unit_text.end() if unit_text else 0
        elif cur:
            if out and out[-1].unit in CURRENCY_SIGNS.values() and re.fullmatch(
                    r"\s*\(\s*(?:or\s+|about\s+|around\s+)?", norm[out[-1].end - base:num.start]):
                continue  # "US$20 billion (S$25.7 billion)": the same sum converted
            unit = _local_dollar(rules, text, norm, num, after) if cur == "usd" else cur
            word_cur = CURRENCY_WORD.match(norm, after)
            if word_cur is not None and not num.cur:
                after = word_cur.end()
            window = norm[max(start, num.start - 80):min(end, after + 80)].lower()
            word = next((w for w in _MONEY_WORDS if re.search(rf"\b{w}\b", window)), "money")
            nationality = first_nationality(rules, norm, clause_start(norm, num.start),
                                             num.start)
            subject = word
        else:
            read = read_noun(rules, norm, after, end, one=figure == 1) or stat_line_noun(
                rules, norm, num.start, after, end)  # "11,000: North Korean troops ..."
            elided = False
            if read is None and part and nxt is not None:
                # "about 1,000 of the 11,000 troops were killed": the part counts what the
                # whole counts, and the losses said of them are the part's
                read = _part_of(rules, norm, nxt, after, end, out)
                elided = read is not None
            if read is None:
                read = in_table(rules, text, base, num, after)
                elided = read is not None  # its column says what it counts
            if read is None:
                read = predicate(rules, norm, num, after)
            if read is None:
                read = collective(rules, norm, num, after)
            if read is None and ellipsis:
                read = _elided(text, base, norm, num, after, out)
                elided = True  # its unit is settled: "killed ... out of 15,000 sent"
                if read is not None and out and rules.continuation_rx is not None and \
                        rules.continuation_rx.search(norm, max(0, num.start - 60), num.start):
                    carried[len(out)] = len(out) - 1
            if read is None:
                continue
            unit, subject, nationality, noun_end = read
            if i in wholes and elided and unit == "casualties" and not part:
                unit, subject = "troops", "troops"  # "1,000 of the 11,000 have been killed"
            if unit in ("troops", "people", "casualties") and elided and \
                    captured(rules, norm, num.start, after, after):
                # "Ukraine also says it has captured two of them"
                unit, subject = taken(unit)
            if unit == "people" and words_after(rules, norm, noun_end) & rules.serving_words:
                # "126 Indian nationals had served in the Russian army": men under arms
                unit, subject = "troops", "troops"
            elif unit == "people" and words_after(rules, norm, noun_end) & rules.fled_words:
                subject = "refugees"  # "110,000 Ukrainians who have fled the war"
            if unit in ("troops", "people") and not elided and i not in wholes:
                tail_words = words_after(rules, norm, noun_end)
                lead = _OTHER_CLAUSE.split(norm[max(start, num.start - 40):num.start].lower())[-1]
                if captured(rules, norm, num.start, after, noun_end):
                    unit, subject = taken(unit)
                elif (tail_words & rules.casualty_words and not _PART_LOST.match(
                        norm, noun_end, min(end, noun_end + 60))) or \
                        any(re.search(rf"\b{re.escape(w)}\b", lead) for w in rules.casualty_lead):
                    unit, subject = "casualties", "casualties"
                elif _LOSSES_BEFORE.search(norm[max(start, num.start - 100):num.start]):
                    # "Russian losses ... have exceeded 770,000 personnel"
                    unit, subject = "casualties", "casualties"
                elif unit == "troops" and force_size(rules, norm, num.start, noun_end):
                    # "North Korea has 1.28 million active military personnel": its whole
                    # forces, not a deployment to line up with the troops it sends
                    subject = rules.strength_subject
            if nationality is None:
                origin = _FROM.match(norm, noun_end)  # "11,000 servicemen from the DPRK"
                nat = nationality_at(rules, norm, origin.end() if origin else noun_end + 1) \
                    if noun_end < end else None
                nationality = nat[0] if nat else counted_side(
                    rules, norm, clause_start(norm, num.start), num.start,
                    captives=subject == "prisoners")
            if not elided and unit in _PERSONS and ellipsis:
                again = _named_before(text, base, norm, num)
                if again is not None:  # "the two men": the two counted before
                    unit, subject, nationality = again.unit, again.subject, ""
            if unit in rules.source_units and is_source(rules, norm, num, noun_end):
                continue  # "according to two officials briefed on the meeting": who speaks
        # "" : named already; "production of Russian shells": what the things counted are
        label = counted_aspect(rules, text, base, norm, num.start, after, unit, nationality,
                               subject)
        label = per_period(rules, norm, after, label)
        out.append(NumericClaim(
            figure=figure, text=text[base + num.start:base + after].strip(), unit=unit,
            subject=label, start=base + num.start, end=base + after,
            perspectives=list(keys), qualifier=qualifier_at(rules, norm, num.start),
            value_high=high))
    if _OTHER_SCRIPT.search(norm):  # "11 тисяч військових", "1만1천여명", "一万一千名"
        out.extend(foreign_numeric_claims(text, base, base + len(norm), keys))
    if sources is not None:
        out = figure_sources(text, base, base + len(norm), out, sources)
        for i, j in carried.items():
            # "Russian statistics show that 13,221 ... entered Russia; of these, 7,887
            # declared study": a figure continuing another, with no source of its own in its
            # clause, is the side of the figure it continues
            if out[i].perspectives == keys and out[j].perspectives != keys:
                out[i] = replace(out[i], perspectives=list(out[j].perspectives))
    aside = writers_aside(norm) if keys else None
    if aside is not None:  # the writer's words about the speaker: the writer's figures
        out = [replace(c, perspectives=[]) if aside[0] <= c.start - base and
               c.end - base <= aside[1] else c for c in out]
    return out


# "between 3,000 and 4,000", "between roughly 3,000 and 4,000": a range's "and"
_BETWEEN = re.compile(r"\bbetween\s+(?:(?:about|around|roughly|approximately|some|an\s+estimated|"
                      r"perhaps|nearly|almost)\s+)?$", re.IGNORECASE)
_LOST_BEFORE = re.compile(r"\b(?:lost|losing|killed|wounded|injured)\s+(?:[a-z]+\s+){0,2}$",
                          re.IGNORECASE)
_FROM = re.compile(r"\s+from\s+(?:the\s+)?(?=\S)", re.IGNORECASE)


# After a group counted, a loss of a part of it: "sent up to 15,000 soldiers and lost 4,000 of
# them" (the 15,000 are troops; the 4,000 are the losses).
_PART_LOST = re.compile(r"[^.;:]*?\b(?:lost|killed|wounded|losing|injured)\s+(?:[\w,.-]+\s+){1,3}?"
                        r"of\s+(?:them|those|these)\b", re.IGNORECASE)


# A clause of its own before a figure: "... has been killed, but the survivors, perhaps
# 10,000 men": the casualty word before "but" does not make the men casualties.
_OTHER_CLAUSE = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b")


_ELIDED_TAIL = re.compile(  # (a closing quotation mark first: '"tens of thousands" more')
    r"[\"”’']?\s*(?:more\b|others\b|of\s+(?:them|whom|those|which)\b|in\s+(?:all|total)\b|altogether\b|"
    r"(?:figure|estimate|number|count|tally|mark)\b|"
    r"(?:were|had|have|are|was)\s+(?:been\s+)?(?:killed|wounded|injured|sent|deployed|captured|"
    r"taken\s+(?:alive|prisoner|captive))\b|(?:cited|given|reported|claimed|estimated|counted)\s+by\b|[,.;)]|$)", re.IGNORECASE)
_NUMBER_AT = re.compile(
    r"\b(?:put|puts|putting|estimated|estimates|placed|places|pegged|pegs|set)\s+(?:the|its|their)"
    r"\s+(?:number|figure|total|count|tally|estimate)\s+at\s+(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
_CASUALTY_AFTER = re.compile(r"killed|wounded|injured|dead|casualt|missing", re.IGNORECASE)
_KILLED = re.compile(r"[\"”’']?\s+(?:were|have\s+been|had\s+been)\s+(?:killed|wounded|injured)\b",
                     re.IGNORECASE)
_ELIDED_VERB = re.compile(r"\s+(?:were|was|are|had|have|remain|remained|remains)\b",
                          re.IGNORECASE)


def _elided(text: str, base: int, norm: str, num: Num, after: int,
            earlier: list[NumericClaim]) -> tuple[str, str, str | None, int] | None:
    """Unit and subject for a figure whose noun is left out, from the figure before it."""
    if num.cur or is_year(norm, num):
        return None  # money has its sign; a bare year is not a count
    rules = numeric_rules()
    if not earlier and _KILLED.match(norm, after):
        return "casualties", "casualties", None, after  # '"several hundred" had been killed'
    following = TOKEN.match(norm, after + 1) if after < len(norm) else None
    if not earlier and following is not None and following.group().lower() in rules.deployed:
        return "troops", "troops", None, after  # "about 11,000 deployed in the first wave"
    if _NUMBER_AT.search(norm, max(0, num.start - 60), num.start):
        # "the NIS put the number at about eleven thousand": the people counted just before;
        # "US officials said 1,000 North Korean soldiers had been killed, while Zelensky put
        # the total at 4,000": the figure before, with no other noun named since, says what
        # the total counts (casualties, and whose)
        last = earlier[-1] if earlier else _figure_before(text, base)
        noun = noun_before(rules, text, base + num.start,
                           since=_past(rules, text, last, base + num.start))
        if noun is None and last is not None and last.unit not in CURRENCY_SIGNS.values() \
                and last.unit != "percent":
            return last.unit, last.subject, "", after
        if noun is not None:
            return noun[0], noun[1], None, after
    tail = _ELIDED_TAIL.match(norm, after)
    # "34 drones, including 14 over Kursk", "74 railcars, compared with around 30"
    continued = bool(earlier) and rules.continuation_rx is not None and \
        rules.continuation_rx.search(norm, max(0, num.start - 60), num.start) is not None
    # ("103 drones were shot down and 68 were lost": the same noun; "...North Korean soldiers.
    # The Pentagon said that about 10,000 had arrived": a qualified figure as the subject of
    # its verb counts what the passage before counted)
    if tail is None and not continued and not (
            (earlier or qualifier_at(rules, norm, num.start) or _opens(norm, num))
            and _ELIDED_VERB.match(norm, after)):
        return None
    before = earlier[-1] if earlier else _figure_before(text, base)
    said = tail.group().strip(" \t\n\"”’'").lower() if tail is not None else ""
    if re.search(r"\b(?:captured|taken)\b", said) and (before is None or before.unit in _PERSONS):
        # "only two had been taken alive": men taken, whatever the figure before counted
        return ("people" if before is not None and before.unit == "people" else "troops"), \
            "troops", None, after
    if tail is not None and said.startswith("of"):
        # "supplying men: some eleven thousand of them": the people named since the figure
        # before, if any, are the ones counted
        since = _past(rules, text, before, base + num.start)
        # "60 of them": what was named since the figure before; a noun after a preposition
        # does not displace that figure's ("about 11,000 North Korean soldiers ... training
        # with Russian units. ... up to 15,000 of them": the soldiers, not the units)
        named = side_noun_before(rules, text, base + num.start, since, units=(),
                                 objects=before is None)
        noun = named[0] if named is not None else None
        # whose: the side of the group counted ("North Korean soldiers ... 100 of them")
        # (not the side of the officials who speak: "U.S. officials estimated that more
        # than 1,000 of them had been killed")
        side = named[1] if named is not None and noun is not None and \
            noun[0] not in rules.source_units else _side_of(rules, before)
        if (_CASUALTY_AFTER.search(norm, after, after + 40) or _LOST_BEFORE.search(
                norm, max(0, num.start - 30), num.start)) and (
                noun is not None or before is None or before.unit in _PERSONS):
            # "1,000 of them were killed", "some 2,000 of those killed or wounded", "sent
            # 15,000 soldiers and lost 4,000 of them"
            return "casualties", "casualties", side, after
        if noun is not None:
            return noun[0], noun[1], side, after
    if before is None and tail is not None and _KILLED.match(norm, after):
        return "casualties", "casualties", None, after  # "two thousand were killed"
    if before is None and tail is not None:
        noun = noun_before(rules, text, base + num.start) if said.startswith(
            ("of", "figure", "estimate", "number", "count", "tally", "mark")) else None
        if noun is not None:  # "some eleven thousand of them": the soldiers named before
            return noun[0], noun[1], None, after
    if before is None or before.unit == "percent" or before.unit in CURRENCY_SIGNS.values():
        return None
    unit, subject = before.unit, before.subject
    if _CASUALTY_AFTER.search(norm, after, after + 40):
        return "casualties", "casualties", None, after
    if unit == "casualties" and (following is not None and following.group().lower(
            ) in rules.deployed | rules.serving_words | _STILL or _deployed_before(
                rules, norm, num.start)):
        # "4,700 casualties out of 15,000 sent"; "...; total deployed estimated at 15,000";
        # "Twelve ... have lost their lives. Eighteen remain in the Russian army"
        return "troops", "troops", None, after
    return unit, subject, "", after  # the subject names its side already


def _past(rules: NumericRules, text: str, claim: NumericClaim | None, pos: int) -> int | None:
    """Where the words named since a figure begin: past its own noun ("1.28 million active
    military personnel, with 1.1 million of them": nothing named since the personnel)."""
    if claim is None:
        return None
    own = read_noun(rules, text, claim.end, pos)
    return own[3] if own is not None else claim.end


def _side_of(rules: NumericRules, claim: NumericClaim | None) -> str | None:
    """The side a figure's subject names ("North Korean troops": North Korean), or None."""
    if claim is None:
        return None
    return next((side for side in sorted(set(rules.nationality.values()), key=len, reverse=True)
                 if claim.subject.startswith(side + " ")), None)


def _figure_before(text: str, base: int) -> NumericClaim | None:
    """The last figure counted in the text just before a passage starting at `base`."""
    lo = max(0, base - ELIDED_BACK)
    found = numeric_claims(text, lo, base, ellipsis=False) if base > 0 else []
    return found[-1] if found else None


_SOME_OF = re.compile(r"\b(?:most|many|some|all|part|none|few|several|dozens|hundreds|"
                      r"thousands)\s+of\s+(?:the|those|these|its|their)\s+$", re.IGNORECASE)
_PART_OF = re.compile(r"\s+of\s+(?:the|those|these|its|their)\s+", re.IGNORECASE)


def _part_of(rules: NumericRules, norm: str, whole: Num, after: int, end: int,
             earlier: list[NumericClaim]) -> tuple[str, str, str | None, int] | None:
    """Unit of a part counted from a whole ("1,000 of the 11,000 troops were killed": 1,000
    casualties; "3,000 of the 12,000 sent": troops), from the whole's noun, else from the
    figure before."""
    read = read_noun(rules, norm, whole.end, end)
    if read is not None:
        unit, subject, nationality, noun_end = read
    elif earlier:
        unit, subject, nationality, noun_end = earlier[-1].unit, earlier[-1].subject, "", \
            whole.end
    else:
        unit, subject, nationality, noun_end = "troops", "troops", None, whole.end
    if unit in ("troops", "people") and (
            words_after(rules, norm, noun_end) & rules.casualty_words
            or _CASUALTY_AFTER.search(norm, noun_end, noun_end + 40)):
        return "casualties", "casualties", nationality, after
    return unit, subject, nationality, after


_PERSONS = frozenset({"troops", "people", "prisoners", "casualties"})
_THE = re.compile(r"\b(?:the|these|those)\s+$", re.IGNORECASE)
_AGAIN_BACK = 600  # characters searched for the group "the two men" names again


def _named_before(text: str, base: int, norm: str, num: Num) -> NumericClaim | None:
    """The group a definite count names again ("...Two North Korean soldiers captured by
    Ukrainian forces... Kyiv is ready to hand the two men over"): the last figure of the
    same value counted before, in the passage or the text just before it."""
    if num.value < 2 or not _THE.search(norm, max(0, num.start - 8), num.start):
        return None
    lo = max(0, base + num.start - _AGAIN_BACK)
    same = [c for c in numeric_claims(text, lo, base + num.start, ellipsis=False)
            if c.figure == num.value and c.start >= lo]
    return same[-1] if same else None


_STILL = frozenset({"remain", "remains", "remained"})  # men still where they were sent


def _opens(norm: str, num: Num) -> bool:
    """Does a figure in words open its sentence, as its subject ("Eighteen remain in the
    Russian army")? A sentence does not open with a figure in digits."""
    return not norm[:num.start].strip(" \"“'‘") and norm[num.start:num.start + 1].isalpha()


def _deployed_before(rules: NumericRules, norm: str, pos: int) -> bool:
    """A word for troops sent in the figure's own clause just before it ("total deployed
    estimated at 15,000")."""
    lead = norm[max(0, pos - 40):pos]
    lead = re.split(r"[;:,.()]", lead)[-1]
    return any(w.lower() in rules.deployed for w in TOKEN.findall(lead))


_LOSSES_BEFORE = re.compile(
    r"\b(?:losses|casualties|death toll|casualty count|killed and wounded|killed or wounded|"
    r"dead and wounded)\b[^.;:]{0,80}?\b(?:exceeded|exceed|"
    r"exceeds|reached|reach|reaches|stood at|stand at|stands at|totalled|totaled|topped|"
    r"amounted to|amount to|amounts to|rose to|risen to|is|are|were|was)\s+"
    r"(?:[a-z]+\s+){0,2}$", re.IGNORECASE)
