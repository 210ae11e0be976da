"""The INSERT that writes a new signup, composed once per database (web/insert_statements.py).

The signup form writes one statement: the new signup, unless its address has one at the event
already (ON CONFLICT DO NOTHING on PostgreSQL, INSERT OR IGNORE on SQLite, with RETURNING).
Built by the ORM for every request, composing it took about a tenth of the form's time.
"""

from turnout.web.insert_statements import InsertStatement

from .models import Signup

NEW_SIGNUP = InsertStatement(Signup, ignore_conflicts=True, returning_pk=True)


def insert_unless_signed_up(signup: Signup) -> int | None:
    """INSERT `signup`; its new id, or None when its address has a signup at the event."""
    return NEW_SIGNUP.insert_returning_pk(signup)
