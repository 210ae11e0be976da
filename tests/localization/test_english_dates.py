"""English pages write dates day first (en-GB), as the site's own formatting does; Dutch
catalogues are free of the slips found before ("lokaal evenements", "Tv")."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from django import forms
from django.utils import formats, translation

import turnout


def test_django_formats_english_dates_day_first_and_dutch_ones_as_before():
    moment = datetime(2026, 3, 12, 14, 5, tzinfo=UTC)
    with translation.override("en"):
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "12/03/2026"
        assert formats.date_format(date(2026, 12, 3), "SHORT_DATE_FORMAT") == "03/12/2026"
        assert formats.date_format(moment, "DATE_FORMAT") == "12 Mar 2026"
        assert formats.date_format(moment, "DATETIME_FORMAT") == "12 Mar 2026, 14:05"
    with translation.override("nl"):
        assert (
            formats.date_format(moment, "SHORT_DATE_FORMAT") == "12-3-2026"
        )  # Django's own Dutch format, unchanged


def test_date_fields_keep_iso_values_and_read_typed_dates_day_first():
    class DayForm(forms.Form):
        day = forms.DateField(widget=forms.DateInput(attrs={"type": "date"}))

    with translation.override("en"):
        assert 'value="2026-12-03"' in str(DayForm(initial={"day": date(2026, 12, 3)})["day"])
        typed = DayForm({"day": "03/12/2026"})
        assert typed.is_valid() and typed.cleaned_data["day"] == date(2026, 12, 3)
        assert DayForm({"day": "2026-12-03"}).is_valid()


@pytest.mark.parametrize("slip", ["lokaal evenements", 'msgstr "Tv"', "evenements"])
def test_no_dutch_catalogue_has_the_known_slips(slip):
    catalogues = Path(turnout.__file__).parent.glob("*/locale/nl/LC_MESSAGES/django.po")
    for path in catalogues:
        assert slip not in path.read_text(encoding="utf-8"), path
