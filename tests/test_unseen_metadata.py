"""Metadata and cleaning on the labelled unseen pages (issue 9, items 1 and 6).

Both halves are imported through the real pipeline and scored by
benchmarks/quality_metadata.py. Thresholds apply to each half's pooled scores and sit a
few points under the scores measured on it. Test half (2026-12-07, 42 pages: the 12 frozen
pages _9, written by a session that never read the rules, merged after the rules were
final): title 90.5, date 90.5, authors 97.6, publisher 73.8, body 97.7, furniture 95.7
(on the 30 pages before them: 90/90/96.7/86.7/99.3/97.0); publisher 81.0 after the
layout-variant rules of round 15 (floor raised from .71 to .78). Dev half (102 pages, rules
written with them): 100/100/100/98.0/100/100.
Titles, dates and publishers are below the issue's targets (titles and dates >= 95 %,
publishers >= 90 %), body is below 100 %. The report lists the misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from quality_metadata import score  # noqa: E402

# The dev authors threshold goes from .97 to .95 because the 10 new dev pages of round 14
# (suffix _11, merged from labels14, no ingest rule written for them yet) pull dev authors
# down to .964; the other dev fields hold.
# Round 15: the 10 dev pages of labels15 (suffix _12, merged into figures15, whose only ingest
# change is reading Markdown table rows) pull dev title to .951 and publisher to .943, the
# same with or without that change (body .987 -> .994 with it): the dev title and publisher
# floors go to .94 until a metadata round meets those pages. meta15 met them; with the ten
# _13 pages of labels16 too (no rule has seen them: 60/90/70/70/96.7/97.2 alone) dev is
# 97.0/99.2/97.0/97.0/99.3/99.2 and the floors sit just under it.
# Round 16: meta16 met the _13 pages; with the ten _14 pages of labels17 (no rule has seen
# them: 100/100/80/80/94.6/92.2 alone) dev is 100/100/98.6/97.2/99.5/98.9, test
# 90.5/90.5/97.6/83.3/97.7/95.7 (publisher was 81.0); the test floors move up under it.
# Round 18: meta18 met the _14 pages (100/100/100/90/100/99.2 alone); test
# 92.9/90.5/97.6/83.3/97.9/96.4. The ten _15 pages of labels18 (no rule has seen them:
# 70/90/80/70/99.1/94.2 alone at the round's end, furniture 93.7 on arrival) pull dev to
# 98.0/99.3/98.7/96.0/99.9/99.6; the floors sit under both halves.
# Round 19: meta19 (written against _1-_14 and its own probe pages; _15 its hold-out,
# 70/90/80/70/99.1/94.7 -> 80/90/80/70/99.5/95.3) and the scorer taking a publisher the
# app's publisher table names as the same body: test 92.9/95.2/97.6/88.1/97.9/96.5. The ten
# _16 pages of labels19 (no rule has seen them: 90/90/80/60/100/92.1 alone, on arrival and
# at the round's end) pull dev to 98.2/98.8/97.5/95.1/100/99.4: the dev authors and
# publisher floors go under that, the test date and publisher floors up.
THRESHOLDS = {
    "dev": {"title": 0.97, "date": 0.98, "authors": 0.97, "publisher": 0.94, "body": 0.99,
            "furniture": 0.99},
    "test": {"title": 0.92, "date": 0.94, "authors": 0.97, "publisher": 0.87, "body": 0.97,
             "furniture": 0.96},
}


@pytest.mark.parametrize("half", ["dev", "test"])
def test_pooled_scores_hold(tmp_path: Path, half: str) -> None:
    result = score(half, tmp_path)
    pooled = result["pooled"]
    below = {f: (pooled[f], t) for f, t in THRESHOLDS[half].items() if pooled[f] < t}
    assert not below, f"{half} half below threshold (score, threshold): {below}"
    assert set(result["genres"]) >= {"briefing-transcript", "wire-story", "markdown-page"}
