"""Compressed answers from other servers, unpacked a piece at a time and only as they are read.

httpx unpacks gzip and deflate itself, but each piece it reads off the wire in one go: 64 KiB of
gzip can unpack into 64 MiB, and an answer compressed twice ("Content-Encoding: gzip, gzip")
into gigabytes, before the caller's own size limit is looked at even once (a "zip bomb"). The
outbound transport hands its answers to `unpacked()` instead, which never unpacks more than
`PIECE` bytes at a time, and only when the caller asks for more: a caller that stops at its
limit stops the unpacking there too.

Only the encodings asked for (`ACCEPTED_ENCODINGS`) are unpacked; an answer in any other is
refused with httpx's DecodingError, as a damaged one is.
"""

import zlib
from collections.abc import Iterable, Iterator
from typing import cast

import httpx

PIECE = 64 * 1024
ACCEPTED_ENCODINGS = "gzip, deflate"
_UNPACKED = {"gzip", "x-gzip", "deflate"}
_UNCHANGED = {"", "identity"}


def unpacked(response: httpx.Response) -> httpx.Response:
    """`response` with its body unpacked lazily, without Content-Encoding and Content-Length."""
    encodings = [
        name.strip().lower() for name in response.headers.get("content-encoding", "").split(",")
    ]
    encodings = [name for name in encodings if name not in _UNCHANGED]
    if not encodings:
        return response
    if unknown := [name for name in encodings if name not in _UNPACKED]:
        response.close()
        raise httpx.DecodingError(f"an answer in an encoding not asked for: {', '.join(unknown)}")
    headers = [
        (name, value)
        for name, value in response.headers.raw
        if name.lower() not in (b"content-encoding", b"content-length")
    ]
    return httpx.Response(
        response.status_code,
        headers=headers,
        # The transport's own answers: a stream read with plain iteration.
        stream=_UnpackedStream(cast(Iterable[bytes], response.stream), encodings),
        extensions=response.extensions,
    )


class _UnpackedStream(httpx.SyncByteStream):
    def __init__(self, packed: Iterable[bytes], encodings: list[str]) -> None:
        self._packed = packed
        self._encodings = encodings

    def __iter__(self) -> Iterator[bytes]:
        pieces: Iterator[bytes] = iter(self._packed)
        for _encoding in reversed(self._encodings):  # the last one applied is undone first
            pieces = _inflated(pieces)
        yield from pieces

    def close(self) -> None:
        close = getattr(self._packed, "close", None)
        if close is not None:
            close()


def _inflated(pieces: Iterator[bytes]) -> Iterator[bytes]:
    """gzip or zlib (told apart by their headers), or the bare deflate some servers send for
    "deflate"; several gzip members one after the other are read as one body."""
    inflater = zlib.decompressobj(zlib.MAX_WBITS | 32)
    started = False
    try:
        for data in pieces:
            while data:
                try:
                    out = inflater.decompress(data, PIECE)
                except zlib.error:
                    if started:
                        raise
                    inflater = zlib.decompressobj(-zlib.MAX_WBITS)  # bare deflate
                    out = inflater.decompress(data, PIECE)
                started = True
                if out:
                    yield out
                data = inflater.unconsumed_tail
                if inflater.eof and inflater.unused_data:  # the next gzip member
                    data, inflater = inflater.unused_data, zlib.decompressobj(zlib.MAX_WBITS | 32)
        while rest := inflater.decompress(b"", PIECE):
            yield rest
    except zlib.error as error:
        raise httpx.DecodingError(f"a damaged compressed answer: {error}") from error
