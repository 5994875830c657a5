"""Propose highlights: sentences that attribute a claim, with the speaker's perspectives."""

from __future__ import annotations

import re
from collections.abc import Iterable

from briefing.core.claims.attribution import Attributor, Speaker
from briefing.core.claims.cited import headline_outlet, headline_source, key_figure_source
from briefing.core.claims.cues import matcher_for
from briefing.core.claims.handles import post_cards
from briefing.core.claims.headings import (
    _ABOUT_POST,
    _POST_HEADER,
    _POST_LEAD,
    headline_speakers,
    initials,
)
from briefing.core.claims.home import (
    home_side,
    is_government_body,
    is_official,
    is_writer,
)
from briefing.core.claims.not_claims import (
    DELIVERY_NOTE,
    DOCUMENT_NOTE,
    DOCUMENT_TITLE,
    EDITORIAL_NOTE,
    EVENT_NOTE,
    FOOTNOTE,
    NOTE,
    OFFER,
    PREFACE,
    REFERENCE,
    SERVICE_NOTE,
    SIGNPOST,
)
from briefing.core.claims.numeric import numeric_claims
from briefing.core.claims.page_voice import WE, page_voice
from briefing.core.claims.quotes import (
    SIGNATURE,
    attribution_line,
    dash_attributions,
    quote_runs,
    said_once,
    spread_quotations,
)
from briefing.core.claims.script_rules import dominant_script
from briefing.core.claims.script_suggest import suggest_in_script
from briefing.core.claims.sentences import TRAILER, Sentence, paragraphs, split_sentences
from briefing.core.claims.statement_voice import (
    HEADING_WORDS,
    QUOTE_TEXT,
    asserted,
    background_heading,
    home_official,
    states_position,
    unnamed,
)
from briefing.core.claims.tables import SEP, Row, table_row
from briefing.core.claims.turns import Turn, TurnResolver, find_turns, turn_of
from briefing.core.models import Perspective, Suggestion

MIN_WORDS = 3  # shorter "sentences" are headings or fragments
MIN_FIGURE_WORDS = 5  # an unattributed figure in fewer words is a price tag or a caption
MAX_CHARS = 1500
_TERMINAL = tuple(".!?\"”’'…)")  # longer ones are run-together page furniture, not a sentence
_HEADING_NOISE = re.compile(r"^\s*(?:\d{1,2}[.)]\s*|[#*>-]+\s*)|\([^)]*\)|[*_#\[\]]")
# "thousands of", "millions of": a figure to compare when someone states it, but not a
# claim of its own when the writer uses it unattributed.
_VAGUE_FIGURE = re.compile(r"(?:tens|hundreds|dozens|scores|thousands|millions|billions|several|"
                           r"a\s+few|a\s+couple)\b", re.IGNORECASE)
# A run-in head: a short capitalised name ending with a full stop ("Two Majors.",
# "Defence Intelligence of Ukraine (HUR).").
_RUN_IN = re.compile(r"(?:[A-Z][\w'’&-]*\.?(?:\s+|$)|(?:of|the|and|for)\s+|\([A-Z]{2,8}\)\s*){1,7}"
                     r"\.?")
# A source cited at the end of a sentence or list item: "(NIS)", "(Source: HUR)", "— JCS".
_CITED = re.compile(r"(?:\((?:source:\s*|sources:\s*|via\s+|per\s+)?(?P<who>[A-Z][^()]{1,60})\)|"
                    r"\s[—–]\s(?P<dash>[A-Z][^—–.]{1,40}))\W*$", re.IGNORECASE)
# A figure's source named before a colon, as a list of estimates gives it ("NIS (Seoul):
# about 11,000 deployed", "General Staff of Ukraine: more than 4,000 killed").
_CITED_LEAD = re.compile(r"\W{0,4}(?P<who>[A-Z][^:.;!?\n\d]{1,50}?)(?P<dash>)\s*:\s+(?=\S)")
# A live blog's time stamp before a post heading ("17:15 — ", "9:40 a.m. - ").
_POST_TIME = re.compile(r"^\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*[—–-]\s*", re.IGNORECASE)
# A line that names a person ("Quotes attributable to Senator the Hon Jane Roe, Minister
# for ...", "Remarks by Prime Minister John Doe"): a name is two capitalised words in a row.
_NAMED_LINE = re.compile(r"(?:\b(?:attributable to|from|by)\s+)?(?P<who>(?:the\s+)?"
                         r"[A-Z][\w'’.-]*(?:\s+(?:the\s+)?[A-Z][\w'’.-]*)+)")
# "We, the Foreign Ministers of ..., condemn": the issuers speak, whoever the list ends with.
_WE_OPENS = re.compile(r"\W*We,\s")
# "We note the assessment of X that ...": the issuer's own sentence relays X's words.
_WE_LEAD = re.compile(r"\W*(?:We|Our|I)\s")
# Verbs that report speech outright (a question that reports them states a claim).
_REPORTING = frozenset({"said", "says", "told", "claimed", "claims", "reported", "estimated",
                        "announced", "confirmed", "stated", "warned", "according to",
                        "denied", "assessed", "wrote", "posted"})
_FIRST_PERSON = frozenset({"i", "we", "he", "she", "they", "us", "me"})


# official bodies the English rule's words do not name (for pages in other scripts only)
_OFFICIAL_SERVICES = re.compile(r"\b(?:intelligence service|joint chiefs of staff|security "
                                r"service|intelligence directorate|defence intelligence)\b",
                                re.IGNORECASE)


def suggest_claims(text: str, perspectives: Iterable[Perspective],
                   title: str = "", publisher: str = "") -> list[Suggestion]:
    """Attributed-claim sentences of `text`, sorted by start offset.

    Each suggestion's perspectives come from who is speaking (several when several
    speakers are named); `cue` is the cue that decided them, None when the speaker
    matched no perspective (the sentence is still suggested). In a transcript every
    sentence of an answer turn is suggested for the turn's speaker; `title` and
    `publisher` help to name a speaker labelled only by role ("SPOKESPERSON:", "A:").
    """
    script = dominant_script(text)
    if script is not None:  # Ukrainian, Russian, Korean, Chinese: rules per language
        # a government body's own page (its ministry, its intelligence service) says what
        # has no speaker of its own: the publisher's side, as for English pages
        side = (home_side(matcher_for(list(perspectives)), publisher, title)
                if publisher and (is_official(publisher, title)
                                  or _OFFICIAL_SERVICES.search(publisher)) else None)
        return suggest_in_script(text, script, perspectives, title, issuer_side=side,
                                 issuer_name=publisher)
    matcher = matcher_for(list(perspectives))
    spans = paragraphs(text)
    voice = page_voice(matcher, text, title, publisher, spans)
    home, official, issuer = voice.home, voice.official, voice.issuer
    outside, dateline, writer = voice.outside, voice.dateline, voice.writer
    attributor = Attributor(matcher)
    attributor.learn(text)
    if official and home is not None:
        attributor.issuer = Speaker.of_side(publisher or home[1], home, "issuer")
    sentences = split_sentences(text)
    turns = find_turns(text, sentences=sentences)
    resolver = TurnResolver(matcher, text, title, turns, publisher=publisher,
                            home=home) if turns else None
    out: list[Suggestion] = []
    intro: tuple[int, list[Speaker], bool] | None = None
    runs = quote_runs(text, spans)
    run_of = {p: (a, z) for a, z in runs for p in range(a, z + 1)}
    by_line: dict[int, list[Speaker]] = {}
    signed: dict[int, Speaker] = {}
    for number, signer in dash_attributions(text, spans).items():
        sp = attributor.name(signer, spans[number][1])
        if sp.perspectives:
            signed[number] = sp
    cards = post_cards(text, spans)  # posts embedded as cards: the poster says all of each
    for number, (name, at) in cards.items():
        signed[number] = attributor.name(name, at)
    for a, z in runs:
        under = attribution_line(text, spans, z + 1)
        if under is not None:
            sp = attributor.name(under, spans[z + 1][0])
            if sp.perspectives:
                by_line[a] = [sp]
    post: Speaker | None = None  # who posted the paragraphs under a post header
    lead: tuple[int, Speaker] | None = None  # a paragraph opening with its poster
    background = False  # under a "Background" heading of a statement
    for index, sent in enumerate(sentences):
        if len(sent.text) > MAX_CHARS:
            continue
        turn = turn_of(turns, sent) if turns else None
        if turn is None and not _ends(sent.text) and len(sent.text.split()) <= HEADING_WORDS:
            background = background_heading(sent.text)  # a section heading: is it
            # "Background" / "Notes to editors" (facts recalled, not the issuer's position)?
        key = key_figure_source(sent.text) if turn is None else None
        if key is not None:
            # "15,000: North Korean troops sent to Russia, per South Korea's NIS": a
            # key-figures item is its cited source's figure
            sp = attributor.name(key[0], sent.start + key[1])
            if sp.perspectives:
                out.append(_suggestion(sent, [sp.again("cited", sent.start, sent.end)]))
                continue
        if turn is None and (sent.paragraph >= len(spans) or sent.end >= spans[
                sent.paragraph][1] - 1) and sent.start == _para_start(spans, sent.paragraph):
            header = _POST_HEADER.fullmatch(sent.text)
            if header is not None:
                who = header.group("who") or header.group("handle") or header.group("named")
                who, colon, said = who.partition(":")  # "09:40 — Pentagon: about 9,000 ..."
                post = attributor.name(who, sent.start)
                post.verb = "post"
                if colon and post.perspectives and numeric_claims(text, sent.start, sent.end):
                    # A post heading giving its source's figure is that source's figure.
                    out.append(_suggestion(sent, [post.again("cited", sent.start, sent.end)]))
                if post.perspectives:
                    attributor.ctx.remember(post, sent.paragraph, index)
                continue
        if turn is None and sent.start == _para_start(spans, sent.paragraph):
            opened = _POST_LEAD.match(sent.text)
            lead = None
            if opened is not None and opened.end() < len(sent.text):
                # '@handle (Threads): "Our soldiers ..."': the paragraph is the poster's post
                poster = attributor.name(opened.group("who"), sent.start)
                poster.verb = "post"
                lead = (sent.paragraph, poster)
                attributor.ctx.remember(poster, sent.paragraph, index)
        if DOCUMENT_NOTE.search(sent.text) or OFFER.search(sent.text) or \
                turn is None and (SIGNPOST.match(sent.text) or DOCUMENT_TITLE.match(sent.text)):
            continue
        if turn is not None and turn.answer and resolver is not None:
            suggestion = _answer(attributor, resolver, turn, sent, index)
            if suggestion is not None:
                out.append(suggestion)
            continue
        if turn is None and SEP in sent.text:
            row = table_row(text, sent.start, sent.end)
            if row is not None:  # a table row: its figures, stated by its source cell
                if row.header is not None and (_states_figure(text, sent) or (
                        row.source() is not None and numeric_claims(text, sent.start, sent.end))):
                    # (a vague figure counts when its row names who gives it: "White House |
                    # several hundred")
                    out.append(_row_suggestion(attributor, row, sent))
                continue
        spoken = sent  # what is attributed: a question's words without its label
        if turn is not None and sent.start <= turn.label_end:
            attributor.ctx.last = None  # a new turn: earlier speakers are not "he" here
            if turn.label_end < sent.end:
                spoken = Sentence(turn.label_end, sent.end, text[turn.label_end:sent.end],
                                  sent.paragraph)
        if turn is not None and turn.question and sent.text.rstrip("\"”’' ").endswith("?"):
            # A journalist's question is not a statement, but speech it reports is ("...the
            # Chinese Foreign Ministry, which said on Monday that ...?").
            reported = [sp for sp in attributor.attribute(spoken, index, labels=False)
                        if sp.perspectives and sp.verb in _REPORTING
                        and sp.text.lower() not in ("you", "your", "we", "i")]
            if reported:
                out.append(_suggestion(sent, reported))
            elif _states_figure(text, sent):
                # "...how many of those 4,000 casualties are killed?": the figure the
                # question takes as given is still one to compare, with no side
                out.append(_figure_suggestion(sent))
            continue
        if len(sent.text.split()) < MIN_WORDS:
            if turn is None and not _ends(sent.text):
                _heading_speaker(attributor, sent, index)  # "Russian channels"
            elif turn is None and issuer is not None and issuer.perspectives and \
                    sent.text.rstrip().endswith((".", "!")) and \
                    not sent.text.startswith(("(", "[")) and \
                    any(w[:1].islower() for w in sent.text.split()):  # not "Washington, D.C."
                # "Good morning." opening a doorstep is its speaker's, as every sentence is
                out.append(_suggestion(sent, [issuer.again("issuer", sent.start, sent.end)]))
            continue
        if turn is None and PREFACE.search(sent.text) and not sent.text.rstrip().endswith(":"):
            continue  # "The Ministry of Defence of Ukraine states the following."
        if turn is None and sent.text.rstrip().endswith(":"):
            # 'X posted on X:' then the post as a quoted paragraph: the post is X's; a line
            # that only names the poster ("Andrii Sybiha (@andrii_sybiha), Ukraine's foreign
            # minister:") introduces the paragraph under it.
            said = attributor.attribute(sent, index)
            line = sent.text.rstrip().rstrip(":")
            framed = attributor.frame_speaker(sent, index) if not said and \
                len(line.split()) > MIN_FIGURE_WORDS and sent.end >= _para_end(
                    spans, sent.paragraph) and not WE.search(line) else None
            if framed is not None:
                # "The Chinese Embassy in the United States struck a similar note:": the
                # line frames the words below it as its subject's, and says so itself
                out.append(_suggestion(sent, [framed]))
                intro = (sent.paragraph, [framed], True)
                continue
            if not said and len(line.split()) <= 16 and sent.start == _para_start(
                    spans, sent.paragraph) and not WE.search(line):
                named = attributor.name(line, sent.start)
                said = [named] if named.perspectives else []
                intro = (sent.paragraph, said, True) if said else None
                quoted = run_of.get(sent.paragraph + 1)
                who = _NAMED_LINE.search(line)
                if not said and who is not None and quoted is not None and \
                        quoted[0] == sent.paragraph + 1:
                    # "Quotes attributable to Senator Jane Roe, Minister for X:" over quoted
                    # paragraphs: they are hers even when she is of no side of ours.
                    intro = (sent.paragraph, [Speaker(
                        line[who.start("who"):], [], None, "line", sent.start,
                        sent.end)], False)
            else:
                # "The president wrote:", "X put it this way on 16 December:" ending its
                # paragraph: the paragraph under it is the text said, quoted or not
                below = sent.end >= _para_end(spans, sent.paragraph)
                intro = (sent.paragraph, said, below) if said else None
                if any(sp.verb in _REPORTING - {"posted"} or sp.verb.startswith("issued the following")
                       for sp in said) and len(line.split()) >= MIN_FIGURE_WORDS or \
                        below and any(sp.perspectives for sp in said) and \
                        len(line.split()) > MIN_FIGURE_WORDS:
                    # "Igor Lapin claimed that more than 50,000 were ready to come:", "the
                    # MFA Spokesperson said:": the line reports its speaker's words itself;
                    # so does a sentence that frames the words below as its speaker's ("John
                    # Kirby put it this way on 16 December:", "Sybiha posted shortly after
                    # the parade began:"), not a bare pointer ("Andrii Sybiha posted:")
                    out.append(_suggestion(sent, said))
            continue
        if turn is None and sent.text.startswith(("(", "[")) and \
                TRAILER.sub("", sent.text).rstrip(" .").endswith((")", "]")):
            continue  # an editorial note: "(Transcript of the spoken word)", "(As delivered)"
        if turn is None and REFERENCE.search(sent.text):
            # a reference entry (a source cited), not a statement; a figure in the headline
            # it cites is the headline's source's ('Yonhap, "NIS: about 2,000 ...", 2025.')
            headline = headline_source(sent.text)
            if headline is not None and numeric_claims(text, sent.start, sent.end):
                sp = attributor.name(headline[0], sent.start + headline[1])
                outlet = headline_outlet(sent.text) if not sp.perspectives else None
                if outlet is not None:  # "...: defense ministry," Yonhap News Agency
                    sp = Speaker.like(attributor.name(outlet[0], sent.start + outlet[1]),
                                      sp.text, sp.verb, sp.start, sp.end)
                if sp.perspectives:
                    out.append(_suggestion(sent, [sp.again("cited", sent.start, sent.end)]))
            continue
        if turn is None and sent.paragraph in signed and SIGNATURE.search(sent.text):
            sp = signed[sent.paragraph]  # '"... The world must respond." — Andrii Sybiha'
            out.append(_suggestion(sent, [sp.again("signed", sent.start, sent.end)]))
            continue
        # a line of key numbers ("15,000: North Korean troops sent ..., per the NIS") is a
        # statement of its figure, not a heading, though it has no full stop
        listed = turn is None and (_list_item(text, spans, sent) or _STAT_LINE.match(
            sent.text) is not None and bool(numeric_claims(text, sent.start, sent.end)))
        if not _ends(sent.text) and not listed:
            # A headline, caption or teaser, not a sentence of the story; a heading that
            # names a source ("2. UKRAINE'S AIR FORCE (Telegram)") is who "it" is below.
            _heading_speaker(attributor, sent, index)
            said = headline_speakers(attributor, sent, index, text) if turn is None else []
            if said:
                out.append(_suggestion(sent, said))
                continue
            stamp = _POST_TIME.match(sent.text) if turn is None else None
            source = _CITED_LEAD.match(sent.text, stamp.end()) if stamp is not None else None
            if source is not None and numeric_claims(text, sent.start, sent.end):
                # A live blog's post heading giving a source's figure ("17:15 — Pentagon:
                # about 10,000 North Korean troops now in Russia") is that source's figure.
                sp = attributor.name(source.group("who"), sent.start)
                if sp.perspectives:
                    out.append(_suggestion(sent, [sp.again("cited", sent.start, sent.end)]))
            post = None  # a heading ends the post above it
            continue
        if turn is None and _RUN_IN.fullmatch(sent.text) and sent.start == _para_start(
                spans, sent.paragraph):
            # A run-in head ("Russian Ministry of Defence." before the paragraph about its
            # channel) names who "the channel" and "it" are in its paragraph.
            _heading_speaker(attributor, sent, index)
            continue
        if turn is None and EDITORIAL_NOTE.search(sent.text):
            continue  # the writer on its sources: "Figures are as the cited sources gave them"
        if turn is None and DELIVERY_NOTE.match(sent.text):
            continue  # "Check against delivery!", "As prepared for delivery"
        speakers = [sp for sp in attributor.attribute(spoken, index, labels=turn is None)
                    if not is_writer(sp.text, writer)]
        for sp in speakers:
            if not sp.perspectives and official and home is not None and \
                    home_official(sp.text):
                # "Presidential Aide Yury Ushakov" in the Kremlin's own readout: an
                # official of no other stated side is the issuing government's
                sp.perspectives, sp.cue = [home[0]], home[1]
                for name in attributor._names(sp.text, 0, len(sp.text)):
                    attributor.ctx.names.setdefault(name, sp)  # a later "Veldkamp said"
            local = home or dateline
            if not sp.perspectives and local is not None and unnamed(sp.text):
                # "a senior presidential official" in a national news agency's story, or
                # "one senior official" in a story datelined "SEOUL —", is an official of
                # the agency's own country or of the dateline's.
                sp.perspectives, sp.cue = [local[0]], local[1]
                # who the quotation after it continues
                attributor.ctx.remember(sp, sent.paragraph, index)
        if not speakers and official and home is not None and issuer is None and \
                turn is None and states_position(sent.text, home[0]):
            # "The Netherlands continues its support ...", "The government has earmarked
            # ..." in that government's own page: the document's voice states its position.
            speakers = [Speaker.of_side(publisher or home[1], home, "issuer", sent.start,
                                        sent.end)]
        if not speakers and official and home is not None and issuer is None and \
                turn is None and WE.search(QUOTE_TEXT.sub(" ", sent.text)):
            # "We call on ..." in a ministry's or council's own statement: the issuer speaks.
            speakers = [Speaker.of_side(publisher or home[1], home, "we", sent.start,
                                        sent.end)]
            attributor.ctx.remember(speakers[0], sent.paragraph, index)
        if speakers and issuer is not None and issuer.perspectives and turn is None and \
                issuer.verb != "publisher" and not background and \
                run_of.get(sent.paragraph) is None and (
                    not any(sp.perspectives for sp in speakers) or
                    _WE_OPENS.match(sent.text) or _WE_LEAD.match(sent.text)):
            # The issuer says a sentence of its statement that names no other side, or that
            # it opens in its own voice ("We note the assessment of X that ...", "I spoke
            # with X, and he told me ..."), with the speech it reports; a sentence that
            # reports another side's words ("The Kremlin called the reports \"fakes\".",
            # "According to Ukrainian intelligence, ...") is that side's.
            speakers = [issuer.again("issuer", sent.start, sent.end), *speakers]
        if not speakers and turn is None:
            cited = _CITED.search(sent.text) or _CITED_LEAD.match(sent.text)
            who = cited.group("who") or cited.group("dash") if cited is not None else None
            if cited is not None and who and numeric_claims(text, sent.start, sent.end):
                # A figure with its source after it: "11,000 troops in Kursk (NIS).",
                # "(Source: HUR)" (not "Defence Intelligence of Ukraine (HUR)"); or before
                # it, as a table of estimates lists them: "NIS (Seoul): about 11,000 ..."
                sp = attributor.name(who, sent.start + cited.start())
                if sp.perspectives:
                    speakers = [sp.again("cited", sent.start, sent.end)]
        if not speakers and issuer is not None and turn is None and not background and (
                issuer.perspectives or outside and asserted(sent.text)) and \
                not (issuer.verb == "publisher" and EVENT_NOTE.search(sent.text)) and \
                not FOOTNOTE.match(sent.text) and not SERVICE_NOTE.search(sent.text):
            speakers = [issuer.again("issuer", sent.start, sent.end)]
        if sent.paragraph in signed and turn is None and (sent.paragraph in cards or not any(
                sp.perspectives for sp in speakers)):
            sp = signed[sent.paragraph]  # a post signed by the dash line under it
            speakers = [sp.again("signed", sent.start, sent.end)]
        run = run_of.get(sent.paragraph)
        if not speakers and intro is not None and run is not None and \
                run[0] in _quoted_block(run_of, intro[0] + 1):
            # 'X issued the following statement:' and the statement, quoted over one or
            # several paragraphs in a row
            speakers = intro[1]
        if not speakers and intro is not None and intro[2] and sent.paragraph == intro[0] + 1:
            speakers = intro[1]  # the post under the line naming its poster
        elif not speakers and intro is not None and listed and sent.paragraph > intro[0]:
            speakers = intro[1]  # the items of a list under "Lithuania will:"
        if not speakers and run is not None and run[0] in by_line:
            speakers = by_line[run[0]]  # a quoted block, then the line naming its speaker
        if not speakers and run is not None and official and home is not None and \
                turn is None and is_government_body(publisher) and \
                run[0] == sent.paragraph and not by_line and intro is None:
            # A quotation set apart and signed by nobody on a government body's own page
            # (under "Quote"): its own official's words, of its side.
            speakers = [Speaker.of_side(publisher, home, "quote", sent.start, sent.end)]
        if not speakers and lead is not None and lead[0] == sent.paragraph and turn is None:
            speakers = [lead[1].again("post", sent.start, sent.end)]
        if post is not None and post.perspectives and turn is None:
            for sp in speakers:
                if not sp.perspectives and re.fullmatch(r"[A-Z]{2,6}", sp.text) and \
                        sp.text == initials(post.text):
                    sp.perspectives, sp.cue = list(post.perspectives), post.cue  # "USFK said"
            if not speakers and (_ABOUT_POST.match(sent.text) or len(post.text.split()) > 1
                                 and sent.text.split()[0] == post.text.split()[-1]):
                post = None  # the writer on the post or its poster: "The post did not ..."
            elif not speakers:  # the post's own words: "Our military detected ..."
                speakers = [post.again("post", sent.start, sent.end)]
        if speakers and attributor.meeting is not None and turn is None:
            speakers = [attributor.meeting]  # "X spoke with Y to reaffirm ...": both say it
        if turn is None and sent.text.rstrip("\"”’' ").endswith("?") and not any(
                sp.verb != "label" and sp.text.lower() not in ("who", "whose", "what", "which")
                for sp in speakers):
            continue  # the writer's question ("How many shells, by whose count?", "China:
            # partner or neighbour?") asserts nothing; a question it reports someone asking does
        if speakers:
            out.append(_suggestion(sent, speakers))
        elif not NOTE.match(sent.text) and _states_figure(text, sent):
            # A figure the writer states without a source is still a claim to compare
            # ("about 11,000 deployed"): suggested with no perspective.
            out.append(_figure_suggestion(sent))
    return said_once(spread_quotations(text, sentences, out))


def _states_figure(text: str, sent: Sentence) -> bool:
    """Does the sentence state a figure worth comparing (not "thousands of", not a caption)?"""
    return len(sent.text.split()) >= MIN_FIGURE_WORDS and any(
        not _VAGUE_FIGURE.match(c.text) for c in numeric_claims(text, sent.start, sent.end))


def _row_suggestion(attributor: Attributor, row: Row, sent: Sentence) -> Suggestion:
    """A table row stating figures: its source cell's statement ("2024-12-19 | South Korea,
    NIS | about 12,000"), or the writer's figures when the table names no source."""
    cell = row.source()
    if cell is None:
        return _figure_suggestion(sent)
    return _suggestion(sent, [attributor.name(cell.text, cell.start).again(
        "cited", sent.start, sent.end)])


def _figure_suggestion(sent: Sentence) -> Suggestion:
    """A sentence suggested for the figure it states, with no speaker and no perspective."""
    return Suggestion(start=sent.start, end=sent.end, quote=sent.text, perspectives=[],
                      cue=None, speaker=None, verb="figure")


_ITEM_END = re.compile(r"(?:[;,]|;\s+and|,\s+and|;\s+or)\s*$")


_STAT_LINE = re.compile(r"[*•·\s-]*(?:(?:about|around|some|roughly|approximately|more than|"
                        r"over|nearly|almost|up to|at least)\s+)?[$€£]?\d[\d,.–-]*"
                        r"(?:\s?(?:thousand|million|billion|bn|m|k|%|percent|per cent))?:\s+\S",
                        re.IGNORECASE)


def _list_item(text: str, spans: list[tuple[int, int]], sent: Sentence) -> bool:
    """Is the sentence an item of a list under a line that ends with a colon ("Lithuania
    will:" then "continue to provide ..., including 0.25 per cent of its GDP ...;"): a whole
    paragraph ending with ";" or "," (or lower-case words with no stop), the paragraph above
    it the colon line or an item itself?"""
    number = sent.paragraph
    if not (0 < number < len(spans)) or sent.start != spans[number][0] or \
            text[sent.end:spans[number][1]].strip():
        return False
    body = TRAILER.sub("", sent.text).rstrip()
    if not (_ITEM_END.search(body) or (body[:1].islower() and not _ends(body))):
        return False
    above = TRAILER.sub("", text[spans[number - 1][0]:spans[number - 1][1]]).rstrip()
    return above.endswith(":") or bool(_ITEM_END.search(above))


def _para_end(spans: list[tuple[int, int]], number: int) -> int:
    return spans[number][1] if 0 <= number < len(spans) else -1


def _para_start(spans: list[tuple[int, int]], number: int) -> int:
    return spans[number][0] if 0 <= number < len(spans) else -1


def _heading_speaker(attributor: Attributor, sent: Sentence, index: int) -> None:
    """A short heading that names a side becomes the speaker "it" and "the channel" mean."""
    if len(sent.text.split()) <= 12 and not sent.text.rstrip().endswith(("?", ":")):
        attributor.note_heading(_HEADING_NOISE.sub(" ", sent.text), sent, index)


def _ends(text: str) -> bool:
    """Does the text end like a sentence (footnote markers and emphasis aside)?"""
    return TRAILER.sub("", text).rstrip().endswith(_TERMINAL)


def _suggestion(sent: Sentence, speakers: list[Speaker]) -> Suggestion:
    keys: list[str] = []
    cue = None
    for sp in speakers:
        for key in sp.perspectives:
            if key not in keys:
                keys.append(key)
        if sp.perspectives and cue is None:
            cue = sp.cue
    main = next((sp for sp in speakers if sp.perspectives), speakers[0])
    return Suggestion(start=sent.start, end=sent.end, quote=sent.text, perspectives=keys,
                      cue=cue, speaker=main.text, verb=main.verb)


def _answer(attributor: Attributor, resolver: TurnResolver, turn: Turn, sent: Sentence,
            index: int) -> Suggestion | None:
    """A sentence of an answer turn: a statement by the turn's speaker."""
    if not turn.speaker:
        resolver.resolve(turn)
    start = max(sent.start, turn.label_end) if sent.start <= turn.label_end < sent.end \
        else sent.start
    if sent.end <= turn.label_end or not sent.text.strip():
        return None
    if not _ends(sent.text) and sent.paragraph != turn.first_paragraph:
        return None  # a heading inside the turn ("On sanctions"), not a sentence
    own = Speaker.like(turn, turn.speaker, "turn", start, sent.end)
    if sent.text.startswith(("(", "[")) and TRAILER.sub("", sent.text).rstrip(" .").endswith(
            (")", "]")):
        return None  # "(The briefing was concluded at 2:04 p.m.)"
    # Speakers the answer reports ("the Chinese Foreign Ministry said ..."); "we", "our
    # forces", "they" only when they add a side the briefer's own turn does not have.
    reported = [sp for sp in attributor.attribute(sent, index)
                if sp.perspectives and sp.start >= start and sp.verb != "quote"
                and not ((sp.text.lower() in _FIRST_PERSON or sp.text.lower().startswith(
                    ("our ", "my ", "we ", "i "))) and set(sp.perspectives) <= set(
                        turn.perspectives))]
    if not reported:
        other = _they_other_side(attributor, turn, sent)
        if other is not None:
            reported = [other]
    attributor.ctx.remember(own, sent.paragraph, index)
    return _suggestion(sent, [own, *reported])


_THEY_SAID = re.compile(r"(?:\W*\w+,\s+)?[Tt]hey\s+(?:have\s+|had\s+)?(?:also\s+|publicly\s+|"
                        r"repeatedly\s+)?(?:said|say|told|claimed|claim|stated|announced|"
                        r"confirmed|reported|denied|insisted)\b")


def _they_other_side(attributor: Attributor, turn: Turn, sent: Sentence) -> Speaker | None:
    """'I'd refer you to the Ukrainians. They have said they captured two soldiers': in an
    answer, "they" who say something are the one other side the sentence before names
    (not the briefer's own side)."""
    said = _THEY_SAID.match(sent.text)
    if said is None:
        return None
    text = attributor._text
    start = max(turn.label_end, text.rfind(".", 0, max(0, sent.start - 2)) + 1)
    named = {c.key: c.cue for c in attributor._find(text, start, sent.start)
             if c.key not in turn.perspectives}
    if len(named) != 1:
        return None
    key, cue = next(iter(named.items()))
    return Speaker("they", [key], cue, "said", sent.start, sent.start + said.end())


def _quoted_block(run_of: dict[int, tuple[int, int]], first: int) -> set[int]:
    """First paragraphs of the quotations that follow one another from paragraph `first`."""
    out: set[int] = set()
    run = run_of.get(first)
    while run is not None and run[0] == first:
        out.add(first)
        first = run[1] + 1
        run = run_of.get(first)
    return out
