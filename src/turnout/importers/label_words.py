"""Label and signup words of the languages the main tables (`vocabulary`, `event_words`) lack
or hold few of: Korean, Chinese, Japanese, Hungarian, Croatian, Estonian, Arabic, Norwegian,
Slovak, the languages of Europe's edges, and French signup words in the first person ("Je
m'inscris"); a group's open evening; and the words for an event called off in languages the
main table lacks.

Kept apart so the main tables stay readable; `with_words` merges them in where they are read.
"""

WHERE_WORDS: dict[str, tuple[str, ...]] = {
    "ko": ("장소", "위치", "집결지", "집결 장소"),
    "zh": ("地點", "地点", "集合地點", "集合地点", "地址"),
    "hu": ("helyszín", "hely", "cím", "gyülekező"),
    "hr": ("gdje", "mjesto", "lokacija", "okupljanje"),
    "et": ("kus", "koht", "asukoht", "kogunemine"),
    "ar": ("المكان", "الموقع", "مكان التجمع"),
    "no": ("hvor", "sted", "oppmøte", "oppmøtested"),
    "sk": ("kde", "miesto", "miesto stretnutia"),
}
WHEN_WORDS: dict[str, tuple[str, ...]] = {
    "ko": ("일시", "시간", "날짜"),
    "zh": ("時間", "时间", "日期"),
    "hu": ("időpont", "dátum", "mikor"),
    "hr": ("kada", "datum", "vrijeme"),
    "et": ("millal", "aeg", "kuupäev"),
    "ar": ("الموعد", "التاريخ", "الوقت"),
    "no": ("når", "dato", "tid", "klokken"),
    "sk": ("kedy", "dátum", "čas"),
}
# The labels of the hour alone, never of the day: a bare "14–16" or "14" after one ("Tid:
# 14–16", "Time: 2-4") is a range of hours, where after "Dato:" it would be days.
HOUR_LABELS: dict[str, tuple[str, ...]] = {
    "en": ("time", "times", "start time"),
    "de": ("uhrzeit", "zeit"),
    "nl": ("tijd", "aanvang"),
    "fr": ("heure", "horaire", "horaires"),
    "es": ("hora", "horario"),
    "it": ("ora", "orario"),
    "pt": ("hora", "horário"),
    "ca": ("hora", "horari"),
    "da": ("tid", "tidspunkt", "klokken"),
    "sv": ("tid", "tidpunkt", "klockan"),
    "no": ("tid", "tidspunkt", "klokken"),
    "fi": ("aika", "kellonaika", "klo"),
    "pl": ("godzina", "godz"),
    "cs": ("čas",),
    "sk": ("čas",),
}
SIGNUP_WORDS: dict[str, tuple[str, ...]] = {
    "fr": ("je m'inscris", "m'inscrire", "je m’inscris"),
    "ja": ("参加登録", "参加申し込み", "お申し込み", "申し込み", "申込"),
    "ko": ("참가 신청", "참가신청", "신청", "등록"),
    "zh": ("立即報名", "立即报名", "報名", "报名"),
    "hr": ("prijavi se", "prijava", "prijave"),
    "et": ("registreeru", "registreerimine"),
    "no": ("meld deg på", "påmelding"),
    "sk": ("registrácia", "prihlás sa", "prihláste sa", "prihláška"),
    # Languages of the edges (`date_names._EDGE_LANGUAGES`): "Izena eman [hemen]".
    "eu": ("izena eman", "eman izena", "izen-ematea"),
    "mt": ("irreġistra", "irreġistraw", "reġistrazzjoni"),
    "lv": ("pieteikties", "piesakies", "reģistrācija"),
    "gl": ("inscríbete", "inscrición", "apúntate"),
    "cy": ("cofrestrwch", "cofrestru"),
    "ga": ("cláraigh", "clárú"),
    "is": ("skráning", "skráðu þig"),
    "sq": ("regjistrohu", "regjistrimi"),
}

# A group's open evening, which its page names as it names a meeting ("Onze open avond is
# elke tweede donderdag").
MEETING_WORDS: dict[str, tuple[str, ...]] = {
    "en": ("open evening", "open meeting"),
    "nl": ("open avond", "ledenavond"),
    "de": ("offenes treffen",),
    "fr": ("soirée ouverte",),
}

# "Called off" in languages the main table lacks, as each writes it: Irish "CEALAITHE",
# Welsh "wedi'i ganslo", Latvian "atcelts", Slovak "zrušené", Czech "zrušeno", Icelandic
# "aflýst", Maltese "ikkanċellat", Albanian "anuluar", Basque "bertan behera", Macedonian
# "откажано", Georgian, Armenian, Malay, Tamil and Urdu. Postponements to a day of their
# own are moves, not these.
CANCELLED_WORDS: dict[str, tuple[str, ...]] = {
    "ga": ("cealaithe", "curtha ar ceal"),
    "cy": ("wedi'i ganslo", "wedi ei ganslo", "canslwyd"),
    "lv": ("atcelts", "atcelta"),
    "sk": ("zrušené", "zrušený", "zrušená"),
    "cs": ("zrušeno", "zrušena", "zrušen", "odloženo"),
    "is": ("aflýst", "aflýstur"),
    "mt": ("ikkanċellat", "ikkanċellata"),
    "sq": ("anuluar", "anulohet"),
    "eu": ("bertan behera",),
    "mk": ("откажано", "откажан"),
    "ka": ("გაუქმებულია",),
    "hy": ("չեղարկված է", "չեղարկվել է"),
    "ms": ("dibatalkan",),
    "ta": ("ரத்து",),
    "ur": ("منسوخ",),
    "sw": ("imeahirishwa", "imefutwa", "imesitishwa"),
    "hi": ("रद्द", "स्थगित"),
    "id": ("dibatalkan", "ditunda"),
    "ro": ("anulat", "anulată", "amânat", "amânată"),
    "th": ("ยกเลิก", "งดจัด"),
    "ja": ("中止", "延期"),
    "zh": ("取消", "延期", "停辦", "停办"),
    "ko": ("취소", "연기됨"),
}

# Noon as one word: "정오", "正午" (Chinese "中午" comes before its hour, "中午12點"); Polish
# "południe" alone is also "the south", so only "w południe" ("at noon").
NOON_WORDS: dict[str, tuple[str, ...]] = {
    "ko": ("정오",),
    "ja": ("正午",),
    "de": ("mittag", "mittags"),
    "pl": ("w południe",),
    "hu": ("délben",),
}


def with_words(
    table: dict[str, tuple[str, ...]], more: dict[str, tuple[str, ...]]
) -> dict[str, tuple[str, ...]]:
    """`table` with `more`'s words after each language's own."""
    merged = dict(table)
    for code, words in more.items():
        merged[code] = (*merged.get(code, ()), *words)
    return merged
