"""The README's performance table is the one generated from benchmarks/results."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import report  # noqa: E402


def test_readme_table_matches_the_results_files() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert report.readme_table(readme) == report.render(), (
        "README performance table is out of date: run `python benchmarks/report.py`")


def test_every_row_names_the_commit_its_figures_were_measured_at() -> None:
    table = report.render()
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    assert len(rows) > 5  # header + the rows of the results files in the repository
    for row in rows[1:]:
        file = row.rsplit("[", 1)[1].split("]")[0]
        data = json.loads((report.RESULTS / file).read_text(encoding="utf-8"))
        run = data.get("run")
        if run:
            assert run["commit"] in row and run["date"] in row
        else:
            assert "not recorded" in row


def test_quality_summary_matches_the_scorers_results() -> None:
    import quality_summary

    recorded = (ROOT / "benchmarks" / "results" / "quality.md").read_text(encoding="utf-8")
    assert recorded == quality_summary.summary(), (
        "benchmarks/results/quality.md is out of date: run `python benchmarks/quality_summary.py`")
    claims = json.loads((report.RESULTS / "quality_claims.json").read_text(encoding="utf-8"))
    assert claims["context"]["commit"] in recorded  # each score says where it was measured
