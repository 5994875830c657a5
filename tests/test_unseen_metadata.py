"""Metadata and cleaning on the labelled unseen pages (issue 9, items 1 and 6).

Both halves are imported through the real pipeline and scored by
benchmarks/quality_metadata.py. Thresholds apply to each half's pooled scores and sit a
few points under the scores measured on the frozen test half (2026-12-07, branch meta12,
with the 24 new dev pages _7/_8 merged): title 90.0, date 90.0, authors 96.7, publisher
86.7, body 99.3, furniture 97.0 (dev: 100/100/98.9/98.9/99.9/99.8).
Titles, dates and publishers are below the issue's targets (titles and dates >= 95 %,
publishers >= 90 %), body is below 100 %. The report lists the misses.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from quality_metadata import score  # noqa: E402

THRESHOLDS = {"title": 0.88, "date": 0.88, "authors": 0.94, "publisher": 0.84,
              "body": 0.98, "furniture": 0.95}


@pytest.mark.parametrize("half", ["dev", "test"])
def test_pooled_scores_hold(tmp_path: Path, half: str) -> None:
    result = score(half, tmp_path)
    pooled = result["pooled"]
    below = {f: (pooled[f], t) for f, t in THRESHOLDS.items() if pooled[f] < t}
    assert not below, f"{half} half below threshold (score, threshold): {below}"
    assert set(result["genres"]) >= {"briefing-transcript", "wire-story", "markdown-page"}
