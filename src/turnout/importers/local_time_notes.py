"""The notes that say an hour is the place's own ("local time", "yerel saat", "paikallista
aikaa"): words about the time, never part of a venue, so they go with the time they follow."""

import re

from .vocabulary import fold

LOCAL_TIME_NOTES: tuple[str, ...] = (
    "local time",
    "all times local",
    "lokale tijd",
    "plaatselijke tijd",
    "ortszeit",
    "heure locale",
    "hora local",
    "ora locale",
    "lokal tid",
    "lokaltid",
    "paikallista aikaa",
    "helyi idő szerint",
    "yerel saatle",
    "yerel saat",
    "czasu lokalnego",
    "místního času",
    "miestneho času",
    "τοπική ώρα",
    "місцевого часу",
    "по местному времени",
    "местное время",
    "waktu setempat",
    "giờ địa phương",
    "เวลาท้องถิ่น",
    "स्थानीय समय",
    "saa za huko",
    "oras sa lugar",
    "hora local",
    "vietos laiku",
    "lokalnega časa",
    "по местно време",
    "po lokalnom vremenu",
    "kohaliku aja järgi",
    "kohalik aeg",
    "vietējais laiks",
    "pēc vietējā laika",
    "að staðartíma",
    "ħin lokali",
    "tokiko ordua",
    "amser lleol",
    "am áitiúil",
    "ora lokale",
    "локално време",
    "ადგილობრივი დროით",
    "տեղական ժամանակով",
    "waktu tempatan",
    "உள்ளூர் நேரம்",
    "مقامی وقت",
    "به وقت محلی",
    "לפי שעון מקומי",
    "שעון מקומי",
    "akoko agbegbe",
)
# As written and without accents ("helyi ido szerint"), in any case.
_WRITTEN = {form for note in LOCAL_TIME_NOTES for form in (note, fold(note))}
_NOTE = re.compile(
    r"\(?\s*(?<!\w)(?:"
    + "|".join(re.escape(form) for form in sorted(_WRITTEN, key=len, reverse=True))
    + r")(?!\w)\s*\)?",
    re.I,
)


def without_local_time_notes(text: str) -> str:
    """`text` without its "(local time)" notes; the rest as written."""
    return _NOTE.sub(" ", text)
