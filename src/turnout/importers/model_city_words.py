"""A model's city with the little word the page's sentence put around it.

A model copying the city out of a sentence keeps the preposition or the case it was written
in: "a Girona" (Catalan), "sa Cebu City" (Tagalog), "στη Θεσσαλονίκη" (Greek), "בחיפה"
(Hebrew, "in Haifa": the preposition is a letter of the word), "부산에서" (Korean, a particle
after it), "চট্টগ্রামে" (Bengali, a locative ending). The city is read without it where that
leaves a city the gazetteer knows and the page writes as it is; otherwise the model's words
stand and are confirmed, or refused, as written.
"""

import re

from .page_evidence import PageEvidence
from .places import resolve_city

# Prepositions before a city's name, as models copy them out of a sentence ("in", "at", "to").
_BEFORE = re.compile(
    r"^(?:a|à|al|en|in|at|to|sa|sa lungsod ng|στη|στην|στο|σε|στις|у|в|во|ў|w|we|i|na|ve|"
    r"di|ở|tại|em|no|kwa|bij|im|am|zu)\s+",
    re.I,
)
# Hebrew's "in" and "to" written as the word's first letter: "בחיפה", "ב-חיפה", "לחיפה".
_HEBREW_PREFIX = re.compile(r"^(?:ב|ל)-?(?=[\u05d0-\u05ea])")
# Korean particles after a place: "에서" (at), "에" (to, in), "에서는", "으로", "로".
_KOREAN_PARTICLE = re.compile(r"(?<=[\uac00-\ud7a3])(?:에서는|에서|으로|에|로)$")
# Bengali's locative after a place: the vowel sign "ে" or "তে", "য়".
_BENGALI_LOCATIVE = re.compile(r"(?<=[\u0980-\u09ff])(?:তে|য়|ে)$")


def city_without_its_preposition(city: str, evidence: PageEvidence) -> str:
    """The city `city` names with the page's preposition or case around it; "" when there is
    none to take away, or what is left is no city the page writes."""
    text = city.strip()
    for pattern in (_BEFORE, _HEBREW_PREFIX, _KOREAN_PARTICLE, _BENGALI_LOCATIVE):
        bare = pattern.sub("", text).strip()
        if not bare or bare == text:
            continue
        if evidence.writes(bare) and resolve_city(bare, language=evidence.language) is not None:
            return bare
    return ""
