"""Speakers named across scripts: Britain's and the EU's officials in Ukrainian and
Russian speak for the app's NATO/European perspective, by the aliases in the language
data, also when their name comes in the paragraph after a one-sentence lead ("Про це
повідомив … Девід Леммі"). Cases written for the test."""

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


def test_about_this_points_back_to_a_one_sentence_lead_paragraph() -> None:
    """"Про це повідомив …" opening the paragraph after a one-sentence lead: the lead is
    the speaker's claim too."""
    lead = "Росія з березня передала Північній Кореї понад мільйон барелів нафти."
    told = "Про це повідомив міністр закордонних справ Великої Британії Девід Леммі."
    found = claims("Нафта в обмін на снаряди\n" + lead + "\n" + told + "\n")
    assert found[lead] == ["nato_european"]
    assert found[told] == ["nato_european"]
