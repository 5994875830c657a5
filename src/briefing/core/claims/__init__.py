"""Claims: attributed-claim suggestions, numeric claims and their comparison (Qt-free).

Public API:
    suggest_claims(text, perspectives) -> list[Suggestion]
    numeric_claims(text, start=0, end=None, perspectives=()) -> list[NumericClaim]
    compare(claims) -> list[ClaimComparison]   (each row judged by claims.status:
        agree / disagree / changed over time / single source)
    filter_subject(rows, "how many North Korean troops") -> list[ClaimComparison]
"""

from __future__ import annotations

from briefing.core.claims.comparison import compare, filter_subject, matches_subject
from briefing.core.claims.numeric import numeric_claims
from briefing.core.claims.suggest import suggest_claims

__all__ = ["compare", "filter_subject", "matches_subject", "numeric_claims", "suggest_claims"]
