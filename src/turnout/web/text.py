"""Single-line text: the one rule for what people and imports type where one line belongs.

Titles, names, venues, subjects and captions are shown on one line and end up in email
headers, calendar lines and CSV cells, where a line break ends the field (header injection,
a broken invite, a shifted row). Every such value goes through `single_line`:

- every line break and its look-alikes (CR, LF, tab, vertical tab, form feed, the file, group
  and record separators U+001C to U+001E, NEL U+0085, LINE SEPARATOR U+2028, PARAGRAPH
  SEPARATOR U+2029), with the blanks around them, becomes one space: "Climate\\r\\nMarch" is
  "Climate March";
- other control characters (C0, DEL, C1), the bidirectional embeddings, overrides and
  isolates (U+202A to U+202E, U+2066 to U+2069) and lone surrogates are removed: an override
  in a name turns the rest of a line around where an organizer reads it ("Trojan Source"),
  and right-to-left scripts need none of them to show the right way round;
- surrounding blanks are stripped.

Folding rather than refusing: a browser's text box cannot hold a line break (HTML strips them
from its value), so one only arrives from a paste into a script, an import or an API, and
joining the lines keeps what the person meant. It never fails, so models and importers can
apply it without a way to report an error.

How to use it:
- models: `SingleLineCharField` in place of `models.CharField`; it folds in `full_clean()`,
  `save()`, `bulk_create()` and `update()`, and its form field folds too (admin, ModelForms);
- forms that are not ModelForms: `SingleLineField` in place of `forms.CharField`
  (`MultiLineField` for a text of several lines, kept without control characters);
- anything else (importers, services, email headers): `single_line(value)`, and
  `single_line(value, max_length=n)` where the result must fit a column or header limit.
"""

import re

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from .blank_text import shows_nothing

# The characters that end a line somewhere: in email (CR, LF), in Python's str.splitlines()
# and the email package (VT, FF, FS, GS, RS, NEL, LS, PS), in calendars and CSV (CR, LF), plus
# the tab, which makes a header line fold or a cell split.
LINE_BREAKS = "\r\n\t\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"

_FOLD = re.compile(f"\\s*[{LINE_BREAKS}]\\s*")
# Control characters that are not line breaks (C0 but the above, US U+001F, DEL, C1 but NEL),
# the bidirectional embeddings, overrides and isolates, and lone surrogates, which no encoder
# can write.
_DROP = re.compile(
    "[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)

ELLIPSIS = "…"


def single_line(value: str, *, max_length: int | None = None) -> str:
    """`value` on one line (see the module's docstring), cut to `max_length` with "…"."""
    text = _FOLD.sub(" ", _DROP.sub("", str(value))).strip()
    if max_length is not None and len(text) > max_length:
        text = text[: max_length - len(ELLIPSIS)].rstrip() + ELLIPSIS
    return text


# What XML 1.0 cannot hold at all (its Char production): C0 controls but tab, LF and CR, lone
# surrogates and U+FFFE/U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(value: str) -> str:
    """`value` without the characters XML 1.0 cannot hold: Django's feeds raise on them, so a
    vertical tab pasted from a word processor into one summary would break the whole feed."""
    return _NOT_XML.sub("", str(value))


# Every line break but LF (CRLF first, so it stays one break).
_OTHER_BREAKS = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def multi_line(value: str) -> str:
    """`value` with its lines kept, each break as LF, and what `single_line` removes removed:
    for text of several lines where control characters are not allowed, such as a calendar's
    TEXT (RFC 5545 3.3.11), where an escape sequence reaches a terminal and a vertical tab
    pasted from a word processor makes strict clients refuse the whole feed."""
    return _DROP.sub("", _OTHER_BREAKS.sub("\n", str(value)))


def is_single_line(value: str) -> bool:
    """Whether `value` is already as `single_line` would make it."""
    return single_line(value) == value


class SingleLineField(forms.CharField):
    """A form's text field that folds line breaks and control characters (`single_line`).

    A value that shows nothing (zero-width spaces, Hangul fillers: `blank_text`) is no value:
    a required field refuses it in words (error "invisible") and an optional one is left
    empty, rather than a blank line where a title or a name is read (a proposer's name and
    title in the coordinators' queue, then on the public event page)."""

    default_error_messages = {
        "invisible": _("Write this in letters that can be seen: these characters show nothing."),
    }

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if isinstance(value, str) else value

    def validate(self, value) -> None:
        super().validate(value)
        if self.required and isinstance(value, str) and shows_nothing(value):
            raise forms.ValidationError(self.error_messages["invisible"], code="invisible")

    def clean(self, value):
        value = super().clean(value)
        return self.empty_value if isinstance(value, str) and shows_nothing(value) else value


class MultiLineField(forms.CharField):
    """A form's text of several lines, with what `multi_line` removes removed (and the blanks
    around it stripped): for forms whose service stores the text that way, so that what the
    form accepted is what is saved and shown again."""

    def clean(self, value):
        # After the validators: a null character is refused in words, as by any CharField.
        value = super().clean(value)
        if not isinstance(value, str):
            return value
        value = multi_line(value)
        return value.strip() if self.strip else value


class SingleLineCharField(models.CharField):
    """A model's CharField whose value is always one line (`single_line`), however it is
    saved: `full_clean()`, `save()` and `bulk_create()` fold the instance's value, and
    `update()` the value written."""

    def to_python(self, value):
        value = super().to_python(value)
        return single_line(value) if isinstance(value, str) else value

    def pre_save(self, model_instance, add):
        value = super().pre_save(model_instance, add)
        if isinstance(value, str) and not is_single_line(value):
            value = single_line(value)
            setattr(model_instance, self.attname, value)
        return value

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return single_line(value) if isinstance(value, str) else value

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": SingleLineField, **kwargs})

    def deconstruct(self):
        # The column is a plain CharField's; migrations record it as one, so that swapping
        # the class needs no migration and old migrations never import this module.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.CharField", args, kwargs
