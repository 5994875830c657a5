"""Speakers named across scripts: Britain's and the EU's officials in Ukrainian and
Russian speak for the app's NATO/European perspective, by the aliases in the language
data. Cases written for the test."""

from __future__ import annotations

import pytest

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str) -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}


@pytest.mark.parametrize("sentence", [
    "\"Росія платить Пхеньяну нафтою за снаряди\", – заявив Леммі.",
    "Прем'єр-міністр Великої Британії Кір Стармер заявив, що санкції посилять.",
    "Глава МИД Великобритании Дэвид Лэмми заявил, что Москва платит Пхеньяну нефтью.",
])
def test_a_british_official_speaks_for_nato_european(sentence: str) -> None:
    text = "Війська КНДР воюють на Курщині. " + sentence + "\n"
    assert claims(text)[sentence] == ["nato_european"]
