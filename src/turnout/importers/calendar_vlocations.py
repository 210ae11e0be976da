"""Where an entry takes place as RFC 9073 writes it: a VLOCATION component inside the event,
with the place's NAME and GEO, for programs that leave LOCATION out."""

import re

from icalendar.prop import vGeo


def _vlocations(component) -> list:
    return [c for c in getattr(component, "subcomponents", []) if c.name == "VLOCATION"]


def vlocation_name(component) -> str:
    """The NAME of the entry's first VLOCATION that has one, else ""."""
    for location in _vlocations(component):
        name = location.get("NAME")
        name = name[0] if isinstance(name, list) and name else name
        if name is not None and str(name).strip():
            # Not a property icalendar knows, so its text is as written: "\\," still escaped.
            return _ESCAPED.sub(_unescaped, str(name)).strip()
    return ""


def vlocation_geo(component) -> str:
    """The GEO of the entry's first VLOCATION that has one ("40.63;22.94"), else ""."""
    for location in _vlocations(component):
        geo = location.get("GEO")
        geo = geo[0] if isinstance(geo, list) and geo else geo
        if isinstance(geo, vGeo):
            return f"{geo.latitude};{geo.longitude}"
        if geo is not None and str(geo).strip():
            return str(geo)
    return ""


_ESCAPED = re.compile(r"\\([\\;,nN])")


def _unescaped(match: re.Match) -> str:
    return "\n" if match[1] in "nN" else match[1]
