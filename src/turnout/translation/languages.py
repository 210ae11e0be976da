"""Which language a text is in, as far as its script and its commonest words tell; and which
words of a copied text give away the language it was copied from.

No dictionary and no model: a script of its own (Cyrillic, Greek, Arabic, Hebrew, Devanagari,
Thai, Hangul, kana, Han) names a language at once; languages written in Latin letters are told
apart by their function words. Both need several pieces of evidence, so a short text or one of
names only is never judged.
"""

import bisect
import re
import unicodedata
from collections import Counter

from .placeholders import PLACEHOLDER

# Frequent function words; a word listed for two languages says nothing and is left out below.
_FUNCTION_WORDS = {
    "en": "the and of to is are that this with for we you our be will what which it on at from "
    "have has not they their who about i do no in was were can an by or but all if would",
    "nl": "het een en van de is zijn dat die met voor we wij je jullie onze ons niet op naar "
    "bij ook wat wordt worden deze dit om te heeft hebben in er maar als dan nog zal wel hun "
    "uit door geen jij jouw uw hoe zo mee zij ze hem mij moet moeten kunnen",
    "de": "der die das und ist sind nicht mit für wir ihr unsere unser ein eine auf zu dem auch "
    "wird werden sich es dass von bei nach des du nie in im einen einem oder aber wenn noch "
    "wie uns sie euch dich mich mir dir kein keine zum zur vom beim ins über bevor nur sehr",
    "fr": "le la les et est sont des du une un pour nous vous notre nos avec dans que qui pas "
    "sur ce cette au aux il elle de en se son très mais aussi ne plus sa ses leur ou où être "
    "ces vos votre tous toutes chez sans sous après avant depuis pendant ici",
    "es": "el la los las y es son del una un para nosotros nuestra nuestro con en que no por "
    "este esta al se lo de muy pero también así hay sus nos está están como más cuando sin "
    "hasta usted ustedes ya te nuestros nuestras",
    "it": "il lo gli e è sono della di per noi nostra con che non una un del le la se da nel "
    "alla anche ma come più questo questa sul dei delle siamo allo agli ai dal dalla "
    "nella negli sulla degli poi tuo tua tuoi vostro vostra finché perché loro ogni tutti "
    "sempre ancora i fino",
    "pt": "o os e é são da do dos uma um para nós nossa com que não em de se este esta por "
    "está muito mas também na no nas ao pelo pela você como mais",
    "pl": "i w z na się nie jest są do że to oraz dla nasz nasza nasze my jak od po przez czy "
    "ale być już tylko także który która które jego ich lub pod przed ze we co swoją swój "
    "twój twoja wasz wasza",
    "sv": "och att det som en är av för med till den inte på om vi ni jag har de ett var men "
    "så kan vara eller från också vår vårt våra",
    "da": "og at det som en er af for med til den ikke på om vi jeg har de et var men så kan "
    "være eller fra også vores",
    "cs": "a v je se na že to s z do o k i jsou pro jako ale jsme my nás naše náš by jeho být "
    "již také který která které tak nebo při od po",
    "tr": "ve bir bu da de için ile olarak çok daha en ne gibi biz siz onlar ama veya olan var "
    "yok değil ki mi her şey kadar",
    "ru": "и в не на что мы это как для с по к из от наш наша наши будет вы они он она все "
    "так но или бы же только уже если",
    "uk": "і в не на що ми це як для з по до від наш наша наші буде ви вони він вона все так "
    "але або б же тільки вже якщо та й",
}
_COUNTS = Counter(word for words in _FUNCTION_WORDS.values() for word in set(words.split()))
_OWN_WORDS = {
    language: frozenset(word for word in words.split() if _COUNTS[word] == 1)
    for language, words in _FUNCTION_WORDS.items()
}
# Letters no other language above writes: each word with one is a telling word too.
_OWN_LETTERS = {
    "pl": frozenset("łąęśźżćń"),
    "cs": frozenset("řůěťď"),
    "tr": frozenset("ğış"),
    "da": frozenset("æø"),
    "de": frozenset("ß"),
    "es": frozenset("ñ"),
    "pt": frozenset("ãõ"),
}
# Enough telling words to name a language, and how far ahead of the expected one it must be.
_LANGUAGE_EVIDENCE, _LANGUAGE_LEAD = 4, 3
# One sentence is judged from this many words; this many words only another language uses
# name it ("Teilt den Hashtag und markiert uns." among Dutch sentences), or one in a sentence
# of this many lowercase words.
_SENTENCE_WORDS, _SENTENCE_EVIDENCE, _LONG_SENTENCE = 4, 2, 8
# Below this many words a text is short: judged by `short_foreign`, with less evidence.
_SHORT_TEXT = 25

# Words of buttons, headings and protest pages, beside the function words: what a short label
# copied untranslated ("Sign up", "Aanmelden") is made of. A word in both languages' lists
# ("Protest", "Contact", "Online") may stay as it is.
_INTERFACE_WORDS = {
    "en": "sign up join protest save donate share read more event events city cities date time "
    "when where register contact about home search send cancel submit back next close open log "
    "login logout out yes help news page learn here now today tomorrow location map email "
    "newsletter subscribe volunteer volunteers campaign campaigns group groups action actions "
    "day days week month year free new please thank thanks welcome hello start end edit delete "
    "remove add view show hide none other first last name password account settings profile "
    "language find near nearby us me my your march rally meeting meet get involved take "
    "details more upcoming past people sign-up",
    "nl": "aanmelden afmelden inloggen uitloggen opslaan doneren doneer delen deel lees meer "
    "evenement evenementen actie acties stad steden datum tijd wanneer waar registreren contact "
    "over zoeken zoek versturen annuleren terug volgende sluiten open ja nee hulp nieuws pagina "
    "vandaag morgen locatie kaart nieuwsbrief vrijwilliger vrijwilligers campagne campagnes "
    "groep groepen dag dagen week maand jaar gratis nieuw alsjeblieft bedankt dank welkom "
    "hallo begin einde bewerken verwijderen toevoegen bekijken alle naam wachtwoord "
    "instellingen taal vinden dichtbij doe mee demonstratie protest pauze mars",
    "de": "anmelden abmelden einloggen ausloggen speichern spenden teilen lesen mehr "
    "veranstaltung veranstaltungen aktion aktionen stadt städte datum zeit wann wo "
    "registrieren kontakt über suchen senden abbrechen zurück weiter schließen offen ja nein "
    "hilfe nachrichten seite heute morgen ort karte newsletter freiwillige kampagne kampagnen "
    "gruppe gruppen tag tage woche monat jahr kostenlos neu bitte danke willkommen hallo "
    "beginn ende bearbeiten löschen hinzufügen alle name passwort einstellungen sprache finden "
    "mitmachen protest pause demo",
    "fr": "inscription inscrire connexion déconnexion enregistrer don partager lire plus "
    "événement événements action actions ville villes date heure quand contact propos "
    "rechercher envoyer annuler retour suivant fermer ouvert oui non aide actualités page "
    "aujourd'hui demain lieu carte newsletter bénévole bénévoles campagne campagnes groupe "
    "groupes jour jours semaine mois année gratuit nouveau merci bienvenue bonjour début fin "
    "modifier supprimer ajouter tous nom mot passe paramètres langue trouver manifestation "
    "rejoindre rejoignez pause",
    "es": "inscribirse regístrate registrarse iniciar sesión guardar donar dona compartir leer "
    "evento eventos acción acciones ciudad ciudades fecha hora cuándo dónde contacto acerca "
    "buscar enviar cancelar volver siguiente cerrar abierto sí ayuda noticias página hoy "
    "mañana lugar mapa boletín voluntario voluntarios campaña grupo grupos día días semana mes "
    "año gratis nuevo gracias bienvenido hola inicio fin editar eliminar añadir todos nombre "
    "contraseña idioma encontrar protesta manifestación únete pausa",
    "it": "iscriviti registrati accedi esci salva dona condividi leggi evento eventi azione "
    "azioni città data ora quando dove contatto contatti cerca invia annulla indietro avanti "
    "chiudi aperto sì aiuto notizie pagina oggi domani luogo mappa newsletter volontario "
    "volontari campagna gruppo gruppi giorno giorni settimana mese anno gratis nuovo grazie "
    "benvenuto ciao inizio fine modifica elimina aggiungi tutti nome password impostazioni "
    "lingua trova protesta manifestazione unisciti pausa",
    "pt": "inscreva registrar entrar sair salvar doar compartilhar partilhar ler evento "
    "eventos ação ações cidade cidades data hora quando onde contato contacto sobre pesquisar "
    "enviar cancelar voltar próximo fechar aberto sim ajuda notícias página hoje amanhã local "
    "mapa voluntário voluntários campanha grupo grupos dia dias semana mês ano grátis novo "
    "obrigado olá início fim editar excluir adicionar todos nome senha idioma encontrar "
    "protesto manifestação pausa",
    "pl": "zapisz zarejestruj zaloguj wyloguj dołącz wesprzyj udostępnij czytaj więcej "
    "wydarzenie wydarzenia akcja akcje miasto miasta data godzina kiedy gdzie kontakt szukaj "
    "wyślij anuluj wróć dalej zamknij otwarte tak nie pomoc aktualności strona dziś dzisiaj "
    "jutro miejsce mapa newsletter wolontariusz wolontariusze kampania grupa grupy dzień dni "
    "tydzień miesiąc rok darmo nowy proszę dziękujemy dziękuję witaj witamy cześć początek "
    "koniec edytuj usuń dodaj wszystkie imię hasło ustawienia język znajdź protest "
    "demonstracja pauza",
    "sv": "logga anmäl spara donera dela läs mer evenemang stad datum tid när kontakt sök "
    "skicka avbryt tillbaka nästa stäng öppen ja nej hjälp nyheter sida idag imorgon plats "
    "karta kampanj grupp dag vecka månad år gratis ny tack välkommen hej namn lösenord språk "
    "protest paus",
    "da": "log ind tilmeld deltag gem doner del læs mere begivenhed by dato tid hvornår hvor "
    "kontakt søg send annuller tilbage næste luk åben ja nej hjælp nyheder side sted kort "
    "kampagne gruppe dag uge måned år gratis ny tak velkommen hej navn adgangskode sprog "
    "protest pause",
}
# Words most languages write alike: a copied "Online", "Info" or "OK" is not untranslated.
_INTERNATIONAL = frozenset(
    "ok okay online offline info stop email e-mail mail internet web website app blog chat "
    "video radio hotel taxi festival workshop menu film link wifi sms faq pdf www team start "
    "home demo live podcast".split()
)
# Days and months, which event texts are full of: "sabato 12 maggio" is Italian. Only for
# telling short texts apart: a date copied as it is ("13–14 May") is no untranslated label.
_CALENDAR_WORDS = {
    "en": "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december",
    "nl": "maandag dinsdag woensdag donderdag vrijdag zaterdag zondag januari februari maart "
    "april mei juni juli augustus september oktober november december",
    "de": "montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz "
    "april mai juni juli august september oktober november dezember",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai "
    "juin juillet août septembre octobre novembre décembre",
    "es": "lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo "
    "junio julio agosto septiembre octubre noviembre diciembre",
    "it": "lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo "
    "aprile maggio giugno luglio agosto settembre ottobre novembre dicembre",
    "pt": "segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio "
    "junho julho agosto setembro outubro novembro dezembro",
    "pl": "poniedziałek wtorek środa czwartek piątek sobota niedziela sobotę niedzielę stycznia "
    "lutego marca kwietnia maja czerwca lipca sierpnia września października listopada grudnia",
}
_VOCABULARY = {
    language: frozenset(_FUNCTION_WORDS[language].split())
    | frozenset(_INTERFACE_WORDS.get(language, "").split())
    for language in _FUNCTION_WORDS
}
_CALENDAR = {language: frozenset(names.split()) for language, names in _CALENDAR_WORDS.items()}

# Which scripts each language is written in; a language not listed is not judged by script.
_LATIN = "en nl de fr es it pt pl sv da nb nn no fi et cs sk sl hr bs tr ro hu ca gl eu lv lt "
_LATIN += "id ms vi ga cy is eo af sw tl sq mt lb fy"
LANGUAGE_SCRIPTS: dict[str, frozenset[str]] = {
    **{code: frozenset({"latin"}) for code in _LATIN.split()},
    **{code: frozenset({"cyrillic"}) for code in "ru uk bg be mk kk mn".split()},
    "sr": frozenset({"cyrillic", "latin"}),
    "el": frozenset({"greek"}),
    **{code: frozenset({"hebrew"}) for code in ("he", "yi")},
    **{code: frozenset({"arabic"}) for code in ("ar", "fa", "ur", "ps")},
    **{code: frozenset({"devanagari"}) for code in ("hi", "mr", "ne")},
    "th": frozenset({"thai"}),
    "ko": frozenset({"hangul"}),
    "ja": frozenset({"kana", "han"}),
    "zh": frozenset({"han"}),
}
# The language a script alone names.
_SCRIPT_LANGUAGE = {
    "greek": "el",
    "hebrew": "he",
    "arabic": "ar",
    "devanagari": "hi",
    "thai": "th",
    "hangul": "ko",
    "kana": "ja",
}
# (first code point, script) in order; the script runs to the next entry's first code point.
_RANGES = [
    (0x0041, "latin"), (0x0250, ""), (0x0370, "greek"), (0x0400, "cyrillic"), (0x0530, ""),
    (0x0590, "hebrew"), (0x0600, "arabic"), (0x0700, ""), (0x0750, "arabic"), (0x0780, ""),
    (0x08A0, "arabic"), (0x0900, "devanagari"), (0x0980, ""), (0x0E00, "thai"), (0x0E80, ""),
    (0x1100, "hangul"), (0x1200, ""), (0x1E00, "latin"), (0x1F00, "greek"), (0x2000, ""),
    (0x3040, "kana"), (0x3100, ""), (0x3130, "hangul"), (0x3190, ""), (0x31F0, "kana"),
    (0x3200, ""), (0x3400, "han"), (0x4DC0, ""), (0x4E00, "han"), (0xA000, ""),
    (0xAC00, "hangul"), (0xD7B0, ""), (0xF900, "han"), (0xFB00, ""), (0xFB1D, "hebrew"),
    (0xFB50, "arabic"), (0xFE00, ""), (0xFE70, "arabic"), (0xFF00, ""), (0xFF66, "kana"),
    (0xFFA0, ""), (0x20000, "han"), (0x30000, ""),
]  # fmt: skip
_STARTS = [start for start, _script in _RANGES]
# A character of these scripts says as much as two or three Latin letters.
_WEIGHT = {"han": 3, "kana": 2, "hangul": 2}
# Enough letters of another script (weighted) to judge, and how far they must outweigh the
# expected script's: a Japanese sentence quoting an English slogan is still Japanese.
_SCRIPT_EVIDENCE, _SCRIPT_LEAD = 12, 4
_RUSSIAN_LETTERS, _UKRAINIAN_LETTERS = frozenset("ыэъё"), frozenset("іїєґ")
_PERSIAN_LETTERS = frozenset("پچژگ")
# An elided article before a number ("all'1", "dell'8") is no word: Italian "all" is not English.
_WORD = re.compile(r"(?<![^\W\d_])(?>[^\W\d_]+(?:['’-][^\W\d_]+)*)(?!['’]\d)")
_JOINS = re.compile(r"['’-]")


def base(language: str) -> str:
    return (language or "").lower().replace("_", "-").split("-")[0]


def words(text: str) -> list[str]:
    """The words of `text`, case-folded, placeholders set aside."""
    return [word.casefold() for word in _WORD.findall(_plain(text))]


def _plain(text: str) -> str:
    """Placeholders set aside, composed (NFC): "é" typed as e and an accent is one letter."""
    return unicodedata.normalize("NFC", PLACEHOLDER.sub(" ", text))


def script_of(character: str) -> str:
    """The script of a letter ("latin", "cyrillic", "han", ...), "" for others."""
    index = bisect.bisect_right(_STARTS, ord(character)) - 1
    return _RANGES[index][1] if index >= 0 else ""


def has_vocabulary(language: str) -> bool:
    return base(language) in _VOCABULARY


def telling_words(text: str, *, source_language: str, language: str) -> list[str]:
    """Words of `text` that belong to `source_language` and not to `language`: a copy that
    holds one was not translated. Names and acronyms are in neither list, and words most
    languages share ("Online", "Info") never tell."""
    own = _VOCABULARY.get(base(source_language), frozenset())
    other = _VOCABULARY.get(base(language), frozenset())
    found = []
    for word in _WORD.findall(_plain(text)):
        if len(word) > 1 and word.isupper():
            continue  # an acronym: FAQ, EU
        folded = word.casefold()
        if folded in other or folded in _INTERNATIONAL:
            continue
        # "Rejoignez-nous", "aujourd'hui": the whole word, else one of its parts.
        parts = [folded, *(part for part in _JOINS.split(folded) if len(part) > 1)]
        if any(part in own and part not in other and part not in _INTERNATIONAL for part in parts):
            found.append(folded)
    return found


def wrong_language(translated: str, language: str, *, source: str = "") -> str:
    """The language `translated` is written in when it is clearly not `language` ("?" when
    it cannot be named), else "". Words written capitalized in `source` (names, acronyms)
    are no evidence: they stay as they are in any language."""
    language = base(language)
    scripts = LANGUAGE_SCRIPTS.get(language)
    if scripts is None:
        return ""
    text = _plain(translated)
    names = {w.casefold() for w in _WORD.findall(_plain(source)) if w[0].isupper()}
    expected, foreign = 0, Counter[str]()
    foreign_words = 0
    for word in _WORD.findall(text):
        if word.casefold() in names:
            continue  # a name kept (OpenStreetMap) is evidence for no language
        counts = Counter(script_of(ch) for ch in word if ch.isalpha())
        expected += sum(_WEIGHT.get(s, 1) * n for s, n in counts.items() if s in scripts)
        others = {s: n for s, n in counts.items() if s and s not in scripts}
        if others:
            foreign_words += 1
            foreign.update({s: _WEIGHT.get(s, 1) * n for s, n in others.items()})
    if foreign:
        script, weight = foreign.most_common(1)[0]
        cjk = script in _WEIGHT
        if (
            weight >= _SCRIPT_EVIDENCE
            and (cjk or foreign_words >= _LANGUAGE_EVIDENCE)
            and expected * _SCRIPT_LEAD < weight
        ):
            return _language_of_script(script, text)
    if language == "ja":
        kana = sum(script_of(ch) == "kana" for ch in text)
        han = sum(script_of(ch) == "han" for ch in text)
        # Japanese sentences always have kana; twelve Han characters without one are Chinese.
        return "zh" if han >= 12 and not kana else ""
    if language == "zh":
        kana = sum(script_of(ch) == "kana" for ch in text)
        return "ja" if kana >= 3 else ""
    if language in ("ru", "uk"):
        letters = set(text.casefold())
        if language == "uk" and len(letters & _RUSSIAN_LETTERS) >= 2:
            return "" if letters & _UKRAINIAN_LETTERS else "ru"
        if language == "ru" and len(letters & _UKRAINIAN_LETTERS) >= 2:
            return "" if letters & _RUSSIAN_LETTERS else "uk"
    return _other_by_words(text, language, scripts)


def foreign_sentence(sentence: str, language: str) -> str:
    """The language one sentence of an answer is in when it is clearly not `language` (a
    model that switched language halfway; "?" when it cannot be named), else "": four words
    or more of another script, or, between Latin-script languages, no word only `language`
    uses and two only another uses (one, in a sentence of eight words), or one of
    `language`'s against three times as many of another's. Too little to judge a whole text
    by, enough for one sentence among others that are in `language`."""
    language = base(language)
    scripts = LANGUAGE_SCRIPTS.get(language)
    if scripts is None:
        return ""
    plain = _plain(sentence)
    # "Ne partagez jamais ..." in a Russian answer, "В субботу мы ..." in a Dutch one.
    foreign = [
        w for w in _WORD.findall(plain) if script_of(w[0]) not in scripts | {""} and w.islower()
    ]
    if len(foreign) >= _SENTENCE_WORDS:
        own = sum(script_of(ch) in scripts for ch in plain)
        if own < sum(len(w) for w in foreign):
            return _language_of_script(script_of(foreign[0][0]), plain)
    if language not in _OWN_WORDS or len(words(sentence)) < _SENTENCE_WORDS:
        return ""
    hits = _word_hits(plain)
    best = max(hits, key=lambda code: hits[code])
    lowercase = sum(word.islower() for word in _WORD.findall(plain))
    if not hits[best] or "latin" not in LANGUAGE_SCRIPTS[best]:
        return ""
    if hits[language]:
        # One word of the language among many of another: a sentence in that other one.
        clear = hits[best] > _SENTENCE_EVIDENCE and hits[best] >= _LANGUAGE_LEAD * hits[language]
        return best if hits[language] == 1 and clear else ""
    if hits[best] >= _SENTENCE_EVIDENCE or lowercase >= _LONG_SENTENCE:
        return best
    return ""


def short_foreign(
    translated: str, language: str, *, source: str = "", source_language: str = ""
) -> str:
    """The language a short answer (a title, a label, one sentence) is in when it is not
    `language`: two words or more of another language's list that `language` does not have,
    and three times as many as of `language`'s that the other does not have. "" when it
    cannot tell (Dutch and German titles share most short words). The source's language is
    left to the checks for copies: a quotation kept in it is no damage."""
    language = base(language)
    scripts = LANGUAGE_SCRIPTS.get(language)
    if language not in _VOCABULARY or not scripts or len(words(translated)) >= _SHORT_TEXT:
        return ""
    names = {w.casefold() for w in _WORD.findall(_plain(source)) if w[0].isupper()}
    text = " ".join(w for w in _WORD.findall(_plain(translated)) if w.casefold() not in names)
    for other in _VOCABULARY:
        if other in (language, base(source_language)) or not LANGUAGE_SCRIPTS[other] & scripts:
            continue
        theirs = _telling(text, other, language)
        ours = _telling(text, language, other)
        if len(theirs) >= max(_SENTENCE_EVIDENCE, _LANGUAGE_LEAD * len(ours)):
            return other
    return ""


def _telling(text: str, language: str, other: str) -> list[str]:
    """Words of `text` that `language` writes and `other` does not: from the word lists, the
    names of days and months, and words with a letter only `language` has."""
    found = telling_words(text, source_language=language, language=other)
    theirs = _CALENDAR.get(other, frozenset()) | _VOCABULARY.get(other, frozenset())
    for word in words(text):
        if word in found:
            continue
        if word in _CALENDAR.get(language, frozenset()) and word not in theirs:
            found.append(word)
        elif not _OWN_LETTERS.get(language, frozenset()).isdisjoint(word):
            found.append(word)
    return found


def _other_by_words(text: str, language: str, scripts: frozenset[str]) -> str:
    if language not in _OWN_WORDS:
        return ""
    hits = {
        code: count for code, count in _word_hits(text).items() if LANGUAGE_SCRIPTS[code] & scripts
    }
    best = max(hits, key=lambda code: hits[code])
    if best != language and hits[best] >= _LANGUAGE_EVIDENCE:
        return best if hits[language] * _LANGUAGE_LEAD < hits[best] else ""
    return ""


def _language_of_script(script: str, text: str) -> str:
    if script in _SCRIPT_LANGUAGE:
        if script == "arabic" and set(text) & _PERSIAN_LETTERS:
            return "fa"
        return _SCRIPT_LANGUAGE[script]
    if script == "han":
        return "ja" if any(script_of(ch) == "kana" for ch in text) else "zh"
    if script == "cyrillic":
        return "uk" if set(text.casefold()) & _UKRAINIAN_LETTERS else "ru"
    if script == "latin":
        hits = _word_hits(text)
        best = max(hits, key=lambda code: hits[code])
        return best if hits[best] >= 2 else "?"
    return "?"


def _word_hits(text: str) -> dict[str, int]:
    """Per language, the words of `text` that only it uses (by spelling or by a letter); the
    parts of a joined word count too ("inscrivez-vous", "l'eau")."""
    found = words(text)
    parts = [part for word in found if _JOINS.search(word) for part in _JOINS.split(word)]
    found += [part for part in parts if len(part) > 1]
    hits = {code: sum(word in own for word in found) for code, own in _OWN_WORDS.items()}
    for word in words(text):
        for code, letters in _OWN_LETTERS.items():
            if not letters.isdisjoint(word):
                hits[code] += 1
    return hits
