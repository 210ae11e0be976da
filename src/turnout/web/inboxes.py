"""The inbox an address reaches, as the key of the limits that protect that inbox.

`normalize_email` gives the one spelling of an address; several addresses still reach one
inbox. Most mail services deliver "marieke+anything@" to "marieke@" (subaddressing, RFC 5233),
and Gmail ignores the dots of its local parts. Counted by address, a script signing a victim up
from many networks would get a fresh per-address limit with every "+tag": the limits that
keep an inbox from being mail-bombed count the inbox instead. Only a key: the address the
person typed is the one stored and written to.
"""

from .email_addresses import normalize_email

# Domains whose local parts ignore dots (and one service under two names).
_DOTLESS = {"gmail.com": "gmail.com", "googlemail.com": "gmail.com"}


def inbox_key(address: str) -> str:
    """`address` normalized, without its "+tag", and for Gmail without dots in its local part."""
    address = normalize_email(address)
    local, at, domain = address.rpartition("@")
    if not at:
        return address
    base = local.partition("+")[0] or local  # "+tag@" alone is a local part, not a tag
    if domain in _DOTLESS:
        base = base.replace(".", "") or base
        domain = _DOTLESS[domain]
    return f"{base}@{domain}"


def inbox_domains(address: str) -> set[str]:
    """The domains addresses of `address`'s inbox may be written with ("gmail.com" and
    "googlemail.com"), to look its other spellings up by."""
    domain = normalize_email(address).rpartition("@")[2]
    same = _DOTLESS.get(domain)
    return {d for d, service in _DOTLESS.items() if service == same} if same else {domain}
