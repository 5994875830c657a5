"""Lines just above a headline that are not it: a row of menu items, a rubric over the
date line, a menu item repeated as the story's kicker.

Read by briefing.core.ingest.metadata when it looks for the headline next to a byline or
date line.
"""

from __future__ import annotations

import re
from functools import lru_cache

from briefing.core.ingest.bylines import author_line, byline
from briefing.core.ingest.clean import Unit
from briefing.core.ingest.cues import metadata_cues, name_key

_CJK = re.compile(r"[\u3400-\u9fff\uac00-\ud7af]")


def menu_item_again(units: list[Unit], at: int) -> bool:
    """The line repeats an item of the page's menu above it ("War in Ukraine" in the menu,
    then over the headline): a section kicker, not a headline over its standfirst. Menu
    items are short; a longer headline repeated by a share box above it stays one."""
    key = name_key(units[at].text)
    return len(key.split()) <= 3 and any(name_key(u.text) == key for u in units[:at])


_CAPITALISED = re.compile(r"^[^\W\d_]")
_HAN_MENU_ITEM = re.compile(r"[\u4e00-\u9fff]")


@lru_cache(maxsize=1)
def _menu_words() -> frozenset[str]:
    """A site's section names in scripts without capitals ("정치", "스포츠", "國際", "财经"):
    the languages' [metadata.title] menu_words."""
    return frozenset(metadata_cues()["title"].get("menu_words", []))


def menu_line(text: str) -> bool:
    """A row of menu items in a script with capitals ("Новости Политика В мире Экономика
    Армия и ОПК"): no punctuation, and most words capitalised; headlines in Russian and
    Ukrainian are in sentence case. In Hangul and Han, three or more section names and
    nothing else ("뉴스 스포츠 연예", "首頁 港聞 國際 財經"): a headline has words of its own."""
    words = text.split()
    known = sum(w in _menu_words() for w in words)
    if len(words) >= 3 and known >= len(words) - (1 if len(words) >= 4 else 0):
        return True  # one item the list lacks among four or more ("国际 中国 商业与经济 观点")
    if len(words) < 4 or re.search(r"[,.:;!?«»\"“”()]", text):
        return False
    if _HAN_MENU_ITEM.search(text) and not re.search(r"[\uac00-\ud7af\u0400-\u04ff]", text):
        # "DW 中文 新闻 德国 欧洲 中国 台湾": Chinese menu items are one or two words of
        # two to four characters; a headline's phrases run longer or carry punctuation
        return len(words) >= 5 and all(len(w) <= 4 and not w.isdigit() for w in words)
    caps = [w for w in words if _CAPITALISED.match(w) and w[0].isupper()]
    cased = [w for w in words if w[0].isupper() or w[0].islower()]
    return bool(cased) and len(caps) >= 4 and len(caps) >= 0.7 * len(cased) and any(
        "\u0400" <= ch <= "\u04ff" for ch in text)


def section_label(text: str) -> bool:
    """A rubric above the date line ("Політика", "Стрічка новин", "国际", "북한"): one or
    two words with no punctuation that are no one's name. Only in the scripts of issue 11
    (Cyrillic, Hangul, Han): English layouts put a place or a desk there too ("Oslo")."""
    words = text.split()
    if re.search(r"[A-Za-z]", text) or not re.search(r"[\u0400-\u04ff\u3400-\u9fff\uac00-\ud7af]",
                                                       text):
        return False
    return (1 <= len(words) <= 2 and not re.search(r"[\d,.:;!?«»\"“”()，。：；！？、“”（）]", text)
            and (not _CJK.search(text) or len(text) <= 8)
            and not (len(words) == 2 and all(w[0].isupper() for w in words))
            and not author_line(text) and not byline(text)[0])




@lru_cache(maxsize=1)
def _masthead_endings() -> tuple[str, ...]:
    return tuple(metadata_cues()["masthead"].get("cjk_endings", []))


_CJK_NAME = re.compile(r"[\u3400-\u9fff\uac00-\ud7afA-Za-z0-9]+")


def cjk_masthead(text: str) -> bool:
    """A site's name in Hangul or Han, atop its page ("한빛일보", "동해방송 뉴스", "港島日報",
    "亚太观察网"): a word of three to twelve characters ending as outlets' names end
    (the languages' [metadata.masthead] cjk_endings), perhaps with a second such word.
    Scripts without capitals cannot show a name by its case, as Title Case does."""
    words = text.split()
    ends = _masthead_endings()
    return (bool(ends) and 1 <= len(words) <= 2 and bool(_CJK.search(words[0]))
            and all(_CJK_NAME.fullmatch(w) for w in words)
            and 3 <= len(words[0]) <= 12 and words[0].endswith(ends)
            and (len(words) == 1 or words[1].endswith(ends)))
