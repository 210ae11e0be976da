"""Secrets in the admin stay out of its address bar, not only out of its forms.

The admin filters its lists by any field of the model named in the query string
(`?token__startswith=a`), whatever `list_filter` offers: Django refuses only lookups through
relations and, on its own account page, the password. A list that answers "one row" or "none"
to `?body_text__contains=<guess>` tells a secret a character at a time, to anyone who may
only view the list. A ModelAdmin names its secret fields in `secret_fields` and is refused
every lookup on them (Django answers 400), as Django refuses one on the password.
"""

from django.db.models.constants import LOOKUP_SEP


class SecretFieldsAdminMixin:
    """Mix into a ModelAdmin before it; `secret_fields` names the fields no query string may
    filter by."""

    secret_fields: tuple[str, ...] = ()

    def lookup_allowed(self, lookup, value, request=None):
        field = lookup.split(LOOKUP_SEP, 1)[0]
        if field in self.secret_fields:
            return False
        return super().lookup_allowed(lookup, value, request)
