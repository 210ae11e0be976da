"""Faithful translations of six segments of a protest page into 22 languages, for the sixth
round of damage (`damage_sixth.py`): a contact line with a phone number and a handle, a date
with its weekday, an amount in euros, a numbered list, a table and a heading with its anchor.
Persian writes its own digits; tables keep the cities' times, some their names transliterated.
"""

from .damage import Pair

LANGUAGES = (
    "nl", "de", "fr", "es", "pt", "it", "pl", "cs", "tr", "ru", "uk",
    "ar", "he", "fa", "hi", "ja", "ko", "zh", "th", "vi", "id", "sw",
)  # fmt: skip

_TABLE_EN = "| City | Start |\n| --- | --- |\n| Utrecht | 14:00 |\n| Delft | 15:30 |"


def _table(city: str, start: str, utrecht: str = "Utrecht", delft: str = "Delft") -> str:
    return f"| {city} | {start} |\n| --- | --- |\n| {utrecht} | 14:00 |\n| {delft} | 15:30 |"


# name: (source, {language: translation})
_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "contact": (
        "Questions? Call +31 6 1234 5678 or write to @PauseAI_NL on Mastodon.",
        {
            "nl": "Vragen? Bel +31 6 1234 5678 of schrijf naar @PauseAI_NL op Mastodon.",
            "de": "Fragen? Ruf +31 6 1234 5678 an oder schreib @PauseAI_NL auf Mastodon.",
            "fr": "Des questions ? Appelez le +31 6 1234 5678 ou écrivez à @PauseAI_NL sur "
            "Mastodon.",
            "es": "¿Preguntas? Llama al +31 6 1234 5678 o escribe a @PauseAI_NL en Mastodon.",
            "pt": "Dúvidas? Liga para +31 6 1234 5678 ou escreve para @PauseAI_NL no Mastodon.",
            "it": "Domande? Chiama il +31 6 1234 5678 o scrivi a @PauseAI_NL su Mastodon.",
            "pl": "Pytania? Zadzwoń pod numer +31 6 1234 5678 lub napisz do @PauseAI_NL na "
            "Mastodonie.",
            "cs": "Máte otázky? Zavolejte na +31 6 1234 5678 nebo napište @PauseAI_NL na "
            "Mastodonu.",
            "tr": "Sorunuz mu var? +31 6 1234 5678 numarasını arayın ya da Mastodon'da "
            "@PauseAI_NL hesabına yazın.",
            "ru": "Есть вопросы? Звоните по номеру +31 6 1234 5678 или пишите @PauseAI_NL в "
            "Mastodon.",
            "uk": "Маєте запитання? Телефонуйте за номером +31 6 1234 5678 або пишіть "
            "@PauseAI_NL у Mastodon.",
            "ar": "لديك أسئلة؟ اتصل بالرقم +31 6 1234 5678 أو راسل @PauseAI_NL على Mastodon.",
            "he": "יש שאלות? התקשרו ל־+31 6 1234 5678 או כתבו ל־@PauseAI_NL ב־Mastodon.",
            "fa": "سؤالی دارید؟ با شماره +31 6 1234 5678 تماس بگیرید یا در Mastodon به "
            "@PauseAI_NL پیام دهید.",
            "hi": "कोई सवाल है? +31 6 1234 5678 पर कॉल करें या Mastodon पर @PauseAI_NL को लिखें।",
            "ja": "ご質問は？+31 6 1234 5678にお電話いただくか、Mastodonの@PauseAI_NLまでご連絡"
            "ください。",
            "ko": "궁금한 점이 있나요? +31 6 1234 5678로 전화하거나 Mastodon에서 @PauseAI_NL에게 "
            "메시지를 보내세요.",
            "zh": "有问题吗？请拨打+31 6 1234 5678，或在Mastodon上联系@PauseAI_NL。",
            "th": "มีคำถามไหม? โทร +31 6 1234 5678 หรือส่งข้อความถึง @PauseAI_NL บน Mastodon",
            "vi": "Có câu hỏi? Hãy gọi +31 6 1234 5678 hoặc nhắn cho @PauseAI_NL trên Mastodon.",
            "id": "Ada pertanyaan? Hubungi +31 6 1234 5678 atau kirim pesan ke @PauseAI_NL di "
            "Mastodon.",
            "sw": "Una maswali? Piga simu +31 6 1234 5678 au mwandikie @PauseAI_NL kwenye "
            "Mastodon.",
        },
    ),
    "date": (
        "The march starts on Saturday 12 May 2029 at the central station.",
        {
            "nl": "De mars begint op zaterdag 12 mei 2029 bij het centraal station.",
            "de": "Der Marsch beginnt am Samstag, dem 12. Mai 2029, am Hauptbahnhof.",
            "fr": "La marche commence le samedi 12 mai 2029 à la gare centrale.",
            "es": "La marcha empieza el sábado 12 de mayo de 2029 en la estación central.",
            "pt": "A marcha começa no sábado, 12 de maio de 2029, na estação central.",
            "it": "La marcia parte sabato 12 maggio 2029 dalla stazione centrale.",
            "pl": "Marsz rusza w sobotę 12 maja 2029 roku spod dworca centralnego.",
            "cs": "Pochod začíná v sobotu 12. května 2029 na hlavním nádraží.",
            "tr": "Yürüyüş 12 Mayıs 2029 Cumartesi günü merkez istasyonda başlıyor.",
            "ru": "Марш начнётся в субботу, 12 мая 2029 года, у центрального вокзала.",
            "uk": "Марш розпочнеться в суботу, 12 травня 2029 року, біля центрального вокзалу.",
            "ar": "تنطلق المسيرة يوم السبت 12 مايو 2029 من المحطة المركزية.",
            "he": "הצעדה יוצאת ביום שבת, 12 במאי 2029, מהתחנה המרכזית.",
            # Persian digits, as a Persian page writes a date.
            "fa": "راهپیمایی روز شنبه ۱۲ مه ۲۰۲۹ از ایستگاه مرکزی آغاز می‌شود.",
            "hi": "मार्च शनिवार, 12 मई 2029 को सेंट्रल स्टेशन से शुरू होगा।",
            "ja": "マーチは2029年5月12日（土）に中央駅から出発します。",
            "ko": "행진은 2029년 5월 12일 토요일 중앙역에서 시작합니다.",
            "zh": "游行将于2029年5月12日（星期六）从中央车站出发。",
            "th": "การเดินขบวนจะเริ่มในวันเสาร์ที่ 12 พฤษภาคม 2029 ที่สถานีกลาง",
            "vi": "Cuộc tuần hành bắt đầu vào thứ Bảy, ngày 12 tháng 5 năm 2029, tại nhà ga "
            "trung tâm.",
            "id": "Pawai dimulai pada hari Sabtu, 12 Mei 2029, di stasiun pusat.",
            "sw": "Maandamano yataanza Jumamosi tarehe 12 Mei 2029 katika stesheni kuu.",
        },
    ),
    "fund": (
        "We still need €250 for the banners and the sound system.",
        {
            "nl": "We hebben nog €250 nodig voor de spandoeken en de geluidsinstallatie.",
            "de": "Wir brauchen noch 250 € für die Banner und die Tonanlage.",
            "fr": "Il nous manque encore 250 € pour les banderoles et la sono.",
            "es": "Todavía necesitamos 250 € para las pancartas y el equipo de sonido.",
            "pt": "Ainda precisamos de 250 € para as faixas e o sistema de som.",
            "it": "Ci servono ancora 250 € per gli striscioni e l'impianto audio.",
            "pl": "Potrzebujemy jeszcze 250 € na transparenty i nagłośnienie.",
            "cs": "Ještě potřebujeme 250 € na transparenty a ozvučení.",
            "tr": "Pankartlar ve ses sistemi için hâlâ 250 €'ya ihtiyacımız var.",
            "ru": "Нам ещё не хватает 250 € на баннеры и звуковое оборудование.",
            "uk": "Нам ще бракує 250 € на банери та звукову апаратуру.",
            "ar": "ما زلنا بحاجة إلى 250 يورو للافتات ونظام الصوت.",
            "he": "אנחנו עדיין צריכים 250 אירו לשלטים ולמערכת ההגברה.",
            "fa": "هنوز ۲۵۰ یورو برای پلاکاردها و سیستم صوتی لازم داریم.",
            "hi": "हमें बैनरों और साउंड सिस्टम के लिए अभी भी €250 चाहिए।",
            "ja": "横断幕と音響機材のために、あと250ユーロが必要です。",
            "ko": "현수막과 음향 장비를 위해 아직 250유로가 더 필요합니다.",
            "zh": "我们还需要250欧元来购买横幅和音响设备。",
            "th": "เรายังต้องการอีก 250 ยูโรสำหรับป้ายผ้าและเครื่องเสียง",
            "vi": "Chúng tôi vẫn cần thêm 250 € cho băng rôn và hệ thống âm thanh.",
            "id": "Kami masih membutuhkan €250 untuk spanduk dan sistem suara.",
            "sw": "Bado tunahitaji €250 kwa ajili ya mabango na mfumo wa sauti.",
        },
    ),
    "steps": (
        "How to join:\n\n1. Sign up on the website.\n2. Pick the city nearest to you.\n3. Come "
        "to the station on the day.",
        {
            "nl": "Zo doe je mee:\n\n1. Meld je aan op de website.\n2. Kies de stad die het "
            "dichtst bij je ligt.\n3. Kom op de dag zelf naar het station.",
            "de": "So machst du mit:\n\n1. Melde dich auf der Website an.\n2. Wähle die Stadt, "
            "die dir am nächsten liegt.\n3. Komm am Tag selbst zum Bahnhof.",
            "fr": "Comment participer :\n\n1. Inscrivez-vous sur le site.\n2. Choisissez la "
            "ville la plus proche de chez vous.\n3. Venez à la gare le jour même.",
            "es": "Cómo participar:\n\n1. Inscríbete en la web.\n2. Elige la ciudad más "
            "cercana a ti.\n3. Ven a la estación ese día.",
            "pt": "Como participar:\n\n1. Inscreve-te no site.\n2. Escolhe a cidade mais "
            "próxima de ti.\n3. Vem à estação no próprio dia.",
            "it": "Come partecipare:\n\n1. Iscriviti sul sito.\n2. Scegli la città più vicina "
            "a te.\n3. Vieni in stazione il giorno stesso.",
            "pl": "Jak dołączyć:\n\n1. Zapisz się na stronie.\n2. Wybierz najbliższe ci "
            "miasto.\n3. Przyjdź tego dnia na dworzec.",
            "cs": "Jak se zapojit:\n\n1. Zaregistrujte se na webu.\n2. Vyberte si nejbližší "
            "město.\n3. Přijďte ten den na nádraží.",
            "tr": "Nasıl katılırsınız:\n\n1. Web sitesinden kaydolun.\n2. Size en yakın şehri "
            "seçin.\n3. O gün istasyona gelin.",
            "ru": "Как присоединиться:\n\n1. Зарегистрируйтесь на сайте.\n2. Выберите "
            "ближайший к вам город.\n3. Приходите в этот день на вокзал.",
            "uk": "Як долучитися:\n\n1. Зареєструйтеся на сайті.\n2. Оберіть найближче до вас "
            "місто.\n3. Приходьте цього дня на вокзал.",
            "ar": "كيف تنضم:\n\n1. سجّل على الموقع.\n2. اختر أقرب مدينة إليك.\n3. تعال إلى "
            "المحطة في يوم المسيرة.",
            "he": "איך מצטרפים:\n\n1. נרשמים באתר.\n2. בוחרים את העיר הקרובה אליכם.\n3. "
            "מגיעים לתחנה ביום הצעדה.",
            "fa": "چگونه بپیوندید:\n\n1. در وب‌سایت ثبت‌نام کنید.\n2. نزدیک‌ترین شهر به خودتان "
            "را انتخاب کنید.\n3. در روز راهپیمایی به ایستگاه بیایید.",
            "hi": "कैसे जुड़ें:\n\n1. वेबसाइट पर साइन अप करें।\n2. अपने सबसे नज़दीकी शहर को "
            "चुनें।\n3. उस दिन स्टेशन पर आएँ।",
            "ja": "参加方法：\n\n1. ウェブサイトで登録する。\n2. 一番近い都市を選ぶ。\n3. 当日、"
            "駅に来る。",
            "ko": "참여 방법:\n\n1. 웹사이트에서 가입하세요.\n2. 가장 가까운 도시를 고르세요.\n3. "
            "당일 역으로 오세요.",
            "zh": "如何参加：\n\n1. 在网站上报名。\n2. 选择离你最近的城市。\n3. 当天到车站集合。",
            "th": "วิธีเข้าร่วม:\n\n1. ลงทะเบียนบนเว็บไซต์\n2. เลือกเมืองที่อยู่ใกล้คุณที่สุด\n3. มาที่สถานีในวันงาน",
            "vi": "Cách tham gia:\n\n1. Đăng ký trên trang web.\n2. Chọn thành phố gần bạn "
            "nhất.\n3. Đến nhà ga vào ngày diễn ra.",
            "id": "Cara bergabung:\n\n1. Daftar di situs web.\n2. Pilih kota yang paling dekat "
            "denganmu.\n3. Datanglah ke stasiun pada hari itu.",
            "sw": "Jinsi ya kujiunga:\n\n1. Jisajili kwenye tovuti.\n2. Chagua mji ulio karibu "
            "nawe zaidi.\n3. Njoo stesheni siku hiyo.",
        },
    ),
    "table": (
        _TABLE_EN,
        {
            "nl": _table("Stad", "Begin"),
            "de": _table("Stadt", "Beginn"),
            "fr": _table("Ville", "Début"),
            "es": _table("Ciudad", "Inicio"),
            "pt": _table("Cidade", "Início"),
            "it": _table("Città", "Inizio"),
            "pl": _table("Miasto", "Początek"),
            "cs": _table("Město", "Začátek"),
            "tr": _table("Şehir", "Başlangıç"),
            "ru": _table("Город", "Начало", "Утрехт", "Делфт"),
            "uk": _table("Місто", "Початок", "Утрехт", "Делфт"),
            "ar": _table("المدينة", "البداية", "أوترخت", "دلفت"),
            "he": _table("עיר", "התחלה", "אוטרכט", "דלפט"),
            "fa": _table("شهر", "شروع", "اوترخت", "دلفت"),
            "hi": _table("शहर", "शुरुआत", "उट्रेख्ट", "डेल्फ़्ट"),
            "ja": _table("都市", "開始", "ユトレヒト", "デルフト"),
            "ko": _table("도시", "시작", "위트레흐트", "델프트"),
            "zh": _table("城市", "开始", "乌得勒支", "代尔夫特"),
            "th": _table("เมือง", "เริ่ม", "อูเทรคต์", "เดลฟต์"),
            "vi": _table("Thành phố", "Bắt đầu"),
            "id": _table("Kota", "Mulai"),
            "sw": _table("Mji", "Kuanza"),
        },
    ),
    "heading": (
        "## Why we march {#why}",
        {
            "nl": "## Waarom we demonstreren {#why}",
            "de": "## Warum wir demonstrieren {#why}",
            "fr": "## Pourquoi nous marchons {#why}",
            "es": "## Por qué marchamos {#why}",
            "pt": "## Porque marchamos {#why}",
            "it": "## Perché marciamo {#why}",
            "pl": "## Dlaczego maszerujemy {#why}",
            "cs": "## Proč pochodujeme {#why}",
            "tr": "## Neden yürüyoruz {#why}",
            "ru": "## Почему мы выходим на марш {#why}",
            "uk": "## Чому ми виходимо на марш {#why}",
            "ar": "## لماذا نسير {#why}",
            "he": "## למה אנחנו צועדים {#why}",
            "fa": "## چرا راهپیمایی می‌کنیم {#why}",
            "hi": "## हम मार्च क्यों करते हैं {#why}",
            "ja": "## 私たちが行進する理由 {#why}",
            "ko": "## 우리가 행진하는 이유 {#why}",
            "zh": "## 我们为何游行 {#why}",
            "th": "## ทำไมเราจึงเดินขบวน {#why}",
            "vi": "## Vì sao chúng tôi tuần hành {#why}",
            "id": "## Mengapa kami berpawai {#why}",
            "sw": "## Kwa nini tunaandamana {#why}",
        },
    ),
}

PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _SOURCES.items()
    for language, translation in translations.items()
]
