"""`manage.py check --deploy` warnings for Turnout's own secrets.

Django checks its SECRET_KEY; the /metrics token is Turnout's, and nothing limits how often it
may be guessed (a scraper asks every few seconds, so a lockout would lock the scraper out). A
short or word-like token would be found by a script; a long random one never is.
"""

from django.conf import settings
from django.core import checks

MIN_METRICS_TOKEN_LENGTH = 32
MIN_DISTINCT_CHARACTERS = 10


@checks.register(checks.Tags.security, deploy=True)
def check_metrics_token(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    token = settings.METRICS_TOKEN
    if not token:
        return []  # /metrics then answers the allowed networks only
    if len(token) >= MIN_METRICS_TOKEN_LENGTH and len(set(token)) >= MIN_DISTINCT_CHARACTERS:
        return []
    return [
        checks.Warning(
            f"METRICS_TOKEN is too easy to guess: use at least {MIN_METRICS_TOKEN_LENGTH} "
            "random characters.",
            hint="For example: python -c 'import secrets; print(secrets.token_urlsafe(32))'",
            id="turnout.W001",
        )
    ]
