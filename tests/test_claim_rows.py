"""Claims you can trust: stored rows with stable ids, honest statuses, corrections used
everywhere (the comparison, the CLI and the note's comparison table)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.core.claims.status import apart_in_time, judge, source_key
from briefing.core.errors import ClaimError
from briefing.core.export.selection import BriefingSpec, build_content
from briefing.core.maintenance import replace_article_text
from briefing.core.models import ComparisonEntry
from briefing.core.store.articles import NewArticle
from briefing.core.suggestions import library_comparisons
from briefing.core.workspace import Workspace

US = "The Pentagon said 10,000 North Korean troops had arrived in Russia."
UA = "Budanov said up to 12,000 North Korean troops are training near Kursk."
KR = "Seoul's spy agency said 15,000 North Korean troops were sent."


def entry(figure: float, article: int, *, qualifier: str | None = None,
          published: str | None = None, source: str = "") -> ComparisonEntry:
    return ComparisonEntry(figure, f"{figure:,.0f}", [], article, "q", qualifier=qualifier,
                           published=published, source=source or f"article:{article}")


# -- the status rules -----------------------------------------------------------------------

def test_overlapping_qualifiers_and_ranges_do_not_disagree() -> None:
    a, b = entry(12000, 1, qualifier="up to"), entry(10000, 2)
    assert judge([a, b]) == "agree" and a.status == b.status == "agree"
    assert judge([entry(11000, 1, qualifier="at least"), entry(10000, 2)]) == "disagree"
    assert judge([entry(10000, 1, qualifier="about"), entry(10400, 2)]) == "agree"
    ranged = entry(10000, 1)
    ranged.value_high = 12000
    assert judge([ranged, entry(11500, 2)]) == "agree"


def test_agreement_needs_independent_sources() -> None:
    same = [entry(800, 1, source="publisher:bloomberg"), entry(800, 2, source="publisher:bloomberg")]
    assert judge(same) == "single"
    assert [e.status for e in same] == ["single", "single"]
    assert source_key("The Economist", None, 3) == source_key("economist", "https://x.org", 9)
    assert source_key(None, "https://www.reuters.com/world/x", 1) == "site:reuters.com"
    assert source_key(None, None, 7) == "article:7"
    three = [entry(800, 1, source="publisher:bloomberg"), entry(800, 2, source="publisher:bloomberg"),
             entry(800, 3, source="publisher:reuters")]
    assert judge(three) == "agree"


def test_one_source_in_one_voice_does_not_disagree_with_itself() -> None:
    # Two figures one source gives for a subject in one voice (a total and a part, two dates)
    # are not "sources disagree"; the same outlet quoting two sides, or a second source, is.
    own = [entry(800, 1, source="publisher:bloomberg"), entry(3000, 2, source="publisher:bloomberg")]
    assert judge(own) == "single"
    assert [e.status for e in own] == ["single", "single"]
    own[0].perspectives = ["north_korean"]
    assert judge(own) == "single"  # the writer's own figure beside a side's is no contradiction
    sides = [entry(30, 1, source="publisher:bloomberg"), entry(1000, 1, source="publisher:bloomberg")]
    sides[0].perspectives, sides[1].perspectives = ["ukrainian"], ["us"]
    assert judge(sides) == "disagree"
    other = [*own, entry(10000, 3, source="publisher:reuters")]
    assert judge(other) == "disagree"
    assert [e.status for e in other] == ["disagree"] * 3


@pytest.mark.parametrize(("a", "b", "changed"), [
    ("2024-11-01", "2024-12-15", True),   # 44 days apart
    ("2024-11-01", "2024-11-20", False),  # a week or three apart is not "over time"
    ("2024-10", "2024-12", True),         # 31 Oct to 1 Dec at the least
    ("2024-10", "2024-11", False),        # may be a day apart
    ("2023", "2024-11-01", False),        # year-only never counts
    ("2023", "2024", False),
    (None, "2024-11-01", False),          # undated never counts
])
def test_changed_over_time_needs_day_or_month_dates_a_month_apart(a, b, changed) -> None:
    assert apart_in_time(a, b) is changed
    status = judge([entry(10000, 1, published=a), entry(12000, 2, published=b)])
    assert status == ("changed" if changed else "disagree")


def test_a_contradiction_outweighs_a_change_and_excluded_figures_do_not_count() -> None:
    rows = [entry(10000, 1, published="2024-09-01"), entry(12000, 2, published="2024-11-20"),
            entry(15000, 3, published="2024-11-25")]
    assert judge(rows) == "disagree"
    assert [e.status for e in rows] == ["changed", "disagree", "disagree"]
    rows[2].excluded = True
    assert judge(rows) == "changed"


# -- stored rows in a workspace -------------------------------------------------------------

def add(ws: Workspace, name: str, publisher: str, published: str | None, text: str) -> int:
    return ws.articles.add(NewArticle(
        title=name, text=text, text_hash=name, source_file=f"{name}.txt", original_hash=name,
        format="txt", publisher=publisher, published=published, words=len(text.split())))


@pytest.fixture
def three(workspace_dir: Path):
    ws = Workspace.open(workspace_dir)
    ids = [add(ws, "us", "Reuters", "2024-11-01", US), add(ws, "ua", "Kyiv Independent",
                                                         "2024-11-03", UA),
           add(ws, "kr", "Yonhap", "2024-11-04", KR)]
    for aid, text in zip(ids, (US, UA, KR), strict=True):
        ws.highlights.add(aid, text, 0, len(text), perspectives=[])
    yield ws, ids
    ws.close()


def _troops(ws: Workspace, **kw) -> list[ComparisonEntry]:
    [row] = [r for r in library_comparisons(ws, **kw) if r.unit == "troops"]
    return row.entries


def test_rows_are_stored_with_ids_that_last_across_restarts_and_re_cleaning(
        three, workspace_dir: Path) -> None:
    ws, (us, ua, kr) = three
    first = {e.article_id: e.claim_id for e in _troops(ws)}
    assert None not in first.values() and len(set(first.values())) == 3
    ws.close()
    ws = Workspace.open(workspace_dir)
    assert {e.article_id: e.claim_id for e in _troops(ws)} == first
    # Re-cleaning moves the text: the row follows its figure and keeps its id.
    replace_article_text(ws, ua, "Kursk, 3 November.\n\n" + UA)
    moved = next(e for e in _troops(ws) if e.article_id == ua)
    assert moved.claim_id == first[ua]
    assert ws.articles.get(ua).text[moved.start:moved.end] == "12,000"
    assert len(ws.claims.rows()) == 3
    ws.close()


def test_a_correction_is_kept_and_used_by_the_comparison(three, workspace_dir: Path) -> None:
    ws, (us, ua, kr) = three
    entries = _troops(ws)
    assert [(e.text, e.status) for e in entries] == [
        ("10,000", "disagree"), ("12,000", "disagree"), ("15,000", "disagree")]
    korea = next(e for e in entries if e.article_id == kr)
    ws.claims.correct(korea.claim_id, fixed_figure=10000.0, fixed_perspectives=["south_korean"])
    entries = _troops(ws)
    fixed = next(e for e in entries if e.article_id == kr)
    assert [e.status for e in entries] == ["agree"] * 3  # 10,000, 10,000 and "up to 12,000"
    assert (fixed.text, fixed.article_text, fixed.corrected) == ("10,000", "15,000",
                                                                 ["figure", "perspectives"])
    assert fixed.perspectives == ["south_korean"] and fixed.status == "agree"
    # Excluded: out of the comparison (and back in on request).
    ws.claims.correct(korea.claim_id, excluded=True)
    assert kr not in {e.article_id for e in _troops(ws)}
    assert kr in {e.article_id for e in _troops(ws, include_excluded=True)}
    ws.claims.correct(korea.claim_id, excluded=False, fixed_subject="Korean People's Army")
    rows = {r.subject: r for r in library_comparisons(ws)}
    assert [e.article_id for e in rows["Korean People's Army"].entries] == [kr]
    # It survives a restart and a re-cleaning of the article.
    ws.close()
    ws = Workspace.open(workspace_dir)
    replace_article_text(ws, kr, "Seoul.\n\n" + KR)
    rows = {r.subject: r for r in library_comparisons(ws)}
    [kept] = rows["Korean People's Army"].entries
    assert kept.claim_id == korea.claim_id and kept.text == "10,000"
    ws.close()


def test_corrections_are_refused_with_a_reason(three) -> None:
    ws, _ids = three
    claim_id = _troops(ws)[0].claim_id
    with pytest.raises(ClaimError, match="unknown perspective"):
        ws.claims.correct(claim_id, fixed_perspectives=["martian"])
    with pytest.raises(ClaimError, match="number"):
        ws.claims.correct(claim_id, fixed_figure=-3.0)
    with pytest.raises(ClaimError, match="empty"):
        ws.claims.correct(claim_id, fixed_subject="  ")
    with pytest.raises(ClaimError, match="no claim #999"):
        ws.claims.correct(999, excluded=True)


def test_the_notes_comparison_table_follows_a_correction(three) -> None:
    ws, (us, ua, kr) = three
    spec = BriefingSpec(title="Troops")
    [row] = build_content(ws, spec).comparisons
    assert row.verdict == "Sources differ" and "15,000 [3]" in " ".join(row.cells)
    korea = next(e for e in _troops(ws) if e.article_id == kr)
    ws.claims.correct(korea.claim_id, fixed_figure=11000.0)
    [row] = build_content(ws, spec).comparisons
    assert row.verdict == "Sources differ"  # 10,000 and 11,000
    ws.claims.correct(korea.claim_id, fixed_figure=10000.0)
    [row] = build_content(ws, spec).comparisons
    assert "10,000 [3]" in " ".join(row.cells) and "15,000" not in " ".join(row.cells)
    assert row.verdict == "Consistent"
    ws.claims.correct(korea.claim_id, excluded=True)
    [row] = build_content(ws, spec).comparisons
    assert "[3]" not in " ".join(row.cells)


# -- command line -------------------------------------------------------------------------------

def test_cli_claims_rows_carry_id_date_status_and_can_be_corrected(
        three, workspace_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws, (us, ua, kr) = three
    ws.close()
    base = ["--workspace", str(workspace_dir)]
    assert main([*base, "claims", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["text"], r["published"], r["status"]) for r in rows] == [
        ("10,000", "2024-11-01", "disagree"), ("12,000", "2024-11-03", "disagree"),
        ("15,000", "2024-11-04", "disagree")]
    ids = [r["id"] for r in rows]
    assert all(isinstance(i, int) for i in ids)
    korea = ids[2]
    assert main([*base, "claims", "edit", str(korea), "--figure", "10,000",
                 "--perspective", "South Korean"]) == 0
    assert "corrected: figure, perspectives" in capsys.readouterr().out
    assert main([*base, "claims", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["id"] for r in rows) == sorted(ids)  # same rows, now ordered by figure
    [fixed] = [r for r in rows if r["id"] == korea]
    assert (fixed["figure"], fixed["article_figure"], fixed["perspectives"], fixed["status"]) == (
        10000.0, "15,000", ["South Korean"], "agree")
    assert main([*base, "claims", "edit", str(korea), "--exclude"]) == 0
    capsys.readouterr()
    assert main([*base, "claims", "--json"]) == 0
    assert korea not in [r["id"] for r in json.loads(capsys.readouterr().out)]
    assert main([*base, "claims", "--all", "--json"]) == 0
    assert [r["status"] for r in json.loads(capsys.readouterr().out)
            if r["id"] == korea] == ["excluded"]
    assert main([*base, "claims", "edit", str(korea), "--include", "--reset"]) == 0
    capsys.readouterr()
    assert main([*base, "claims", "edit", str(korea), "--figure", "lots"]) == 2
    assert "'lots' is not a figure" in capsys.readouterr().err
    assert main([*base, "claims", "edit", "999", "--exclude"]) == 1
    assert "no claim #999" in capsys.readouterr().err
    assert main([*base, "claims", "edit", str(korea), "--perspective", "Martian"]) == 2
    assert "unknown perspective 'Martian'" in capsys.readouterr().err
    assert main([*base, "claims"]) == 0
    out = capsys.readouterr().out
    assert f"#{korea}" in out and "15,000" in out and "2024-11-04" in out


def test_deleting_an_article_and_undoing_it_keeps_its_rows_and_corrections(three) -> None:
    from briefing.core.deletion import delete_articles, restore_articles

    ws, (us, ua, kr) = three
    korea = next(e for e in _troops(ws) if e.article_id == kr)
    ws.claims.correct(korea.claim_id, fixed_figure=10000.0)
    deleted = delete_articles(ws, [kr])
    assert kr not in {e.article_id for e in _troops(ws)}
    restore_articles(ws, deleted)
    back = next(e for e in _troops(ws) if e.article_id == kr)
    assert (back.claim_id, back.text, back.corrected) == (korea.claim_id, "10,000", ["figure"])


def test_recorrect_gives_what_a_full_comparison_gives(three) -> None:
    from briefing.core.claim_rows import recorrect

    ws, (us, ua, kr) = three
    before = library_comparisons(ws, include_excluded=True)
    ids = {e.article_id: e.claim_id for e in _troops(ws)}
    ws.claims.correct(ids[kr], fixed_figure=10000.0, fixed_subject="NK troops")
    ws.claims.correct(ids[us], excluded=True, fixed_perspectives=["us"])

    def view(rows):
        return [(r.subject, r.status, [(e.claim_id, e.text, e.article_text, e.status, e.excluded,
                                        e.perspectives, e.corrected) for e in r.entries])
                for r in rows]

    assert view(recorrect(ws, before)) == view(library_comparisons(ws, include_excluded=True))
    assert view(recorrect(ws, before, include_excluded=False)) == view(library_comparisons(ws))


def test_cli_claims_beside_the_app_shows_the_ids_the_app_stored(
        three, workspace_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws, _ids = three  # the app holds the workspace for writing
    base = ["--workspace", str(workspace_dir), "claims", "--json"]
    assert main(base) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [None] * 3
    stored = sorted(e.claim_id for e in _troops(ws))  # the app computed the comparison
    assert main(base) == 0
    assert sorted(r["id"] for r in json.loads(capsys.readouterr().out)) == stored
    assert main(["--workspace", str(workspace_dir), "claims", "edit", str(stored[0]),
                 "--exclude"]) == 2
    assert "another Briefing window" in capsys.readouterr().err
