"""Just enough PDF reading for tests: the text fpdf2 wrote, uncompressed, in a subset TTF font.

Each font's ToUnicode map says which character a two-byte glyph code stands for; the text is
decoded with each font's map in turn (a heading in bold has codes of its own).
"""

import re


def _unescape(literal: bytes) -> bytes:
    out = bytearray()
    index = 0
    while index < len(literal):
        byte = literal[index]
        if byte == 0x5C:  # backslash
            index += 1
            escaped = literal[index : index + 1]
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(
                escaped, escaped
            )
        else:
            out.append(byte)
        index += 1
    return bytes(out)


def _strings(pdf: bytes) -> list[bytes]:
    return [_unescape(match) for match in re.findall(rb"\(((?:\\.|[^\\)])*)\) Tj", pdf, re.S)]


def _maps(pdf: bytes) -> list[dict[int, str]]:
    maps = []
    for cmap in pdf.split(b"endcmap")[:-1]:
        chars = b"".join(re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S))
        pairs = re.findall(rb"<([0-9A-Fa-f]{4})> <([0-9A-Fa-f]{4,8})>", chars)
        maps.append(
            {
                int(code, 16): bytes.fromhex(text.decode()).decode("utf-16-be")
                for code, text in pairs
            }
        )
    return maps


def pdf_texts(pdf: bytes) -> list[str]:
    """All the text of the PDF, once per font's map (only the right map reads as text)."""
    strings = _strings(pdf)
    return [
        "\n".join(
            "".join(cmap.get(int.from_bytes(s[i : i + 2], "big"), "") for i in range(0, len(s), 2))
            for s in strings
        )
        for cmap in _maps(pdf)
    ]


def page_count(pdf: bytes) -> int:
    return len(re.findall(rb"/Type /Page\b", pdf))
