"""Secrets sent in links (sign-in, proposal, invitation): only their keyed hashes are stored."""

import secrets

from django.utils.crypto import salted_hmac


def token_hash(token: str, *, purpose: str) -> str:
    """The keyed hash kept in the database for a secret sent to someone."""
    return salted_hmac(f"turnout.{purpose}", token, algorithm="sha256").hexdigest()


def new_token(*, purpose: str) -> tuple[str, str]:
    """A fresh secret for a link, and the hash to store: (token, hash)."""
    token = secrets.token_urlsafe(32)
    return token, token_hash(token, purpose=purpose)
