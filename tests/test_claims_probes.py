"""Wrong sides and suggestions nobody would label, found by probing invented pages of the
weak genres (doorsteps, Markdown notes, magazine pieces) in layouts the dev pages lack.
One mechanism each (issue 9)."""

from __future__ import annotations

from briefing.core.claims import suggest_claims
from briefing.core.perspectives import load_default_perspectives

PERSPECTIVES = load_default_perspectives()


def found(text: str, **kw: str) -> dict[str, tuple[list[str], str | None]]:
    """{sentence: (perspective keys, speaker)} for every suggestion."""
    return {s.quote: (sorted(s.perspectives), s.speaker)
            for s in suggest_claims(text, PERSPECTIVES, **kw)}


DOORSTEP = (
    "FOREIGN MINISTER WEBER: Good morning. Today we will talk about Ukraine and about our "
    "own security. China tells us it is neutral in this war. That is not neutrality.\n\n"
    "Q: Minister, the Russian foreign minister said yesterday that European troops would be "
    "a legitimate target. What is your answer?\n\n"
    "FOREIGN MINISTER WEBER: Moscow claims it wants peace. We will not be intimidated.\n\n"
    "Q: Do sanctions work?\n\n"
    "FOREIGN MINISTER WEBER: Yes. Russia's economy is overheating, and inflation is high. "
    "The Kremlin would like us to believe otherwise.\n")


def test_a_country_the_speaker_reports_or_talks_about_is_not_their_own() -> None:
    # A minister of no stated side who talks about Russia ("Russia's economy is ...", "The
    # Kremlin would like us to believe ...") does not speak for Russia.
    got = found(DOORSTEP, title="Doorstep by Foreign Minister Anna Weber")
    assert got["We will not be intimidated."][0] != ["russian"]
    assert "russian" not in got["That is not neutrality."][0]
    assert got["FOREIGN MINISTER WEBER: Moscow claims it wants peace."][0] == ["russian"]


NOTES = (
    "Q&A with an officer\n\n"
    "Q: How many North Koreans are you facing?\n\n"
    "A: Around two battalions in our sector. They attack in small groups now.\n\n"
    "Links\n\n"
    "ISW daily assessment — the best daily map.\n\n"
    "Kyiv Independent: Budanov interview\n\n"
    "Russian Ministry of Defence, Telegram, 17 March 2025.\n\n"
    "Office of the President of Ukraine, 18 March 2025.\n")


def test_a_link_after_an_exchange_ended_at_a_heading_is_not_a_new_turn() -> None:
    # "Kyiv Independent: Budanov interview" in a link list is a link, not Kyiv Independent
    # answering; the notes under it are nobody's statements.
    got = found(NOTES, title="Notes from the front: week 12")
    assert "A: Around two battalions in our sector." in got
    assert "Russian Ministry of Defence, Telegram, 17 March 2025." not in got
    assert "Office of the President of Ukraine, 18 March 2025." not in got
    assert not any(speaker == "Kyiv Independent" for _, speaker in got.values())
