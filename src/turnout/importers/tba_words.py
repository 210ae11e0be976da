"""How pages of more languages say a time or a place is yet to come ("ώρα θα ανακοινωθεί",
"รอยืนยัน", "belirlenecek"), beside the tables of `vocabulary.TO_BE_ANNOUNCED`.

Only languages the vocabulary already reads: a new language there brings all of CLDR's
abbreviated month names into the dates, and some are words elsewhere.
"""

MORE_TO_BE_ANNOUNCED: dict[str, tuple[str, ...]] = {
    "el": ("θα ανακοινωθεί", "θα επιβεβαιωθεί", "προς επιβεβαίωση", "προς ανακοίνωση"),
    "th": ("รอยืนยัน", "แจ้งภายหลัง", "จะแจ้งให้ทราบ"),
    "tr": ("belirlenecek", "duyurulacak", "teyit edilecek", "netleşecek"),
    "fi": ("ilmoitetaan myöhemmin", "vahvistetaan myöhemmin", "tarkentuu"),
    "uk": ("уточнюється", "буде оголошено", "згодом"),
    "ru": ("уточняется", "будет объявлено", "сообщим позже"),
    "hu": ("később jelentjük be", "egyeztetés alatt", "hamarosan kiderül"),
    "ro": ("va fi anunțat", "va fi anunțată", "urmează să fie anunțat", "de confirmat"),
    "id": ("menyusul", "akan diumumkan", "akan dikonfirmasi"),
    "vi": ("sẽ thông báo sau", "đang cập nhật", "chưa xác định"),
    "hi": ("घोषित किया जाएगा", "जल्द घोषित होगा", "तय होना बाकी"),
    "sw": ("itatangazwa", "itathibitishwa"),
    "he": ("יפורסם בהמשך", "יעודכן בהמשך", "ייקבע בהמשך", "טרם נקבע"),
    # Croatian, and the Serbian and Bosnian written in the same letters.
    "hr": ("naknadno", "bit će objavljeno", "biće objavljeno", "bit će potvrđeno"),
}
