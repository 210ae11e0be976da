"""Faithful translations of a whole protest page into Greek, Finnish, Hebrew, Korean, Ukrainian,
Catalan and Vietnamese, for the thirteenth round of damage (`damage_thirteenth.py`): front
matter (a title, a date, a flag), headings with anchors, an HTML comment where the summary ends,
a paragraph with a link, an image with its description, a list of five cities with their day,
date, time and square, a table of numbers, a footnote, a code span and a second link.

Each language writes the cities and dates its own way: Greek and Ukrainian decline the
month ("9 Ιουνίου", "9 червня"), Finnish puts a dot after the day and in the time ("9.
kesäkuuta klo 12.00") and declines "in five cities" ("viidessä kaupungissa"), Hebrew writes
the prefix "ב-" before the day and "ו" before a link, Korean puts the month first ("6월 9일") and
the particle after a link's words, Vietnamese names the month by its number ("ngày 9 tháng
6"). Cities are the names each language uses ("Κίεβο", "Soul", "키이우", "Kíiv").
"""

from .damage import Pair

LANGUAGES = ("el", "fi", "he", "ko", "uk", "ca", "vi")

_COMMENT = "<!-- The summary ends here. -->"

SOURCE = f"""---
title: Five cities march for a pause
date: 2029-06-09
draft: false
---

# Five cities, one weekend {{#weekend}}

{_COMMENT}

On 9 and 10 June 2029 volunteers march in five cities at once. Find your city below and
[sign up](https://pauseai.info/join) so we know you are coming.

![Volunteers holding a long banner on the steps of a town hall](/images/june-2029.jpg)

## Where and when {{#cities}}

- Athens: Saturday 9 June at 12:00, Syntagma Square
- Helsinki: Saturday 9 June at 13:00, Senate Square
- Tel Aviv: Saturday 9 June at 20:30, Habima Square
- Seoul: Sunday 10 June at 14:00, Gwanghwamun Square
- Kyiv: Sunday 10 June at 11:00, Mykhailivska Square

## How many of us {{#turnout}}

| City | Signed up | Speakers |
| --- | --- | --- |
| Athens | 240 | 3 |
| Helsinki | 180 | 2 |
| Seoul | 410 | 4 |

These numbers come from our sign-up form[^1].

Post your photos with the tag `#PauseAI` and send them to our
[press team](https://pauseai.info/press).

[^1]: Counted on 1 June 2029."""

TRANSLATIONS = {
    "el": f"""---
title: Πέντε πόλεις διαδηλώνουν για μια παύση
date: 2029-06-09
draft: false
---

# Πέντε πόλεις, ένα Σαββατοκύριακο {{#weekend}}

{_COMMENT}

Στις 9 και 10 Ιουνίου 2029 εθελοντές διαδηλώνουν ταυτόχρονα σε πέντε πόλεις. Βρείτε την πόλη
σας παρακάτω και [εγγραφείτε](https://pauseai.info/join) για να ξέρουμε ότι έρχεστε.

![Εθελοντές κρατούν ένα μακρύ πανό στα σκαλιά ενός δημαρχείου](/images/june-2029.jpg)

## Πού και πότε {{#cities}}

- Αθήνα: Σάββατο 9 Ιουνίου στις 12:00, πλατεία Συντάγματος
- Ελσίνκι: Σάββατο 9 Ιουνίου στις 13:00, πλατεία της Γερουσίας
- Τελ Αβίβ: Σάββατο 9 Ιουνίου στις 20:30, πλατεία Χαμπίμα
- Σεούλ: Κυριακή 10 Ιουνίου στις 14:00, πλατεία Γκουανγκουαμούν
- Κίεβο: Κυριακή 10 Ιουνίου στις 11:00, πλατεία Μιχαηλίφσκα

## Πόσοι είμαστε {{#turnout}}

| Πόλη | Εγγραφές | Ομιλητές |
| --- | --- | --- |
| Αθήνα | 240 | 3 |
| Ελσίνκι | 180 | 2 |
| Σεούλ | 410 | 4 |

Οι αριθμοί αυτοί προέρχονται από τη φόρμα εγγραφής μας[^1].

Δημοσιεύστε τις φωτογραφίες σας με την ετικέτα `#PauseAI` και στείλτε τις στην
[ομάδα τύπου](https://pauseai.info/press) μας.

[^1]: Καταμετρήθηκαν την 1η Ιουνίου 2029.""",
    "fi": f"""---
title: Viisi kaupunkia marssii tauon puolesta
date: 2029-06-09
draft: false
---

# Viisi kaupunkia, yksi viikonloppu {{#weekend}}

{_COMMENT}

Vapaaehtoiset marssivat 9. ja 10. kesäkuuta 2029 viidessä kaupungissa yhtä aikaa. Etsi
kaupunkisi alta ja [ilmoittaudu](https://pauseai.info/join), jotta tiedämme sinun tulevan.

![Vapaaehtoiset pitelevät pitkää banderollia kaupungintalon portailla](/images/june-2029.jpg)

## Missä ja milloin {{#cities}}

- Ateena: lauantaina 9. kesäkuuta klo 12.00, Syntagma-aukio
- Helsinki: lauantaina 9. kesäkuuta klo 13.00, Senaatintori
- Tel Aviv: lauantaina 9. kesäkuuta klo 20.30, Habima-aukio
- Soul: sunnuntaina 10. kesäkuuta klo 14.00, Gwanghwamun-aukio
- Kiova: sunnuntaina 10. kesäkuuta klo 11.00, Mihailivska-aukio

## Montako meitä on {{#turnout}}

| Kaupunki | Ilmoittautuneita | Puhujia |
| --- | --- | --- |
| Ateena | 240 | 3 |
| Helsinki | 180 | 2 |
| Soul | 410 | 4 |

Luvut ovat peräisin ilmoittautumislomakkeestamme[^1].

Julkaise kuvasi tunnisteella `#PauseAI` ja lähetä ne
[mediatiimillemme](https://pauseai.info/press).

[^1]: Laskettu 1. kesäkuuta 2029.""",
    "he": f"""---
title: חמש ערים צועדות למען הפסקה
date: 2029-06-09
draft: false
---

# חמש ערים, סוף שבוע אחד {{#weekend}}

{_COMMENT}

ב-9 וב-10 ביוני 2029 מתנדבים צועדים בחמש ערים בו-זמנית. מצאו את העיר שלכם למטה
ו[הירשמו](https://pauseai.info/join) כדי שנדע שאתם מגיעים.

![מתנדבים מחזיקים כרזה ארוכה על מדרגות בניין עירייה](/images/june-2029.jpg)

## איפה ומתי {{#cities}}

- אתונה: שבת, 9 ביוני, בשעה 12:00, כיכר סינטגמה
- הלסינקי: שבת, 9 ביוני, בשעה 13:00, כיכר הסנאט
- תל אביב: שבת, 9 ביוני, בשעה 20:30, כיכר הבימה
- סיאול: יום ראשון, 10 ביוני, בשעה 14:00, כיכר גוואנגהוואמון
- קייב: יום ראשון, 10 ביוני, בשעה 11:00, כיכר מיכאילובסקה

## כמה אנחנו {{#turnout}}

| עיר | נרשמו | דוברים |
| --- | --- | --- |
| אתונה | 240 | 3 |
| הלסינקי | 180 | 2 |
| סיאול | 410 | 4 |

המספרים האלה לקוחים מטופס ההרשמה שלנו[^1].

פרסמו את התמונות שלכם עם התגית `#PauseAI` ושלחו אותן אל
[צוות העיתונות](https://pauseai.info/press) שלנו.

[^1]: נספרו ב-1 ביוני 2029.""",
    "ko": f"""---
title: 다섯 도시가 멈춤을 위해 행진합니다
date: 2029-06-09
draft: false
---

# 다섯 도시, 하나의 주말 {{#weekend}}

{_COMMENT}

2029년 6월 9일과 10일, 자원봉사자들이 다섯 도시에서 동시에 행진합니다. 아래에서 여러분의 도시를
찾고, 오신다는 것을 저희가 알 수 있도록 [참가 신청](https://pauseai.info/join)을 해 주세요.

![시청 계단에서 긴 현수막을 들고 있는 자원봉사자들](/images/june-2029.jpg)

## 언제, 어디서 {{#cities}}

- 아테네: 6월 9일 토요일 12:00, 신타그마 광장
- 헬싱키: 6월 9일 토요일 13:00, 원로원 광장
- 텔아비브: 6월 9일 토요일 20:30, 하비마 광장
- 서울: 6월 10일 일요일 14:00, 광화문광장
- 키이우: 6월 10일 일요일 11:00, 미하일리우스카 광장

## 참가 인원 {{#turnout}}

| 도시 | 신청자 | 연사 |
| --- | --- | --- |
| 아테네 | 240 | 3 |
| 헬싱키 | 180 | 2 |
| 서울 | 410 | 4 |

이 숫자는 저희 신청 양식에서 나온 것입니다[^1].

`#PauseAI` 태그를 달아 사진을 올리고 저희
[언론팀](https://pauseai.info/press)에 보내 주세요.

[^1]: 2029년 6월 1일에 집계했습니다.""",
    "uk": f"""---
title: П'ять міст виходять на марш за паузу
date: 2029-06-09
draft: false
---

# П'ять міст, одні вихідні {{#weekend}}

{_COMMENT}

9 і 10 червня 2029 року волонтери одночасно виходять на марш у п'яти містах. Знайдіть своє
місто нижче та [зареєструйтеся](https://pauseai.info/join), щоб ми знали, що ви прийдете.

![Волонтери тримають довгий банер на сходах ратуші](/images/june-2029.jpg)

## Де і коли {{#cities}}

- Афіни: субота, 9 червня, о 12:00, площа Синтагма
- Гельсінкі: субота, 9 червня, о 13:00, Сенатська площа
- Тель-Авів: субота, 9 червня, о 20:30, площа Габіма
- Сеул: неділя, 10 червня, о 14:00, площа Кванхвамун
- Київ: неділя, 10 червня, об 11:00, Михайлівська площа

## Скільки нас {{#turnout}}

| Місто | Зареєструвалися | Промовці |
| --- | --- | --- |
| Афіни | 240 | 3 |
| Гельсінкі | 180 | 2 |
| Сеул | 410 | 4 |

Ці числа взято з нашої реєстраційної форми[^1].

Публікуйте свої фото з тегом `#PauseAI` і надсилайте їх нашій
[пресслужбі](https://pauseai.info/press).

[^1]: Підраховано 1 червня 2029 року.""",
    "ca": f"""---
title: Cinc ciutats es manifesten per una pausa
date: 2029-06-09
draft: false
---

# Cinc ciutats, un cap de setmana {{#weekend}}

{_COMMENT}

El 9 i el 10 de juny de 2029, voluntaris de cinc ciutats es manifesten alhora. Busca la teva
ciutat a continuació i [inscriu-te](https://pauseai.info/join) perquè sapiguem que vens.

![Voluntaris amb una pancarta llarga a les escales d'un ajuntament](/images/june-2029.jpg)

## On i quan {{#cities}}

- Atenes: dissabte 9 de juny a les 12:00, plaça Syntagma
- Hèlsinki: dissabte 9 de juny a les 13:00, plaça del Senat
- Tel Aviv: dissabte 9 de juny a les 20:30, plaça Habima
- Seül: diumenge 10 de juny a les 14:00, plaça Gwanghwamun
- Kíiv: diumenge 10 de juny a les 11:00, plaça Mikhàilivska

## Quants som {{#turnout}}

| Ciutat | Inscrits | Oradors |
| --- | --- | --- |
| Atenes | 240 | 3 |
| Hèlsinki | 180 | 2 |
| Seül | 410 | 4 |

Aquestes xifres surten del nostre formulari d'inscripció[^1].

Publica les teves fotos amb l'etiqueta `#PauseAI` i envia-les al nostre
[equip de premsa](https://pauseai.info/press).

[^1]: Comptades l'1 de juny de 2029.""",
    "vi": f"""---
title: Năm thành phố tuần hành vì một quãng tạm dừng
date: 2029-06-09
draft: false
---

# Năm thành phố, một dịp cuối tuần {{#weekend}}

{_COMMENT}

Ngày 9 và 10 tháng 6 năm 2029, các tình nguyện viên cùng lúc tuần hành tại năm thành phố. Hãy
tìm thành phố của bạn bên dưới và [đăng ký](https://pauseai.info/join) để chúng tôi biết bạn sẽ đến.

![Tình nguyện viên cầm băng rôn dài trên bậc thềm một tòa thị chính](/images/june-2029.jpg)

## Ở đâu và khi nào {{#cities}}

- Athens: thứ Bảy, ngày 9 tháng 6, lúc 12:00, quảng trường Syntagma
- Helsinki: thứ Bảy, ngày 9 tháng 6, lúc 13:00, quảng trường Thượng viện
- Tel Aviv: thứ Bảy, ngày 9 tháng 6, lúc 20:30, quảng trường Habima
- Seoul: Chủ nhật, ngày 10 tháng 6, lúc 14:00, quảng trường Gwanghwamun
- Kyiv: Chủ nhật, ngày 10 tháng 6, lúc 11:00, quảng trường Mykhailivska

## Chúng ta có bao nhiêu người {{#turnout}}

| Thành phố | Đã đăng ký | Diễn giả |
| --- | --- | --- |
| Athens | 240 | 3 |
| Helsinki | 180 | 2 |
| Seoul | 410 | 4 |

Những con số này lấy từ biểu mẫu đăng ký của chúng tôi[^1].

Hãy đăng ảnh của bạn với thẻ `#PauseAI` và gửi chúng cho
[nhóm báo chí](https://pauseai.info/press) của chúng tôi.

[^1]: Được thống kê vào ngày 1 tháng 6 năm 2029.""",
}

PAIRS = [Pair("page", SOURCE, language, text) for language, text in TRANSLATIONS.items()]
