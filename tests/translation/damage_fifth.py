"""A fifth round of ways a model damages its answers, in shapes the earlier rounds lack, drawn
at random for property tests: the answer in a code block of another kind (indented, on one
line, only opened, in HTML), a link's or an address's path translated, a number's separators
written so that its value changes ("1,500" in German is one and a half), a 24-hour time put on
a 12-hour clock wrongly, one item of a list dropped, the movement's name translated, the whole
answer given twice, and a translator's note after the answer.

`PAIRS` are faithful translations into German, French, Spanish, Polish, Arabic and Hebrew
(right to left), Japanese and Chinese; each damage returns the damaged answer with ⟦n⟧
tokens, or None where it cannot happen to that pair. `CLOSE_TRANSLATIONS` are faithful
translations into languages that share most small words with a neighbour.
"""

from hypothesis import strategies as st

from .damage import Damage, Pair, _Drawer

LANGUAGES = ("de", "fr", "es", "pl", "ar", "he", "ja", "zh")

_SOURCES: dict[str, tuple[str, dict[str, str]]] = {
    "crowd": (
        "Last year 1,500 people marched with us in The Hague. This year we expect 2,500.",
        {
            "de": "Letztes Jahr sind 1.500 Menschen mit uns durch Den Haag gezogen. Dieses Jahr "
            "erwarten wir 2.500.",
            "fr": "L'an dernier, 1 500 personnes ont marché avec nous à La Haye. Cette année, "
            "nous en attendons 2 500.",
            "es": "El año pasado, 1.500 personas marcharon con nosotros en La Haya. Este año "
            "esperamos 2.500.",
            "pl": "W zeszłym roku 1500 osób maszerowało z nami w Hadze. W tym roku spodziewamy "
            "się 2500.",
            "ar": "في العام الماضي سار معنا 1,500 شخص في لاهاي. هذا العام نتوقع 2,500.",
            "he": "בשנה שעברה צעדו איתנו 1,500 איש בהאג. השנה אנחנו מצפים ל־2,500.",
            "ja": "昨年はハーグで1,500人が私たちと一緒に行進しました。今年は2,500人を見込んで"
            "います。",
            "zh": "去年有1,500人在海牙和我们一起游行。今年我们预计会有2,500人。",
        },
    ),
    "evening": (
        "The rally on the Plein starts at 19:30 and ends at 21:00.",
        {
            "de": "Die Kundgebung auf dem Plein beginnt um 19:30 Uhr und endet um 21 Uhr.",
            "fr": "Le rassemblement sur le Plein commence à 19 h 30 et se termine à 21 h.",
            "es": "La concentración en el Plein empieza a las 19:30 y termina a las 21:00.",
            "pl": "Wiec na Plein zaczyna się o 19:30 i kończy o 21:00.",
            # A 12-hour clock with the half of the day, as Arabic, Japanese and Chinese write.
            "ar": "تبدأ الوقفة في ساحة بلاين الساعة 7:30 مساءً وتنتهي الساعة 9:00 مساءً.",
            "he": "העצרת בכיכר פליין מתחילה ב־19:30 ומסתיימת ב־21:00.",
            "ja": "プレインでの集会は午後7時30分に始まり、午後9時に終わります。",
            "zh": "普莱因广场的集会于晚上7:30开始，晚上9:00结束。",
        },
    ),
    "proposal": (
        "Read [our proposal](https://pauseai.info/proposal) or visit pauseai.info/faq before "
        "you join us.",
        {
            "de": "Lies [unseren Vorschlag](https://pauseai.info/proposal) oder schau auf "
            "pauseai.info/faq vorbei, bevor du mitmachst.",
            "fr": "Lisez [notre proposition](https://pauseai.info/proposal) ou consultez "
            "pauseai.info/faq avant de nous rejoindre.",
            "es": "Lee [nuestra propuesta](https://pauseai.info/proposal) o visita "
            "pauseai.info/faq antes de unirte.",
            "pl": "Przeczytaj [naszą propozycję](https://pauseai.info/proposal) lub zajrzyj na "
            "pauseai.info/faq, zanim do nas dołączysz.",
            "ar": "اقرأ [مقترحنا](https://pauseai.info/proposal) أو زر pauseai.info/faq قبل أن "
            "تنضم إلينا.",
            "he": "קראו את [ההצעה שלנו](https://pauseai.info/proposal) או בקרו ב־pauseai.info/faq "
            "לפני שאתם מצטרפים אלינו.",
            "ja": "参加する前に[私たちの提案](https://pauseai.info/proposal)を読むか、"
            "pauseai.info/faqをご覧ください。",
            "zh": "加入我们之前，请阅读[我们的提案](https://pauseai.info/proposal)或访问"
            "pauseai.info/faq。",
        },
    ),
    "bring": (
        "What to bring:\n\n- water\n- a raincoat\n- a charged phone\n- your own sign",
        {
            "de": "Was ihr mitbringen solltet:\n\n- Wasser\n- eine Regenjacke\n- ein geladenes "
            "Handy\n- ein eigenes Schild",
            "fr": "À apporter :\n\n- de l'eau\n- un imperméable\n- un téléphone chargé\n- votre "
            "propre pancarte",
            "es": "Qué traer:\n\n- agua\n- un chubasquero\n- un móvil cargado\n- tu propia "
            "pancarta",
            "pl": "Co zabrać:\n\n- wodę\n- płaszcz przeciwdeszczowy\n- naładowany telefon\n- "
            "własny transparent",
            "ar": "ما الذي تحضره:\n\n- ماء\n- معطف مطر\n- هاتف مشحون\n- لافتتك الخاصة",
            "he": "מה להביא:\n\n- מים\n- מעיל גשם\n- טלפון טעון\n- שלט משלכם",
            "ja": "持ち物：\n\n- 水\n- レインコート\n- 充電済みの携帯電話\n- 自分のプラカード",
            "zh": "需要带的东西：\n\n- 水\n- 雨衣\n- 充好电的手机\n- 你自己的标语牌",
        },
    ),
    "movement": (
        "PauseAI is a movement of volunteers in more than ten countries.",
        {
            "de": "PauseAI ist eine Bewegung von Freiwilligen in mehr als zehn Ländern.",
            "fr": "PauseAI est un mouvement de bénévoles présent dans plus de dix pays.",
            "es": "PauseAI es un movimiento de voluntarios en más de diez países.",
            "pl": "PauseAI to ruch wolontariuszy w ponad dziesięciu krajach.",
            "ar": "PauseAI حركة من المتطوعين في أكثر من عشر دول.",
            "he": "PauseAI היא תנועה של מתנדבים ביותר מעשר מדינות.",
            "ja": "PauseAIは10か国以上のボランティアによる運動です。",
            "zh": "PauseAI是一个遍及十多个国家的志愿者运动。",
        },
    ),
    "saturday": (
        "Join us on Saturday and bring a friend.",
        {
            "de": "Mach am Samstag mit und bring jemanden mit.",
            "fr": "Rejoignez-nous samedi et amenez un ami.",
            "es": "Únete el sábado y trae a un amigo.",
            "pl": "Dołącz do nas w sobotę i przyprowadź znajomego.",
            "ar": "انضموا إلينا يوم السبت وأحضروا صديقًا.",
            "he": "הצטרפו אלינו בשבת והביאו חבר.",
            "ja": "土曜日に友だちを連れて参加してください。",
            "zh": "周六和朋友一起来参加吧。",
        },
    ),
}

PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _SOURCES.items()
    for language, translation in translations.items()
]

# Separators that make the source's 1,500 one and a half in the answer's language.
_MISREAD = {
    "de": ("1.500", "1,500"),
    "fr": ("1 500", "1,500"),
    "es": ("2.500", "2,500"),
    "pl": ("1500", "1,500"),
    "ar": ("1,500", "1.500"),
    "he": ("2,500", "2.500"),
    "ja": ("1,500", "1.500"),
    "zh": ("2,500", "2.500"),
}
# The evening hour put on a 12-hour clock without its half of the day, or in the morning.
_TWELVE_HOUR = {
    "de": [("19:30 Uhr", "7:30 Uhr"), ("21 Uhr", "9 Uhr")],
    "fr": [("19 h 30", "7 h 30"), ("21 h", "9 h")],
    "es": [("19:30", "7:30"), ("21:00", "9:00")],
    "pl": [("19:30", "7:30"), ("21:00", "9:00")],
    "ar": [("7:30 مساءً", "7:30 صباحًا"), ("9:00 مساءً", "9:00")],
    "he": [("19:30", "7:30"), ("21:00", "9:00")],
    "ja": [("午後7時30分", "午前7時30分"), ("午後9時", "9時")],
    "zh": [("晚上7:30", "早上7:30"), ("晚上9:00", "9:00")],
}
# The pages' paths "translated" as a model writes them.
_PATHS = {
    "de": ("vorschlag", "haeufige-fragen"),
    "fr": ("proposition", "questions-frequentes"),
    "es": ("propuesta", "preguntas-frecuentes"),
    "pl": ("propozycja", "pytania"),
    "ar": ("iqtirah", "asila"),
    "he": ("hatsaa", "sheelot"),
    "ja": ("teian", "yokuaru-shitsumon"),
    "zh": ("tian", "changjian-wenti"),
}
_MOVEMENT = {
    "de": ["PauseKI", "Pause-KI", "KI-Pause"],
    "fr": ["PauseIA", "Pause IA", "Pause de l'IA"],
    "es": ["PausaIA", "Pausa IA"],
    "pl": ["PauzaAI", "Pauza SI"],
    "ar": ["أوقفوا الذكاء الاصطناعي", "توقف AI"],
    "he": ["עצרו את הבינה", "פאוז AI"],
    "ja": ["ポーズAI", "AI一時停止"],
    "zh": ["暂停AI", "暂停人工智能"],
}
# A translator's note in the answer's language, and the English one models also write.
_NOTES = {
    "de": "Anm. d. Übers.: „jemanden“ statt „einen Freund“, damit es neutral bleibt.",
    "fr": "N.d.T. : « un ami » peut aussi se dire « une amie ».",
    "es": "N. del T.: «amigo» se usa aquí en sentido genérico.",
    "pl": "Przyp. tłum.: „znajomego” obejmuje także znajome.",
    "ar": "ملاحظة المترجم: تُرجمت كلمة «صديق» بصيغة المذكر.",
    "he": 'הערת המתרגם: המילה "חבר" תורגמה בלשון זכר.',
    "ja": "訳注：「友だち」は性別を限定しない表現にしました。",
    "zh": "译者注：“朋友”一词不区分性别。",
}
_ENGLISH_NOTE = "Translator's note: I used the informal form of address."


def _choice(data: _Drawer, options: list, label: str):
    return data.draw(st.sampled_from(options), label=label)


def code_block(pair: Pair, data: _Drawer) -> str | None:
    """Code blocks `damage.fence` does not draw: the answer indented (stripped of its first
    indent, as the provider's answer is), fenced on one line, only opened, or in HTML."""
    how = _choice(data, ["indented", "one line", "opened", "html"], "how")
    text = pair.faithful
    if how == "indented":
        if "\n\n" not in text:
            return None  # one paragraph, its indent stripped, is no code
        return "\n".join("    " + line if line else "" for line in text.split("\n")).strip()
    if how == "one line":
        return f"```{text}```"
    if how == "opened":
        return f"```markdown\n{text}"
    return f"<pre><code>{text}</code></pre>"


def path_translated(pair: Pair, data: _Drawer) -> str | None:
    """The model writes a link's target or an address itself, with its path translated."""
    if pair.name != "proposal":
        return None
    proposal, faq = _PATHS[pair.language]
    text = pair.faithful
    if data.draw(st.booleans(), label="link"):
        return text.replace("⟦1⟧", f"(https://pauseai.info/{proposal})", 1)
    return text.replace("pauseai.info/faq", f"pauseai.info/{faq}", 1)


def separators_misread(pair: Pair, data: _Drawer) -> str | None:
    """1,500 written with the separators of another language: one and a half in this one."""
    if pair.name != "crowd":
        return None
    right, wrong = _MISREAD[pair.language]
    return pair.faithful.replace(right, wrong, 1)


def twelve_hour_wrong(pair: Pair, data: _Drawer) -> str | None:
    """An evening hour on a 12-hour clock without "pm", or said to be in the morning."""
    if pair.name != "evening":
        return None
    right, wrong = _choice(data, _TWELVE_HOUR[pair.language], "time")
    return pair.faithful.replace(right, wrong, 1)


def list_item_dropped(pair: Pair, data: _Drawer) -> str | None:
    lines = pair.faithful.split("\n")
    items = [index for index, line in enumerate(lines) if line.startswith("- ")]
    if len(items) < 2:
        return None
    dropped = _choice(data, items, "item")
    return "\n".join(line for index, line in enumerate(lines) if index != dropped)


def movement_translated(pair: Pair, data: _Drawer) -> str | None:
    """The movement's name, which stays as it is, translated."""
    if "PauseAI" not in pair.faithful:
        return None
    return pair.faithful.replace("PauseAI", _choice(data, _MOVEMENT[pair.language], "name"))


def answer_twice(pair: Pair, data: _Drawer) -> str:
    gaps = ["\n\n", "\n", " "]
    if pair.faithful[-1] in ".!?。！？":
        gaps.append("")  # "…。土曜日に…"
    gap = _choice(data, gaps, "gap")
    return pair.faithful + gap + pair.faithful


def translator_note(pair: Pair, data: _Drawer) -> str:
    note = _choice(data, [_NOTES[pair.language], _ENGLISH_NOTE], "note")
    if data.draw(st.booleans(), label="in brackets"):
        note = f"({note})"
    gap = _choice(data, ["\n\n", "\n", " "], "gap")
    return pair.faithful + gap + note


HARMFUL: dict[str, Damage] = {
    "code block": code_block,
    "path translated": path_translated,
    "separators misread": separators_misread,
    "twelve-hour clock wrong": twelve_hour_wrong,
    "list item dropped": list_item_dropped,
    "movement translated": movement_translated,
    "answer twice": answer_twice,
    "translator's note": translator_note,
}
# The reason each damage must be refused with (any one of them).
REASONS = {
    "code block": {"fence", "markup"},  # <pre><code> is HTML the source lacks
    "path translated": {"links", "missing", "addresses"},
    "separators misread": {"separators"},
    "twelve-hour clock wrong": {"moments"},
    "list item dropped": {"structure"},
    "movement translated": {"names"},
    "answer twice": {"repeated_sentence", "repeated"},
    "translator's note": {"postamble"},
}


# Close languages that share most small words: a title, a label and three sentences, each the
# faithful translation of the English ones, written here.
CLOSE_SOURCES = (
    "Protest for a safe future",
    "Sign up for the march",
    "We meet on Saturday at the station. Bring water and a sign, and tell your friends about "
    "the march.",
    "Our group is small but we are not giving up. Everyone who wants to help is welcome at "
    "the next meeting.",
    "The route is short, so children and older people can walk with us too.",
)
CLOSE_TRANSLATIONS = {
    "nl": (
        "Protest voor een veilige toekomst",
        "Meld je aan voor de mars",
        "We verzamelen zaterdag bij het station. Neem water en een bord mee, en vertel je "
        "vrienden over de mars.",
        "Onze groep is klein, maar we geven niet op. Iedereen die wil helpen is welkom op de "
        "volgende bijeenkomst.",
        "De route is kort, dus ook kinderen en ouderen kunnen met ons meelopen.",
    ),
    "af": (
        "Protes vir 'n veilige toekoms",
        "Teken in vir die optog",
        "Ons ontmoet Saterdag by die stasie. Bring water en 'n plakkaat saam, en vertel jou "
        "vriende van die optog.",
        "Ons groep is klein, maar ons gee nie op nie. Almal wat wil help, is welkom by die "
        "volgende vergadering.",
        "Die roete is kort, so kinders en ouer mense kan ook saam met ons loop.",
    ),
    "de": (
        "Protest für eine sichere Zukunft",
        "Melde dich für den Marsch an",
        "Wir treffen uns am Samstag am Bahnhof. Bringt Wasser und ein Schild mit und erzählt "
        "euren Freunden von der Demo.",
        "Unsere Gruppe ist klein, aber wir geben nicht auf. Alle, die helfen wollen, sind beim "
        "nächsten Treffen willkommen.",
        "Die Strecke ist kurz, also können auch Kinder und ältere Menschen mit uns gehen.",
    ),
    "es": (
        "Protesta por un futuro seguro",
        "Apúntate a la marcha",
        "Nos vemos el sábado en la estación. Trae agua y una pancarta, y cuéntales a tus amigos "
        "lo de la marcha.",
        "Nuestro grupo es pequeño, pero no nos rendimos. Todas las personas que quieran ayudar "
        "son bienvenidas en la próxima reunión.",
        "El recorrido es corto, así que también pueden caminar con nosotros niños y personas "
        "mayores.",
    ),
    "pt": (
        "Protesto por um futuro seguro",
        "Inscreve-te na marcha",
        "Encontramo-nos no sábado na estação. Traz água e um cartaz, e fala da marcha aos teus "
        "amigos.",
        "O nosso grupo é pequeno, mas não desistimos. Quem quiser ajudar é bem-vindo na próxima "
        "reunião.",
        "O percurso é curto, por isso crianças e pessoas mais velhas também podem caminhar "
        "connosco.",
    ),
    "ca": (
        "Protesta per un futur segur",
        "Apunta't a la marxa",
        "Ens trobem dissabte a l'estació. Porta aigua i una pancarta, i explica la marxa als teus "
        "amics.",
        "El nostre grup és petit, però no ens rendim. Tothom qui vulgui ajudar és benvingut a la "
        "propera reunió.",
        "El recorregut és curt, així que també hi poden caminar infants i gent gran.",
    ),
    "cs": (
        "Protest za bezpečnou budoucnost",
        "Přihlas se na pochod",
        "Sejdeme se v sobotu na nádraží. Vezměte si vodu a transparent a řekněte o pochodu svým "
        "přátelům.",
        "Naše skupina je malá, ale nevzdáváme se. Každý, kdo chce pomoct, je vítán na příští "
        "schůzce.",
        "Trasa je krátká, takže s námi mohou jít i děti a starší lidé.",
    ),
    "sk": (
        "Protest za bezpečnú budúcnosť",
        "Prihlás sa na pochod",
        "Stretneme sa v sobotu na stanici. Vezmite si vodu a transparent a povedzte o pochode "
        "svojim priateľom.",
        "Naša skupina je malá, ale nevzdávame sa. Každý, kto chce pomôcť, je vítaný na ďalšom "
        "stretnutí.",
        "Trasa je krátka, takže s nami môžu ísť aj deti a starší ľudia.",
    ),
    "da": (
        "Protest for en sikker fremtid",
        "Tilmeld dig marchen",
        "Vi mødes på lørdag ved stationen. Tag vand og et skilt med, og fortæl dine venner om "
        "marchen.",
        "Vores gruppe er lille, men vi giver ikke op. Alle, der vil hjælpe, er velkomne til det "
        "næste møde.",
        "Ruten er kort, så børn og ældre kan også gå med os.",
    ),
    "nb": (
        "Protest for en trygg fremtid",
        "Meld deg på marsjen",
        "Vi møtes på lørdag ved stasjonen. Ta med vann og et skilt, og fortell vennene dine om "
        "marsjen.",
        "Gruppen vår er liten, men vi gir ikke opp. Alle som vil hjelpe, er velkomne på neste "
        "møte.",
        "Ruten er kort, så barn og eldre kan også gå med oss.",
    ),
    "sv": (
        "Protest för en säker framtid",
        "Anmäl dig till marschen",
        "Vi ses på lördag vid stationen. Ta med vatten och en skylt, och berätta för dina vänner "
        "om marschen.",
        "Vår grupp är liten, men vi ger inte upp. Alla som vill hjälpa till är välkomna på nästa "
        "möte.",
        "Rutten är kort, så barn och äldre kan också gå med oss.",
    ),
}
