"""How pages of more languages say a time or a place is yet to come ("ώρα θα ανακοινωθεί",
"รอยืนยัน", "belirlenecek"), beside the tables of `vocabulary.TO_BE_ANNOUNCED`.

A language new to the tables brings its month and weekday names into every page's dates:
those of the edges (Maltese, Basque, Latvian, Welsh, Irish) bring their wide names only
(`date_names._EDGE_LANGUAGES`), as abbreviations such as Basque "ira" are words elsewhere.
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
    "mt": ("mhux ikkonfermat", "mhux ikkonfermata", "se jitħabbar", "għad irid jiġi kkonfermat"),
    "eu": ("zehazteke", "iragarriko da", "berretsi gabe"),
    "lv": ("tiks paziņots", "tiks precizēts", "precizējams"),
    "cy": ("i'w gadarnhau", "i'w gyhoeddi"),
    "ga": ("le deimhniú", "le fógairt"),
    "ar": ("يحدد لاحقا", "يعلن لاحقا", "سيعلن لاحقا", "لم يحدد بعد", "قيد التأكيد"),
}
