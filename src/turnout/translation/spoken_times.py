"""Times said with a fraction of the hour, as Hindi says them: "ढाई बजे" is 2:30, "डेढ़ बजे"
1:30, "साढ़े तीन बजे" 3:30, "सवा चार बजे" 4:15 and "पौने पाँच बजे" 4:45. Written as digits with
minutes, the source's "14:30" is found in them ("दोपहर ढाई बजे", half past two in the
afternoon). Only before "बजे" (o'clock): "ढाई हज़ार" is two and a half thousand.
"""

import re

_HINDI_NUMBERS = {
    word: number
    for number, words in enumerate(
        ("एक", "दो", "तीन", "चार", "पाँच पांच", "छह छः", "सात", "आठ", "नौ", "दस", "ग्यारह", "बारह"),
        start=1,
    )
    for word in words.split()
}
_HOUR = "|".join([r"\d{1,2}", *_HINDI_NUMBERS])
_SPOKEN = re.compile(rf"(?<![\w])(?:(ढाई|डेढ़|डेढ)|(साढ़े|साढे|सवा|पौने)\s+({_HOUR}))(?=\s+बजे)")
_MINUTES = {"साढ़े": 30, "साढे": 30, "सवा": 15, "पौने": 45}


def with_spoken_times_in_digits(text: str) -> str:
    """`text` with each time said with a fraction of the hour as "h:mm"."""
    return _SPOKEN.sub(_in_digits, text)


def _in_digits(match: re.Match) -> str:
    whole, fraction, hour_text = match.groups()
    if whole:
        return "2:30" if whole == "ढाई" else "1:30"
    hour = _HINDI_NUMBERS.get(hour_text) or int(hour_text)
    if fraction == "पौने":
        return f"{(hour - 1) or 12}:45"
    return f"{hour}:{_MINUTES[fraction]:02d}"
