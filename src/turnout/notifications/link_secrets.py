"""Links in an email that work for its reader alone, made unusable for anyone else who reads
the email in the back office.

Nearly every email to a participant carries a link with their token (the page to confirm,
cancel or see their signup, a role, a survey, an alert's one-click stop). Staff who may view
the outbox need its emails to answer "did my email go out?", not the power to confirm, cancel
or read someone's signup: shown there, each token is cut short.
"""

import re

# A path segment or query value of URL-safe base64 (`secrets.token_urlsafe`) with both cases
# in it: what a token looks like, and what a slug ("klimaatmars-utrecht-2027", always lower
# case) or a word never is.
_TOKEN = re.compile(r"(?<=[/=])(?=[A-Za-z0-9_-]*[A-Z])(?=[A-Za-z0-9_-]*[a-z])[A-Za-z0-9_-]{16,}")
_URL = re.compile(r"""https?://[^\s"'<>]+|(?<=["'])/[^\s"'<>]+""")
# What stays of a token: enough to tell two links apart, too little to guess the rest.
KEPT = 4


def without_link_secrets(text: str) -> str:
    """`text` with the token in every link cut to its first characters and an ellipsis."""
    if not text:
        return text
    return _URL.sub(lambda url: _TOKEN.sub(_cut, url.group()), text)


def _cut(token: re.Match) -> str:
    return f"{token.group()[:KEPT]}…"
