"""The one spelling in which Turnout stores, compares and looks up an email address.

People type the same address many ways: with spaces around it from a copy and paste, in capitals
from a phone keyboard, an accented letter composed or decomposed, a domain in its Unicode form
(bücher.example) or its ASCII one (xn--bcher-kva.example). Every app normalizes through here, so
that one person is one address wherever it is typed.
"""

import re
import stringprep
import unicodedata
from functools import lru_cache

import idna

# The letters Django's EmailValidator takes for ASCII ones (its patterns ignore case, and in
# Unicode these match "s" and "i"; the Kelvin sign already lower-cases to "k"): stored as the
# letter they were taken for, so "ſam@" is not a second sam@ and no mail server is handed them.
# A Turkish keyboard types "ı" where an address has "i".
_TAKEN_FOR_ASCII = str.maketrans({"\u017f": "s", "\u0131": "i", "\u0130": "i"})

# A local part written without quotes (RFC 5321's Dot-string), and a quoted one with the
# backslash pairs inside it: '"ada"@' and '"a\\da"@' are the mailbox ada@ (RFC 5321 4.1.2).
_DOT_STRING = re.compile(r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*")
_QUOTED_PAIR = re.compile(r"\\(.)")


def normalize_email(address: str) -> str:
    """`address` trimmed, in Unicode NFC and lower case, its domain in Unicode (IDNA 2008).

    Not a validator: text that is not an address comes back cleaned up the same way, and the
    form or model field that takes it says what is wrong.
    """
    address = unicodedata.normalize("NFC", address.strip()).translate(_TAKEN_FOR_ASCII).lower()
    local, at, domain = address.rpartition("@")
    if not at or not domain:
        return address
    return f"{_local(local)}@{_domain(domain)}"


def _local(local: str) -> str:
    # Quotes around a local part that needs none reach the same mailbox as the bare one: kept,
    # '"ada"@' would be another key for ada@'s inbox (its limits, its one place at an event).
    if len(local) > 2 and local[0] == local[-1] == '"':
        bare = _QUOTED_PAIR.sub(r"\1", local[1:-1])
        if _DOT_STRING.fullmatch(bare):
            return bare
    return local


# Remembered: a surge's signup and confirmation each normalize their address more than once,
# most share a few domains, and IDNA's checks were a tenth of a confirmation's time.
@lru_cache(maxsize=4096)
def _domain(domain: str) -> str:
    # Invisible characters (zero-width joiners, soft hyphens, variation selectors: RFC 3454
    # table B.1) pass Django's validator, and Django's mail sending (IDNA 2003) drops them
    # from the domain: kept here, each would be another key for one inbox's limits.
    domain = "".join(c for c in domain if not stringprep.in_table_b1(c))
    # Lower case in Python already; ASCII labels may be punycode ("xn--"), shown in Unicode.
    try:
        decoded = idna.decode(idna.encode(domain, uts46=True))
    except idna.IDNAError:  # not a domain IDNA can spell (the validator will say so)
        return domain
    # A full stop of another script at the end ("example.org。", "example.org．") passes the
    # validator as part of the last label, and IDNA makes it the root's dot: the same domain.
    return decoded.removesuffix(".") or decoded


def ascii_domain(address: str) -> str:
    """`address` with its domain in ASCII as IDNA 2008 spells it (straße.example is
    xn--strae-oqa.example), for handing to a mail server: left to Django, the domain would be
    encoded with IDNA 2003, which turns ß and ς into ss and σ, another domain than the one the
    person gave and their address is keyed by. Unchanged where there is nothing to encode or
    IDNA cannot spell it (the message's own checks then say what is wrong)."""
    local, at, domain = address.rpartition("@")
    if not at or domain.isascii():
        return address
    try:
        return f"{local}@{idna.encode(domain, uts46=True).decode('ascii')}"
    except idna.IDNAError:
        return address
