"""Quality of claim suggestion against hand-labelled attributed claims.

Labels: tests/data/claim_labels.toml (the five sample articles and three invented ones).
Recall = labelled claims suggested with exactly the labelled perspectives.
Precision = suggestions that are labelled claims.
Run directly (`python tests/test_claim_quality.py`) to see every miss and false alarm.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives
from briefing.core.resources import resource

DATA = Path(__file__).parent / "data"
RECALL_TARGET = 0.85
PRECISION_TARGET = 0.80


@dataclass
class Score:
    labelled: int = 0
    found: int = 0  # labelled and suggested with the right perspectives
    suggested: int = 0
    correct: int = 0  # suggestions that are labelled claims
    misses: list[str] = field(default_factory=list)
    false_alarms: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.labelled if self.labelled else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.suggested if self.suggested else 1.0


def load_labels() -> list[dict]:
    return tomllib.loads((DATA / "claim_labels.toml").read_text(encoding="utf-8"))["article"]


def article_text(entry: dict) -> str:
    """The article body: the raw file cut to the labelled body (as cleaning would)."""
    name = entry["file"]
    path = DATA / name if "/" in name else resource("corpus", name)
    raw = path.read_text(encoding="utf-8")
    start = raw.index(entry["body_start"]) if "body_start" in entry else 0
    end = raw.index(entry["body_end"], start) + len(entry["body_end"]) if "body_end" in entry \
        else len(raw)
    return raw[start:end]


def evaluate(entries: list[dict] | None = None) -> Score:
    perspectives = load_default_perspectives()
    score = Score()
    for entry in entries or load_labels():
        text = article_text(entry)
        suggestions = suggest_claims(text, perspectives)
        spans = []
        for claim in entry["claim"]:
            pos = text.find(claim["text"])
            assert pos >= 0, f"label not in {entry['file']}: {claim['text']!r}"
            spans.append((pos, pos + len(claim["text"]), sorted(claim["perspectives"])))
        score.labelled += len(spans)
        for a, z, keys in spans:
            hits = [s for s in suggestions if s.start < z and a < s.end]
            if any(sorted(s.perspectives) == keys for s in hits):
                score.found += 1
            else:
                got = [s.perspectives for s in hits] or "not suggested"
                score.misses.append(f"{entry['file']}: {text[a:z]!r} want {keys}, got {got}")
        for s in suggestions:
            score.suggested += 1
            if any(s.start < z and a < s.end for a, z, _ in spans):
                score.correct += 1
            else:
                score.false_alarms.append(f"{entry['file']}: {s.perspectives} {s.quote[:110]!r}")
    return score


def test_labels_cover_every_article() -> None:
    files = {e["file"] for e in load_labels()}
    corpus = {p.name for p in resource("corpus").iterdir()}
    assert corpus <= files
    assert len([f for f in files if f.startswith("invented/")]) >= 2


def test_recall_and_precision_on_all_labels() -> None:
    score = evaluate()
    print(f"\nclaim suggestions: recall {score.recall:.3f} ({score.found}/{score.labelled}), "
          f"precision {score.precision:.3f} ({score.correct}/{score.suggested})")
    assert score.recall >= RECALL_TARGET, "\n".join(score.misses)
    assert score.precision >= PRECISION_TARGET, "\n".join(score.false_alarms)


def test_recall_and_precision_on_sample_corpus() -> None:
    score = evaluate([e for e in load_labels() if "/" not in e["file"]])
    print(f"\nsample corpus: recall {score.recall:.3f} ({score.found}/{score.labelled}), "
          f"precision {score.precision:.3f} ({score.correct}/{score.suggested})")
    assert score.recall >= RECALL_TARGET, "\n".join(score.misses)
    assert score.precision >= PRECISION_TARGET, "\n".join(score.false_alarms)


def test_invented_articles_not_seen_while_building() -> None:
    score = evaluate([e for e in load_labels() if "/" in e["file"]])
    print(f"\ninvented articles: recall {score.recall:.3f} ({score.found}/{score.labelled}), "
          f"precision {score.precision:.3f} ({score.correct}/{score.suggested})")
    assert score.recall >= RECALL_TARGET, "\n".join(score.misses)
    assert score.precision >= PRECISION_TARGET, "\n".join(score.false_alarms)


def evaluate_workspace(ws_dir: Path) -> Score:
    """The same measure on the cleaned text of an imported corpus (what the app shows)."""
    from briefing.core.ingest.pipeline import import_files
    from briefing.core.suggestions import pending_suggestions
    from briefing.core.workspace import Workspace

    score = Score()
    with Workspace.open(ws_dir) as ws:
        entries = [e for e in load_labels() if "/" not in e["file"]]
        list(import_files(ws, [resource("corpus", e["file"]) for e in entries]))
        articles = list(ws.articles.iter_with_text())
        for entry in entries:
            article = next(a for a in articles if a.source_file == entry["file"])
            text = article.text
            spans = []
            for claim in entry["claim"]:
                pos = text.find(claim["text"])
                if pos < 0:  # cleaning changed it: a miss, named in the report
                    score.labelled += 1
                    score.misses.append(f"{entry['file']}: not in cleaned text: {claim['text']!r}")
                    continue
                spans.append((pos, pos + len(claim["text"]), sorted(claim["perspectives"])))
            score.labelled += len(spans)
            suggestions = pending_suggestions(ws, article.id)
            for a, z, keys in spans:
                if any(s.start < z and a < s.end and sorted(s.perspectives) == keys
                       for s in suggestions):
                    score.found += 1
                else:
                    score.misses.append(f"{entry['file']}: {text[a:z]!r} want {keys}")
            for s in suggestions:
                score.suggested += 1
                if any(s.start < z and a < s.end for a, z, _ in spans):
                    score.correct += 1
                else:
                    score.false_alarms.append(f"{entry['file']}: {s.quote[:110]!r}")
    return score


def test_recall_and_precision_through_a_workspace(workspace_dir: Path) -> None:
    score = evaluate_workspace(workspace_dir)
    print(f"\ncleaned corpus in a workspace: recall {score.recall:.3f} "
          f"({score.found}/{score.labelled}), precision {score.precision:.3f} "
          f"({score.correct}/{score.suggested})")
    assert score.recall >= RECALL_TARGET, "\n".join(score.misses)
    assert score.precision >= PRECISION_TARGET, "\n".join(score.false_alarms)


if __name__ == "__main__":
    for label, subset in (("sample", lambda e: "/" not in e["file"]),
                          ("invented", lambda e: "/" in e["file"])):
        sc = evaluate([e for e in load_labels() if subset(e)])
        print(f"== {label}: recall {sc.recall:.3f} ({sc.found}/{sc.labelled}) "
              f"precision {sc.precision:.3f} ({sc.correct}/{sc.suggested})")
        print("misses:\n  " + "\n  ".join(sc.misses))
        print("false alarms:\n  " + "\n  ".join(sc.false_alarms))
