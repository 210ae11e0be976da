"""The signup page an entry names only in its description, by the words that introduce it:
"Inscription : https://…", "Anmeldung unter https://…", "RSVP: <https://…>", a link whose
text is "Register" or "पंजीकरण" (CiviCRM, Odoo, SOGo and WordPress entries give their page no
URL property)."""

import re

from .document import is_address
from .meeting_links import is_meeting_link

# "Sign up", "register" and the like in the languages we import; a link they introduce, or
# whose text they are, is where people sign up. Words of other scripts need no word boundary.
_SIGNUP_WORDS = (
    r"(?:\b(?:register(?:ing)?|registration|sign[ -]?up|rsvp|tickets?|anmeld(?:ung|en)|"
    r"registrierung|inscri(?:ption|ptions|vez-vous|re)|s'inscrire|inscripci[óo]n(?:es)?|"
    r"inscr[íi]bete|inscri[çc][ãa]o|inscri[çc][õo]es|iscrizion[ei]|iscriviti|"
    r"aanmeld(?:en|ing)|inschrijv(?:en|ing)|zapisy|zapisz si[ęe]|rejestracja|kay[ıi]t(?: ol)?|"
    r"ba[şs]vuru|anm[äa]lan|anm[äa]l dig|p[åa]melding|meld deg p[åa]|tilmelding|"
    r"ilmoittautuminen|ilmoittaudu|p[řr]ihl[áa][šs]k[ay]|prihl[áa][šs]k[ay]|registrace|"
    r"[îi]nscrieri?|[îi]nregistrare|regisztr[áa]ci[óo]|jelentkez[ée]s|"
    r"реєстрація|регистрация|реєструйтеся|записатися)\b|"
    r"εγγραφ[ήέ]ς?|הרשמה|להרשמה|पंजीकरण|रजिस्टर|दर्ता|ثبت[\u200c ]?نام|신청|등록|申し込み|申込|"
    r"参加登録|报名|報名|التسجيل)"
)
_URL = r"https?://[^\s<>\"'\\)\]]+"
# The word, then a few words at most on the same line ("here", "unter", ":"), then the link.
# The link may be a markdown one (an HTML description read) whose text is the address again.
_INTRODUCED = re.compile(
    rf"{_SIGNUP_WORDS}[^\n.!?。:/]{{0,24}}[:：]?\s*<?(?:\[[^\[\]\n]{{0,80}}\]\()?({_URL})", re.I
)
# A markdown link (as an HTML description is read) whose text holds the word.
_LINK_TEXT = re.compile(
    rf"\[[^\[\]\n]{{0,60}}?{_SIGNUP_WORDS}[^\[\]\n]{{0,60}}\]\(({_URL})\)", re.I
)


def labelled_signup_page(text: str) -> str:
    """The first link in `text` that a signup word introduces or names; "" for none."""
    found = [*_INTRODUCED.finditer(text[:100_000]), *_LINK_TEXT.finditer(text[:100_000])]
    for match in sorted(found, key=lambda m: m.start()):
        url = match[1].rstrip(".,;:!?")
        if is_address(url) and not is_meeting_link(url):
            return url
    return ""
