"""Faithful translations of seven segments of a protest page into 13 languages the earlier
rounds lack, for the ninth round of damage (`damage_ninth.py`): a camp's date range and hour
range; a crowd's count, a distance in kilometres, an emoji, a hashtag and a handle; a list;
a heading; a paragraph in bold; a table; two links and an image. Hebrew and Urdu are written
right to left, Armenian ends sentences with "։" and Urdu with "۔", Armenian and Tamil attach
endings to a hashtag ("#PauseAI-ը"), Hebrew attaches "and" to a link ("ו[הירשמו]"), Tamil
abbreviates kilometres with dots ("கி.மீ."), Japanese writes "キロ" and no spaces.
"""

from .damage import Pair

LANGUAGES = ("et", "lv", "sl", "hr", "sr", "bg", "mk", "ka", "hy", "he", "ur", "ta", "ja")

_IMAGE = "(/media/march.jpg)"
_PLAN, _JOIN = "(https://pauseai.info/plan)", "(https://pauseai.info/join)"

# name: (source, {language: translation})
_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "camp": (
        "The camp in Utrecht runs 14–16 June, every day 10:00–18:00.",
        {
            "et": "Laager Utrechtis toimub 14.–16. juunini, iga päev kell 10.00–18.00.",
            "lv": "Nometne Utrehtā notiek no 14. līdz 16. jūnijam, katru dienu no 10.00 līdz "
            "18.00.",
            "sl": "Tabor v Utrechtu poteka od 14. do 16. junija, vsak dan od 10.00 do 18.00.",
            "hr": "Kamp u Utrechtu traje od 14. do 16. lipnja, svaki dan od 10 do 18 sati.",
            "sr": "Камп у Утрехту траје од 14. до 16. јуна, сваког дана од 10.00 до 18.00.",
            "bg": "Лагерът в Утрехт е от 14 до 16 юни, всеки ден от 10:00 до 18:00 ч.",
            "mk": "Кампот во Утрехт трае од 14 до 16 јуни, секој ден од 10:00 до 18:00 часот.",
            "ka": "ბანაკი უტრეხტში 14–16 ივნისს იმუშავებს, ყოველდღე 10:00-დან 18:00-მდე.",
            "hy": "Ուտրեխտի ճամբարը գործում է հունիսի 14–16-ը, ամեն օր՝ 10:00–18:00։",
            "he": "המחנה באוטרכט פתוח בין 14 ל־16 ביוני, בכל יום בין 10:00 ל־18:00.",
            "ur": "اوترخت میں کیمپ 14 سے 16 جون تک، ہر روز 10:00 سے 18:00 بجے تک لگے گا۔",
            "ta": "உட்ரெக்ட்டில் முகாம் ஜூன் 14–16 வரை, தினமும் 10:00–18:00 மணி வரை நடைபெறும்.",
            "ja": "ユトレヒトのキャンプは6月14日〜16日、毎日10:00〜18:00に開かれます。",
        },
    ),
    "crowd": (
        "About 200 people walked 5 km to parliament. 🌍 Share #PauseAI and tag @PauseAI.",
        {
            "et": "Umbes 200 inimest kõndis 5 km parlamendini. 🌍 Jaga silti #PauseAI ja "
            "märgi @PauseAI.",
            "lv": "Aptuveni 200 cilvēku nogāja 5 km līdz parlamentam. 🌍 Dalies ar #PauseAI "
            "un atzīmē @PauseAI.",
            "sl": "Približno 200 ljudi je prehodilo 5 km do parlamenta. 🌍 Delite #PauseAI in "
            "označite @PauseAI.",
            "hr": "Oko 200 ljudi prepješačilo je 5 km do parlamenta. 🌍 Podijelite #PauseAI i "
            "označite @PauseAI.",
            "sr": "Око 200 људи препешачило је 5 км до парламента. 🌍 Поделите #PauseAI и "
            "означите @PauseAI.",
            "bg": "Около 200 души извървяха 5 км до парламента. 🌍 Споделете #PauseAI и "
            "отбележете @PauseAI.",
            "mk": "Околу 200 луѓе пешачеа 5 км до парламентот. 🌍 Споделете #PauseAI и "
            "означете @PauseAI.",
            "ka": "დაახლოებით 200 ადამიანმა პარლამენტამდე 5 კმ გაიარა. 🌍 გააზიარეთ #PauseAI "
            "და მონიშნეთ @PauseAI.",
            "hy": "Մոտ 200 մարդ 5 կմ քայլեց մինչև խորհրդարան։ 🌍 Տարածեք #PauseAI-ը և նշեք "
            "@PauseAI-ին։",
            "he": "כ־200 איש צעדו 5 ק״מ עד לפרלמנט. 🌍 שתפו את #PauseAI ותייגו את @PauseAI.",
            "ur": "تقریباً 200 افراد 5 کلومیٹر پیدل چل کر پارلیمنٹ تک گئے۔ 🌍 #PauseAI شیئر "
            "کریں اور @PauseAI کو ٹیگ کریں۔",
            "ta": "சுமார் 200 பேர் நாடாளுமன்றம் வரை 5 கி.மீ. நடந்தனர். 🌍 #PauseAI-ஐப் "
            "பகிர்ந்து @PauseAI-ஐக் குறிப்பிடுங்கள்.",
            "ja": "約200人が国会まで5キロを歩きました。🌍 #PauseAI をシェアして @PauseAI を"
            "タグ付けしてください。",
        },
    ),
    "checklist": (
        "- Bring water.\n- Wear sturdy shoes.\n- Bring a sign.",
        {
            "et": "- Võta kaasa vett.\n- Kanna tugevaid jalanõusid.\n- Võta kaasa plakat.",
            "lv": "- Paņem līdzi ūdeni.\n- Uzvelc izturīgus apavus.\n- Paņem līdzi plakātu.",
            "sl": "- Prinesite vodo.\n- Obujte trpežne čevlje.\n- Prinesite transparent.",
            "hr": "- Ponesite vodu.\n- Obujte čvrstu obuću.\n- Ponesite transparent.",
            "sr": "- Понесите воду.\n- Обуците чврсту обућу.\n- Понесите транспарент.",
            "bg": "- Носете вода.\n- Обуйте здрави обувки.\n- Носете плакат.",
            "mk": "- Понесете вода.\n- Носете цврсти чевли.\n- Понесете транспарент.",
            "ka": "- წამოიღეთ წყალი.\n- ჩაიცვით მტკიცე ფეხსაცმელი.\n- წამოიღეთ პლაკატი.",
            "hy": "- Վերցրեք ջուր։\n- Հագեք ամուր կոշիկներ։\n- Վերցրեք պաստառ։",
            "he": "- הביאו מים.\n- נעלו נעליים חזקות.\n- הביאו שלט.",
            "ur": "- پانی ساتھ لائیں۔\n- مضبوط جوتے پہنیں۔\n- ایک پلے کارڈ ساتھ لائیں۔",
            "ta": "- தண்ணீர் கொண்டு வாருங்கள்.\n- உறுதியான காலணிகளை அணியுங்கள்.\n- ஒரு பதாகை கொண்டு வாருங்கள்.",
            "ja": "- 水を持ってきてください。\n- 丈夫な靴を履いてください。\n- プラカードを持って"
            "きてください。",
        },
    ),
    "heading": (
        "## Practical information {#info}",
        {
            "et": "## Praktiline teave {#info}",
            "lv": "## Praktiska informācija {#info}",
            "sl": "## Praktične informacije {#info}",
            "hr": "## Praktične informacije {#info}",
            "sr": "## Практичне информације {#info}",
            "bg": "## Практическа информация {#info}",
            "mk": "## Практични информации {#info}",
            "ka": "## პრაქტიკული ინფორმაცია {#info}",
            "hy": "## Գործնական տեղեկություններ {#info}",
            "he": "## מידע מעשי {#info}",
            "ur": "## عملی معلومات {#info}",
            "ta": "## நடைமுறைத் தகவல்கள் {#info}",
            "ja": "## 実用情報 {#info}",
        },
    ),
    "bold": (
        "**Bring your own sign.**",
        {
            "et": "**Too oma plakat.**",
            "lv": "**Atnes savu plakātu.**",
            "sl": "**Prinesite svoj transparent.**",
            "hr": "**Donesite vlastiti transparent.**",
            "sr": "**Донесите свој транспарент.**",
            "bg": "**Донесете свой собствен плакат.**",
            "mk": "**Донесете свој транспарент.**",
            "ka": "**მოიტანეთ საკუთარი პლაკატი.**",
            "hy": "**Բերեք ձեր սեփական պաստառը։**",
            "he": "**הביאו שלט משלכם.**",
            "ur": "**اپنا پلے کارڈ خود لائیں۔**",
            "ta": "**உங்கள் சொந்தப் பதாகையைக் கொண்டு வாருங்கள்.**",
            "ja": "**自分のプラカードを持ってきてください。**",
        },
    ),
    "table": (
        "| Time | Place |\n| --- | --- |\n| 12:00 | Station |\n| 13:00 | Square |",
        {
            "et": "| Aeg | Koht |\n| --- | --- |\n| 12.00 | Jaam |\n| 13.00 | Väljak |",
            "lv": "| Laiks | Vieta |\n| --- | --- |\n| 12.00 | Stacija |\n| 13.00 | Laukums |",
            "sl": "| Čas | Kraj |\n| --- | --- |\n| 12.00 | Postaja |\n| 13.00 | Trg |",
            "hr": "| Vrijeme | Mjesto |\n| --- | --- |\n| 12:00 | Kolodvor |\n| 13:00 | Trg |",
            "sr": "| Време | Место |\n| --- | --- |\n| 12.00 | Станица |\n| 13.00 | Трг |",
            "bg": "| Час | Място |\n| --- | --- |\n| 12:00 | Гарата |\n| 13:00 | Площадът |",
            "mk": "| Време | Место |\n| --- | --- |\n| 12:00 | Станица |\n| 13:00 | Плоштад |",
            "ka": "| დრო | ადგილი |\n| --- | --- |\n| 12:00 | სადგური |\n| 13:00 | მოედანი |",
            "hy": "| Ժամ | Վայր |\n| --- | --- |\n| 12:00 | Կայարան |\n| 13:00 | Հրապարակ |",
            "he": "| שעה | מקום |\n| --- | --- |\n| 12:00 | התחנה |\n| 13:00 | הכיכר |",
            "ur": "| وقت | جگہ |\n| --- | --- |\n| 12:00 | اسٹیشن |\n| 13:00 | چوک |",
            "ta": "| நேரம் | இடம் |\n| --- | --- |\n| 12:00 | நிலையம் |\n| 13:00 | சதுக்கம் |",
            "ja": "| 時間 | 場所 |\n| --- | --- |\n| 12:00 | 駅 |\n| 13:00 | 広場 |",
        },
    ),
    "links": (
        f"Read [our plan]{_PLAN} and [sign up]{_JOIN}. ![Marchers at Utrecht station]{_IMAGE}",
        {
            "et": f"Loe [meie plaani]{_PLAN} ja [registreeru]{_JOIN}. ![Meeleavaldajad "
            f"Utrechti jaama juures]{_IMAGE}",
            "lv": f"Izlasi [mūsu plānu]{_PLAN} un [piesakies]{_JOIN}. ![Protestētāji pie "
            f"Utrehtas stacijas]{_IMAGE}",
            "sl": f"Preberite [naš načrt]{_PLAN} in se [prijavite]{_JOIN}. ![Protestniki pred "
            f"postajo v Utrechtu]{_IMAGE}",
            "hr": f"Pročitajte [naš plan]{_PLAN} i [prijavite se]{_JOIN}. ![Prosvjednici "
            f"ispred kolodvora u Utrechtu]{_IMAGE}",
            "sr": f"Прочитајте [наш план]{_PLAN} и [пријавите се]{_JOIN}. ![Демонстранти "
            f"испред станице у Утрехту]{_IMAGE}",
            "bg": f"Прочетете [нашия план]{_PLAN} и [се запишете]{_JOIN}. ![Протестиращи пред "
            f"гарата в Утрехт]{_IMAGE}",
            "mk": f"Прочитајте го [нашиот план]{_PLAN} и [пријавете се]{_JOIN}. ![Демонстранти "
            f"пред станицата во Утрехт]{_IMAGE}",
            "ka": f"წაიკითხეთ [ჩვენი გეგმა]{_PLAN} და [დარეგისტრირდით]{_JOIN}. "
            f"![მომიტინგეები უტრეხტის სადგურთან]{_IMAGE}",
            "hy": f"Կարդացեք [մեր ծրագիրը]{_PLAN} և [գրանցվեք]{_JOIN}։ ![Ցուցարարներ "
            f"Ուտրեխտի կայարանի մոտ]{_IMAGE}",
            "he": f"קראו את [התוכנית שלנו]{_PLAN} ו[הירשמו]{_JOIN}. ![מפגינים ליד תחנת "
            f"הרכבת של אוטרכט]{_IMAGE}",
            "ur": f"[ہمارا منصوبہ]{_PLAN} پڑھیں اور [سائن اپ کریں]{_JOIN}۔ ![اوترخت اسٹیشن "
            f"کے سامنے مظاہرین]{_IMAGE}",
            "ta": f"[எங்கள் திட்டத்தைப்]{_PLAN} படித்து [பதிவு செய்யுங்கள்]{_JOIN}. "
            f"![உட்ரெக்ட் நிலையத்தின் முன் போராட்டக்காரர்கள்]{_IMAGE}",
            "ja": f"[私たちの計画]{_PLAN}を読んで、[参加登録]{_JOIN}してください。"
            f"![ユトレヒト駅前のデモ参加者]{_IMAGE}",
        },
    ),
}

PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _SOURCES.items()
    for language, translation in translations.items()
]
