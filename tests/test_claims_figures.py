"""Figures as written (issue 9, item 5): the forms a figure takes in wire copy, readouts,
Telegram round-ups and papers, and the numbers that are not figures at all."""

from __future__ import annotations

import pytest

from briefing.core.claims import numeric_claims
from briefing.core.claims.comparison import compare


def figures(text: str) -> list[tuple]:
    return [(c.figure, c.value_high, c.unit, c.subject, c.qualifier)
            for c in numeric_claims(text)]


@pytest.mark.parametrize(("text", "expected"), [
    # Number words and round plurals
    ("Pyongyang sent half a million shells.",
     [(5e5, None, "shells", "supplies of North Korean shells", None)]),
    ("Two dozen drones were shot down.", [(24, None, "missiles", "drones", None)]),
    ("It is spending hundreds of billions of dollars every year on its war machine.",
     [(1e11, None, "usd", "yearly money", None)]),  # a rate: not lined up with totals
    ("Roughly two thousand three hundred were killed.",
     [(2300, None, "casualties", "casualties", "roughly")]),
    # Shares
    ("One in three shells fired by Russia is North Korean, officials said.",
     [(33, None, "percent", "percent", None)]),
    # Ranges and qualifiers written onto the figure
    ("Some 1,000-1,500 troops died.", [(1000, 1500, "casualties", "casualties", "some")]),
    ("In the first week, 300-plus troops were killed.",
     [(300, None, "casualties", "casualties", None)]),
    # What is counted
    ("North Korea shipped some 170 units of 170 mm self-propelled guns.",
     [(170, None, "equipment", "North Korean self-propelled guns", "some")]),
    ("A 10,000-strong force was sent.", [(10000, None, "troops", "troops", None)]),
    ("North Korea's army of 1.2m has not fought a war since 1953.",
     [(1.2e6, None, "troops", "North Korean troops", None)]),
    ("About 12,000 Russian troops and 11,000 North Koreans took part.",
     [(12000, None, "troops", "Russian troops", "about"),
      (11000, None, "troops", "North Korean troops", None)]),
    ("Over the past day the enemy lost 12 tanks, 3 MLRS and 95 UAVs.",
     [(12, None, "equipment", "tanks", None),
      (3, None, "equipment", "multiple rocket launchers", None),
      (95, None, "missiles", "drones", None)]),
    ("UAH 1.2 billion was allocated to the brigades.",
     [(1.2e9, None, "uah", "money", None)]),
    # a share as so many in so many
    ("Four in ten shells failed to explode.", [(40, None, "percent", "percent", None)]),
    ("Nine out of 10 shells were duds, a gunner said.", [(90, None, "percent", "percent", None)]),
    # a weapon's units named by its model, after a noun of another kind
    ("The package includes 20 Bradley fighting vehicles and 4 Patriot batteries.",
     [(20, None, "equipment", "vehicles", None), (4, None, "equipment", "batteries", None)]),
    # an abbreviated side before the noun; "pieces of" counts what follows; other words
    # for soldiers
    ("About 9,000 U.S. troops are in Poland.", [(9000, None, "troops", "US troops", "about")]),
    ("The regiment destroyed 17 pieces of enemy equipment.",
     [(17, None, "equipment", "equipment", None)]),
    ("About 9,000 U.S. service members are in Poland.",
     [(9000, None, "troops", "US troops", "about")]),
    # a commodity keeps what the barrels hold
    ("Moscow supplied about 900,000 barrels of oil.",
     [(9e5, None, "equipment", "Russian barrels of oil", "about")]),
    # Prisoners, casualties and men
    ("Zelenskyy said Ukraine had captured two North Korean soldiers.",
     [(2, None, "troops", "North Korean prisoners", None)]),
    ('"You don\'t send 3,000 more men unless you\'ve lost a lot of the first ones," she said.',
     [(3000, None, "troops", "troops", None)]),
    # A figure with its noun left out continues the figure before it
    ("Air defences shot down 34 Ukrainian drones overnight, including 14 over Kursk.",
     [(34, None, "missiles", "Ukrainian drones", None),
      (14, None, "missiles", "Ukrainian drones", None)]),
    ("It said 4,700 soldiers had been killed or wounded out of roughly 15,000 sent.",
     [(4700, None, "casualties", "casualties", None),
      (15000, None, "troops", "troops", "roughly")]),
    ("Now it is supplying men: some eleven thousand of them.",
     [(11000, None, "troops", "troops", "some")]),
    ("A U.S. official put the figure at \"a few hundred\" killed and wounded.",
     [(300, None, "casualties", "casualties", None)]),
    ("That is enough, by some accounts, for several million artillery rounds.",
     [(2e6, None, "shells", "shells", None)]),
    ('Pentagon: "thousands" of casualties, no precise figure given since January.',
     [(1000, None, "casualties", "casualties", None)]),
    ("The number of killed and wounded North Korean soldiers has already exceeded 3,000.",
     [(3000, None, "casualties", "North Korean casualties", None)]),
    ("North Korea sent soldiers to Russia. Intelligence put the number at about eleven "
     "thousand in November.",
     [(11000, None, "troops", "troops", "about")]),
    ("NIS (Seoul): about 11,000 deployed in the first wave.",
     [(11000, None, "troops", "troops", "about")]),
    ("In March 2000 troops arrived, and Russia's 600 tanks moved.",
     [(2000, None, "troops", "troops", None), (600, None, "equipment", "Russian tanks", None)]),
    ("North Korea launched one ballistic missile toward the east.",
     [(1, None, "missiles", "North Korean missiles", None)]),
    ("Canada has committed more than $19.5 billion to Ukraine.",
     [(1.95e10, None, "cad", "money", "more than")]),
    ("The US has committed more than $19.5 billion to Ukraine.",
     [(1.95e10, None, "usd", "US money", "more than")]),
    # (the country provided with them is not whose they are)
    ("Poland has so far provided Ukraine with 47 packages of military assistance.",
     [(47, None, "packages", "packages", None)]),
    ("It supplied about 50 domestically produced 170mm howitzers.",
     [(50, None, "equipment", "howitzers", "about")]),
    # Mercenaries are counted apart from an army's troops
    ("The army hired some 2,000 mercenaries last year.",
     [(2000, None, "troops", "mercenaries", "some")]),
    # Labels, periods and times are not figures
    ("The cap of 500,000 barrels a year set by resolution 2397 was broken.",
     [(5e5, None, "equipment", "yearly barrels", None)]),
    ("Imagery shows 74 railcars, compared with an average of around 30 during the second "
     "half of 2024.",
     [(74, None, "equipment", "railcars", None), (30, None, "equipment", "railcars", "around")]),
    ("On 3 November 2024, 500 soldiers arrived at 10:30.",
     [(500, None, "troops", "troops", None)]),
    # Halves, tenths and few, written out
    ("The depot received one and a half million rounds of large-calibre ammunition.",
     [(1.5e6, None, "shells", "supplies of shells", None)]),
    ("They were organised in brigades of roughly two and a half thousand men.",
     [(2500, None, "troops", "troops", "roughly")]),
    ("Officials put the dead at about a tenth of all casualties.",
     [(10, None, "percent", "all casualties", "about")]),
    ("Expect another few thousand soldiers in the spring.",
     [(2000, None, "troops", "troops", "another")]),
    ("They walk in a line, twenty or thirty men, and never look up.",
     [(20, 30, "troops", "troops", None)]),
    # Dollars of other countries, currency codes and currency words
    ("The island pledged more than NZ$130 million in support.",
     [(1.3e8, None, "nzd", "money", "more than")]),
    ("The budget sets aside NOK 35 billion in military support.",
     [(3.5e10, None, "nok", "money", None)]),
    ("We have set aside around 1.3 billion kroner for that.",
     [(1.3e9, None, "dkk", "money", "around")]),
    # Model codes and the words of a trade between a figure and its noun
    ("The cabinet approved another 14 Leopard 2A8 tanks and 24 F-16 fighter aircraft.",
     [(14, None, "equipment", "tanks", "another"), (24, None, "equipment", "aircraft", None)]),
    ("The city will receive 1,000 deminers and another 5,000 military builders.",
     [(1000, None, "troops", "sappers", None), (5000, None, "troops", "workers", "another")]),
    # (Kyiv counts the soldiers, it does not own them: who states a figure is not whose)
    ('Kyiv counts 9,000 soldiers now. Pyongyang could send "tens of thousands" more.',
     [(9000, None, "troops", "troops", None),
      (10000, None, "troops", "troops", None)]),
    # "one North Korean missile" is one missile; a casualty word in a clause of its own
    ("Russia fired at least one North Korean missile at the city.",
     [(1, None, "missiles", "North Korean missiles", "at least")]),
    ("One in ten of them has been killed, but the survivors, perhaps 9,000 men, will return.",
     [(10, None, "percent", "them", None), (9000, None, "troops", "troops", "perhaps")]),
    # A figure with its noun left out, continuing the one before it
    ("Officials think 900 soldiers were killed among the roughly 8,000 sent in the spring.",
     [(900, None, "casualties", "casualties", None), (8000, None, "troops", "troops", "roughly")]),
    ("About 700 troops killed or wounded; total deployed estimated at 8,000.",
     [(700, None, "casualties", "casualties", "about"), (8000, None, "troops", "troops", None)]),
    ("He said some 400 of those killed or wounded had been hit by drones.",
     [(400, None, "casualties", "casualties", "some")]),
    ("About 1,200 nationals are registered in Seoul and fewer than 80 in Moscow.",
     [(1200, None, "people", "people", "about"), (80, None, "people", "people", "fewer than")]),
])
def test_figures_as_written(text: str, expected: list) -> None:
    assert figures(text) == [(float(f), None if h is None else float(h), u, s, q)
                             for f, h, u, s, q in expected]


def test_a_figure_a_question_takes_as_given_is_suggested_with_no_side() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    text = ("Pentagon Press Secretary Holds a Press Briefing\n\n"
            "MR. RYDER: Good afternoon. We assess that North Korean forces are in Kursk.\n\n"
            "Q: Can you say how many of those 4,000 casualties are killed?\n\n"
            "MR. RYDER: I don't have a number for you on that.\n")
    found = {s.quote: (s.perspectives, s.verb) for s in suggest_claims(
        text, load_default_perspectives(), title="Pentagon Press Secretary Holds a Press Briefing",
        publisher="U.S. Department of Defense")}
    question = "Q: Can you say how many of those 4,000 casualties are killed?"
    assert found[question] == ([], "figure")
    assert all(p == ["us"] for q, (p, _) in found.items() if q.startswith("MR. RYDER: W"))


@pytest.mark.parametrize("text", ["Get 15% off with code DIGEST15.",
                                  "Support independent reporting for €5 a month."])
def test_a_price_or_a_discount_is_not_a_figure(text: str) -> None:
    assert figures(text) == []


@pytest.mark.parametrize(("text", "value"), [
    ("Russia launched 40 drones. On December 14 and 15, units of the DPRK army suffered losses.",
     40),
    ("Russia launched 40 drones. On 3 November, they attacked again.", 40),
    ("Russia sent 500 soldiers aged 18 to 25.", 500),
    # a model's number after its name: "Mirage 2000 jets", "Leopard 2 tanks"
    ("Russia lost 40 tanks. When will the Mirage 2000 jets be delivered?", 40),
    ("Russia lost 40 tanks, and Berlin sent more Leopard 2 tanks.", 40),
])
def test_a_day_of_the_month_or_an_age_is_not_a_figure(text: str, value: int) -> None:
    assert [f[0] for f in figures(text)] == [value]


def _sides(text: str, keys: list[str]) -> list[tuple[float, list[str]]]:
    from briefing.core.claims.cues import matcher_for
    from briefing.core.perspectives import load_default_perspectives

    sources = matcher_for(load_default_perspectives())
    return [(c.figure, c.perspectives) for c in numeric_claims(text, 0, len(text), keys,
                                                                sources=sources)]


@pytest.mark.parametrize(("text", "keys", "expected"), [
    # Each figure is the side that reports it in its own clause
    ("Seoul's spy agency has reported that Pyongyang sent roughly 9,000 troops, and U.S. "
     "officials estimated that more than 700 of them had been killed.",
     ["south_korean", "us"], [(9000, ["south_korean"]), (700, ["us"])]),
    # ... the source after the figure in its clause
    ("North Korea has sent more than 5,000 shells, South Korea's defence minister said, as "
     "Ukrainian officials reported new strikes.",
     ["south_korean", "ukrainian"], [(5000, ["south_korean"])]),
    ("Some 9,000 North Korean troops according to Seoul, of whom some 6,000 had reached the "
     "front, according to U.S. officials.",
     ["south_korean", "us"], [(9000, ["south_korean"]), (6000, ["us"])]),
    # Sides named together report together; a speaker relaying a source keeps its side
    ("It is supplying men: some 9,000 of them, according to American and South Korean "
     "intelligence.", ["south_korean", "us", "ukrainian"],
     [(9000, ["south_korean", "us"])]),
    ("The Council notes that, according to South Korean estimates, up to 9,000 soldiers "
     "have been deployed.", ["nato_european", "south_korean"],
     [(9000, ["nato_european", "south_korean"])]),
    # No source reports it: the figure keeps every side of its sentence
    ("Both capitals agree that 9,000 troops were sent.", ["south_korean", "us"],
     [(9000, ["south_korean", "us"])]),
])
def test_a_figure_is_the_side_that_reports_it(text: str, keys: list[str],
                                             expected: list) -> None:
    assert _sides(text, keys) == expected


def test_a_clause_joined_by_and_keeps_the_source_of_the_clause_before() -> None:
    text = ("Seoul's spy agency assessed that 9,000 troops had been sent, and in January told "
            "parliament that North Korean casualties had exceeded 2,000.")
    assert _sides(text, ["south_korean", "ukrainian"]) == [
        (9000, ["south_korean"]), (2000, ["south_korean"])]


def test_a_figure_with_its_source_named_before_a_colon_is_that_sources() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    text = ("My running table of the estimates.\n\n"
            "- NIS (Seoul): about 9,000 deployed in the first wave, as of late February.\n\n"
            "- General Staff of Ukraine: more than 3,000 North Korean killed and wounded.\n\n"
            "- Note: the figures are rounded to the nearest hundred by me.\n")
    found = {s.quote.lstrip("- "): s.perspectives
             for s in suggest_claims(text, load_default_perspectives())}
    assert found == {
        "NIS (Seoul): about 9,000 deployed in the first wave, as of late February.":
            ["south_korean"],
        "General Staff of Ukraine: more than 3,000 North Korean killed and wounded.":
            ["ukrainian"]}


def test_a_live_blog_post_heading_gives_its_sources_figure() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    text = ("Live: the war in Ukraine\n\n"
            "09:40 — Pentagon: about 9,000 North Korean troops now in Russia\n\n"
            "The Pentagon has not said how many have moved towards the front yet.\n\n"
            "Pentagon: 9,000 North Korean troops in Russia\n")
    found = {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}
    assert found["09:40 — Pentagon: about 9,000 North Korean troops now in Russia"] == ["us"]
    assert "Pentagon: 9,000 North Korean troops in Russia" not in found  # a headline, no time


def test_a_fraction_of_a_span_of_time_is_a_duration_not_a_share() -> None:
    from briefing.core.claims.numeric import numeric_claims

    def shares(text: str) -> list[str]:
        return [c.text for c in numeric_claims(text, 0, len(text)) if c.unit == "percent"]

    assert shares("The Kim family has run the state for three quarters of a century.") == []
    assert shares("Half of the year went by before the talks resumed.") == []
    assert shares("Officials said half of the soldiers were wounded.") == ["half"]
    assert shares("Two thirds of the shells were duds, he said.") == ["Two thirds"]


def test_a_share_of_a_counted_group_names_the_group_not_its_figure() -> None:
    from briefing.core.claims.numeric import numeric_claims

    def subjects(text: str) -> list[str]:
        return [c.subject for c in numeric_claims(text, 0, len(text)) if c.unit == "percent"]

    assert subjects("Officials said three quarters of the 11,000 troops were deployed.") == [
        "the troops"]
    assert subjects("Half of the 1.5 million shells were duds, he said.") == ["the shells"]
    assert subjects("He said 70 percent of the shells came from North Korea.") == ["the shells"]


def test_a_table_row_counts_what_its_column_says_and_is_its_source_cells_statement() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    # invented: a data note's table as the readers give it (one row a paragraph)
    text = ("Our table of the public estimates follows.\n\n"
            "Date | Source | Sent | Dead | Killed or wounded\n\n"
            "2025-02-03 | South Korea, NIS | about 9,000 | at least 150 | about 1,200\n\n"
            "2025-03-09 | Ukraine, General Staff | 9,500 | – | more than 2,000\n\n"
            "Item | Estimate | As of\n\n"
            "Self-propelled guns | some 80 | Mar 2025\n")
    read = [(c.figure, c.unit, c.qualifier) for c in numeric_claims(text)]
    assert read == [(9000, "troops", "about"), (150, "casualties", "at least"),
                    (1200, "casualties", "about"), (9500, "troops", None),
                    (2000, "casualties", "more than"), (80, "equipment", "some")]
    found = {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}
    assert found["2025-02-03 | South Korea, NIS | about 9,000 | at least 150 | about 1,200"] \
        == ["south_korean"]
    assert found["2025-03-09 | Ukraine, General Staff | 9,500 | – | more than 2,000"] == [
        "ukrainian"]
    assert found["Self-propelled guns | some 80 | Mar 2025"] == []  # the writer's figure
    assert "Date | Source | Sent | Dead | Killed or wounded" not in found  # the header


@pytest.mark.parametrize(("text", "keys", "expected"), [
    # invented: a side named as the owner of the count, in another speaker's sentence
    ("I can point you to the Ukrainian and South Korean figures, which speak of around "
     "3,000 casualties.", ["nato_european"], [(3000, ["ukrainian", "south_korean"])]),
    ("According to the information of the National Intelligence Service of the Republic of "
     "Korea, some 9,000 soldiers were sent.", ["nato_european", "south_korean"],
     [(9000, ["south_korean"])]),
    # the speaker relaying it ("that, according to ...", "we take note of ...") states it too
    ("The Council notes that, according to Ukrainian estimates, 9,000 troops were sent.",
     ["nato_european"], [(9000, ["ukrainian", "nato_european"])]),
    ("We take note of the assessment of the Republic of Korea that 9,000 troops were sent.",
     ["nato_european", "us"], [(9000, ["south_korean", "nato_european", "us"])]),
    # sides named together, "the" or not: "South Korea, Ukraine and the United States"
    ("According to information from South Korea and the United States, 9,000 soldiers are "
     "in Russia.", ["nato_european", "south_korean", "us"], [(9000, ["south_korean", "us"])]),
    # "as much as" is a qualifier, not the start of a clause that hides its source
    ("Seoul's minister said 9,000 containers were shipped, and Ukrainian officials "
     "estimated that as much as half of the shells came from the North.",
     ["south_korean", "ukrainian"], [(9000, ["south_korean"]), (50, ["ukrainian"])]),
    # figures about a side's losses are not that side's own
    ("The minister put Russian casualty figures at more than 700,000 soldiers.",
     ["nato_european"], [(700000, ["nato_european"])]),
    # a side merely named is no owner
    ("The minister said that 9,000 South Korean troops took part.", ["nato_european"],
     [(9000, ["nato_european"])]),
])
def test_a_figure_is_the_side_that_owns_the_count(text: str, keys: list[str],
                                                  expected: list) -> None:
    assert _sides(text, keys) == expected


def test_figures_in_the_items_of_a_list_under_a_speakers_line_are_the_speakers() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    # invented: a list whose items end with ";" is not a run of headlines
    text = ("Ukraine's defence minister Rustem Umerov said on Monday that Kyiv would:\n\n"
            "buy some 3,000 drones from domestic makers this spring;\n\n"
            "train about 9,000 new recruits abroad;\n\n"
            "Analysts doubt the numbers.")
    found = {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}
    assert found["buy some 3,000 drones from domestic makers this spring;"] == ["ukrainian"]
    assert found["train about 9,000 new recruits abroad;"] == ["ukrainian"]
    title = "Statement by the Ministry of Foreign Affairs of Estonia on the deployment"
    statement = (f"{title}\n\nEstonia strongly condemns the deployment. Estonia will:\n\n"
                 "continue to provide military assistance to Ukraine, including 0.3 per cent "
                 "of its GDP;\n\npropose new sanctions against the individuals responsible.")
    found = {s.quote: s.perspectives for s in suggest_claims(
        statement, load_default_perspectives(), title=title,
        publisher="Ministry of Foreign Affairs of Estonia")}
    assert found["continue to provide military assistance to Ukraine, including 0.3 per cent "
                 "of its GDP;"] == ["nato_european"]


def test_a_figure_in_a_cited_headline_is_the_headlines_sources() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    # invented notes of a paper: the entries are references, their headlines' figures are
    # the named sources'; a headline naming no source gives nothing
    text = ("The paper argues its case at length and cites its sources below.\n\n"
            'Agence Nord, "NIS: about 2,500 N. Korean troops killed in Kursk", 3 May 2025.\n\n'
            'Daily Wire, "Pyongyang shipped 9,000 containers of shells, Ukraine says", '
            "4 June 2024.\n\n"
            'Daily Wire, "About 9,000 troops arrive in Kursk", 5 June 2024.')
    found = {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}
    assert found == {
        'Agence Nord, "NIS: about 2,500 N. Korean troops killed in Kursk", 3 May 2025.':
            ["south_korean"],
        'Daily Wire, "Pyongyang shipped 9,000 containers of shells, Ukraine says", '
        "4 June 2024.": ["ukrainian"]}
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(
        "about 2,500 N. Korean troops killed")] == [(2500, "casualties", "North Korean casualties")]


@pytest.mark.parametrize(("text", "expected"), [
    # invented: "one" picking a person out is not a figure; a thing is still counted
    ("One Polish officer who trained them said they learned fast.", []),
    ("The agency said one of the detained men carried a forged passport.", []),
    ("One Latvian diplomat told us the talks had stalled.", []),
    ("At least one of the wounded was a colonel, the agency said.",
     [(1, None, "casualties", "casualties", "at least")]),
    ("The navy said it had fired one cruise missile at the port.",
     [(1, None, "missiles", "missiles", None)]),
])
def test_one_picking_out_a_person_is_not_a_figure(text: str, expected: list) -> None:
    assert figures(text) == [(float(f), None if h is None else float(h), u, s, q)
                             for f, h, u, s, q in expected]


def test_soldiers_captured_by_a_side_are_prisoners_but_a_passive_event_counts_soldiers() -> None:
    # invented: the participle right after the noun qualifies it ("captured soldiers"); the
    # men counted are still soldiers (unit troops), their subject says they are prisoners
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(
        "Three Belarusian soldiers captured by Polish guards were questioned.")] == [
        (3, "troops", "prisoners")]
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(
        "Three Belarusian soldiers were captured near the river on Sunday.")] == [
        (3, "troops", "troops")]
    # people taken are people still ("captured 12 civilians": people, prisoners)
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(
        "The militia had captured 12 civilians.")] == [(12, "people", "prisoners")]


def test_a_wage_estimated_as_a_range_is_a_figure_a_subscription_price_is_not() -> None:
    # invented: "a month" after a price is an offer; after a qualified range, an estimate
    assert figures("He estimated each labourer earns between $300 and $450 a month.") == [
        (300.0, 450.0, "usd", "monthly money", "between")]
    assert figures("He said each labourer earns about $300 a month.") == [
        (300.0, None, "usd", "monthly money", "about")]
    assert figures("Read every issue for $4 a month.") == []


def test_a_qualified_figure_with_its_noun_left_out_counts_what_the_sentence_before_did() -> None:
    # invented: the passage is the second sentence; the figure before is in the first
    text = ("Seoul says 9,000 North Korean soldiers are in Russia. "
            "The Pentagon said that roughly 8,000 had reached the border by then.")
    second = text.index("The Pentagon")
    assert [(c.figure, c.unit) for c in numeric_claims(text, second, len(text))] == [
        (8000, "troops")]
    # unqualified, a number before a verb is not read as a count of anything
    other = "The mission began in 2019. Then 12 had gone home."
    assert numeric_claims(other, other.index("Then"), len(other)) == []


def test_a_sides_statistics_own_their_count_and_of_these_continues_it() -> None:
    # invented: "Polish statistics" owns the figure (its "s" is not a possessive's); "of
    # these," takes the noun of the figure before
    assert _sides("Polish statistics show that 4,120 Belarusian citizens crossed in 2024.",
                  []) == [(4120, ["nato_european"])]
    assert [(c.figure, c.unit) for c in numeric_claims(
        "In all 4,120 Belarusian citizens crossed; of these, 1,300 asked for asylum.")] == [
        (4120, "people"), (1300, "people")]


def test_of_them_counts_the_noun_before_not_one_after_a_preposition() -> None:
    # invented: "with Belarusian units" is where the soldiers train, not what "of them" counts
    text = ("Minsk said about 9,000 Chechen fighters were training with Belarusian units. "
            "Vilnius warned that up to 12,000 of them could cross the border.")
    second = text.index("Vilnius")
    assert [(c.figure, c.unit) for c in numeric_claims(text, second, len(text))] == [
        (12000, "troops")]
    # the noun named since the figure before, as subject, is what it counts
    text = ("Officials counted some 9,000 containers. Kyiv said Chechen drones were used "
            "in strikes and that Russia had launched around 60 of them.")
    second = text.index("Kyiv")
    assert [(c.figure, c.unit) for c in numeric_claims(text, second, len(text))] == [
        (60, "missiles")]


def test_two_thousand_in_words_is_a_count_not_a_year() -> None:
    # invented: "several thousand" is 2,000 read from words; only digits make a year
    assert [(c.figure, c.unit) for c in numeric_claims(
        "Minsk sent 9,000 fighters, and several thousand of them have crossed.")] == [
        (9000, "troops"), (2000, "troops")]
    assert [(c.figure, c.unit) for c in numeric_claims(
        "Minsk sent 9,000 fighters, and two thousand have crossed.")] == [
        (9000, "troops"), (2000, "troops")]
    assert [c.figure for c in numeric_claims("Minsk sent 9,000 fighters; in 2000 had crossed.")
            ] == [9000]


def test_nationals_who_served_are_troops_and_captured_ones_of_them_prisoners() -> None:
    # invented: people counted as serving in an army are men under arms
    assert [(c.figure, c.unit) for c in numeric_claims(
        "About 40 Nepali nationals had served in the Russian army.")] == [(40, "troops")]
    assert [(c.figure, c.unit) for c in numeric_claims(
        "About 40 Nepali nationals are registered with the embassy.")] == [(40, "people")]
    # "captured N of them" counts prisoners, whatever "them" were counted as before
    text = "Some 300 Chechen fighters were killed. Kyiv says it has captured two of them."
    second = text.index("Kyiv")
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(text, second, len(text))
            ] == [(2, "troops", "prisoners")]


def test_a_cited_headline_names_its_source_before_says_or_as_a_bare_body_of_the_outlet() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    # invented notes: "NIS says ..." at a headline's start; "...: defence ministry" is the
    # ministry of the national outlet's country; an outlet of no side gives the body none
    text = ("The paper argues its case at length and cites its sources below.\n\n"
            'Seoul Daily (2025), "NIS says N. Korea sent 9,000 more troops to Kursk," 3 May.\n\n'
            '"Over 9,000 drones downed over Belgorod this year: defence ministry," TASS, '
            "3 May 2025.\n\n"
            '"About 9,000 troops arrive in Kursk: defence ministry," Daily Wire, 5 June 2024.')
    found = {s.quote: s.perspectives for s in suggest_claims(text, load_default_perspectives())}
    assert found == {
        'Seoul Daily (2025), "NIS says N. Korea sent 9,000 more troops to Kursk," 3 May.':
            ["south_korean"],
        '"Over 9,000 drones downed over Belgorod this year: defence ministry," TASS, '
        "3 May 2025.": ["russian"]}


def test_a_figure_continuing_another_is_the_side_of_the_one_it_continues() -> None:
    # invented: the owner of the first count ("Polish statistics") owns the count of
    # "of these" in the next clause, which names no source of its own
    assert _sides("Polish statistics show that 4,120 Belarusian citizens crossed in 2024; of "
                  "these, 1,300 asked for asylum.", []) == [
        (4120, ["nato_european"]), (1300, ["nato_european"])]
    # a contrast after the attribution goes on with its source
    text = "About 300 were killed, the NIS said, while 2,700 were wounded."
    assert _sides(text, ["south_korean"]) == [(300, ["south_korean"]), (2700, ["south_korean"])]
    # a clause with its own source keeps it
    assert _sides("Seoul's spy agency said 9,000 soldiers were sent, and U.S. officials "
                  "estimated that out of these, 700 were killed.", ["south_korean", "us"]) == [
        (9000, ["south_korean"]), (700, ["us"])]


def test_people_said_to_be_serving_are_troops_when_their_noun_is_left_out_too() -> None:
    text = "Some 40 Nepali nationals were recruited. Of them, about 20 are still serving."
    second = text.index("Of them")
    assert [(c.figure, c.unit) for c in numeric_claims(text, second, len(text))] == [
        (20, "troops")]


@pytest.mark.parametrize(("text", "expected"), [
    # invented: a sentence given no side; the side that reports the figure in its clause
    ("In May the Polish defence ministry put the losses at about 3,000.",
     [(3000, ["nato_european"])]),
    ("By May the Polish General Staff was claiming that some 3,000 had been killed.",
     [(3000, ["nato_european"])]),
    # a passive, a place before a comma, a verb of another clause: no source
    ("Pyongyang is estimated to have sent some 9,000 troops.", [(9000, [])]),
    ("A professor in Seoul, estimated that 9,000 workers were sent.", [(9000, [])]),
    ("The first figures released by Seoul since Pyongyang sent an estimated 9,000 troops.",
     [(9000, [])]),
])
def test_a_figure_of_a_sentence_with_no_side_is_the_side_that_reports_it(
        text: str, expected: list) -> None:
    assert _sides(text, []) == expected


def test_a_side_reporting_in_a_later_clause_owns_its_figure_though_the_sentence_missed_it() -> None:
    # invented: the statement is Kyiv's; the clause after ";" is Britain's count
    assert _sides("Kyiv estimated that 9,000 soldiers were sent; Britain's defence ministry "
                  "put losses at \"over a thousand\" in May.", ["ukrainian"]) == [
        (9000, ["ukrainian"]), (1000, ["nato_european"])]
    # "put" that puts troops somewhere reports nothing
    assert _sides("Kyiv said 9,000 soldiers were sent; Poland put 4,000 troops on the border.",
                  ["ukrainian"]) == [(9000, ["ukrainian"]), (4000, ["ukrainian"])]


def test_a_number_word_opening_a_sentence_counts_what_the_sentences_before_counted() -> None:
    # invented: "Nine remain ...": men still under arms after a count of the dead; "of these,
    # four are listed as missing": casualties
    text = ("Some 60 Nepali nationals had served in the Russian army. Seven Nepali nationals "
            "have lost their lives. Nine remain in the Russian army, and of these, four are "
            "listed as missing.")
    third = text.index("Nine")
    assert [(c.figure, c.unit) for c in numeric_claims(text, third, len(text))] == [
        (9, "troops"), (4, "casualties")]
    # digits opening a line are not read so ("2024 was a hard year")
    other = "Some 60 soldiers were sent. 12 were home by May."
    assert numeric_claims(other, other.index("12"), len(other)) == []


@pytest.mark.parametrize(("text", "expected"), [
    # invented: a few officials who are the sentence's sources are not a figure it states
    ("Minsk will not send troops, according to two officials briefed on the talks.", []),
    ("Three lawmakers who attended the closed hearing, speaking on condition of anonymity, "
     "said the plan had stalled.", []),
    # a count of officials as such stays a figure
    ("The paper rests on interviews with more than twenty current and former officials.",
     [(20, None, "officials", "officials", "more than")]),
    ("Two diplomats were expelled on Monday.", [(2, None, "officials", "diplomats", None)]),
    # sums as written, not as floating point multiplies them
    ("It gives a range of US$4.1 billion to US$6.7 billion a year.",
     [(4.1e9, 6.7e9, "usd", "yearly money", None)]),
])
def test_sources_counted_are_not_figures_and_sums_are_exact(text: str, expected: list) -> None:
    assert figures(text) == [(float(f), None if h is None else float(h), u, s, q)
                             for f, h, u, s, q in expected]


def test_a_definite_count_names_again_the_group_counted_before() -> None:
    # invented: "the three men" are the three prisoners named before, not three more troops
    text = ("Three Belarusian soldiers captured by Polish guards were questioned on Monday. "
            "Warsaw said it was ready to hand the three men over in an exchange.")
    second = text.index("Warsaw")
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(text, second, len(text))
            ] == [(3, "troops", "prisoners")]
    # with no such count before, the men are troops
    other = "Warsaw said it was ready to hand the three men over in an exchange."
    assert [(c.figure, c.unit) for c in numeric_claims(other)] == [(3, "troops")]


@pytest.mark.parametrize(("text", "expected"), [
    # invented: continental forms of a figure
    ("Minsk sent some 11.000 soldiers to the border.",
     [(11000, None, "troops", "troops", "some")]),
    ("The fund gave €1,5 billion in aid.", [(1.5e9, None, "eur", "aid", None)]),
    ("The depot held 1.200.000 shells.", [(1.2e6, None, "shells", "shells", None)]),
    ("Inflation reached 9.125% in May.", [(9.125, None, "percent", "percent", None)]),
    # whose losses: the side named at the noun, not the source named first
    ("Ukraine's army put North Korean losses at around 4,000.",
     [(4000, None, "casualties", "North Korean casualties", "around")]),
    # launches are counted, apart from missiles
    ("Tokyo counted at least 20 ballistic missile launches since January.",
     [(20, None, "missiles", "launches", "at least")]),
])
def test_continental_figures_whose_losses_and_launches(text: str, expected: list) -> None:
    assert figures(text) == [(float(f), None if h is None else float(h), u, s, q)
                             for f, h, u, s, q in expected]


@pytest.mark.parametrize(("text", "expected"), [
    # invented: losses sized like a force; a model pair is one model, not a second count
    ("The brigade suffered losses of some 4,000.",
     [(4000, None, "casualties", "casualties", "some")]),
    ("A death toll of 43 was reported by the city.",
     [(43, None, "casualties", "casualties", None)]),
    ("It fired 100 KN-25/26 rockets.", [(100, None, "missiles", "rockets", None)]),
])
def test_losses_sized_and_model_pairs(text: str, expected: list) -> None:
    assert figures(text) == [(float(f), None if h is None else float(h), u, s, q)
                             for f, h, u, s, q in expected]


@pytest.mark.parametrize(("text", "expected"), [
    # invented: a part counted from a whole; the losses are the part's, the whole was sent
    ("About 900 of the 9,000 Chechen fighters were killed.",
     [(900, None, "casualties", "casualties", "about"), (9000, None, "troops", "troops", None)]),
    ("Minsk says that up to 900 of the 9,000 have been killed.",
     [(900, None, "casualties", "casualties", "up to"), (9000, None, "troops", "troops", None)]),
    ("Most of the 9,000 fighters were killed.", [(9000, None, "troops", "troops", None)]),
    ("Two of the 300 drones hit the city.",
     [(2, None, "missiles", "drones", None), (300, None, "missiles", "drones", None)]),
])
def test_a_part_of_a_whole_carries_the_losses(text: str, expected: list) -> None:
    assert figures(text) == [(float(f), None if h is None else float(h), u, s, q)
                             for f, h, u, s, q in expected]


@pytest.mark.parametrize(("text", "subject"), [
    # invented: the side that states a figure is not the side whose men it counts
    ("Ukrainian President Olena Marchuk said 3,000 soldiers had been killed.", "casualties"),
    ("According to Ukrainian intelligence, 9,000 soldiers have arrived near Kursk.", "troops"),
    ("Kyiv says that 2,500 soldiers were wounded in the fighting.", "casualties"),
    # a side named as the place, not the owner: "shipped ... to Russia"
    ("Pyongyang has shipped crates to Russia, which amounts to at least two million shells.",
     "North Korean shells"),
    # nor is the side that takes prisoners whose prisoners they are
    ("Ukraine later captured two soldiers near the river.", "prisoners"),
    # a side named in the noun phrase is still whose they are
    ("Ukrainian officials said 4,000 North Korean soldiers had been killed.",
     "North Korean casualties"),
])
def test_whose_figure_is_not_who_states_it(text: str, subject: str) -> None:
    assert [c.subject for c in numeric_claims(text)] == [subject]


def test_a_total_put_at_a_figure_counts_what_the_figure_before_counted() -> None:
    # invented: "put the total at" sums what was counted just before (the dead and wounded
    # North Koreans), even in a passage that starts after that figure, as a highlight does
    text = ("US officials said around 900 North Korean soldiers had been killed or injured, "
            "while Ukrainian President Olena Marchuk put the total at around 3,500.")
    second = text.index("Ukrainian President")
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(text, second, len(text))] == [
        (3500, "casualties", "North Korean casualties")]


def test_of_them_is_the_side_of_the_group_counted_not_of_the_officials_who_speak() -> None:
    # invented
    text = ("Seoul said Pyongyang sent about 9,000 troops, and U.S. officials estimated "
            "that more than 800 of them had been killed.")
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(text)] == [
        (9000, "troops", "North Korean troops"), (800, "casualties", "North Korean casualties")]


@pytest.mark.parametrize(("text", "subject"), [
    # invented: troops a side has are its whole armed forces, not troops sent...
    ("North Korea has about 1.2 million active soldiers, with 900,000 of them in the army.",
     "North Korean armed forces"),
    ("Belarus maintains some 48,000 troops.", "troops"),  # (a country the data names not)
    # ... unless the sentence says where they are or that they were sent
    ("North Korea now has roughly 9,000 troops in Russia.", "North Korean troops"),
    ("North Korea has 9,000 troops deployed along the front.", "North Korean troops"),
])
def test_a_sides_whole_armed_forces_are_not_troops_sent(text: str, subject: str) -> None:
    claims = numeric_claims(text)
    assert {c.unit for c in claims} == {"troops"}  # soldiers all the same
    assert {c.subject for c in claims} == {subject}


@pytest.mark.parametrize(("text", "expected"), [
    # invented: the writer's aside about the speaker is the writer's figure; what the
    # speaker claims is the speaker's
    ("Oleg Sidorov, a blogger who has about 2 million subscribers, claimed that more than "
     "9,000 soldiers were ready.",
     [(2e6, "audience", "subscribers", []), (9000, "troops", "troops", ["russian"])]),
    ("The channel, which has over a million followers, wrote that 300 soldiers had died.",
     [(1e6, "audience", "followers", []), (300, "casualties", "casualties", ["russian"])]),
    # an aside that itself reports is the speaker's; a clause before the commas is content
    ("The ministry, which said 3,000 soldiers had died, added a warning.",
     [(3000, "casualties", "casualties", ["russian"])]),
    ("It shows that the trade between the two, which involved 9,000 shells, has grown.",
     [(9000, "shells", "shells", ["russian"])]),
])
def test_a_figure_in_the_writers_aside_about_the_speaker_is_the_writers(
        text: str, expected: list) -> None:
    assert [(c.figure, c.unit, c.subject, c.perspectives)
            for c in numeric_claims(text, perspectives=["russian"])] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # invented: a bare country as the subject of a reporting verb is its side's source
    ("Seoul's spy agency said about 200 soldiers had been killed, and Ukraine said the number "
     "was closer to 2,500.", [(200, ["south_korean"]), (2500, ["ukrainian"])]),
    ("Pyongyang has sent around 9,000 troops, according to South Korea, while Ukraine says "
     "10,000.", [(9000, ["south_korean"]), (10000, ["ukrainian"])]),
    # a country that is the topic, not a source, changes nothing
    ("Seoul's spy agency said about 200 soldiers sent to fight Ukraine had been killed.",
     [(200, ["south_korean"])]),
])
def test_a_country_reporting_a_figure_is_its_source(text: str, expected: list) -> None:
    assert _sides(text, ["south_korean", "ukrainian"]) == expected


def test_a_figure_cited_by_another_side_is_that_sides() -> None:
    # invented: in a Ukrainian statement, "the 900 cited by US officials" is the US figure
    text = ("Kyiv said 3,500 North Korean troops were killed or wounded, a figure higher than "
            "the 900 cited by US officials.")
    assert [(c.figure, c.unit, c.perspectives) for c in numeric_claims(
        text, 0, len(text), ["ukrainian"], sources=_matcher())] == [
        (3500, "casualties", ["ukrainian"]), (900, "casualties", ["us"])]


def _matcher():
    from briefing.core.claims.cues import matcher_for
    from briefing.core.perspectives import load_default_perspectives

    return matcher_for(load_default_perspectives())


@pytest.mark.parametrize(("text", "expected"), [
    # invented: a noun in a phrase after the head noun does not displace it
    ("Losses among Chechen units stand at around 700.",
     [(700, "casualties", "casualties")]),
    # a loss of a part of the group counted is the part's, not the group's
    ("Minsk has sent up to 9,000 soldiers and lost 700 of them.",
     [(9000, "troops", "troops"), (700, "casualties", "casualties")]),
    # a hyphenated compound modifies its noun
    ("Some 200 Koksan guns and 90 multiple-rocket launchers have been delivered.",
     [(200, "equipment", "guns"), (90, "equipment", "launchers")]),
    # whose: the supplier, not the country supplied; a side named after "from"
    ("North Korea may have provided Russia with as many as 7 million shells.",
     [(7e6, "shells", "North Korean shells")]),
    ("Over 9,000 servicemen from the DPRK are in the Kursk region.",
     [(9000, "troops", "North Korean troops")]),
    ("More than 900 KPA soldiers died.", [(900, "casualties", "North Korean casualties")]),
])
def test_the_head_noun_and_the_side_of_a_figure(text: str, expected: list) -> None:
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(text)] == expected


def test_a_clause_going_on_about_the_same_thing_keeps_the_source_of_the_one_before() -> None:
    # invented: a sentence given no side; its second clause names none and goes on with
    # the first ("it"), so its figure is the first clause's source's
    text = ("In March the National Intelligence Service put the dead at about a fifth of all "
            "casualties; by June it was more than 35 per cent.")
    assert _sides(text, []) == [(20, ["south_korean"]), (35, ["south_korean"])]
    # a clause that does not go on about it stays the writer's
    text = ("In March the National Intelligence Service put the dead at about 300; the real "
            "toll is likely 900.")
    assert _sides(text, []) == [(300, ["south_korean"]), (900, [])]


@pytest.mark.parametrize(("text", "subject"), [
    ("Putin is now losing an average of 1,000 soldiers in Ukraine each day.",
     "daily Russian casualties"),
    ("Shipments have reached 2.8m shells a year.", "yearly supplies of shells"),
    ("Russia fires about 10,000 shells per day, officials said.", "daily Russian shells"),
    ("About 3,000 troops arrived a day after the talks.", "troops"),  # a date, not a rate
])
def test_a_figure_per_period_is_a_rate_and_its_subject_says_so(text: str, subject: str) -> None:
    [claim] = numeric_claims(text)
    assert claim.subject == subject


@pytest.mark.parametrize(("text", "subject"), [
    ("Russia's own annual production stands at 2.9m shells.", "yearly production of Russian shells"),
    ("North Korea has shipped more than 5 million shells to Russia.",
     "supplies of North Korean shells"),
    ("Pyongyang still holds stockpiles of some 10 million shells.", "stocks of North Korean shells"),
    ("Russia fires about 10,000 shells per day.", "daily Russian shells"),  # no aspect named
    ("It sent about 50 domestically produced missiles.", "supplies of missiles"),  # the verb's
])
def test_what_a_figure_counts_made_sent_or_held_is_in_its_subject(text: str, subject: str) -> None:
    [claim] = numeric_claims(text)
    assert claim.subject == subject


def test_supplies_said_from_the_recipients_side_are_the_suppliers() -> None:
    assert [c.subject for c in numeric_claims("Russia has received 5 million shells.")] == [
        "supplies of shells"]  # not Russian shells: Russia gets them
    text = ("Pyongyang is a big supplier of arms to Moscow. Russia has received 5 million "
            "shells.")
    start = text.index("Russia has")
    assert [c.subject for c in numeric_claims(text, start, len(text))] == [
        "supplies of North Korean shells"]
    assert [c.subject for c in numeric_claims(
        "Russia has received 5 million shells from North Korea.")] == [
        "supplies of North Korean shells"]


def test_a_supply_with_no_side_in_its_sentence_is_the_supplier_named_before_it() -> None:
    text = ("Pyongyang has come to Moscow's aid before. The regime is a big supplier of arms to "
            "Russia. Shipments have reached 2.8m shells a year, just short of Russia's own "
            "annual production at 2.9m shells.")
    start = text.index("Shipments")
    claims = numeric_claims(text, start, len(text))
    assert [(c.figure, c.subject) for c in claims] == [
        (2.8e6, "yearly supplies of North Korean shells"),
        (2.9e6, "yearly production of Russian shells")]
    rows = compare((1, text[start:], c, None) for c in claims)
    assert len(rows) == 2  # Russia's output is not a second source on North Korea's supplies


def test_a_daily_rate_is_not_lined_up_with_a_total() -> None:
    """'losing 1,000 soldiers each day' and '600,000 dead and wounded' are two rows, not
    sources that disagree."""
    rate = "Putin is now losing an average of 1,000 soldiers in Ukraine each day."
    total = "Russian casualties have now surpassed 600,000 dead and wounded, US officials say."
    claims = [(1, rate, c, None) for c in numeric_claims(rate)] + \
        [(2, total, c, None) for c in numeric_claims(total)]
    rows = compare(claims)
    assert sorted(r.subject for r in rows) == ["Russian casualties", "daily Russian casualties"]
    assert all(len(r.entries) == 1 for r in rows)


@pytest.mark.parametrize(("text", "expected"), [
    # a range in words: "four and six million" is no one number but the range's two ends
    ("Kyiv needs between four and six million rounds a year.", (4e6, 6e6, "shells")),
    ("They sent four to six million shells.", (4e6, 6e6, "shells")),
    ("between three and four thousand troops", (3000, 4000, "troops")),
    ("11,000 to twelve thousand troops", (11000, 12000, "troops")),  # no thousandfold low end
    ("a few hundred to a thousand troops", (300, 1000, "troops")),  # its own scale kept
    # a qualifier between "between" and the low end ("between about 10,000 and 12,000")
    ("between about 10,000 and 12,000 soldiers", (10000, 12000, "troops")),
    ("between roughly 3,000 and 4,000 casualties", (3000, 4000, "casualties")),
    # a currency sign after a range's hyphen
    ("Brussels pledged €5bn-€6bn in aid.", (5e9, 6e9, "eur")),
    ("Russia presses along the 1,000km front with 3,000 troops.", (3000, None, "troops")),
    # a dollar sign with a country's letters, spaced from its figure
    ("The embassy released US$ 250,000 in aid.", (250000, None, "usd")),
    ("Canberra added A$ 50 million.", (5e7, None, "aud")),
])
def test_ranges_in_words_and_spaced_currency_signs(text: str, expected: tuple) -> None:
    [claim] = numeric_claims(text)
    assert (claim.figure, claim.value_high, claim.unit) == expected


def test_a_bare_dollar_is_the_pages_countrys_when_its_sentence_names_none() -> None:
    page = ("Prime Minister of Australia\nDoorstep\nPRIME MINISTER: Australia stands with "
            "Ukraine, and we work with the United States. We've announced a package worth "
            "$245 million. Australia's total support is more than $1.3 billion.")
    start = page.index("We've")
    assert [(c.figure, c.unit) for c in numeric_claims(page, start, len(page))] == [
        (2.45e8, "aud"), (1.3e9, "aud")]
    # a page naming the United States as often is not sure of its dollar: US dollars
    american = page.replace("Prime Minister of Australia", "The United States and Washington")
    start = american.index("We've")
    assert [c.unit for c in numeric_claims(american, start, len(american))] == ["usd", "aud"]
    # a sentence naming the United States keeps its dollar
    us = page + " The United States has given $60 billion."
    assert [c.unit for c in numeric_claims(us, us.index("The United"), len(us))] == ["usd"]
    # named once only, the country is a topic, not the page's home
    once = "Canberra said Australia will help. The package is worth $245 million."
    assert [c.unit for c in numeric_claims(once)] == ["usd"]


@pytest.mark.parametrize(("text", "expected"), [
    # a people named by its plural counts its people, or its refugees when they fled
    ("Around 190 Filipinos remain in Ukraine.", (190, "people", "people")),
    ("We host about 110,000 Ukrainians who have fled the war.",
     (110000, "people", "Ukrainian refugees")),
    ("Some 10,000 Ukrainians were killed.", (10000, "casualties", "Ukrainian casualties")),
    # discharged from an army, they were men under arms
    ("Indian nationals served in the army. 85 of them had been discharged.",
     (85, "troops", "troops")),
])
def test_the_counted_noun_says_who_people_are(text: str, expected: tuple) -> None:
    [claim] = numeric_claims(text)
    assert (claim.figure, claim.unit, claim.subject) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a list of key numbers: the figure heads its line, what it counts after the colon
    ("By the numbers\n11,000: North Korean troops in the first wave (NIS)",
     [(11000, "troops", "North Korean troops")]),
    ("- about 4,700: North Koreans killed or wounded, per the NIS",
     [(4700, "casualties", "North Korean casualties")]),
    ("The figure was 11,000: troops and more.", []),  # a sentence's colon, not a list
])
def test_a_figure_heading_its_line_counts_what_follows_the_colon(text: str,
                                                                 expected: list) -> None:
    assert [(c.figure, c.unit, c.subject) for c in numeric_claims(text)] == expected


def test_the_writers_background_after_a_closed_attribution_is_the_writers_figure() -> None:
    text = ("Kim Jong Un told Sergey Lavrov that Pyongyang will support Moscow, state media "
            "reported, as the two countries deepen a partnership that has sent thousands of "
            "North Korean soldiers to Russia.")
    assert _sides(text, ["north_korean"]) == [(1000, [])]
    # a contrast after the attribution goes on with its source
    text = "About 300 were killed, the NIS said, while 2,700 were wounded."
    assert _sides(text, ["south_korean"]) == [(300, ["south_korean"]), (2700, ["south_korean"])]
    # a clause with its own source keeps it
    text = ("Seoul said 11,000 troops had been sent, officials said, while Kyiv reported "
            "3,000 casualties.")
    assert _sides(text, ["south_korean", "ukrainian"])[-1] == (3000, ["ukrainian"])


def test_a_side_named_as_the_place_of_a_post_does_not_report_the_figure() -> None:
    text = "The Philippine Embassy in Moscow counts approximately 1,300 Filipinos in Russia."
    assert _sides(text, []) == [(1300, [])]
    assert _sides("Moscow counts approximately 1,300 Filipinos in Russia.", []) == [
        (1300, ["russian"])]


def test_a_country_listed_with_a_named_source_is_one_of_the_sources() -> None:
    text = ("According to information from South Korea, Ukraine and the United States, more "
            "than 10,000 North Korean soldiers have been sent to Russia.")
    assert _sides(text, ["south_korean", "ukrainian", "us"]) == [
        (10000, ["south_korean", "ukrainian", "us"])]


def test_a_small_number_in_words_taken_alive_counts_men_not_the_losses_before_it() -> None:
    text = ("Ukraine says some 4,000 North Koreans were killed or wounded. Yet only two had "
            "been taken alive by the time of the offer.")
    start = text.index("Yet")
    assert [(c.figure, c.unit) for c in numeric_claims(text, start, len(text))] == [
        (2, "troops")]


@pytest.mark.parametrize(("text", "unit"), [
    ("It is worth 50 million Australian dollars.", "aud"),
    ("Ottawa gave 20 million Canadian dollars.", "cad"),
    ("Canada will give 50 million dollars.", "cad"),  # plain "dollars": as a bare "$"
    ("Canada will give 50 million US dollars.", "usd"),
    ("The loan is worth 50 billion dollars.", "usd"),
])
def test_a_dollar_named_in_words_is_its_countrys(text: str, unit: str) -> None:
    [claim] = numeric_claims(text)
    assert claim.unit == unit


def test_a_line_of_key_numbers_is_its_sources_statement_of_the_figure() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    text = ("Numbers worth keeping\n\n"
            "15,000: North Korean troops sent to Russia since October 2024, per South Korea's "
            "NIS\n\n"
            "about 4,700: North Koreans killed or wounded, also per the NIS\n\n"
            "4-6 million: artillery rounds shipped to Russia\n\n"
            "Russia fires 10,000 shells, per day.\n")
    found = {text[s.start:s.end].split(":")[0]: sorted(s.perspectives)
             for s in suggest_claims(text, load_default_perspectives())}
    assert found == {"15,000": ["south_korean"], "about 4,700": ["south_korean"],
                     "4-6 million": [],  # no source named: the writer's figure
                     "Russia fires 10,000 shells, per day.": []}  # "per day" names no one


def test_a_table_row_naming_its_source_states_even_a_vague_figure() -> None:
    from briefing.core.claims import suggest_claims
    from briefing.core.perspectives import load_default_perspectives

    text = ("Source | Date | Killed | Basis\n\n"
            "United States, White House | 2024-12-16 | several hundred | press briefing\n\n"
            "South Korea, NIS | 2025-01-13 | about 300 | briefing to lawmakers\n")
    found = {text[s.start:s.end].split(" |")[0]: sorted(s.perspectives)
             for s in suggest_claims(text, load_default_perspectives())}
    assert found == {"United States, White House": ["us"], "South Korea, NIS": ["south_korean"]}


def test_a_share_of_a_countrys_whole_says_whose_and_is_not_lined_up_with_anothers() -> None:
    estonia = "Estonia spends 3.4 per cent of GDP on defence."
    denmark = "Denmark will spend more than three per cent of GDP on defence this year."
    subjects = [c.subject for text in (estonia, denmark) for c in numeric_claims(text)]
    assert subjects == ["Estonia's GDP on defence", "Denmark's GDP on defence"]
    rows = compare((i, text, c, None) for i, text in enumerate((estonia, denmark), 1)
                   for c in numeric_claims(text))
    assert len(rows) == 2  # two countries' shares, not two sources that disagree
    assert [c.subject for c in numeric_claims("Russia spends 6 per cent of its GDP.")] == [
        "Russia's GDP"]
    assert [c.subject for c in numeric_claims("About 70 percent of the shells came from "
                                              "North Korea.")] == ["the shells"]
