"""Faithful translations of eight segments of a protest page into ten languages, for the
tenth round of damage (`damage_tenth.py`): a contact line with an e-mail address and a phone
number; a march's date, 24-hour time and a "do not"; a ticket price in euros with an emoji
and a hashtag; a heading and a list; a message with two named placeholders; a link in HTML
and a bare web address; a two-sentence appeal; a count written in words with a person's name
and a city. Arabic and Hebrew are written right to left, Japanese and Chinese without spaces;
Japanese and Chinese count in their own numerals ("三つ", "三座"); Arabic, Hebrew and Japanese
write a name in their own script ("ماريا بيتروفا", "מריה פטרובה", "マリア・ペトロワ"); Turkish
says "not" with a verb's ending ("getirmeyin").
"""

from .damage import Pair

LANGUAGES = ("nl", "de", "fr", "es", "ja", "ar", "he", "pl", "tr", "zh")

_EMAIL, _PHONE = "info@pauseai.nl", "+31 20 123 4567"
_PLAN, _JOIN = '<a href="/en/plan">', "https://pauseai.info/join"

# name: (source, {language: translation})
_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "contact": (
        f"Questions? Email {_EMAIL} or call {_PHONE} before Friday.",
        {
            "nl": f"Vragen? Mail naar {_EMAIL} of bel {_PHONE} vóór vrijdag.",
            "de": f"Fragen? Schreib an {_EMAIL} oder ruf bis Freitag {_PHONE} an.",
            "fr": f"Des questions ? Écrivez à {_EMAIL} ou appelez le {_PHONE} avant vendredi.",
            "es": f"¿Preguntas? Escribe a {_EMAIL} o llama al {_PHONE} antes del viernes.",
            "ja": f"ご質問がありますか？金曜日までに {_EMAIL} にメールするか、{_PHONE} にお電話"
            f"ください。",
            "ar": f"هل لديكم أسئلة؟ راسلونا على {_EMAIL} أو اتصلوا بالرقم {_PHONE} قبل يوم الجمعة.",
            "he": f"יש שאלות? כתבו ל־{_EMAIL} או התקשרו ל־{_PHONE} לפני יום שישי.",
            "pl": f"Masz pytania? Napisz na {_EMAIL} lub zadzwoń pod numer {_PHONE} przed "
            f"piątkiem.",
            "tr": f"Sorularınız mı var? Cuma gününden önce {_EMAIL} adresine yazın ya da "
            f"{_PHONE} numarasını arayın.",
            "zh": f"有问题吗？请在周五之前发邮件至 {_EMAIL} 或致电 {_PHONE}。",
        },
    ),
    "march": (
        "On Saturday 14 June at 15:00 we march from the station to parliament. Do not bring "
        "glass bottles.",
        {
            "nl": "Op zaterdag 14 juni om 15:00 lopen we van het station naar het parlement. "
            "Neem geen glazen flessen mee.",
            "de": "Am Samstag, dem 14. Juni, ziehen wir um 15:00 Uhr vom Bahnhof zum Parlament. "
            "Bringt keine Glasflaschen mit.",
            "fr": "Le samedi 14 juin à 15 h, nous marchons de la gare jusqu'au parlement. "
            "N'apportez pas de bouteilles en verre.",
            "es": "El sábado 14 de junio a las 15:00 marchamos desde la estación hasta el "
            "parlamento. No traigas botellas de vidrio.",
            "ja": "6月14日土曜日の15:00に、駅から国会まで行進します。ガラス瓶は持ってこないで"
            "ください。",
            "ar": "يوم السبت 14 يونيو الساعة 15:00 نسير من المحطة إلى البرلمان. لا تحضروا "
            "زجاجات زجاجية.",
            "he": "ביום שבת, 14 ביוני, בשעה 15:00 נצעד מהתחנה עד לפרלמנט. אל תביאו בקבוקי זכוכית.",
            "pl": "W sobotę 14 czerwca o 15:00 maszerujemy z dworca pod parlament. Nie "
            "przynoście szklanych butelek.",
            "tr": "14 Haziran Cumartesi günü saat 15:00'te istasyondan meclise yürüyoruz. Cam "
            "şişe getirmeyin.",
            "zh": "6月14日星期六15:00，我们从车站游行到议会。请不要携带玻璃瓶。",
        },
    ),
    "tickets": (
        "Bus tickets cost €12.50 and children under 12 travel free. 🚌 Share #PauseAI!",
        {
            "nl": "Buskaartjes kosten € 12,50 en kinderen onder de 12 reizen gratis. 🚌 Deel "
            "#PauseAI!",
            "de": "Bustickets kosten 12,50 € und Kinder unter 12 fahren kostenlos. 🚌 Teilt "
            "#PauseAI!",
            "fr": "Les billets de bus coûtent 12,50 € et les enfants de moins de 12 ans voyagent "
            "gratuitement. 🚌 Partagez #PauseAI !",
            "es": "Los billetes de autobús cuestan 12,50 € y los menores de 12 años viajan "
            "gratis. 🚌 ¡Comparte #PauseAI!",
            "ja": "バスの乗車券は12.50ユーロで、12歳未満の子どもは無料です。🚌 #PauseAI を"
            "シェアしてください！",
            "ar": "تذاكر الحافلة بسعر 12.50 يورو، والأطفال دون 12 عامًا يسافرون مجانًا. 🚌 "
            "شاركوا #PauseAI!",
            "he": "כרטיסי האוטובוס עולים 12.50 €, וילדים מתחת לגיל 12 נוסעים בחינם. 🚌 שתפו "
            "את #PauseAI!",
            "pl": "Bilety na autobus kosztują 12,50 €, a dzieci poniżej 12 lat jadą za darmo. "
            "🚌 Udostępnij #PauseAI!",
            "tr": "Otobüs biletleri 12,50 € ve 12 yaş altı çocuklar ücretsiz seyahat ediyor. "
            "🚌 #PauseAI'yi paylaşın!",
            "zh": "巴士票价为12.50欧元，12岁以下儿童免费乘车。🚌 请分享 #PauseAI！",
        },
    ),
    "bring": (
        "## What to bring {#bring}\n\n- Water\n- A sign\n- Sturdy shoes",
        {
            "nl": "## Wat neem je mee {#bring}\n\n- Drinkwater\n- Een bord\n- Stevige schoenen",
            "de": "## Was du mitbringen solltest {#bring}\n\n- Wasser\n- Ein Schild\n- Feste "
            "Schuhe",
            "fr": "## Quoi apporter {#bring}\n\n- De l'eau\n- Une pancarte\n- De bonnes chaussures",
            "es": "## Qué traer {#bring}\n\n- Agua\n- Una pancarta\n- Calzado resistente",
            "ja": "## 持ち物 {#bring}\n\n- 水\n- プラカード\n- 丈夫な靴",
            "ar": "## ماذا تحضر معك {#bring}\n\n- ماء\n- لافتة\n- حذاء متين",
            "he": "## מה להביא {#bring}\n\n- מים\n- שלט\n- נעליים חזקות",
            "pl": "## Co zabrać {#bring}\n\n- Wodę\n- Transparent\n- Wygodne buty",
            "tr": "## Yanınıza ne almalısınız {#bring}\n\n- Su\n- Bir pankart\n- Sağlam "
            "ayakkabılar",
            "zh": "## 需要携带什么 {#bring}\n\n- 水\n- 标语牌\n- 结实的鞋子",
        },
    ),
    "greeting": (
        "Hello %(name)s, the meeting in %(city)s starts at 19:30.",
        {
            "nl": "Hallo %(name)s, de bijeenkomst in %(city)s begint om 19:30.",
            "de": "Hallo %(name)s, das Treffen in %(city)s beginnt um 19:30 Uhr.",
            "fr": "Bonjour %(name)s, la réunion à %(city)s commence à 19 h 30.",
            "es": "Hola, %(name)s: la reunión en %(city)s empieza a las 19:30.",
            "ja": "%(name)sさん、%(city)sでのミーティングは19:30に始まります。",
            "ar": "مرحبًا %(name)s، يبدأ الاجتماع في %(city)s الساعة 19:30.",
            "he": "שלום %(name)s, המפגש ב־%(city)s מתחיל ב־19:30.",
            "pl": "Cześć %(name)s, spotkanie w %(city)s zaczyna się o 19:30.",
            "tr": "Merhaba %(name)s, %(city)s'deki toplantı 19:30'da başlıyor.",
            "zh": "你好，%(name)s，%(city)s的会议将于19:30开始。",
        },
    ),
    "join": (
        f"Read {_PLAN}our plan</a> and sign up at {_JOIN} today.",
        {
            "nl": f"Lees {_PLAN}ons plan</a> en meld je vandaag aan op {_JOIN}.",
            "de": f"Lies {_PLAN}unseren Plan</a> und melde dich noch heute auf {_JOIN} an.",
            "fr": f"Lisez {_PLAN}notre plan</a> et inscrivez-vous dès aujourd'hui sur {_JOIN}.",
            "es": f"Lee {_PLAN}nuestro plan</a> e inscríbete hoy en {_JOIN}.",
            "ja": f"{_PLAN}私たちの計画</a>を読んで、今日 {_JOIN} から登録してください。",
            "ar": f"اقرأ {_PLAN}خطتنا</a> وسجّل اليوم على {_JOIN}.",
            "he": f"קראו את {_PLAN}התוכנית שלנו</a> והירשמו עוד היום ב־{_JOIN}.",
            "pl": f"Przeczytaj {_PLAN}nasz plan</a> i zapisz się jeszcze dziś na {_JOIN}.",
            "tr": f"{_PLAN}Planımızı</a> okuyun ve bugün {_JOIN} adresinden kaydolun.",
            "zh": f"阅读{_PLAN}我们的计划</a>，今天就在 {_JOIN} 报名。",
        },
    ),
    "appeal": (
        "We ask governments to pause the training of the most powerful AI systems. Join us and "
        "make your voice heard.",
        {
            "nl": "We vragen regeringen om de training van de krachtigste AI-systemen te "
            "pauzeren. Doe mee en laat je stem horen.",
            "de": "Wir fordern die Regierungen auf, das Training der mächtigsten KI-Systeme zu "
            "pausieren. Mach mit und verschaff dir Gehör.",
            "fr": "Nous demandons aux gouvernements de suspendre l'entraînement des systèmes "
            "d'IA les plus puissants. Rejoignez-nous et faites entendre votre voix.",
            "es": "Pedimos a los gobiernos que pausen el entrenamiento de los sistemas de IA más "
            "potentes. Únete a nosotros y haz oír tu voz.",
            "ja": "私たちは各国政府に、最も強力なAIシステムの訓練を一時停止するよう求めて"
            "います。私たちに加わり、あなたの声を届けてください。",
            "ar": "نطالب الحكومات بإيقاف تدريب أقوى أنظمة الذكاء الاصطناعي مؤقتًا. انضموا "
            "إلينا وأسمعوا أصواتكم.",
            "he": "אנחנו קוראים לממשלות להשהות את האימון של מערכות הבינה המלאכותית החזקות "
            "ביותר. הצטרפו אלינו והשמיעו את קולכם.",
            "pl": "Apelujemy do rządów o wstrzymanie trenowania najpotężniejszych systemów AI. "
            "Dołącz do nas i zabierz głos.",
            "tr": "Hükümetlerden en güçlü yapay zekâ sistemlerinin eğitimine ara vermelerini "
            "istiyoruz. Bize katılın ve sesinizi duyurun.",
            "zh": "我们呼吁各国政府暂停训练最强大的人工智能系统。加入我们，让你的声音被听见。",
        },
    ),
    "speaker": (
        "Three cities are taking part this year. Maria Petrova from Utrecht will speak first.",
        {
            "nl": "Dit jaar doen drie steden mee. Maria Petrova uit Utrecht spreekt als eerste.",
            "de": "Dieses Jahr machen drei Städte mit. Maria Petrova aus Utrecht spricht als "
            "Erste.",
            "fr": "Trois villes participent cette année. Maria Petrova, d'Utrecht, prendra la "
            "parole en premier.",
            "es": "Este año participan tres ciudades. Maria Petrova, de Utrecht, hablará primero.",
            "ja": "今年は三つの都市が参加します。ユトレヒトのマリア・ペトロワさんが最初に"
            "話します。",
            "ar": "تشارك ثلاث مدن هذا العام. ستتحدث ماريا بيتروفا من أوترخت أولًا.",
            "he": "השנה משתתפות שלוש ערים. מריה פטרובה מאוטרכט תדבר ראשונה.",
            "pl": "W tym roku biorą udział trzy miasta. Maria Petrova z Utrechtu przemówi jako "
            "pierwsza.",
            "tr": "Bu yıl üç şehir katılıyor. Utrechtli Maria Petrova ilk konuşmayı yapacak.",
            "zh": "今年有三座城市参加。来自乌得勒支的玛丽亚·彼得罗娃将第一个发言。",
        },
    ),
}

PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _SOURCES.items()
    for language, translation in translations.items()
]
