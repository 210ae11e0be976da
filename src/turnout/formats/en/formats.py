"""English pages follow British conventions, like `turnout.localization.formatting` (en-GB):
"3 Dec 2026" and "03/12/2026", never the American "12/03/2026"; times on the 24-hour clock."""

from django.conf.locale.en_GB.formats import *  # noqa: F403
from django.conf.locale.en_GB.formats import DATE_INPUT_FORMATS as _BRITISH_DATE_INPUT

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "j M Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
# ISO first: a date field's value is written with the first format, and <input type="date">
# only accepts ISO. Typed dates are read day first.
DATE_INPUT_FORMATS = ["%Y-%m-%d", *_BRITISH_DATE_INPUT]
