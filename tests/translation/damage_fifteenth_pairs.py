"""Faithful translations of a rally page into Swedish, Danish, Czech, Romanian, Hungarian,
Turkish, Hindi, Indonesian, Thai and Japanese, for the fifteenth round of damage
(`damage_fifteenth.py`).

The page has a heading with its anchor, a paragraph with a date, a time, a speaker, a city and
two large counts (one in bold), a second-level heading over a list without final stops, a table
of times, and a closing paragraph with an e-mail address and a link. Each language writes them
as its readers do: Swedish and Czech group thousands with a space (Czech a no-break one), Danish,
Romanian, Turkish and Indonesian with a dot; Danish, Swedish, Turkish, Indonesian and Thai put a
dot in the time (14.30); Hungarian writes the family name first ("Kovács Anna"), the year
first ("2032. október 3-án") and Vienna as "Bécs"; Czech makes the speaker's name feminine
("Anna Kovácsová"); Hindi writes Devanagari digits, groups by lakh (१,२५,०००) and says the time
on a 12-hour clock with "afternoon" (दोपहर २:३० बजे); Japanese counts in ten thousands (1万2500人)
and says 午後2時30分; Thai writes no spaces between words.
"""

from .damage import Pair

LANGUAGES = ("sv", "da", "cs", "ro", "hu", "tr", "hi", "id", "th", "ja")

_LINK = "https://pauseai.info/vienna/route"
_MAIL = "press@pauseai.info"

SOURCE = f"""# Rally for a pause in Vienna on 3 October {{#rally}}

On Sunday 3 October 2032 we gather in front of the parliament in Vienna at 14:30. Anna Kovács,
who organized last year's march, speaks first. Last year **12,500 people** walked with us, and
our petition now has 125,000 signatures.

## What to bring {{#bring}}

- A raincoat and warm clothes
- Water and something to eat
- Your own sign, without sticks

## Schedule {{#schedule}}

| Time | What happens |
| --- | --- |
| 14:30 | Speeches at the parliament |
| 15:15 | The march leaves for the city hall |
| 17:00 | Music and the end |

Journalists can write to {_MAIL}. Everyone else can read [the route and the rules]({_LINK})
before Sunday."""

TRANSLATIONS = {
    "sv": f"""# Manifestation för en paus i Wien den 3 oktober {{#rally}}

Söndagen den 3 oktober 2032 samlas vi framför parlamentet i Wien klockan 14.30. Anna Kovács,
som organiserade förra årets marsch, talar först. Förra året gick **12 500 personer** med oss,
och vår namninsamling har nu 125 000 underskrifter.

## Vad du ska ta med {{#bring}}

- En regnjacka och varma kläder
- Vatten och något att äta
- Din egen skylt, utan pinnar

## Program {{#schedule}}

| Tid | Vad som händer |
| --- | --- |
| 14.30 | Tal vid parlamentet |
| 15.15 | Marschen går mot stadshuset |
| 17.00 | Musik och avslutning |

Journalister kan skriva till {_MAIL}. Alla andra kan läsa [rutten och reglerna]({_LINK}) före
söndag.""",
    "da": f"""# Demonstration for en pause i Wien den 3. oktober {{#rally}}

Søndag den 3. oktober 2032 samles vi foran parlamentet i Wien kl. 14.30. Anna Kovács, som
organiserede sidste års march, taler først. Sidste år gik **12.500 mennesker** med os, og vores
underskriftindsamling har nu 125.000 underskrifter.

## Hvad du skal have med {{#bring}}

- En regnjakke og varmt tøj
- Vand og noget at spise
- Dit eget skilt, uden pinde

## Program {{#schedule}}

| Tidspunkt | Hvad sker der |
| --- | --- |
| 14.30 | Taler ved parlamentet |
| 15.15 | Marchen går mod rådhuset |
| 17.00 | Musik og afslutning |

Journalister kan skrive til {_MAIL}. Alle andre kan læse [ruten og reglerne]({_LINK}) inden
søndag.""",
    "cs": f"""# Shromáždění za pauzu ve Vídni 3. října {{#rally}}

V neděli 3. října 2032 se ve 14:30 sejdeme před parlamentem ve Vídni. Jako první promluví Anna
Kovácsová, která loni organizovala pochod. Loni s námi šlo **12\u00a0500 lidí** a naše petice má
nyní 125\u00a0000 podpisů.

## Co si vzít s sebou {{#bring}}

- Pláštěnku a teplé oblečení
- Vodu a něco k jídlu
- Vlastní transparent, bez tyčí

## Program {{#schedule}}

| Čas | Co se děje |
| --- | --- |
| 14:30 | Projevy u parlamentu |
| 15:15 | Pochod vyráží k radnici |
| 17:00 | Hudba a závěr |

Novináři mohou psát na {_MAIL}. Všichni ostatní si mohou před nedělí přečíst [trasu a
pravidla]({_LINK}).""",
    "ro": f"""# Miting pentru o pauză la Viena pe 3 octombrie {{#rally}}

Duminică, 3 octombrie 2032, ne adunăm în fața parlamentului din Viena la ora 14:30. Anna Kovács,
care a organizat marșul de anul trecut, vorbește prima. Anul trecut, **12.500 de oameni** au
mers alături de noi, iar petiția noastră are acum 125.000 de semnături.

## Ce să aduci {{#bring}}

- O haină de ploaie și haine groase
- Apă și ceva de mâncare
- Propria pancartă, fără bețe

## Program {{#schedule}}

| Ora | Ce se întâmplă |
| --- | --- |
| 14:30 | Discursuri la parlament |
| 15:15 | Marșul pornește spre primărie |
| 17:00 | Muzică și final |

Jurnaliștii pot scrie la {_MAIL}. Toți ceilalți pot citi [traseul și regulile]({_LINK})
înainte de duminică.""",
    "hu": f"""# Tüntetés a szünetért Bécsben október 3-án {{#rally}}

Vasárnap, 2032. október 3-án 14:30-kor gyűlünk össze a bécsi parlament előtt. Elsőként Kovács
Anna szólal fel, aki a tavalyi felvonulást szervezte. Tavaly **12\u202f500 ember** vonult velünk,
és a petíciónkat már 125\u202f000-en írták alá.

## Mit hozz magaddal {{#bring}}

- Esőkabátot és meleg ruhát
- Vizet és valami ennivalót
- Saját táblát, bot nélkül

## Program {{#schedule}}

| Időpont | Mi történik |
| --- | --- |
| 14:30 | Beszédek a parlamentnél |
| 15:15 | A menet elindul a városháza felé |
| 17:00 | Zene és zárás |

Az újságírók a {_MAIL} címre írhatnak. Mindenki más vasárnap előtt elolvashatja [az útvonalat
és a szabályokat]({_LINK}).""",
    "tr": f"""# 3 Ekim'de Viyana'da bir ara için miting {{#rally}}

3 Ekim 2032 Pazar günü saat 14.30'da Viyana'daki parlamentonun önünde toplanıyoruz. Geçen yılki
yürüyüşü düzenleyen Anna Kovács ilk konuşmayı yapacak. Geçen yıl **12.500 kişi** bizimle yürüdü
ve dilekçemiz şu anda 125.000 imzaya ulaştı.

## Yanınızda getirmeniz gerekenler {{#bring}}

- Bir yağmurluk ve sıcak giysiler
- Su ve yiyecek bir şeyler
- Sopasız, kendi pankartınız

## Program {{#schedule}}

| Saat | Ne oluyor |
| --- | --- |
| 14.30 | Parlamento önünde konuşmalar |
| 15.15 | Yürüyüş belediye binasına doğru başlıyor |
| 17.00 | Müzik ve kapanış |

Gazeteciler {_MAIL} adresine yazabilir. Diğer herkes Pazar gününden önce [güzergâhı ve
kuralları]({_LINK}) okuyabilir.""",
    "hi": f"""# ३ अक्टूबर को वियना में विराम के लिए रैली {{#rally}}

रविवार, ३ अक्टूबर २०३२ को हम दोपहर २:३० बजे वियना में संसद के सामने इकट्ठा होंगे। पिछले साल
का मार्च आयोजित करने वाली अन्ना कोवाच सबसे पहले बोलेंगी। पिछले साल **१२,५०० लोग** हमारे साथ
चले थे, और हमारी याचिका पर अब १,२५,००० हस्ताक्षर हैं।

## क्या साथ लाएँ {{#bring}}

- एक रेनकोट और गर्म कपड़े
- पानी और कुछ खाने को
- अपनी तख्ती, बिना डंडे के

## कार्यक्रम {{#schedule}}

| समय | क्या होगा |
| --- | --- |
| १४:३० | संसद पर भाषण |
| १५:१५ | मार्च नगर भवन की ओर रवाना होगा |
| १७:०० | संगीत और समापन |

पत्रकार {_MAIL} पर लिख सकते हैं। बाकी सभी रविवार से पहले [मार्ग और नियम]({_LINK}) पढ़ सकते
हैं।""",
    "id": f"""# Aksi untuk jeda di Wina pada 3 Oktober {{#rally}}

Pada hari Minggu, 3 Oktober 2032, kami berkumpul di depan gedung parlemen di Wina pukul 14.30.
Anna Kovács, yang menyelenggarakan pawai tahun lalu, akan berbicara pertama. Tahun lalu
**12.500 orang** berjalan bersama kami, dan petisi kami kini memiliki 125.000 tanda tangan.

## Apa yang perlu dibawa {{#bring}}

- Jas hujan dan pakaian hangat
- Air dan sesuatu untuk dimakan
- Poster Anda sendiri, tanpa tongkat

## Jadwal {{#schedule}}

| Waktu | Acara |
| --- | --- |
| 14.30 | Pidato di depan parlemen |
| 15.15 | Pawai berangkat menuju balai kota |
| 17.00 | Musik dan penutupan |

Wartawan dapat menulis ke {_MAIL}. Semua orang lainnya dapat membaca [rute dan
aturannya]({_LINK}) sebelum hari Minggu.""",
    "th": f"""# ชุมนุมเพื่อการหยุดพักที่เวียนนาในวันที่ 3 ตุลาคม {{#rally}}

วันอาทิตย์ที่ 3 ตุลาคม 2032 เราจะรวมตัวกันหน้ารัฐสภาในเวียนนาเวลา 14.30 น. แอนนา โควาช
ผู้จัดการเดินขบวนเมื่อปีที่แล้วจะขึ้นพูดเป็นคนแรก ปีที่แล้วมี **12,500 คน** เดินร่วมกับเรา
และตอนนี้คำร้องของเรามีผู้ลงชื่อแล้ว 125,000 รายชื่อ

## สิ่งที่ควรนำมา {{#bring}}

- เสื้อกันฝนและเสื้อผ้าอุ่นๆ
- น้ำและของกินเล็กน้อย
- ป้ายของคุณเอง โดยไม่มีด้ามไม้

## กำหนดการ {{#schedule}}

| เวลา | กิจกรรม |
| --- | --- |
| 14.30 | กล่าวสุนทรพจน์ที่รัฐสภา |
| 15.15 | เริ่มเดินขบวนไปยังศาลาว่าการเมือง |
| 17.00 | ดนตรีและปิดงาน |

ผู้สื่อข่าวสามารถเขียนถึง {_MAIL} ได้ ส่วนคนอื่นๆ สามารถอ่าน[เส้นทางและกฎ]({_LINK})ได้ก่อน
วันอาทิตย์""",
    "ja": f"""# 10月3日、ウィーンで一時停止を求める集会 {{#rally}}

2032年10月3日（日）午後2時30分、ウィーンの国会議事堂前に集まります。昨年のデモ行進を企画した
アンナ・コヴァーチが最初にスピーチします。昨年は**1万2500人**が私たちと一緒に歩き、請願書の
署名は現在12万5000筆に達しています。

## 持ち物 {{#bring}}

- レインコートと暖かい服
- 水と軽食
- 自分のプラカード（棒なし）

## スケジュール {{#schedule}}

| 時間 | 内容 |
| --- | --- |
| 14:30 | 国会議事堂前でスピーチ |
| 15:15 | 市庁舎に向けて行進開始 |
| 17:00 | 音楽と閉会 |

報道関係の方は{_MAIL}までご連絡ください。それ以外の方は、日曜日までに[ルートと
ルール]({_LINK})をお読みください。""",
}

PAIRS = [Pair("rally", SOURCE, language, TRANSLATIONS[language]) for language in LANGUAGES]
