"""Faithful translations of a whole protest page into Portuguese, Polish and Turkish, for the
twelfth round of damage (`damage_twelfth.py`): front matter (a title, a date, a flag), a
heading with its anchor, an HTML comment that marks where the summary ends, a paragraph with
a link over two lines, an image, a list, a table, a video shortcode and a code block. The
front matter's values are translated where they are text, its keys never; Polish declines
the city ("w Lizbonie") and Turkish the date and the city ("13 Mayıs'ta", "Lizbon'da") and
puts the link's words before the verb. A press page with a numbered list, a quotation over two
lines, a reference link and a footnote, whose text is translated.
"""

from .damage import Pair

LANGUAGES = ("pt", "pl", "tr")

_SOURCE = """---
title: PauseAI protest in Lisbon
date: 2029-05-13
draft: false
---

# Protest for a pause on 13 May {#protest}

<!--more-->

On Saturday 13 May we gather at 14:00 in front of the parliament. Read
[our proposal](https://pauseai.info/proposal) before you come.

![Protesters holding signs in front of the parliament](/images/lisbon-2029.jpg)

## What to bring {#bring}

- A sign with your own message
- Water and sunscreen
- A friend

## Schedule {#schedule}

| Time | What |
| --- | --- |
| 14:00 | Speeches |
| 15:30 | March to the ministry |

{{< youtube dQw4w9WgXcQ >}}

To install the tool we print our signs with:

```
pip install signs
```

Questions? Write to info@pauseai.info."""

_TRANSLATIONS = {
    "pt": """---
title: Protesto da PauseAI em Lisboa
date: 2029-05-13
draft: false
---

# Protesto por uma pausa a 13 de maio {#protest}

<!--more-->

No sábado, 13 de maio, reunimo-nos às 14:00 em frente ao parlamento. Leia
[a nossa proposta](https://pauseai.info/proposal) antes de vir.

![Manifestantes com cartazes em frente ao parlamento](/images/lisbon-2029.jpg)

## O que trazer {#bring}

- Um cartaz com a sua própria mensagem
- Água e protetor solar
- Um amigo

## Programa {#schedule}

| Hora | O quê |
| --- | --- |
| 14:00 | Discursos |
| 15:30 | Marcha até ao ministério |

{{< youtube dQw4w9WgXcQ >}}

Para instalar a ferramenta com que imprimimos os nossos cartazes:

```
pip install signs
```

Dúvidas? Escreva para info@pauseai.info.""",
    "pl": """---
title: Protest PauseAI w Lizbonie
date: 2029-05-13
draft: false
---

# Protest na rzecz przerwy 13 maja {#protest}

<!--more-->

W sobotę 13 maja zbieramy się o 14:00 przed parlamentem.
Zanim przyjdziesz, przeczytaj [naszą propozycję](https://pauseai.info/proposal).

![Protestujący z transparentami przed parlamentem](/images/lisbon-2029.jpg)

## Co zabrać {#bring}

- Transparent z własnym hasłem
- Wodę i krem z filtrem
- Przyjaciela

## Program {#schedule}

| Godzina | Co |
| --- | --- |
| 14:00 | Przemówienia |
| 15:30 | Marsz do ministerstwa |

{{< youtube dQw4w9WgXcQ >}}

Aby zainstalować narzędzie, którym drukujemy nasze transparenty:

```
pip install signs
```

Pytania? Napisz na info@pauseai.info.""",
    "tr": """---
title: Lizbon'da PauseAI protestosu
date: 2029-05-13
draft: false
---

# 13 Mayıs'ta bir duraklama için protesto {#protest}

<!--more-->

13 Mayıs Cumartesi günü saat 14:00'te meclisin önünde toplanıyoruz.
Gelmeden önce [önerimizi](https://pauseai.info/proposal) okuyun.

![Meclisin önünde pankart tutan protestocular](/images/lisbon-2029.jpg)

## Yanınızda ne getirmelisiniz {#bring}

- Kendi mesajınızı taşıyan bir pankart
- Su ve güneş kremi
- Bir arkadaş

## Program {#schedule}

| Saat | Ne |
| --- | --- |
| 14:00 | Konuşmalar |
| 15:30 | Bakanlığa yürüyüş |

{{< youtube dQw4w9WgXcQ >}}

Pankartlarımızı bastığımız aracı kurmak için:

```
pip install signs
```

Sorularınız mı var? info@pauseai.info adresine yazın.""",
}

_PRESS_SOURCE = """---
title: Press kit
description: Photos, quotes and contacts for journalists.
---

## For journalists {#journalists}

PauseAI is a movement of volunteers.
On 13 May we protest in **twelve cities** at once.

1. Download the [photos][photos] in full resolution.
2. Quote our spokesperson by name.
3. Call us before 17:00 on the day.

> "We are not against technology.
> We are against a race nobody can win."

Read the full statement[^1] on our site.

[photos]: https://pauseai.info/press/photos

[^1]: Published on 1 May 2029."""

_PRESS_TRANSLATIONS = {
    "pt": """---
title: Kit de imprensa
description: Fotografias, citações e contactos para jornalistas.
---

## Para jornalistas {#journalists}

A PauseAI é um movimento de voluntários.
A 13 de maio protestamos em **doze cidades** ao mesmo tempo.

1. Descarregue as [fotografias][photos] em resolução máxima.
2. Cite a nossa porta-voz pelo nome.
3. Ligue-nos antes das 17:00 no próprio dia.

> «Não somos contra a tecnologia.
> Somos contra uma corrida que ninguém pode ganhar.»

Leia a declaração completa[^1] no nosso site.

[photos]: https://pauseai.info/press/photos

[^1]: Publicada a 1 de maio de 2029.""",
    "pl": """---
title: Materiały prasowe
description: Zdjęcia, cytaty i kontakty dla dziennikarzy.
---

## Dla dziennikarzy {#journalists}

PauseAI to ruch wolontariuszy.
13 maja protestujemy jednocześnie w **dwunastu miastach**.

1. Pobierz [zdjęcia][photos] w pełnej rozdzielczości.
2. Cytuj naszego rzecznika z imienia i nazwiska.
3. W dniu protestu zadzwoń do nas przed 17:00.

> „Nie jesteśmy przeciwko technologii.
> Jesteśmy przeciwko wyścigowi, którego nikt nie może wygrać.”

Pełne oświadczenie[^1] przeczytasz na naszej stronie.

[photos]: https://pauseai.info/press/photos

[^1]: Opublikowano 1 maja 2029 r.""",
    "tr": """---
title: Basın kiti
description: Gazeteciler için fotoğraflar, alıntılar ve iletişim bilgileri.
---

## Gazeteciler için {#journalists}

PauseAI gönüllülerden oluşan bir harekettir.
13 Mayıs'ta **on iki şehirde** aynı anda protesto yapıyoruz.

1. [Fotoğrafları][photos] tam çözünürlükte indirin.
2. Sözcümüzden adıyla alıntı yapın.
3. Eylem günü saat 17:00'den önce bizi arayın.

> "Teknolojiye karşı değiliz.
> Kimsenin kazanamayacağı bir yarışa karşıyız."

Açıklamanın tamamını[^1] sitemizde okuyun.

[photos]: https://pauseai.info/press/photos

[^1]: 1 Mayıs 2029'da yayımlandı.""",
}

_PAGES = {"page": (_SOURCE, _TRANSLATIONS), "press": (_PRESS_SOURCE, _PRESS_TRANSLATIONS)}
PAIRS = [
    Pair(name, source, language, translation)
    for name, (source, translations) in _PAGES.items()
    for language, translation in translations.items()
]
