"""Word lists by language that tell languages apart without a dictionary: function words,
words of buttons and protest pages, day and month names, and letters only one language writes.

Close languages share most small words (Danish and Norwegian, Czech and Slovak, Dutch and
Afrikaans, Spanish, Portuguese and Catalan): a word listed for two of them tells neither, so
each list also holds the small words that set its language apart from its neighbours
("hva"/"hvad", "sa"/"se", "vir"/"voor", "amb"/"con").
"""

# Frequent function words; a word listed for two languages says nothing and is left out below,
# unless they are close neighbours.
FUNCTION_WORDS = {
    "en": "the and of to is are that this with for we you our be will what which it on at from "
    "have has not they their who about i do no in was were can an by or but all if would",
    "nl": "het een en van de is zijn dat die met voor we wij je jullie onze ons niet op naar "
    "bij ook wat wordt worden deze dit om te heeft hebben in er maar als dan nog zal wel hun "
    "uit door geen jij jouw uw hoe zo mee zij ze hem mij moet moeten kunnen",
    "de": "der die das und ist sind nicht mit für wir ihr unsere unser ein eine auf zu dem auch "
    "wird werden sich es dass von bei nach des du nie in im einen einem oder aber wenn noch "
    "wie uns sie euch dich mich mir dir kein keine zum zur vom beim ins über bevor nur sehr",
    # Afrikaans: "vir", "jy", "hulle", "'n" where Dutch writes "voor", "jij", "zij", "een".
    "af": "die en van is in het nie vir ons hulle jy ek sal wat met op ook te om na by maar of "
    "dat kan moet baie hierdie daardie hom julle n dit geen hoe",
    "fr": "le la les et est sont ont des du une un pour nous vous notre nos avec dans que qui pas "
    "sur ce cette au aux il elle de en se son très mais aussi ne plus sa ses leur ou où être "
    "ces vos votre tous toutes chez sans sous après avant depuis pendant ici",
    "es": "el la los las y a o es son del una un para nosotros nuestra nuestro con en que no por "
    "este esta al se lo de muy pero también así hay sus nos está están como más cuando sin "
    "hasta usted ustedes ya te nuestros nuestras",
    "it": "il lo gli e a o è sono della di per noi nostra con che non una un del le la se da nel "
    "alla anche ma come più questo questa sul dei delle siamo allo agli ai dal dalla "
    "nella negli sulla degli poi tuo tua tuoi vostro vostra finché perché loro ogni tutti "
    "sempre ancora i fino alle nelle dalle sulle",
    "pt": "o a os e é são da do dos uma um para nós nossa com que não em de se este esta por "
    "está muito mas também na no nas ao pelo pela você como mais",
    # Catalan: "i", "amb", "els", "però" where Spanish writes "y", "con", "los", "pero". "a"
    # and "o" are listed for the Romance languages too, so no Czech or Slovak evidence there.
    "ca": "el la els les i a o és són del dels una un per nosaltres nostra nostre nostres amb en "
    "que no aquest aquesta al se ho de molt però també així hi ens està estan com més quan "
    "sense fins vostè ja et perquè tots totes seva seu",
    "pl": "i w z na a o się nie jest są do że to oraz dla nasz nasza nasze my jak od po przez czy "
    "ale być już tylko także który która które jego ich lub pod przed ze we co swoją swój "
    "twój twoja wasz wasza nas nam nami nic bez",
    "sv": "och att det som en är av för med till den inte på om vi ni jag har de ett var men "
    "så kan vara eller från också vår vårt våra hur mycket efter dig mig sig",
    "da": "og at det som en er af for med til den ikke på om vi jeg har de et var men så kan "
    "være eller fra også vores hvad nogen mellem efter dig mig sig jer blev næste gerne "
    "gennem hvornår",
    # Norwegian Bokmål: "å", "hva", "noen", "deg" where Danish writes "at", "hvad", "nogen", "dig".
    "nb": "og at det som en er for med til den ikke på om vi jeg har de et var men så kan "
    "være eller fra også å hva noen mye etter mellom deg meg seg dere ble bli våre neste "
    "gjennom gjerne når vår vårt",
    "cs": "a v je se na že to s z do o k i jsou pro jako ale jsme my nás naše náš by jeho být "
    "již také který která které tak nebo při od po jste všechny všechno všichni našeho",
    # Slovak: "sa", "sú", "pre", "ako" where Czech writes "se", "jsou", "pro", "jako".
    "sk": "a v je sa na že to s z do o k i sú pre ako ale sme my nás naša náš by jeho byť "
    "už tiež ktorý ktorá ktoré tak alebo pri od po ste aj všetky všetko všetci nášho",
    # Indonesian and Malay share most words: "bisa", "karena", "silakan", "pertanyaan",
    # "stasiun", "sepatu" where Malay writes "boleh", "kerana", "sila", "soalan", "stesen",
    # "kasut".
    "id": "yang dan di ke dari untuk dengan ini itu akan tidak kami kita anda mereka pada "
    "adalah juga sudah telah bisa karena atau tetapi jika saat oleh dalam sebagai harus belum "
    "hanya lebih semua silakan pertanyaan kapan sangat banyak sebelumnya mengumpulkan target "
    "instruksi berbaris bisakah stasiun sepatu nyaman dimulai relawan tetaplah",
    "ms": "yang dan di ke dari untuk dengan ini itu akan tidak kami kita anda mereka pada "
    "adalah juga sudah telah boleh kerana atau tetapi jika semasa oleh dalam sebagai mesti "
    "belum hanya lebih semua sila soalan bila sangat banyak daripada mengumpul sasaran arahan "
    "berarak senyap selagi makmal sertai sertailah bolehkah stesen kasut selesa bermula "
    "perarakan sukarelawan kekal percuma",
    # Finnish and Estonian share "ja", "ei", "oli": "kanssa", "mutta", "että" against "koos",
    # "aga", "et". Words other lists hold ("on", "se", "te") are left out of both.
    "fi": "ja ei että kun tai mutta myös hän ovat oli olla ole tämä tuo mitä kuka missä nyt "
    "ennen jälkeen ilman kanssa meidän teidän heidän emme ette eivät kaikki vain jo vielä jos "
    "niin kuin koska sekä eli meitä teitä",
    "et": "ja ei kui või aga ka nad tema oli olla mis kes kus nüüd enne pärast ilma koos meie "
    "teie nende kõik ainult juba veel nii sest ning ehk meiega teiega",
    "lt": "ir yra su į iš apie kad kaip bet ar mes jūs mūsų jie tai šis taip pat tik jau prie "
    "po kur kuris kuri nuo iki",
    "lv": "un ir ar uz no par kas ka lai bet vai mēs jūs mūsu viņi tas šis arī tikai jau kā "
    "pie pēc kur kurš kura līdz esam",
    "tr": "ve bir bu da de için ile olarak çok daha en ne gibi biz siz onlar ama veya olan var "
    "yok değil ki mi her şey kadar",
    "ru": "и в не на что мы это как для с по к из от наш наша наши будет вы они он она все "
    "так но или бы же только уже если",
    "uk": "і в не на що ми це як для з по до від наш наша наші буде ви вони він вона все так "
    "але або б же тільки вже якщо та й",
}
LISTED_WORDS = {language: frozenset(words.split()) for language, words in FUNCTION_WORDS.items()}
# Close neighbours: a word only the two of them list ("og", "ikke") speaks for both against
# any other language; between the two, only the words one of them lists tell.
NEIGHBOURS = frozenset(
    frozenset(pair.split("/"))
    for pair in "nl/af da/nb sv/nb cs/sk es/ca pt/ca fr/ca it/ca id/ms".split()
)
_LISTED_BY: dict[str, set[str]] = {}
for _language, _words in FUNCTION_WORDS.items():
    for _word in _words.split():
        _LISTED_BY.setdefault(_word, set()).add(_language)
OWN_WORDS = {
    language: frozenset(
        word
        for word in words.split()
        if len(_LISTED_BY[word]) == 1 or frozenset(_LISTED_BY[word]) in NEIGHBOURS
    )
    for language, words in FUNCTION_WORDS.items()
}
# Letters no other language above writes (Danish and Norwegian share theirs): each word with one
# is a telling word too, against any language that does not write them.
OWN_LETTERS = {
    "pl": frozenset("łąęśźżćń"),
    "cs": frozenset("řůě"),
    "sk": frozenset("ľĺŕäô"),
    "lt": frozenset("ąęėįų"),
    "lv": frozenset("āēīģķļņ"),
    "da": frozenset("æø"),
    "nb": frozenset("æø"),
    "tr": frozenset("ğış"),
    "de": frozenset("ß"),
    "es": frozenset("ñ"),
    "pt": frozenset("ãõ"),
}
# Letters a language writes that another's list holds as its own: no evidence against it
# (Finnish and Estonian write "ä" in most sentences, which among the listed is Slovak's).
WRITTEN_LETTERS = {"fi": frozenset("äöå"), "et": frozenset("äöüõšž")}

# Words of buttons, headings and protest pages, beside the function words: what a short label
# copied untranslated ("Sign up", "Aanmelden") is made of. A word in both languages' lists
# ("Protest", "Contact", "Online") may stay as it is.
INTERFACE_WORDS = {
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
    "nb": "logg inn meld deg på delta lagre doner del les mer arrangement by dato tid hvor "
    "kontakt søk send avbryt tilbake neste lukk åpen ja nei hjelp nyheter side sted kart "
    "kampanje gruppe dag uke måned år gratis ny takk velkommen hei navn passord språk "
    "protest pause",
}
# Words most languages write alike: a copied "Online", "Info" or "OK" is not untranslated.
INTERNATIONAL = frozenset(
    "ok okay online offline info stop email e-mail mail internet web website app blog chat "
    "video radio hotel taxi festival workshop menu film link wifi sms faq pdf www team start "
    "home demo live podcast".split()
)
# Days and months, which event texts are full of: "sabato 12 maggio" is Italian. Only for
# telling short texts apart: a date copied as it is ("13–14 May") is no untranslated label.
CALENDAR_WORDS = {
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
VOCABULARY = {
    language: frozenset(FUNCTION_WORDS[language].split())
    | frozenset(INTERFACE_WORDS.get(language, "").split())
    for language in FUNCTION_WORDS
}
CALENDAR = {language: frozenset(names.split()) for language, names in CALENDAR_WORDS.items()}
