"""Checking an SVG logo before it is stored: drawing only, nothing that runs or fetches.

An SVG is a document that can carry scripts, event handlers, links to other sites and embedded
HTML. A logo needs none of that, so a file with any of it is refused with the reason, rather
than silently repaired: the administrator then knows what the file contained. The parser
(defusedxml) refuses DTDs and entities, which stops XXE and "billion laughs" files.
"""

import re
from xml.etree.ElementTree import Element, tostring

from defusedxml import DefusedXmlException  # type: ignore[import-untyped]
from defusedxml.ElementTree import ParseError, fromstring  # type: ignore[import-untyped]
from django.utils.translation import gettext as _

SVG_NAMESPACE = "http://www.w3.org/2000/svg"
XLINK_NAMESPACE = "http://www.w3.org/1999/xlink"
MAX_SVG_BYTES = 200 * 1024

# Shapes, text, groups and paints: what a logo is drawn with. Anything else is refused.
ALLOWED_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "symbol", "use",
    "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
    "text", "tspan", "linearGradient", "radialGradient", "stop", "clipPath", "mask",
}  # fmt: skip
_LOCAL_REFERENCE = re.compile(r"^#[\w.-]+$")
_URL_FUNCTION = re.compile(r"url\s*\(\s*['\"]?\s*([^)'\"]*)", re.IGNORECASE)


class SvgRejected(ValueError):
    """The SVG may not be stored; the message says why, for the administrator."""


def sanitized_svg(data: bytes) -> bytes:
    """The logo re-serialized from its parsed tree (no comments, no processing instructions)."""
    if len(data) > MAX_SVG_BYTES:
        raise SvgRejected(
            _("The SVG is larger than %(limit)d KB.") % {"limit": MAX_SVG_BYTES // 1024}
        )
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise SvgRejected(
            _("The SVG declares a DTD or entities, which a logo never needs.")
        ) from None
    except (ParseError, ValueError):
        raise SvgRejected(_("The file is not a readable SVG.")) from None
    if _local_name(root.tag) != "svg" or _namespace(root.tag) != SVG_NAMESPACE:
        raise SvgRejected(_("The file is not an SVG image."))
    for element in root.iter():
        _check_element(element)
    return tostring(root, encoding="utf-8", xml_declaration=True)


def _check_element(element: Element) -> None:
    if not isinstance(element.tag, str):
        return  # comments are dropped when the tree is written back
    name = _local_name(element.tag)
    if _namespace(element.tag) != SVG_NAMESPACE or name not in ALLOWED_ELEMENTS:
        raise SvgRejected(
            _("The SVG contains a <%(element)s> element; a logo may only contain drawing.")
            % {"element": name}
        )
    for attribute, value in element.attrib.items():
        local = _local_name(attribute)
        if local.lower().startswith("on"):
            raise SvgRejected(
                _("The SVG contains an event handler (%(attribute)s), which could run a script.")
                % {"attribute": local}
            )
        if local == "href" and not _LOCAL_REFERENCE.match(value.strip()):
            raise SvgRejected(
                _("The SVG links to %(target)s; a logo may only refer to its own parts.")
                % {"target": value[:80]}
            )
        if attribute.startswith("{") and _namespace(attribute) not in (XLINK_NAMESPACE,):
            raise SvgRejected(
                _("The SVG uses an unknown attribute (%(attribute)s).") % {"attribute": local}
            )
        for target in _URL_FUNCTION.findall(value):
            if not _LOCAL_REFERENCE.match(target.strip()):
                raise SvgRejected(
                    _("The SVG loads %(target)s; a logo may only refer to its own parts.")
                    % {"target": target[:80]}
                )
        if local == "style" and re.search(r"@import|expression\s*\(|javascript:", value, re.I):
            raise SvgRejected(_("The SVG has a style that loads or runs something."))


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _namespace(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""
