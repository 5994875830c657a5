"""Sentences that are not claims, however they read: notes on the document (its
translation, licence, delivery), offers to the reader, captions and signposts, lines that
point to a website or announce the event, reference entries and footnotes' own text."""

from __future__ import annotations

import re

# A line pointing the reader to a document, not a statement: "The listings are available
# on the Department's website", "For more information, visit ...".
SERVICE_NOTE = re.compile(r"(?i)\b(?:available (?:on|at|from)\b.{0,80}\b(?:website|web site|"
                          r"page|portal)|for (?:more|further) information|visit (?:www|http))")

# A sentence about the event itself, not a statement made at it.
EVENT_NOTE = re.compile(r"(?i)\b(?:briefing|press conference|transcript|translation|"
                        r"moderated|participants|held a|main points|as delivered|"
                        r"video|photo|watch)\b")

# A sentence that only announces what follows.
PREFACE = re.compile(r"\b(?:the following|as follows)\W*$", re.IGNORECASE)

# The writer's note on its sources, not a claim of any of them: "Figures are as reported
# by the named source; we do not endorse them.", "... have not been verified by us."
EDITORIAL_NOTE = re.compile(
    r"(?i)\b(?:do(?:es)? not endorse|not (?:been )?(?:independently )?(?:verified|checked) "
    r"by us|(?:reported|given|quoted) by the (?:named|cited|original|respective) sources?|"
    r"as the (?:named|cited|original|respective) sources? (?:reported|gave|published))\b")

# A note on the text itself, not a sentence of it.
DELIVERY_NOTE = re.compile(r"\W*(?:check against delivery|as delivered|as prepared for "
                           r"delivery|unofficial translation|transcript of the spoken word|"
                           r"speech as prepared)\W*$", re.IGNORECASE)

# A note about the document itself (its translation or licence), anywhere, even inside a
# turn: "This is a provisional translation.", "The original Japanese text prevails.",
# "Content on this site is available under the Creative Commons ... licence".
DOCUMENT_NOTE = re.compile(
   r"(?i)\b(?:(?:provisional|unofficial) (?:translation|transcript)|original \w+ (?:text|"
   r"version) (?:prevails|is authentic)|(?:text|version) (?:prevails|is authentic)|"
   r"creative commons|all rights reserved)\b")

# A line naming the document itself, with no verb of its own: "Joint press statement after
# the talks at the Bendlerblock.", "Joint statement by the Foreign Secretary and ...".
DOCUMENT_TITLE = re.compile(
    r"(?i)^\W*(?:joint\s+)?(?:press\s+)?(?:statement|readout|communiqu[ée]|declaration|"
    r"remarks|transcript|press release)\s+(?:by|of|after|following|from|on|at)\b"
    r"(?!.*\b(?:is|are|was|were|has|have|will|said|says)\b)")

# An offer to the reader, not a claim: "Get 15% off with code X", "become a paying member".
OFFER = re.compile(r"(?i)\b(?:off with (?:the )?code|promo code|discount code|become a "
                   r"(?:paying |paid )?(?:member|subscriber)|subscribe (?:now|today|for))\b")

# A caption ("Figure 1: Estimated transfers ...") or the text announcing itself ("This
# commentary assesses what each side has delivered"): the writer's signposts, not claims.
SIGNPOST = re.compile(r"\W*(?:(?:Figure|Fig\.|Table|Chart|Map|Graphic|Exhibit)\s+\d+[a-z]?\s*"
                      r"[:.–—-]|(?:This|The present)\s+(?:commentary|paper|report|article|"
                      r"brief|analysis|study|essay|chapter|section|piece)\s+(?:\w+ly\s+)?"
                      r"(?:assesses|examines|argues|explores|considers|reviews|describes|"
                      r"looks at|sets out|analy[sz]es)\b)")

# A reference entry, not a sentence of the text: '"Title," Outlet, February 18, 2025.',
# "TASS (2024), 'Title', 1 November 2024.", "Data from X, accessed April 2, 2025."
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?")

REFERENCE = re.compile(
   rf"(?:,\s*(?:accessed|retrieved|published|updated)?\s*(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|"
   rf"{_MONTH}\s+(?:\d{{1,2}},?\s+)?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}})\.?\s*$)|"
   r"^\W{0,3}[^.!?]{2,120}?\(\d{4}[a-z]?\)[,.]?\s*['‘\"“]|https?://|www\.")

FOOTNOTE = re.compile(r"\[\^?\d+\]:|[¹²³⁴⁵⁶⁷⁸⁹⁰]")  # a note's text ("1." may be a point)

NOTE = re.compile(r"\[\^?\d+\]:|\d{1,3}\.\s|[¹²³⁴⁵⁶⁷⁸⁹⁰]")  # a footnote's own text
