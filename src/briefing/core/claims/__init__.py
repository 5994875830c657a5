"""Claims: attributed-claim suggestions, numeric claims and their comparison (Qt-free).

Public API:
    suggest_claims(text, perspectives) -> list[Suggestion]
    numeric_claims(text, start=0, end=None, perspectives=()) -> list[NumericClaim]
    compare(claims) -> list[ClaimComparison]
"""

from __future__ import annotations

from briefing.core.claims.suggest import suggest_claims

__all__ = ["suggest_claims"]
