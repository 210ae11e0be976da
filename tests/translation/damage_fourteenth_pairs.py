"""Faithful translations of a short walk page into Serbian (Latin script), Norwegian Nynorsk,
Brazilian Portuguese, Traditional Chinese, Spanish, Czech, Russian, Indonesian and Dutch, for
the fourteenth round of damage (`damage_fourteenth.py`); and the same page in each language's
close neighbour (Serbian Cyrillic aside, which is drawn by transliteration): Bokmål, European
Portuguese, Simplified Chinese, Catalan, Slovak, Ukrainian, Malay and Afrikaans.

The page has a heading with its anchor, a paragraph with a date, a time, a count in words and
emphasis, a list without final stops, and a question with a link. Serbian writes the day with
its dot ("14. septembra"), Nynorsk "frå", "dei", "vatn" where Bokmål writes "fra", "de",
"vann", Brazilian Portuguese "a gente", "prefeitura", "calçada" where European writes
"connosco", "câmara municipal", "passeio".
"""

from .damage import Pair

LANGUAGES = ("sr-Latn", "nn", "pt-BR", "zh-Hant", "es", "cs", "ru", "id", "nl")

_LINK = "https://pauseai.info/contact"

SOURCE = f"""# Walk with us on 14 September {{#walk}}

On Sunday 14 September 2031 we walk from the central station to the city hall. The walk starts
at 11:00 and takes about two hours. **Bring water** and comfortable shoes.

- Meet at the main entrance of the station
- Follow the volunteers in yellow vests
- Stay on the pavement

Can you help with the banners? [Write to us]({_LINK}) before Friday."""

TRANSLATIONS = {
    "sr-Latn": f"""# Šetajte sa nama 14. septembra {{#walk}}

U nedelju, 14. septembra 2031, šetamo od glavne železničke stanice do gradske kuće. Šetnja
počinje u 11:00 i traje oko dva sata. **Ponesite vodu** i udobnu obuću.

- Okupljamo se kod glavnog ulaza stanice
- Pratite volontere u žutim prslucima
- Ostanite na trotoaru

Možete li da pomognete oko transparenata? [Pišite nam]({_LINK}) pre petka.""",
    "nn": f"""# Gå saman med oss 14. september {{#walk}}

Sundag 14. september 2031 går vi frå sentralstasjonen til rådhuset. Turen startar klokka
11:00 og varer i om lag to timar. **Ta med vatn** og gode sko.

- Møt opp ved hovudinngangen til stasjonen
- Følg dei frivillige i gule vestar
- Hald deg på fortauet

Kan du hjelpe til med bannera? [Skriv til oss]({_LINK}) før fredag.""",
    "pt-BR": f"""# Caminhe com a gente em 14 de setembro {{#walk}}

No domingo, 14 de setembro de 2031, vamos caminhar da estação central até a prefeitura. A
caminhada começa às 11:00 e dura cerca de duas horas. **Traga água** e sapatos confortáveis.

- Encontre a gente na entrada principal da estação
- Siga os voluntários de colete amarelo
- Fique na calçada

Você pode ajudar com as faixas? [Escreva para nós]({_LINK}) até sexta-feira.""",
    "zh-Hant": f"""# 9月14日和我們一起步行 {{#walk}}

2031年9月14日星期日，我們從中央車站步行到市政廳。步行於11:00開始，大約需要兩個小時。**請帶水**和舒適的鞋子。

- 在車站正門集合
- 跟著穿黃色背心的志工
- 請走在人行道上

你能幫忙拿橫幅嗎？請在星期五之前[寫信給我們]({_LINK})。""",
    "es": f"""# Camina con nosotros el 14 de septiembre {{#walk}}

El domingo 14 de septiembre de 2031 caminamos desde la estación central hasta el ayuntamiento.
La marcha empieza a las 11:00 y dura unas dos horas. **Trae agua** y calzado cómodo.

- Reúnete en la entrada principal de la estación
- Sigue a los voluntarios con chalecos amarillos
- Quédate en la acera

¿Puedes ayudar con las pancartas? [Escríbenos]({_LINK}) antes del viernes.""",
    "cs": f"""# Pojďte s námi 14. září {{#walk}}

V neděli 14. září 2031 půjdeme od hlavního nádraží k radnici. Pochod začíná v 11:00 a trvá
asi dvě hodiny. **Vezměte si vodu** a pohodlné boty.

- Sejděte se u hlavního vchodu nádraží
- Následujte dobrovolníky ve žlutých vestách
- Zůstaňte na chodníku

Můžete pomoct s transparenty? [Napište nám]({_LINK}) do pátku.""",
    "ru": f"""# Пройдите с нами 14 сентября {{#walk}}

В воскресенье, 14 сентября 2031 года, мы пройдём от центрального вокзала до мэрии. Шествие
начинается в 11:00 и длится около двух часов. **Возьмите воду** и удобную обувь.

- Встречаемся у главного входа вокзала
- Следуйте за волонтёрами в жёлтых жилетах
- Оставайтесь на тротуаре

Можете помочь с плакатами? [Напишите нам]({_LINK}) до пятницы.""",
    "id": f"""# Berjalan bersama kami pada 14 September {{#walk}}

Pada hari Minggu, 14 September 2031, kami berjalan dari stasiun pusat ke balai kota. Aksi jalan
kaki dimulai pukul 11:00 dan berlangsung sekitar dua jam. **Bawa air minum** dan sepatu nyaman.

- Berkumpul di pintu masuk utama stasiun
- Ikuti para relawan yang memakai rompi kuning
- Tetaplah berjalan di trotoar

Bisakah Anda membantu membawa spanduk? [Kirimi kami pesan]({_LINK}) sebelum hari Jumat.""",
    "nl": f"""# Loop met ons mee op 14 september {{#walk}}

Op zondag 14 september 2031 lopen we van het centraal station naar het stadhuis. De tocht
begint om 11:00 en duurt ongeveer twee uur. **Neem water mee** en comfortabele schoenen.

- Verzamel bij de hoofdingang van het station
- Volg de vrijwilligers in gele hesjes
- Blijf op de stoep

Kun je helpen met de spandoeken? [Schrijf ons]({_LINK}) voor vrijdag.""",
}

# The page in the close neighbour of each language (by the code asked for): what a model that
# confused the two writes.
NEIGHBOURS = {
    "nn": (
        "nb",
        f"""# Gå sammen med oss 14. september {{#walk}}

Søndag 14. september 2031 går vi fra sentralstasjonen til rådhuset. Turen starter klokken
11:00 og varer i omtrent to timer. **Ta med vann** og gode sko.

- Møt opp ved hovedinngangen til stasjonen
- Følg de frivillige i gule vester
- Hold deg på fortauet

Kan du hjelpe til med bannerne? [Skriv til oss]({_LINK}) før fredag.""",
    ),
    "pt-BR": (
        "pt-PT",
        f"""# Caminhe connosco a 14 de setembro {{#walk}}

No domingo, 14 de setembro de 2031, vamos caminhar da estação central até à câmara municipal.
A caminhada começa às 11:00 e dura cerca de duas horas. **Traga água** e sapatos confortáveis.

- Encontre-se connosco na entrada principal da estação
- Siga os voluntários de colete amarelo
- Fique no passeio

Pode ajudar com as faixas? [Escreva-nos]({_LINK}) até sexta-feira.""",
    ),
    "zh-Hant": (
        "zh-Hans",
        f"""# 9月14日和我们一起步行 {{#walk}}

2031年9月14日星期日，我们从中央车站步行到市政厅。步行于11:00开始，大约需要两个小时。**请带水**和舒适的鞋子。

- 在车站正门集合
- 跟着穿黄色背心的志愿者
- 请走在人行道上

你能帮忙拿横幅吗？请在星期五之前[写信给我们]({_LINK})。""",
    ),
    "es": (
        "ca",
        f"""# Camina amb nosaltres el 14 de setembre {{#walk}}

El diumenge 14 de setembre de 2031 caminem des de l'estació central fins a l'ajuntament. La
marxa comença a les 11:00 i dura unes dues hores. **Porta aigua** i calçat còmode.

- Troba't a l'entrada principal de l'estació
- Segueix els voluntaris amb armilles grogues
- Queda't a la vorera

Pots ajudar amb les pancartes? [Escriu-nos]({_LINK}) abans de divendres.""",
    ),
    "cs": (
        "sk",
        f"""# Poďte s nami 14. septembra {{#walk}}

V nedeľu 14. septembra 2031 pôjdeme od hlavnej stanice k radnici. Pochod sa začína o 11:00 a
trvá asi dve hodiny. **Vezmite si vodu** a pohodlnú obuv.

- Stretnite sa pri hlavnom vchode stanice
- Nasledujte dobrovoľníkov v žltých vestách
- Zostaňte na chodníku

Môžete pomôcť s transparentmi? [Napíšte nám]({_LINK}) do piatku.""",
    ),
    "ru": (
        "uk",
        f"""# Пройдіть із нами 14 вересня {{#walk}}

У неділю, 14 вересня 2031 року, ми пройдемо від центрального вокзалу до мерії. Хода
починається об 11:00 і триває близько двох годин. **Візьміть воду** і зручне взуття.

- Зустрічаємося біля головного входу вокзалу
- Ідіть за волонтерами в жовтих жилетах
- Залишайтеся на тротуарі

Можете допомогти з плакатами? [Напишіть нам]({_LINK}) до п'ятниці.""",
    ),
    "id": (
        "ms",
        f"""# Berjalan bersama kami pada 14 September {{#walk}}

Pada hari Ahad, 14 September 2031, kami akan berjalan dari stesen pusat ke dewan bandar raya.
Perarakan bermula pukul 11:00 dan mengambil masa kira-kira dua jam. **Bawa air** dan kasut selesa.

- Berkumpul di pintu masuk utama stesen
- Ikut sukarelawan yang memakai jaket keselamatan kuning
- Kekal di kaki lima

Bolehkah anda membantu membawa sepanduk? [Hubungi kami]({_LINK}) sebelum hari Jumaat.""",
    ),
    "nl": (
        "af",
        f"""# Stap saam met ons op 14 September {{#walk}}

Op Sondag 14 September 2031 stap ons van die sentrale stasie na die stadsaal. Die optog begin
om 11:00 en duur omtrent twee uur. **Bring water** en gemaklike skoene.

- Kom bymekaar by die hoofingang van die stasie
- Volg die vrywilligers in geel baadjies
- Bly op die sypaadjie

Kan jy met die baniere help? [Skryf vir ons]({_LINK}) voor Vrydag.""",
    ),
}

PAIRS = [Pair("walk", SOURCE, language, text) for language, text in TRANSLATIONS.items()]
