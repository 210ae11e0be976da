"""A note the answer adds that it is a translation ("(Översatt med AI)", "*Bu metin yapay
zekâ ile çevrilmiştir.*", "（この文章はAIによって翻訳されました）"): short, in the answer's
own language, in brackets, in italics or run on after the last sentence, it keeps every
number and mark, and too few words lengthen the page to tell. A source that speaks of
translating is not judged: its translation says so too.
"""

import re

from django.utils.translation import gettext as _

from .placeholders import PLACEHOLDER
from .problems import Problem
from .proportions import sentences, text_blocks

# "Translated" and "translation" in the languages a note is written in. Left out where the
# word also means something a page says: a language's word for translating something else
# ("översätta"; Thai "แปลก", strange), Russian "перевод" (a bank transfer), Polish "tłumaczyć"
# (explain), Finnish "käännös" (a turn), Hungarian "fordítva" (the other way round), Turkish
# "çevrildi" (surrounded: "polis tarafından çevrildi"), Vietnamese "dịch" (an epidemic).
_TRANSLATED = re.compile(
    r"translat|übersetz|vertaald|vertaling|tradu[cizçïst]|traduzid|översatt|oversat|oversett|"
    r"konekään|przetłumacz|přelož|překlad|preložen|fordítás|lefordít|gépi fordít|"
    r"intelligenciával fordít|μεταφρ|переклад|çeviri|ile çevril|tercüme|अनुवाद|अनूदित|terjemah|"
    r"bản dịch|được dịch|tafsiri|แปลโดย|แปลด้วย|การแปล|คำแปล|翻訳|翻译|翻譯|번역|ترجم|תורגמ|תרגום",
    re.IGNORECASE,
)


def translation_note_problems(protected_source: str, translated: str) -> list[Problem]:
    """A sentence of the answer that says it was translated, where the source says nothing
    of translating."""
    if _TRANSLATED.search(PLACEHOLDER.sub(" ", protected_source)):
        return []
    for block in text_blocks(PLACEHOLDER.sub(" ", translated)):
        for sentence in sentences(block):
            if _TRANSLATED.search(sentence):
                note = sentence.strip("*_ ")[:80]
                return [
                    Problem(
                        "translation_note",
                        _("The translation adds a note that it is a translation: “%(note)s”.")
                        % {"note": note},
                        f"Your answer adds a note that it is a translation (“{note}”), which "
                        f"the text does not say. Translate the text only, adding no note, "
                        f"credit or disclaimer.",
                    )
                ]
    return []
