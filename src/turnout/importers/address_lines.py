"""Address lines written without the commas `places.read_place` splits on.

- East Asian addresses run from the largest unit to the smallest with no separator:
  "東京都千代田区永田町1-7-1", "臺中市政府前廣場", "서울특별시 종로구 세종대로 172". The city
  is the first unit the gazetteer knows: a city (市, 시), else a metropolis or prefecture named
  after its capital (東京都, 大阪府), else a ward (区).
- Australia writes the suburb, the state and the postcode on one line: "The Rocks NSW 2000".
  The state gives the time zone; a postcode of a capital's metropolitan range gives the city
  when the gazetteer does not know the suburb (it lists towns of 15,000 people and more).
- Denmark writes a postal district after the city: "1550 København V".
- Italy writes a province's letters in brackets: "Torino (TO)".
- Turkey writes the district and the city with a slash: "Beyoğlu/İstanbul".
"""

import re
from collections.abc import Sequence

# The units an address names, largest first within each script, and which may be a city.
_CJK_UNITS = "都道府県省市区區縣县町村"
_CJK_CITY_UNITS = {"市": 0, "都": 1, "府": 1, "縣": 2, "县": 2, "区": 3, "區": 3}
_CJK_SEGMENT = re.compile(rf"[\u3040-\u30ff\u3400-\u9fff]{{1,6}}?[{_CJK_UNITS}]")
_JAPANESE_POSTCODE = re.compile(r"〒\s*\d{3}-?\d{4}")
_KOREAN_UNIT = re.compile(
    r"^([\uac00-\ud7af]{2,4}?)(?:특별자치시|특별자치도|특별시|광역시|시|군|구)$"
)


def cjk_city_names(part: str) -> list[str]:
    """The names a comma-less East Asian address may give its city by, the likeliest first:
    "大阪府大阪市北区梅田" → ["大阪市", "大阪府", "北区"]; [] for other text."""
    text = _JAPANESE_POSTCODE.sub(" ", part)
    found: list[tuple[int, int, str]] = []
    for run in re.findall(r"[\u3040-\u30ff\u3400-\u9fff]+", text):
        start = 0
        while match := _CJK_SEGMENT.match(run, start):
            segment = match.group()
            rank = _CJK_CITY_UNITS.get(segment[-1])
            if rank is not None and len(segment) >= 2:
                found.append((rank, len(found), segment))
            start = match.end()
    for word in text.split():
        if match := _KOREAN_UNIT.match(word.strip(",")):
            found.append((0 if not word.endswith(("군", "구")) else 3, len(found), match[1]))
    return [segment for _rank, _order, segment in sorted(found)]


# Australia's states, the zone of each, and the postcodes of its capital's metropolitan area.
_AU_STATES = {
    "NSW": ("Australia/Sydney", "Sydney", ((2000, 2234),)),
    "ACT": ("Australia/Sydney", "Canberra", ((2600, 2620), (2900, 2920))),
    "VIC": ("Australia/Melbourne", "Melbourne", ((3000, 3207),)),
    "QLD": ("Australia/Brisbane", "Brisbane", ((4000, 4179),)),
    "SA": ("Australia/Adelaide", "Adelaide", ((5000, 5199),)),
    "WA": ("Australia/Perth", "Perth", ((6000, 6199),)),
    "TAS": ("Australia/Hobart", "Hobart", ((7000, 7099),)),
    "NT": ("Australia/Darwin", "Darwin", ((800, 832),)),
}
_AU_LINE = re.compile(
    rf"^(?P<suburb>.*?\S)\s+(?P<state>{'|'.join(_AU_STATES)})\s+(?P<code>\d{{4}})$"
)


def australian_line(part: str) -> tuple[str, str, str, str] | None:
    """(suburb, state's zone, the capital its postcode lies in or "", state) of a line like
    "The Rocks NSW 2000"; None for any other line."""
    match = _AU_LINE.match(part.strip(" .,"))
    if match is None:
        return None
    zone, capital, ranges = _AU_STATES[match["state"]]
    code = int(match["code"])
    in_capital = any(low <= code <= high for low, high in ranges)
    return match["suburb"], zone, capital if in_capital else "", match["state"]


def australian_part(text: str) -> str:
    """The part of a line that is an Australian suburb, state and postcode ("…, Byron Bay NSW
    2481, 10am" → "Byron Bay NSW 2481"), or ""."""
    for part in re.split(r"[,;\n(){}–—|]", text[:2000]):
        if australian_line(part.strip(" *_")) is not None:
            return part.strip(" *_")
    return ""


# "1550 København V", "8000 Aarhus C": a Danish postal district's letters after the city.
_DANISH_DISTRICT = re.compile(r"^(\d{4}\s+[^\W\d_][\w .-]*?)\s+(?:C|K|N|NV|S|SV|V|Ø)$")
# "Torino (TO)", "Bergamo (BG)": an Italian city with its province's letters.
_PROVINCE_IN_BRACKETS = re.compile(r"^([^\W\d_][\w .'-]*?)\s*\(([A-Z]{2})\)$")
# "Beyoğlu/İstanbul", "Çankaya/Ankara": a district and its city.
_SLASHED = re.compile(r"^([^\W\d_][\w .'-]*?)\s*/\s*([^\W\d_][\w .'-]*)$")


def spelled_out(parts: Sequence[str]) -> list[str]:
    """The parts with what this module reads made plain for `read_place`: a Danish postal
    district dropped, an Italian province's letters and a Turkish "district/city" split off."""
    out: list[str] = []
    for part in parts:
        text = part.strip()
        if match := _DANISH_DISTRICT.match(text):
            out.append(match[1])
        elif match := _PROVINCE_IN_BRACKETS.match(text):
            out += [match[1], match[2]]
        elif match := _SLASHED.match(text):
            out += [match[1], match[2]]
        else:
            out.append(part)
    return out
