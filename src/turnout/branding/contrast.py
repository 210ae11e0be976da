"""Colour contrast as WCAG 2.1 measures it (success criteria 1.4.3 and 1.4.11)."""

import re

# Normal text needs 4.5:1 (AA); a line or shape that only decorates or marks needs 3:1.
TEXT_MINIMUM = 4.5
GRAPHICS_MINIMUM = 3.0
WHITE = "#ffffff"

_HEX_COLOUR = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})")


def is_hex_colour(value: str) -> bool:
    return isinstance(value, str) and bool(_HEX_COLOUR.fullmatch(value))


def normalized(value: str) -> str:
    """`#ABC` → `#aabbcc`: one spelling per colour, as CSS and the database keep it."""
    digits = value.strip().lstrip("#").lower()
    if len(digits) == 3:
        digits = "".join(digit * 2 for digit in digits)
    return f"#{digits}"


def rgb(value: str) -> tuple[int, int, int]:
    digits = normalized(value)[1:]
    return int(digits[0:2], 16), int(digits[2:4], 16), int(digits[4:6], 16)


def relative_luminance(value: str) -> float:
    """The WCAG 2.1 relative luminance of an sRGB colour, 0 for black to 1 for white."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (linear(channel) for channel in rgb(value))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """From 1 (the same colour) to 21 (black on white); the order does not matter."""
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def passes(first: str, second: str, minimum: float = TEXT_MINIMUM) -> bool:
    # WCAG compares the exact ratio: 4.48 fails 4.5 even though it rounds to 4.5.
    return contrast_ratio(first, second) >= minimum
