"""Faithful translations of seven segments of a protest page into ten languages, for the
eleventh round of damage (`damage_eleventh.py`): two dates with a time; a press contact
with an e-mail address and a web address; a heading and a list; a table of three columns;
an appeal that says "not"; two speakers, one with a Chinese name, with their cities; and a
message with three named placeholders. Bengali writes its own digits (১৩ মে) and Finnish
and Indonesian put a full stop in the time (18.00); Catalan names people with an article
("En Li Wei") and Leuven as "Lovaina", Vietnamese names Shanghai "Thượng Hải", Finnish
declines the cities ("Shanghaista"), Ukrainian says "not" twice ("не зупинимося, доки ...
не зроблять"), Hebrew is written right to left and Thai ends sentences with a space.
"""

from .damage import Pair

LANGUAGES = ("uk", "ro", "vi", "th", "id", "sw", "he", "bn", "ca", "fi")

_EMAIL, _PRESS = "press@pauseai.info", "https://pauseai.info/press"
_RULE = "| --- | --- | --- |"

# name: (source, {language: translation})
_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "rally": (
        "On 13 May at 18:00 we gather at the town hall, and on 20 May we march to the ministry.",
        {
            "uk": "13 травня о 18:00 ми збираємося біля ратуші, а 20 травня йдемо маршем до "
            "міністерства.",
            "ro": "Pe 13 mai, la ora 18:00, ne adunăm la primărie, iar pe 20 mai mărșăluim spre "
            "minister.",
            "vi": "Ngày 13 tháng 5 lúc 18:00, chúng tôi tập trung tại tòa thị chính, và ngày 20 "
            "tháng 5 chúng tôi tuần hành đến trụ sở bộ.",
            "th": "วันที่ 13 พฤษภาคม เวลา 18:00 น. เราจะรวมตัวกันที่ศาลากลาง และวันที่ 20 "
            "พฤษภาคม เราจะเดินขบวนไปยังกระทรวง",
            "id": "Pada 13 Mei pukul 18.00 kami berkumpul di balai kota, dan pada 20 Mei kami "
            "berbaris menuju kementerian.",
            "sw": "Tarehe 13 Mei saa 18:00 tutakusanyika katika ukumbi wa jiji, na tarehe 20 "
            "Mei tutaandamana hadi wizarani.",
            "he": "ב־13 במאי בשעה 18:00 נתאסף ליד בניין העירייה, וב־20 במאי נצעד אל המשרד.",
            "bn": "১৩ মে ১৮:০০টায় আমরা টাউন হলের সামনে জড়ো হব, আর ২০ মে আমরা মন্ত্রণালয়ের দিকে মিছিল করব।",
            "ca": "El 13 de maig a les 18:00 ens reunim davant l'ajuntament, i el 20 de maig "
            "marxem cap al ministeri.",
            "fi": "Kokoonnumme 13. toukokuuta klo 18.00 kaupungintalolle, ja 20. toukokuuta "
            "marssimme ministeriöön.",
        },
    ),
    "contact": (
        f"Journalists can write to {_EMAIL} or find photos at {_PRESS}.",
        {
            "uk": f"Журналісти можуть писати на {_EMAIL} або знайти фотографії на {_PRESS}.",
            "ro": f"Jurnaliștii pot scrie la {_EMAIL} sau pot găsi fotografii la {_PRESS}.",
            "vi": f"Các nhà báo có thể viết thư tới {_EMAIL} hoặc tìm ảnh tại {_PRESS}.",
            "th": f"นักข่าวสามารถเขียนถึง {_EMAIL} หรือดูภาพถ่ายได้ที่ {_PRESS}",
            "id": f"Jurnalis dapat menulis ke {_EMAIL} atau menemukan foto di {_PRESS}.",
            "sw": f"Wanahabari wanaweza kuandika kwa {_EMAIL} au kupata picha kwenye {_PRESS}.",
            "he": f"עיתונאים יכולים לכתוב ל־{_EMAIL} או למצוא תמונות ב־{_PRESS}.",
            "bn": f"সাংবাদিকরা {_EMAIL} ঠিকানায় লিখতে পারেন অথবা {_PRESS} থেকে ছবি নিতে পারেন।",
            "ca": f"Els periodistes poden escriure a {_EMAIL} o trobar fotografies a {_PRESS}.",
            "fi": f"Toimittajat voivat kirjoittaa osoitteeseen {_EMAIL} tai löytää kuvia "
            f"osoitteesta {_PRESS}.",
        },
    ),
    "steps": (
        "### How to join\n\n- Sign up online\n- Pick a city near you\n- Bring a friend",
        {
            "uk": "### Як долучитися\n\n- Зареєструйтеся онлайн\n- Оберіть місто поблизу\n"
            "- Приведіть друга",
            "ro": "### Cum te alături\n\n- Înscrie-te online\n- Alege un oraș din apropiere\n"
            "- Adu un prieten",
            "vi": "### Cách tham gia\n\n- Đăng ký trực tuyến\n- Chọn một thành phố gần bạn\n"
            "- Rủ thêm một người bạn",
            "th": "### วิธีเข้าร่วม\n\n- ลงทะเบียนออนไลน์\n- เลือกเมืองที่อยู่ใกล้คุณ\n- ชวนเพื่อนมาด้วย",
            "id": "### Cara bergabung\n\n- Daftar secara daring\n- Pilih kota di dekat Anda\n"
            "- Ajak seorang teman",
            "sw": "### Jinsi ya kujiunga\n\n- Jisajili mtandaoni\n- Chagua mji ulio karibu "
            "nawe\n- Mlete rafiki",
            "he": "### איך מצטרפים\n\n- הירשמו באתר\n- בחרו עיר קרובה\n- הביאו חבר",
            "bn": "### কীভাবে যোগ দেবেন\n\n- অনলাইনে নিবন্ধন করুন\n- কাছাকাছি একটি শহর "
            "বেছে নিন\n- একজন বন্ধুকে সঙ্গে আনুন",
            "ca": "### Com t'hi pots sumar\n\n- Inscriu-te en línia\n- Tria una ciutat propera\n"
            "- Porta-hi un amic",
            "fi": "### Näin liityt mukaan\n\n- Ilmoittaudu verkossa\n- Valitse lähelläsi oleva "
            "kaupunki\n- Ota ystävä mukaan",
        },
    ),
    "table": (
        f"| City | Time | Meeting point |\n{_RULE}\n| Utrecht | 14:00 | Neude |\n"
        f"| Leuven | 15:30 | Ladeuzeplein |",
        {
            "uk": f"| Місто | Час | Місце зустрічі |\n{_RULE}\n| Утрехт | 14:00 | Neude |\n"
            f"| Левен | 15:30 | Ladeuzeplein |",
            "ro": f"| Oraș | Ora | Loc de întâlnire |\n{_RULE}\n| Utrecht | 14:00 | Neude |\n"
            f"| Leuven | 15:30 | Ladeuzeplein |",
            "vi": f"| Thành phố | Giờ | Điểm hẹn |\n{_RULE}\n| Utrecht | 14:00 | Neude |\n"
            f"| Leuven | 15:30 | Ladeuzeplein |",
            "th": f"| เมือง | เวลา | จุดนัดพบ |\n{_RULE}\n| ยูเทรกต์ | 14:00 | Neude |\n"
            f"| เลอเวิน | 15:30 | Ladeuzeplein |",
            "id": f"| Kota | Waktu | Titik kumpul |\n{_RULE}\n| Utrecht | 14:00 | Neude |\n"
            f"| Leuven | 15:30 | Ladeuzeplein |",
            "sw": f"| Mji | Saa | Mahali pa kukutana |\n{_RULE}\n| Utrecht | 14:00 | Neude |\n"
            f"| Leuven | 15:30 | Ladeuzeplein |",
            "he": f"| עיר | שעה | נקודת מפגש |\n{_RULE}\n| אוטרכט | 14:00 | Neude |\n"
            f"| לובן | 15:30 | Ladeuzeplein |",
            "bn": f"| শহর | সময় | মিলনস্থল |\n{_RULE}\n| উট্রেখট | ১৪:০০ | Neude |\n"
            f"| লুভেন | ১৫:৩০ | Ladeuzeplein |",
            "ca": f"| Ciutat | Hora | Punt de trobada |\n{_RULE}\n| Utrecht | 14:00 | Neude |\n"
            f"| Lovaina | 15:30 | Ladeuzeplein |",
            "fi": f"| Kaupunki | Aika | Kokoontumispaikka |\n{_RULE}\n| Utrecht | 14.00 | Neude "
            f"|\n| Leuven | 15.30 | Ladeuzeplein |",
        },
    ),
    "appeal": (
        "We will not stop until the largest AI labs pause. Join us in the streets.",
        {
            "uk": "Ми не зупинимося, доки найбільші лабораторії ШІ не зроблять паузу. "
            "Приєднуйтеся до нас на вулицях.",
            "ro": "Nu ne vom opri până când cele mai mari laboratoare de IA vor face o pauză. "
            "Alăturați-vă nouă pe străzi.",
            "vi": "Chúng tôi sẽ không dừng lại cho đến khi các phòng thí nghiệm AI lớn nhất tạm "
            "dừng. Hãy cùng chúng tôi xuống đường.",
            "th": "เราจะไม่หยุดจนกว่าห้องแล็บ AI ที่ใหญ่ที่สุดจะหยุดพัก มาร่วมเดินบนท้องถนนกับเรา",
            "id": "Kami tidak akan berhenti sampai laboratorium AI terbesar berhenti sejenak. "
            "Bergabunglah bersama kami di jalan.",
            "sw": "Hatutaacha hadi maabara kubwa zaidi za AI zisitishe kazi yao. Jiunge nasi "
            "barabarani.",
            "he": "לא נעצור עד שמעבדות הבינה המלאכותית הגדולות ביותר יעצרו. הצטרפו אלינו ברחובות.",
            "bn": "সবচেয়ে বড় এআই ল্যাবগুলো থামা পর্যন্ত আমরা থামব না। রাস্তায় আমাদের সঙ্গে যোগ দিন।",
            "ca": "No ens aturarem fins que els laboratoris d'IA més grans facin una pausa. "
            "Uneix-te a nosaltres als carrers.",
            "fi": "Emme lopeta ennen kuin suurimmat tekoälylaboratoriot pitävät tauon. Liity "
            "seuraamme kaduilla.",
        },
    ),
    "speakers": (
        "Li Wei from Shanghai and Sara Rahimi from Tehran will speak first.",
        {
            "uk": "Першими виступлять Лі Вей із Шанхая та Сара Рахімі з Тегерана.",
            "ro": "Li Wei din Shanghai și Sara Rahimi din Teheran vor lua cuvântul primii.",
            "vi": "Li Wei đến từ Thượng Hải và Sara Rahimi đến từ Tehran sẽ phát biểu đầu tiên.",
            "th": "หลี่ เว่ย จากเซี่ยงไฮ้ และซารา ราฮีมี จากเตหะราน จะขึ้นพูดเป็นคนแรก",
            "id": "Li Wei dari Shanghai dan Sara Rahimi dari Teheran akan berbicara pertama.",
            "sw": "Li Wei kutoka Shanghai na Sara Rahimi kutoka Tehran watazungumza kwanza.",
            "he": "לי ויי משנגחאי ושרה רחימי מטהרן ידברו ראשונים.",
            "bn": "সাংহাইয়ের লি ওয়েই এবং তেহরানের সারা রহিমি প্রথমে বক্তব্য দেবেন।",
            "ca": "En Li Wei, de Xangai, i la Sara Rahimi, de Teheran, parlaran primer.",
            "fi": "Ensimmäisinä puhuvat Li Wei Shanghaista ja Sara Rahimi Teheranista.",
        },
    ),
    "members": (
        "Hi %(name)s, your group in %(city)s has %(count)d new members.",
        {
            "uk": "Привіт, %(name)s, у вашій групі в %(city)s %(count)d нових учасників.",
            "ro": "Salut, %(name)s, grupul tău din %(city)s are %(count)d membri noi.",
            "vi": "Chào %(name)s, nhóm của bạn ở %(city)s có %(count)d thành viên mới.",
            "th": "สวัสดี %(name)s กลุ่มของคุณใน %(city)s มีสมาชิกใหม่ %(count)d คน",
            "id": "Hai %(name)s, grup Anda di %(city)s memiliki %(count)d anggota baru.",
            "sw": "Habari %(name)s, kikundi chako huko %(city)s kina wanachama wapya %(count)d.",
            "he": "היי %(name)s, לקבוצה שלך ב־%(city)s יש %(count)d חברים חדשים.",
            "bn": "হাই %(name)s, %(city)s-এ আপনার দলে %(count)d জন নতুন সদস্য আছেন।",
            "ca": "Hola, %(name)s, el teu grup de %(city)s té %(count)d membres nous.",
            "fi": "Hei %(name)s, ryhmälläsi paikkakunnalla %(city)s on %(count)d uutta jäsentä.",
        },
    ),
}

PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _SOURCES.items()
    for language, translation in translations.items()
]
