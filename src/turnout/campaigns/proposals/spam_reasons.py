"""A proposal's spam reasons in words, as a coordinator reads them beside it (spam.py stores
each as `{"code", "points", "params"}`), in the reader's language."""

from babel.lists import format_list
from django.utils.translation import get_language, gettext, ngettext

from turnout.localization.formatting import country_name


def _field_names() -> dict[str, str]:
    return {
        "title": gettext("the title"),
        "description": gettext("the description"),
        "note": gettext("the note to the coordinators"),
    }


def _language() -> str:
    return (get_language() or "en").replace("-", "_")


def _join(items: list[str]) -> str:
    try:
        return format_list(items, locale=_language())
    except ValueError:
        return format_list(items, locale="en")


def describe_reason(reason: dict | str) -> str:
    """One stored reason in words, in the active language."""
    if isinstance(reason, str):  # a bare code
        reason = {"code": reason}
    code = reason.get("code", "")
    params = reason.get("params") or {}
    count = int(params.get("count") or 0)
    if code == "links":
        names = _field_names()
        where = _join([names.get(name, name) for name in params.get("fields", [])])
        return ngettext("%(count)d link in %(where)s", "%(count)d links in %(where)s", count) % {
            "count": count,
            "where": where or gettext("the text"),
        }
    if code == "link_in_title":
        return gettext("a link in the title")
    if code == "link_markup":
        return ngettext(
            "%(count)d link written as markup ([text](address), [url] or <a>), as spam robots do",
            "%(count)d links written as markup ([text](address), [url] or <a>), as spam robots do",
            count,
        ) % {"count": count}
    if code == "shortened_links":
        return ngettext(
            "%(count)d shortened link (%(hosts)s) hides where it leads",
            "%(count)d shortened links (%(hosts)s) hide where they lead",
            count,
        ) % {"count": count, "hosts": ", ".join(params.get("hosts", []))}
    if code == "lookalike_link":
        return gettext("the link to %(host)s mixes look-alike letters from other alphabets") % {
            "host": params.get("host", "")
        }
    if code == "hidden_characters":
        return ngettext(
            "%(count)d invisible character hidden in the text",
            "%(count)d invisible characters hidden in the text",
            count,
        ) % {"count": count}
    if code == "disposable_address":
        return gettext("the address uses a throw-away email service (%(domain)s)") % {
            "domain": params.get("domain", "")
        }
    if code == "many_proposals":
        return ngettext(
            "%(count)d proposal from this address within %(hours)d hours",
            "%(count)d proposals from this address within %(hours)d hours",
            count,
        ) % {"count": count, "hours": int(params.get("hours") or 24)}
    if code == "repeated_text":
        if params.get("field") == "title":
            return ngettext(
                "the same title as a proposal from %(count)d other address",
                "the same title as proposals from %(count)d other addresses",
                count,
            ) % {"count": count}
        return ngettext(
            "the same description as a proposal from %(count)d other address",
            "the same description as proposals from %(count)d other addresses",
            count,
        ) % {"count": count}
    if code in ("city_far_from_country", "city_not_in_country"):
        values = {
            "city": params.get("city", ""),
            "country": country_name(params.get("country", "")),
            "found": country_name(params.get("found_country", "")),
            "distance": params.get("distance_km", ""),
        }
        if code == "city_far_from_country":
            return (
                gettext(
                    "“%(city)s” is not a city we know in %(country)s; the %(city)s we know is "
                    "in %(found)s, about %(distance)s km away"
                )
                % values
            )
        return (
            gettext(
                "“%(city)s” is not a city we know in %(country)s; the %(city)s we know is "
                "in %(found)s"
            )
            % values
        )
    return code


def describe_reasons(reasons: list) -> list[str]:
    return [describe_reason(reason) for reason in reasons or []]
