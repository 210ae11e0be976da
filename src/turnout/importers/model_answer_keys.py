"""The keys of a model's answer as asked, however the model named them: in another case or
language ("Stadt", "CITY"), in camel case ("startsAt"), as schema.org writes an event (a place
as an object, a date with its time), or a synonym ("when", "rsvp"); a value written with its
confidence or source beside it ({"value": ..., "confidence": 0.9}) is the value."""

import re
import unicodedata

from .vocabulary import fold

# The keys models write for the asked ones: another case, another language, another word.
_KEY_NAMES = {
    "events": ("events", "event", "evenementen", "veranstaltungen", "termine", "evenements",
               "eventos", "события", "мероприятия", "イベント", "results", "data",
               "εκδηλώσεις", "εκδηλωση", "행사", "이벤트", "acara", "kegiatan", "etkinlikler",
               "etkinlik", "події", "заходи", "कार्यक्रम", "evenemang", "händelser", "akce",
               "udalosti", "acties", "aktionen", "الفعاليات", "الأحداث", "الانشطة", "items",
               "eventi", "wydarzenia", "akcje", "etkinlik_listesi",
               "tapahtumat", "tapahtuma", "אירועים", "אירוע", "mga_kaganapan", "kaganapan",
               "অনুষ্ঠান", "অনুষ্ঠানসমূহ", "ইভেন্ট", "esdeveniments", "actes"),
    "title": ("title", "name", "titel", "titre", "titulo", "название", "τίτλος", "제목",
              "judul", "başlık", "baslik", "назва", "शीर्षक", "název", "タイトル", "nom", "nombre",
              "titolo", "tytuł", "nome", "otsikko", "nimi", "כותרת", "שם", "pamagat", "শিরোনাম",
              "títol"),
    "city": ("city", "town", "location_city", "stad", "plaats", "stadt", "ort_stadt", "ville",
             "ciudad", "cidade", "miasto", "город", "都市", "address_locality", "locality",
             "city_name", "πόλη", "도시", "kota", "şehir", "sehir", "місто", "शहर", "město",
             "المدينة", "مدينة", "市", "città", "comune", "miejscowość", "kent", "kaupunki",
             "paikkakunta", "עיר", "lungsod", "siyudad", "bayan", "শহর", "ciutat", "població"),
    "country": ("country", "land", "pays", "pais", "kraj", "страна", "国", "address_country",
                "country_code", "χώρα", "국가", "나라", "negara", "ülke", "країна", "देश",
                "země", "البلد", "الدولة", "paese", "nazione", "państwo", "maa", "מדינה", "bansa",
                "দেশ", "país"),
    "venue": ("venue", "location", "place", "meeting_point", "locatie", "ort", "treffpunkt",
              "lieu", "lugar", "local", "miejsce", "место", "会場", "venue_name",
              "location_name", "τοποθεσία", "τόπος", "χώρος", "장소", "lokasi", "tempat",
              "yer", "mekan", "місце", "स्थान", "plats", "místo", "المكان", "场所", "場所",
              "veranstaltungsort", "ubicacion", "punto_de_encuentro", "point_de_rendez_vous",
              "adresse", "direccion", "адрес", "luogo", "indirizzo", "punto_di_ritrovo",
              "punto_d_incontro", "endereço", "ponto_de_encontro", "miejsce_spotkania", "adres",
              "buluşma_yeri", "adress", "mötesplats", "διεύθυνση", "주소", "paikka",
              "tapahtumapaikka", "kokoontumispaikka", "מקום", "מיקום", "lugar_ng_pagtitipon",
              "lokasyon", "স্থান", "ভেন্যু", "lloc", "punt_de_trobada", "adreça"),
    "date": ("date", "day", "start_date", "datum", "fecha", "data_evento", "дата", "日付",
             "starts_at", "start_datetime", "start_date_time", "datetime", "date_time", "when",
             "ημερομηνία", "날짜", "일자", "tanggal", "tarih", "दिनांक", "तारीख", "तिथि", "التاريخ",
             "jour", "день", "開催日", "giorno", "dia", "dzień", "gün", "dag", "날짜_및_시간",
             "päivämäärä", "päivä", "תאריך", "petsa", "araw", "তারিখ"),
    "last_date": ("last_date", "end_date", "einddatum", "enddatum", "date_fin", "fecha_fin",
                  "ημερομηνία_λήξης", "종료일", "tanggal_selesai", "bitiş_tarihi",
                  "дата_завершення", "data_fine", "data_di_fine", "data_final",
                  "data_de_termino", "data_zakończenia", "slutdatum"),
    "start": ("start", "start_time", "time", "begin", "tijd", "beginn", "uhrzeit", "heure",
              "hora", "godzina", "время", "時間", "starts", "from", "time_start", "ώρα",
              "ώρα_έναρξης", "έναρξη", "시작", "시작_시간", "시간", "mulai", "waktu_mulai",
              "jam", "waktu", "başlangıç", "başlangıç_saati", "saat", "початок", "час", "समय",
              "शुरू", "आरंभ", "starttid", "tid", "začátek", "čas", "begintijd", "starttijd",
              "aanvang", "startzeit", "zeit", "heure_de_debut", "heure_debut", "debut",
              "hora_de_inicio", "hora_inicio", "inicio", "начало", "время_начала", "開始",
              "開始時刻", "開始時間", "الوقت", "وقت_البدء", "الساعة", "ora", "orario", "ora_inizio",
              "ora_di_inizio", "inizio", "godzina_rozpoczęcia", "rozpoczęcie", "początek",
              "hora_de_início", "klockan", "kl", "시각", "시작_시각", "प्रारंभ_समय", "ώρα_έναρξης",
              "alkaa", "alkamisaika", "kellonaika", "aika", "klo", "שעה", "שעת_התחלה", "התחלה",
              "oras", "oras_ng_simula", "simula", "সময়", "শুরু", "শুরুর_সময়", "hora_d_inici",
              "inici"),
    "end": ("end", "end_time", "eind", "ende", "fin", "ends_at", "end_datetime", "until",
            "time_end", "to", "fim", "hora_fim", "hora_fin", "koniec", "bis", "終了", "ώρα_λήξης",
            "λήξη", "종료", "종료_시간", "selesai", "waktu_selesai", "bitiş", "bitiş_saati",
            "кінець", "закінчення", "समाप्ति", "अंत", "sluttid", "slut", "konec", "eindtijd",
            "endzeit", "heure_de_fin", "hora_de_fin", "окончание", "конец", "время_окончания",
            "終了時刻", "終了時間", "وقت_الانتهاء", "fine", "ora_fine", "ora_di_fine",
            "godzina_zakończenia", "zakończenie", "término", "hora_de_término", "종료_시각",
            "समाप्ति_समय", "päättyy", "päättymisaika", "loppuu", "שעת_סיום", "סיום",
            "oras_ng_pagtatapos", "tapos", "pagtatapos", "শেষ", "শেষের_সময়", "hora_de_fi",
            "hora_final", "final"),
    "zone": ("zone", "timezone", "time_zone", "tz", "ζώνη_ώρας", "시간대", "zona_waktu",
             "saat_dilimi", "часовий_пояс", "समय_क्षेत्र", "tidszon", "časové_pásmo",
             "fuso_orario", "fuso_horário", "strefa_czasowa", "aikavyöhyke", "אזור_זמן",
             "sona_ng_oras", "সময়_অঞ্চল", "fus_horari"),
    "signup_url": ("signup_url", "signup", "sign_up_url", "registration_url", "url", "link",
                   "aanmelden", "anmeldung", "inscription", "inscripcion", "регистрация",
                   "signup_link", "registration", "register_url", "rsvp_url", "rsvp",
                   "inscricao", "inscricoes", "zapisy", "rejestracja", "参加登録", "تسجيل",
                   "εγγραφή", "δήλωση_συμμετοχής", "신청", "신청_링크", "참가_신청",
                   "pendaftaran", "tautan_pendaftaran", "daftar", "kayıt", "kayit",
                   "kayıt_linki", "реєстрація", "पंजीकरण", "anmälan", "anmalan", "registrace",
                   "aanmeldlink", "anmeldelink", "lien_d_inscription", "lien_inscription",
                   "enlace_de_inscripcion", "enlace_inscripcion", "ссылка_на_регистрацию",
                   "ссылка", "رابط_التسجيل", "التسجيل", "登録リンク", "申込", "申し込み",
                   "iscrizione", "iscrizioni", "link_iscrizione", "link_di_iscrizione",
                   "registrazione", "link_de_inscrição", "link_zapisów", "zapisy_link",
                   "kayıt_bağlantısı", "anmälningslänk", "신청_url", "पंजीकरण_लिंक",
                   "σύνδεσμος_εγγραφής", "ilmoittautuminen", "ilmoittautumislinkki", "ilmoittaudu",
                   "הרשמה", "קישור_להרשמה", "pagpaparehistro", "magparehistro",
                   "link_ng_pagpaparehistro", "নিবন্ধন", "নিবন্ধন_লিংক", "রেজিস্ট্রেশন",
                   "inscripció", "inscripcions", "enllaç_d_inscripció"),
    "cancelled": ("cancelled", "canceled", "is_cancelled", "is_canceled", "afgelast",
                  "abgesagt", "annule", "cancelado", "отменено", "ακυρώθηκε", "ακυρωμένη",
                  "취소", "취소됨", "dibatalkan", "iptal", "iptal_edildi", "скасовано", "रद्द",
                  "inställd", "installd", "zrušeno", "annullato", "annullata",
                  "cancellato", "odwołane", "odwołana", "iptal_edildi_mi", "ακυρώνεται",
                  "peruttu", "בוטל", "kanselado", "বাতিল", "cancel·lat", "anul·lat"),
    "coordination_url": ("coordination_url", "coordination", "chat_url"),
    # A day given in parts, its day under "day" (a date): joined in `_with_day_joined`.
    "year": ("year", "anno", "ano", "rok", "yıl", "år", "έτος", "연도", "년", "वर्ष", "jaar",
             "jahr", "annee", "год", "vuosi", "שנה", "taon", "বছর"),
    "month": ("month", "mese", "mês", "miesiąc", "ay", "månad", "μήνας", "월", "महीना",
              "maand", "monat", "mois", "mes", "месяц", "kuukausi", "חודש", "buwan", "মাস"),
}  # fmt: skip
_KEYS = {fold(name): key for key, names in _KEY_NAMES.items() for name in names}
# A key for the events when it holds them, and for a field when it holds one value.
_SCALAR_KEYS = {"data": "date"}
# The deepest an answer is unwrapped: {"events": {"events": [...]}}.
MOST_WRAPPINGS = 3


def answer_keys(value: object) -> object:
    """`value` with its keys, and those of its events, as asked ("Stadt", "CITY": "city");
    a key not known is kept as written."""
    if isinstance(value, list):
        return [answer_keys(item) if isinstance(item, dict) else item for item in value]
    if not isinstance(value, dict):
        return value
    renamed: dict = {}
    for key, item in value.items():
        item = _bare_value(item)
        words = _key_words(key)
        # "eventDate", "event_city": the field named with the thing it belongs to.
        name = _KEYS.get(words) or _KEYS.get(words.removeprefix("event_"), key)
        if name == "events" and not isinstance(item, dict | list):
            name = _SCALAR_KEYS.get(words, key)  # "data": "2027-06-13" is a date (pt, pl, it)
        if name == "events" or isinstance(item, dict | list):
            item = answer_keys(item)
        if renamed.get(name) in (None, ""):  # a null does not hide a synonym's value
            renamed[name] = item
    return _with_place_and_time_apart(renamed)


# What a model adds beside a field's value when it was asked for the value alone:
# {"value": "Tampere", "confidence": 0.9, "source": "Keskustori, Tampere."}.
_BESIDE_A_VALUE = frozenset({"value", "confidence", "certainty", "score", "probability",
                             "source", "evidence", "quote", "reason", "explanation"})  # fmt: skip


def _bare_value(item: object) -> object:
    """A field's value without the confidence or source the model wrote beside it."""
    if isinstance(item, dict) and "value" in item and set(map(str, item)) <= _BESIDE_A_VALUE:
        return item["value"]
    return item


def _without_symbols_around(key: str) -> str:
    """`key` without what a model puts around its words: emoji ("📅 date", "🏙️ city"),
    marks and spaces (a letter's combining marks, as Hindi's "तिथि" ends, are kept)."""

    def is_word(c: str) -> bool:
        return c.isalnum() or (unicodedata.category(c).startswith("M") and c != "\ufe0f")

    start = next((i for i, c in enumerate(key) if is_word(c)), len(key))
    end = next((i for i in range(len(key), start, -1) if is_word(key[i - 1])), start)
    return key[start:end]


def _key_words(key: object) -> str:
    """A key as looked up: "startsAt", "Start-Time", "start time" and "🕐 Start Time" all as
    "start_time"."""
    words = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", _without_symbols_around(str(key)))
    return fold(re.sub(r"[\s'’-]+", "_", words))  # "lien d'inscription": lien_d_inscription


# A date written with its time: "2027-06-12T13:00:00+02:00", "2027-06-12 13:00".
_DATE_AND_TIME = re.compile(r"(\d{4}-\d{1,2}-\d{1,2})[T ](\d{1,2}:\d{2}\S*)$")
_PLACE_FIELDS = ("city", "country", "venue")


def _with_place_and_time_apart(event: dict) -> dict:
    """An event whose place is an object ({"location": {"name": ..., "address": {"locality":
    ...}}}), whose date holds its time, or whose date or time is a span's object, with each in
    the field asked for."""
    for key in _PLACE_FIELDS:
        if isinstance(event.get(key), dict):
            place = _place_facts(event[key], depth=0)
            event = {k: v for k, v in event.items() if k != key}
            event |= {k: v for k, v in place.items() if k not in event}
    # A span as an object: "date": {"start": ..., "end": ...}, "time": {"from": ..., "to": ...}.
    for key, last in (("date", "last_date"), ("start", "end")):
        if isinstance(span := event.get(key), dict):
            event = {**event, key: span.get(key) or span.get("start") or span.get("date")}
            if event.get(last) in (None, ""):
                event[last] = span.get(last) or span.get("end")
    event = _with_day_joined(event)
    for key, clock in (("date", "start"), ("last_date", "end"), ("end", "end")):
        value = event.get(key)
        if isinstance(value, str) and (match := _DATE_AND_TIME.match(value.strip())):
            if key != "end":
                event[key] = match.group(1)
            if key == clock or clock not in event or event[clock] in (None, ""):
                event[clock] = match.group(2)
    return event


# A year written as a number with a thousands separator: "2,027", "2.027", "2 027", "2'027".
_GROUPED_YEAR = re.compile(r"(\d)[,.'\u2019 \u00a0\u202f](\d{3})")


def _with_day_joined(event: dict) -> dict:
    """An event whose day is given in parts ("year": "2027", "month": 10, "day": 16) with
    the day as one date: "2027-10-16", or "16 ottobre 2027" for a month in words."""
    year, month = event.get("year"), event.get("month")
    day = event.get("date")
    parts = [str(part).strip() for part in (year, month, day) if isinstance(part, str | int)]
    if parts and (grouped := _GROUPED_YEAR.fullmatch(parts[0])):
        parts[0] = "".join(grouped.groups())  # "2,027": a number as a spreadsheet shows it
    if len(parts) != 3 or not re.fullmatch(r"\d{1,2}", parts[2]):
        return event
    if not re.fullmatch(r"\d{4}", parts[0]) or not parts[1]:
        return event
    if parts[1].isdigit():
        return {**event, "date": f"{parts[0]}-{int(parts[1]):02}-{int(parts[2]):02}"}
    return {**event, "date": f"{parts[2]} {parts[1]} {parts[0]}"}


def _place_facts(place: dict, *, depth: int) -> dict:
    """The city, country and venue an object for a place holds, its name taken as the venue."""
    found: dict = {}
    for key, value in place.items():
        if key in _PLACE_FIELDS and isinstance(value, str | int | float):
            found.setdefault(key, value)
        elif key == "title" and isinstance(value, str):
            found.setdefault("venue", value)
        elif isinstance(value, dict) and depth < MOST_WRAPPINGS:
            for inner, fact in _place_facts(value, depth=depth + 1).items():
                found.setdefault(inner, fact)
    return found
