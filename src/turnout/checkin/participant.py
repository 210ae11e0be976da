"""The check-in code in a participant's manage page and "you're in" email."""

from django.utils.translation import gettext as _

from turnout.signups.models import Signup
from turnout.signups.sections import MANAGE_PAGE

from .codes import check_in_code, check_in_url, display_code, qr_svg


def code_context(signup: Signup, place: str) -> dict | None:
    """Only people holding a place at an event with a door (not online only) get a code."""
    event = signup.event
    if signup.is_anonymized or not signup.holds_place or event.is_online or event.is_cancelled:
        return None
    code = check_in_code(signup.token)
    shown = display_code(code)
    context: dict = {"check_in_code": shown}
    if place == MANAGE_PAGE:
        # Email clients drop inline SVG and this site loads no image from elsewhere, so the
        # email gives the code as text and links (its footer) to this page, where the QR is.
        context["qr"] = qr_svg(
            check_in_url(event.pk, code),
            title=_("QR code for check-in code %(code)s") % {"code": shown},
        )
    return context
