"""Column headers of an events sheet in the languages beyond the first eight (`sheet_columns`),
written as people write them; `sheet_columns` compares them in its header form.

A movement's chapters keep their own sheets: "Şehir", "Πόλη", "Město", "都市", "Місто",
"Kaupunki", "Kota". Each tuple lists what a team calls that column in Turkish, Greek, Czech,
Slovak, Hungarian, Romanian, Swedish, Danish, Norwegian, Finnish, Estonian, Lithuanian,
Latvian, Slovenian, Croatian, Serbian, Bulgarian, Ukrainian, Russian, Catalan, Indonesian,
Malay, Vietnamese, Tagalog, Swahili, Arabic, Persian, Hebrew, Hindi, Bengali, Thai, Japanese,
Chinese and Korean. The documented column names stay the ones the README gives.
"""

# fmt: off
MORE_EVENT_HEADERS: dict[str, tuple[str, ...]] = {
    "title": (
        "etkinlik", "başlık", "εκδήλωση", "τίτλος", "název", "akce", "událost", "podujatie",
        "esemény", "eveniment", "titlu", "evenemang", "titel", "arrangement", "tapahtuma",
        "otsikko", "üritus", "renginys", "pasākums", "dogodek", "naslov", "događaj", "догађај",
        "събитие", "подія", "назва", "событие", "название", "esdeveniment", "títol", "acara",
        "judul", "acara", "sự kiện", "tiêu đề", "kaganapan", "pamagat", "tukio", "kichwa",
        "الفعالية", "رویداد", "عنوان", "אירוע", "כותרת", "कार्यक्रम", "शीर्षक", "অনুষ্ঠান",
        "শিরোনাম", "กิจกรรม", "ชื่อกิจกรรม", "イベント", "イベント名", "タイトル", "名称",
        "活动", "活動", "标题", "標題", "행사", "행사명", "제목",
    ),
    "city": (
        "locality", "address locality", "addressLocality", "physicalAddress.locality",
        "venue locality",
        "şehir", "kent", "πόλη", "město", "mesto", "obec", "város", "település", "oraș", "oras",
        "localitate", "stad", "ort", "kaupunki", "paikkakunta", "linn", "miestas", "pilsēta",
        "grad", "град", "населено място", "місто", "населений пункт", "город",
        "населённый пункт", "ciutat", "població", "kota", "bandar", "thành phố", "tỉnh thành",
        "lungsod", "bayan", "mji", "jiji", "المدينة", "مدينة", "شهر", "עיר", "शहर", "নগর",
        "শহর", "เมือง", "都市", "市区町村", "市", "城市", "도시", "시",
    ),
    "country": (
        "country code", "countryCode", "address country", "addressCountry",
        "physicalAddress.country", "venue country code",
        "ülke", "χώρα", "země", "stát", "krajina", "ország", "țară", "tara", "land", "maa",
        "riik", "šalis", "valsts", "država", "држава", "държава", "країна", "страна", "país",
        "negara", "quốc gia", "bansa", "nchi", "الدولة", "البلد", "کشور", "מדינה", "देश", "দেশ",
        "ประเทศ", "国", "国名", "国家", "國家", "나라", "국가",
    ),
    "date": (
        "tarih", "ημερομηνία", "ημέρα", "datum", "dátum", "nap", "dată", "data", "ziua",
        "päivämäärä", "päivä", "pvm", "kuupäev", "data", "datums", "dan", "датум", "дата",
        "день", "data", "tanggal", "tarikh", "ngày", "petsa", "tarehe", "التاريخ", "تاریخ",
        "תאריך", "तारीख़", "तारीख", "दिनांक", "তারিখ", "วันที่", "日付", "開催日", "日程",
        "日期", "날짜", "일자", "일시",
        "dates", "termin", "termine",  # a cell of several days ("15 May, 22 May"); de, pl
    ),
    "start_time": (
        "start_at", "begins_on", "beginsOn", "startDate", "event start date/time",
        "start date/time", "start datetime", "start date and time", "begin date/time",
        "date et heure de début", "fecha y hora de inicio", "startdatum/-zeit", "begindatum/tijd",
        "godzina rozpoczęcia", "czas rozpoczęcia", "hora de início", "hora início", "hora inicial",
        "saat", "başlangıç", "başlangıç saati", "ώρα", "ώρα έναρξης", "έναρξη", "čas",
        "začátek", "začiatok", "kezdés", "időpont", "ora", "ora de început", "început", "tid",
        "starttid", "börjar", "kl", "klokkeslett", "klokken", "aika", "alkaa", "alkamisaika",
        "kellonaika", "kellaaeg", "algus", "laikas", "pradžia", "laiks", "sākums", "ura", "začetek",
        "vrijeme", "početak", "време", "почетак", "час", "начало", "початок", "час початку",
        "время", "время начала", "hora d'inici", "inici", "waktu", "jam", "mulai", "masa",
        "giờ", "giờ bắt đầu", "bắt đầu", "simula", "saa", "muda", "kuanza", "الوقت", "الساعة",
        "البداية", "زمان", "ساعت", "شروع", "שעה", "התחלה", "समय", "शुरू", "আরম্ভ", "সময়",
        "เวลา", "เวลาเริ่ม", "開始", "開始時間", "時間", "时间", "開始時刻", "开始", "開始時間",
        "开始时间", "시간", "시작", "시작 시간",
    ),
    "end_time": (
        "end_at", "endsOn", "event end date/time", "end date/time", "end datetime",
        "end date and time", "date et heure de fin", "fecha y hora de fin", "enddatum/-zeit",
        "einddatum/tijd",
        "fim", "término", "hora de término", "hora de fim", "hora final", "czas zakończenia",
        "bitiş", "bitiş saati", "λήξη", "ώρα λήξης", "konec", "koniec", "vége", "befejezés",
        "sfârșit", "sfarsit", "ora de sfârșit", "slut", "sluttid", "slutter", "päättyy",
        "loppu", "päättymisaika", "lõpp", "pabaiga", "beigas", "konec", "završetak", "крај",
        "край", "кінець", "окончание", "конец", "hora de finalització", "selesai", "berakhir",
        "tamat", "kết thúc", "giờ kết thúc", "wakas", "hadi", "mwisho", "النهاية", "پایان",
        "סיום", "समाप्त", "অন্ত", "เวลาสิ้นสุด", "สิ้นสุด", "終了", "終了時間", "结束", "結束",
        "结束时间", "結束時間", "종료", "종료 시간",
    ),
    # The last day of an event of several days, when the sheet keeps it apart from the hour.
    "end_date": (
        "endDate", "event end date", "ends on", "last day", "einddatum",
        "enddatum", "date de fin", "fecha de fin", "data di fine", "data final", "data końca",
    ),
    "timezone": (
        "saat dilimi", "ζώνη ώρας", "časové pásmo", "időzóna", "fus orar", "tidszon",
        "tidszone", "tidssone", "aikavyöhyke", "ajavöönd", "часовой пояс", "часовий пояс",
        "zona horària", "zona waktu", "múi giờ", "المنطقة الزمنية", "منطقه زمانی", "אזור זמן",
        "समय क्षेत्र", "เขตเวลา", "タイムゾーン", "时区", "時區", "시간대",
    ),
    "venue": (
        "yer", "buluşma noktası", "mekan", "τοποθεσία", "σημείο συνάντησης", "místo", "miesto",
        "helyszín", "hely", "loc", "locație", "locul", "plats", "mötesplats", "sted",
        "mødested", "møtested", "paikka", "kokoontumispaikka", "koht", "vieta", "vieta",
        "prizorišče", "mjesto", "место", "място", "місце", "місце збору", "место сбора", "lloc",
        "punt de trobada", "lokasi", "tempat", "titik kumpul", "địa điểm", "lugar", "pook",
        "mahali", "المكان", "مکان", "מקום", "מקום מפגש", "स्थान", "জায়গা", "স্থান", "สถานที่",
        "場所", "会場", "集合場所", "地点", "地點", "集合地点", "장소", "집결지",
    ),
    "address": (
        "venue address 1", "address line 1", "address1", "street", "streetAddress",
        "venue street", "location address",
        "adres", "διεύθυνση", "adresa", "cím", "adresă", "adress", "adresse", "osoite",
        "aadress", "adresas", "adrese", "адреса", "адрес", "adreça", "alamat", "địa chỉ",
        "tirahan", "anwani", "العنوان", "نشانی", "آدرس", "כתובת", "पता", "ঠিকানা", "ที่อยู่",
        "住所", "地址", "주소",
    ),
    "signup_url": (
        "kayıt", "kayıt linki", "katılım", "εγγραφή", "σύνδεσμος εγγραφής", "registrace",
        "přihláška", "registrácia", "jelentkezés", "regisztráció", "înscriere", "inscriere",
        "anmälan", "tilmelding", "påmelding", "ilmoittautuminen", "ilmoittaudu",
        "registreerimine", "registracija", "reģistrācija", "prijava", "пријава", "регистрация",
        "реєстрація", "inscripció", "pendaftaran", "daftar", "tautan", "đăng ký", "liên kết",
        "pagpaparehistro", "usajili", "التسجيل", "رابط التسجيل", "ثبت نام", "ثبت‌نام", "הרשמה",
        "קישור להרשמה", "पंजीकरण", "নিবন্ধন", "ลงทะเบียน", "ลิงก์", "申し込み", "申込",
        "参加登録", "申込リンク", "报名", "報名", "报名链接", "링크", "신청", "등록",
    ),
    "description": (
        "açıklama", "notlar", "περιγραφή", "σημειώσεις", "popis", "poznámky", "leírás",
        "megjegyzés", "descriere", "note", "beskrivning", "beskrivelse", "anteckningar",
        "kuvaus", "lisätiedot", "kirjeldus", "aprašymas", "apraksts", "opis", "opomba",
        "bilješke", "опис", "описание", "примечания", "примітки", "descripció", "keterangan",
        "deskripsi", "catatan", "mô tả", "ghi chú", "paglalarawan", "maelezo", "الوصف",
        "ملاحظات", "توضیحات", "תיאור", "הערות", "विवरण", "বিবরণ", "รายละเอียด", "説明", "備考",
        "描述", "說明", "备注", "설명", "비고",
    ),
    "visibility": (
        "zichtbaarheid", "sichtbarkeit", "visibilité", "visibilidad", "visibilità", "widoczność",
        "visibilidade", "görünürlük", "viditelnost", "synlighet",
    ),
    "capacity": (
        "kapasite", "χωρητικότητα", "kapacita", "férőhely", "capacitate", "kapacitet",
        "kapasitet", "kapasiteetti", "paikat", "mahtavus", "talpa", "kapaciteta", "вместимость",
        "місткість", "capacitat", "kapasitas", "sức chứa", "kapasidad", "uwezo", "السعة",
        "ظرفیت", "קיבולת", "क्षमता", "ধারণক্ষমতা", "ความจุ", "定員", "容量", "名额", "名額",
        "정원",
    ),
    # A region of the city's country: "San Francisco" with "CA", "Portland" with "Maine".
    "region": (
        "venue state", "venue region", "venue province", "state/province/region",
        "addressRegion", "physicalAddress.region",
        "state", "province", "county", "state_province", "provincie", "regio",
        "bundesland", "kanton", "provinz", "département", "provincia",
        "comunidad autónoma", "regione", "województwo", "distrito", "eyalet",
        "περιφέρεια", "megye", "județ", "län", "fylke", "maakunta", "lääni", "область",
        "регион", "provinsi", "tỉnh", "rehiyon", "mkoa", "المحافظة", "استان", "מחוז", "राज्य",
        "প্রদেশ", "จังหวัด", "都道府県", "省", "州", "도",
    ),
}

# Headers (in `sheet_columns.header_key` form) of a list of people (a guest list from lu.ma,
# Eventbrite's attendee report), which a person may pick by mistake for the list of events.
PEOPLE_COLUMNS = frozenset(
    ("email", "e_mail", "email_address", "first_name", "last_name", "phone", "phone_number",
    "voornaam", "achternaam", "vorname", "nachname", "prenom", "nombre_de_pila", "apellido",
    "imie", "nazwisko", "attendee", "attendee_status", "order", "order_date")
)

# A groups sheet's name (beyond the first languages) and "kind" (national or local) columns.
GROUP_NAME_HEADERS = ("grup", "grup adı", "ομάδα", "skupina", "група", "назва групи", "グループ",
                      "グループ名", "그룹", "모임", "群组", "群組", "kelompok", "ryhmä", "csoport",
                      "grupp", "nhóm", "קבוצה", "مجموعة", "گروه", "समूह")
KIND_HEADERS = ("type", "level", "soort", "art", "typ", "tipo", "niveau", "tür", "τύπος",
                "druh", "тип", "rodzaj", "jenis", "tyyppi", "szint", "種類", "类型", "類型",
                "종류", "유형")
# fmt: on
