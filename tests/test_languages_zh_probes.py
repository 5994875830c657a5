"""Chinese attribution as news writes it (issue 11, zh20), each sentence written here for the
test: a briefing's unnamed answers, the place, topic or partner between a speaker and his
verb, regional governors, the EU, words added later ("他补充说") and think tanks."""

from __future__ import annotations

import pytest

from briefing.core.claims import suggest_claims
from briefing.core.claims.numeric_languages import foreign_numeric_claims
from briefing.core.perspectives import load_default_perspectives


def claims(text: str, title: str = "") -> dict[str, list[str]]:
    """quote -> perspectives, as the app suggests them."""
    return {s.quote: sorted(s.perspectives)
            for s in suggest_claims(text, load_default_perspectives(), title=title)}


def test_a_briefings_answers_are_its_hosts_before_any_names_a_speaker() -> None:
    """"答：…" with no speaker of its own on a spokesperson's briefing is the body the head
    line names ("外交部发言人…主持例行记者会"); the lines after it up to the next "问：" are
    that answer's too; a question relaying a side stays that side's."""
    title = "2024年11月5日外交部发言人毛宁主持例行记者会"
    first = "答：我不了解你提到的情况。"
    more = "我们希望各方推动局势降温。"
    asked = "问：韩国国情院称朝鲜士兵已参战。"
    second = "答：我们注意到有关报道。"
    text = "\n".join([title, "问：据报道，朝鲜向俄罗斯派兵。中方对此有何评论？", first, more,
                      asked, second])
    found = claims(text, title)
    assert found[first] == ["chinese"]
    assert found[more] == ["chinese"]
    assert found[asked] == ["south_korean"]
    assert found[second] == ["chinese"]
    # a page whose head names no briefing: an unnamed answer is no one's
    story = claims("朝鲜士兵问题\n问：朝鲜派兵了吗？\n" + first)
    assert story.get(first, []) == []


@pytest.mark.parametrize(("sentence", "side"), [
    ("朝鲜外务相崔善姬在莫斯科表示，朝鲜将始终站在俄罗斯一边。", ["north_korean"]),
    ("美方对朝俄军事合作表示严重关切。", ["us"]),
    ("俄罗斯外长拉夫罗夫与朝鲜外相崔善姬会谈后表示，两国关系处于新高度。", ["russian"]),
    ("北约秘书长吕特在布鲁塞尔表示，朝鲜士兵已被部署到库尔斯克地区。", ["nato_european"]),
    ("乌克兰总统泽连斯基对朝鲜派兵表示强烈谴责。", ["ukrainian"]),
])
def test_the_place_topic_or_partner_before_the_verb_is_no_speaker(sentence: str,
                                                                   side: list[str]) -> None:
    """"…在莫斯科表示", "…对朝俄合作表示", "…与…会谈后表示": only the speaker's side."""
    assert claims("朝鲜士兵问题\n" + sentence)[sentence] == side


@pytest.mark.parametrize(("sentence", "side"), [
    ("库尔斯克州代理州长斯米尔诺夫表示，有居民在袭击中受伤。", ["russian"]),
    ("别尔哥罗德州州长格拉德科夫称，乌军无人机袭击了该州。", ["russian"]),
    ("哈尔科夫州州长西涅古博夫说，俄军炮击造成3人死亡。", ["ukrainian"]),
    ("欧盟外交与安全政策高级代表博雷利强调，这是严重的升级。", ["nato_european"]),
    ("歐盟外交與安全政策高級代表卡拉斯表示，北韓的參與是嚴重升級。", ["nato_european"]),
    ("美国智库战争研究所评估称，朝鲜士兵已参战。", []),
])
def test_governors_the_eu_and_think_tanks(sentence: str, side: list[str]) -> None:
    """A region's governor speaks for the state governing it; the EU is the NATO/European
    side (simplified or traditional); a think tank speaks for none."""
    assert claims("朝鲜士兵问题\n" + sentence)[sentence] == side


def test_words_added_later_are_the_last_speakers() -> None:
    """"他补充说", "她补充道", "他接着说" go on with the speaker before, as do quoted words
    followed by "他说" and "他在社交媒体上写道" (the place is no speaker)."""
    said = "泽连斯基在视频讲话中说，朝鲜已派兵。"
    added = "他补充说，世界必须作出反应。"
    quoted = "“我们需要更多的武器，”他说。"
    wrote = "他在社交媒体上写道：“朝鲜士兵正被当作炮灰。”"
    found = claims("朝鲜士兵问题\n" + "\n".join([said, added, quoted, wrote]))
    assert found[wrote] == ["ukrainian"]
    assert found[added] == ["ukrainian"]
    assert found[quoted] == ["ukrainian"]
    went_on = "她接着说，美方将与盟友协商。"
    found = claims("朝鲜士兵问题\n美国国务院发言人表示，美方严重关切。\n" + went_on)
    assert found[went_on] == ["us"]


@pytest.mark.parametrize(("sentence", "side"), [
    ("据韩联社报道，韩国国家情报院称朝鲜已向俄罗斯派遣1万余名士兵。", ["south_korean"]),
    ("路透社援引乌克兰军方的话报道，数千名朝鲜士兵已抵达。", ["ukrainian"]),
    ("據韓聯社報導，南韓國防部指出，北韓士兵逾萬人。", ["south_korean"]),
    ("对此，外交部发言人毛宁回应称，中方在乌克兰问题上的立场是一贯的。", ["chinese"]),
    ("消息人士称，上千名朝鲜士兵已接受训练。", []),
    ("中国人民大学教授李明认为，俄朝合作有其局限性。", []),
])
def test_sources_citations_and_analysts_as_news_writes_them(sentence: str,
                                                          side: list[str]) -> None:
    """据…报道, 援引…的话, traditional 據…報導, 对此 …回应称: the side cited; an unnamed
    source or a professor: no side."""
    assert claims("朝鲜士兵问题\n" + sentence)[sentence] == side


def test_the_writers_own_analysis_is_no_claim() -> None:
    """Lines with no one speaking ("这意味着…", "值得注意的是…") are no one's."""
    lines = ["这意味着俄朝关系进入新阶段。", "朝鲜士兵约有1万余人抵达俄罗斯远东地区。"]
    found = claims("朝鲜士兵问题\n" + "\n".join(lines))
    assert all(found.get(line, []) == [] for line in lines)


def test_an_analysis_before_its_words_and_state_media_summed_up() -> None:
    """"…接受…访问时分析，…" is the analyst's (a university's: no side, nor his "他说" after
    it); "国情院分析，…" the body's; "俄媒"/"朝媒" are Russia's / North Korea's media."""
    analysed = "某大学研究员王明接受本台访问时分析，北京不愿批评莫斯科。"
    after = "他说：“平壤对北京的依赖会降低。”"
    body = "韩国国情院分析，朝鲜士兵缺乏实战经验。"
    russian = "俄媒报道称，朝鲜士兵已抵达。"
    northern = "朝媒报道，金正恩视察了部队。"
    found = claims("朝鲜士兵问题\n" + "\n".join([analysed, after, body, russian, northern]))
    assert found[analysed] == [] and found[after] == []
    assert found[body] == ["south_korean"]
    assert found[russian] == ["russian"]
    assert found[northern] == ["north_korean"]


def test_a_short_quoted_name_and_a_papers_title_name_no_speaker() -> None:
    """A short quoted outlet inside the speaker's clause ("对美国媒体“战区”网站表示") is
    no clause boundary; a paper's name in 《》 names no side beside a country that does
    ("韩国《朝鲜日报》": South Korea's), alone it still does ("《劳动新闻》")."""
    told = "乌克兰国防部情报总局局长布达诺夫对美国媒体“战区”网站表示，朝鲜士兵约有1.1万人。"
    paper = "韩国《朝鲜日报》援引情报部门消息称，朝鲜士兵约有1.1万人。"
    alone = "《劳动新闻》发表社论称，朝俄友谊牢不可破。"
    found = claims("朝鲜士兵问题\n" + "\n".join([told, paper, alone]))
    assert found[told] == ["ukrainian"]
    assert found[paper] == ["south_korean"]
    assert found[alone] == ["north_korean"]


@pytest.mark.parametrize(("sentence", "figure", "qualifier"), [
    ("乌方称约3,000名朝鲜士兵已抵达。", 3000.0, "约"),
    ("约有1.1万名朝鲜士兵在库尔斯克。", 11000.0, "约有"),
    ("逾1万名朝鲜士兵已抵达。", 10000.0, "逾"),
    ("北韓約有1萬名士兵在俄羅斯。", 10000.0, "約有"),
    ("韩国国情院称，朝鲜已派遣1万余名士兵。", 10000.0, "more than"),
])
def test_figures_in_chinese_notation(sentence: str, figure: float, qualifier: str) -> None:
    """Thousands separators, decimals before 万, traditional 萬 and 約, 逾: one figure each."""
    found = [(c.figure, c.qualifier) for c in foreign_numeric_claims(sentence)]
    assert found == [(figure, qualifier)]


def test_a_vague_figure_is_no_count() -> None:
    """"数千名" / "几千名" (some thousands) is no figure to line up."""
    assert foreign_numeric_claims("数千名朝鲜士兵已抵达。") == []
    assert foreign_numeric_claims("几千名朝鲜士兵已抵达。") == []


def test_countries_named_together_by_one_letter_each() -> None:
    """"朝俄两国均否认", "乌韩两国情报部门称": each country's side; a country's independent
    media ("俄罗斯独立媒体") are not its state's."""
    both = "朝俄两国均否认派兵。"
    pair = "乌韩两国情报部门称，朝鲜士兵已参战。"
    media = "俄罗斯独立媒体报道称，朝鲜士兵已抵达。"
    found = claims("朝鲜士兵问题\n" + "\n".join([both, pair, media]))
    assert found[both] == ["north_korean", "russian"]
    assert found[pair] == ["south_korean", "ukrainian"]
    assert found[media] == []
