"""Chinese in the script its readers read: Simplified for "zh", "zh-Hans", "zh-CN", "zh-SG";
Traditional for "zh-Hant", "zh-TW", "zh-HK", "zh-MO". A model asked for one often answers in
the other, which readers of the first can read only with effort.

No conversion table ships with an installed library, so frequent characters that differ
between the two (们/們, 这/這, 从/從 ...) tell them apart: an answer with more of the other
script's than of its own, which the source does not have, is in the other script.
"""

from django.utils.translation import gettext as _

from .problems import Problem

# Simplified and Traditional forms of frequent characters, pair by pair; none is written
# alike in the other script.
_PAIRS = (
    "们們 这這 个個 来來 时時 说說 为為 对對 会會 过過 还還 发發 经經 现現 开開 没沒 动動 进進 "
    "长長 门門 问問 间間 东東 车車 让讓 关關 见見 气氣 样樣 体體 头頭 机機 学學 电電 话話 国國 "
    "听聽 书書 应應 认認 从從 将將 请請 报報 参參 网網 与與 业業 义義 乐樂 买買 亲親 众眾 传傳 "
    "组組 织織 议議 标標 题題 语語 论論 设設 计計 场場 边邊 广廣 战戰 护護 权權 带帶 访訪 "
    "联聯 络絡 邮郵 费費 资資 签簽 响響 备備 购購 横橫 钟鐘 点點 务務 欢歡 线線 单單 处處 "
    "区區 级級 华華 实實 际際 图圖 复復 复複"
)
_SIMPLIFIED = frozenset(pair[0] for pair in _PAIRS.split())
_TRADITIONAL = frozenset(pair[1] for pair in _PAIRS.split())
_TRADITIONAL_REGIONS = frozenset({"hant", "tw", "hk", "mo"})
# Fewer characters of the other script than this, among its own, may be a name quoted as it
# is written.
_FEWEST = 2


def expects_traditional(language: str) -> bool | None:
    """Whether an answer in `language` is written in Traditional characters; None for a
    language other than Chinese."""
    parts = language.replace("_", "-").casefold().split("-")
    if parts[0] != "zh":
        return None
    return bool(_TRADITIONAL_REGIONS & set(parts[1:]))


def chinese_script_problems(source: str, translated: str, *, language: str) -> list[Problem]:
    traditional = expects_traditional(language)
    if traditional is None:
        return []
    own, other = (_TRADITIONAL, _SIMPLIFIED) if traditional else (_SIMPLIFIED, _TRADITIONAL)
    written = [ch for ch in translated if ch not in source]
    theirs = sum(ch in other for ch in written)
    ours = sum(ch in own for ch in written)
    if theirs <= ours or (theirs < _FEWEST and ours):
        return []
    wanted = "Traditional" if traditional else "Simplified"
    return [
        Problem(
            "chinese_script",
            _("The translation is in Simplified Chinese where Traditional is expected.")
            if traditional
            else _("The translation is in Traditional Chinese where Simplified is expected."),
            f"Your answer is written in the other Chinese script. Write it in {wanted} "
            f"Chinese characters.",
        )
    ]
