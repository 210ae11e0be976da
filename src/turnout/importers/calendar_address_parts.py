"""The parts a LOCATION's place is read from, at most a dozen of at most 200 characters: an
address has a handful of short ones, and reading a place costs time for each part and letter
(a LOCATION of a megabyte took a minute). Addresses written without commas (Korean, Japanese,
Chinese) are read by `places.read_place` itself (`address_lines`)."""

# The first parts name the venue, the last the city and country: those are kept.
_FIRST, _LAST = 4, 8
_PART_LENGTH = 200


def address_parts(parts: list[str]) -> list[str]:
    """`parts` without what no address holds: of many parts the first and the last few, each
    cut to a length a place's words never reach."""
    if len(parts) > _FIRST + _LAST:
        parts = [*parts[:_FIRST], *parts[-_LAST:]]
    return [part[:_PART_LENGTH] for part in parts]
