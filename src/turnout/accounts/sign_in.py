"""Signing in by email: a one-time link, or the six-digit code in the same email.

Nothing a visitor can measure tells whether an address has an account: asking for an email
only writes a request (`ask_for_sign_in`), which the delivery run turns into an email or
into nothing (`write_sign_in_letters`); a code is checked with the same statements and the
same hashing whether or not one was sent.

Emails are counted per account and per network asked from, so a stranger who knows an address
spends only their own network's share and cannot lock its owner out; the account's own, higher
cap (against a flood from many networks) never holds back a network the person has signed in
from before. Asking itself is limited per network, whatever the address (`views.py`). Guesses
at a code count per network too, so a stranger's wrong guesses do not spoil the owner's code."""

import secrets
import string
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils.crypto import constant_time_compare

from turnout.notifications import outbox
from turnout.notifications.composition import absolute_url, compose
from turnout.web import rate_limits
from turnout.web.email_addresses import normalize_email
from turnout.web.rate_limits import Limit

from .models import SignInCode, SignInRequest, User
from .tokens import new_token, token_hash

VALIDITY = timedelta(minutes=20)
# Guesses at one code from one network; past them that network's guesses are wrong unread.
MAX_CODE_ATTEMPTS = 5
# Guesses at one code from every network together, which void it: a stranger must spread 25
# over five networks to spoil the owner's code (the emailed link still works), and 25 guesses
# find a six-digit code with odds of 1 in 40,000.
MAX_CODE_ATTEMPTS_IN_ALL = 25
MAX_REQUESTS_PER_HOUR = 5  # emails per account and network
MAX_EMAILS_PER_ACCOUNT_PER_HOUR = 30  # from networks the person has not signed in from
KNOWN_NETWORK_DAYS = 90
REQUESTS_PER_NETWORK_PER_HOUR = 30  # asks for a sign-in email from one network, any address


def _code_hash(code: str, *, link_hash: str) -> str:
    # Keyed by the row's link hash too, so one code's hash says nothing about another row's.
    return token_hash(code, purpose=f"sign_in_code.{link_hash}")


def network_digest(network: str) -> str:
    """What is kept of the network a sign-in was asked from: a keyed hash, not the address."""
    return token_hash(network, purpose="sign_in_network") if network else ""


def ask_for_sign_in(
    *, email: str, now: datetime, next_url: str = "", language: str = "", network: str = ""
) -> None:
    """Note that someone asked from `network` for a sign-in email to `email`: one INSERT,
    whoever it is.

    Whether the address has an account is found out by the delivery run, off the request."""
    SignInRequest.objects.create(
        email=normalize_email(email)[:254],
        next_url=next_url[:300],
        language=language[:10],
        requested_at=now,
        network=network_digest(network),
    )
    outbox.wake_worker_on_commit()


def write_sign_in_letters(*, now: datetime, limit: int) -> int:
    """For delivery runs: answer up to `limit` sign-in requests (an email to an account, else
    nothing) and delete them; how many were answered."""

    def answer(asked: SignInRequest) -> None:
        request_sign_in(
            email=asked.email,
            now=now,
            next_url=asked.next_url,
            language=asked.language,
            network=asked.network,
        )

    return outbox.answer_requests(SignInRequest, answer, limit=limit)


def may_email(*, user: User, network: str, now: datetime) -> bool:
    """Whether one more sign-in email may go to `user` for a request from `network` (a
    digest): five an hour per network, thirty an hour in all unless the person has signed in
    from that network within KNOWN_NETWORK_DAYS.

    Call it inside the transaction that writes the email's code: it locks the account's row
    first, so two requests at once count one after the other and cannot both pass the limit
    (SQLite's transactions are IMMEDIATE and serialize anyway)."""
    User.objects.select_for_update().filter(pk=user.pk).values_list("pk", flat=True).get()
    recent = user.sign_in_codes.filter(created_at__gte=now - timedelta(hours=1))
    if recent.filter(network=network).count() >= MAX_REQUESTS_PER_HOUR:
        return False
    if recent.count() < MAX_EMAILS_PER_ACCOUNT_PER_HOUR:
        return True
    return bool(network) and (
        user.sign_in_codes.filter(
            network=network, used_at__gte=now - timedelta(days=KNOWN_NETWORK_DAYS)
        ).exists()
    )


def request_sign_in(
    *, email: str, now: datetime, next_url: str = "", language: str = "", network: str = ""
) -> SignInCode | None:
    """Email a sign-in link and code to an active account with `email`, if `may_email`;
    otherwise do nothing. `network` is the digest of the network it was asked from.

    The email speaks `language`, the language of the page the person asked on (they read
    that page, so they read this), else the one their account was made with.

    The caller tells the visitor the same thing either way, so nobody can probe which
    addresses have accounts.
    """
    with transaction.atomic():
        user = User.objects.filter(email__iexact=normalize_email(email), is_active=True).first()
        if user is None:
            return None
        if not may_email(user=user, network=network, now=now):
            return None
        link_token, link_hash = new_token(purpose="sign_in")
        code = f"{secrets.randbelow(10**6):06d}"
        sign_in = SignInCode.objects.create(
            user=user,
            link_hash=link_hash,
            code_hash=_code_hash(code, link_hash=link_hash),
            next_url=next_url[:300],
            created_at=now,
            expires_at=now + VALIDITY,
            network=network,
        )
        language = language if language in dict(settings.LANGUAGES) else user.language
        link = absolute_url("accounts:sign_in_link", language=language, token=link_token)
        message = compose(
            kind="sign_in",
            template="accounts/email/sign_in",
            to=user.email,
            language=language,
            context={
                "user": user,
                "link": link,
                "code": code,
                "minutes": int(VALIDITY.total_seconds() // 60),
            },
        )
        outbox.enqueue(message, now=now)
    return sign_in


def redeem_link(*, token: str, now: datetime) -> SignInCode | None:
    """Use a sign-in link once; an unknown, used or expired link signs nobody in."""
    with transaction.atomic():
        sign_in = (
            SignInCode.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(link_hash=token_hash(token, purpose="sign_in"))
            .first()
        )
        if sign_in is None or not sign_in.is_usable(now=now) or not sign_in.user.is_active:
            return None
        sign_in.used_at = now
        sign_in.save(update_fields=["used_at"])
    return sign_in


def peek_link(*, token: str, now: datetime) -> SignInCode | None:
    """The usable sign-in behind a link, without using it (for the confirmation page)."""
    sign_in = (
        SignInCode.objects.select_related("user")
        .filter(link_hash=token_hash(token, purpose="sign_in"))
        .first()
    )
    if sign_in is None or not sign_in.is_usable(now=now) or not sign_in.user.is_active:
        return None
    return sign_in


def redeem_code(*, email: str, code: str, now: datetime, network: str = "") -> SignInCode | None:
    """Use the newest code sent to `email`, guessed from `network`; guesses count per code and
    network (MAX_CODE_ATTEMPTS), and too many wrong ones in all void the code.

    The same statements and the same hashing whether or not a code was sent to `email`: a
    wrong code for an address with no account costs what a wrong one for an account does."""
    with transaction.atomic():
        sign_in = (
            SignInCode.objects.select_for_update(of=("self",))
            .select_related("user")
            .filter(
                user__email__iexact=normalize_email(email),
                user__is_active=True,
                used_at__isnull=True,
                expires_at__gt=now,
            )
            .order_by("-created_at", "-pk")
            .first()
        )
        given = "".join(character for character in code if character in string.digits)
        link_hash = sign_in.link_hash if sign_in is not None else ""
        matches = constant_time_compare(
            _code_hash(given, link_hash=link_hash),
            sign_in.code_hash if sign_in is not None else "",
        )
        # Counted whether or not there is a code (keyed by the address then), like all below.
        limited = rate_limits.hit(
            Limit(
                "sign-in-code-network",
                f"{link_hash or normalize_email(email)}\0{network}",
                MAX_CODE_ATTEMPTS,
            ),
            now=now,
        )
        if (
            sign_in is None
            or limited
            or sign_in.failed_attempts >= MAX_CODE_ATTEMPTS_IN_ALL
            or not matches
        ):
            # Counted by a statement that runs when there is nothing to count as well.
            SignInCode.objects.filter(
                pk=sign_in.pk if sign_in is not None else 0,
                failed_attempts__lt=MAX_CODE_ATTEMPTS_IN_ALL,
            ).update(failed_attempts=F("failed_attempts") + (0 if matches else 1))
            return None
        sign_in.used_at = now
        sign_in.save(update_fields=["used_at"])
    return sign_in
