"""What a chat-completions server may send back besides the plain JSON completion: the same
answer streamed as server-sent events ("data: {...}" chunks, though no stream was asked for),
or an error object with 200 OK. Both are read here, so that the translator and the importer's
page reader (which share `providers.ChatCompletionsProvider`) read them alike."""

import json
import re

_DATA_LINE = re.compile(rb"^data:[ \t]?(.*?)\r?$", re.M)


def is_stream(body: bytes) -> bool:
    return body.lstrip().startswith(b"data:")


def joined_stream(body: bytes) -> dict:
    """The completion a server-sent-events body streams, as the JSON body of one answer
    (`choices[0].message.content`, `finish_reason`, `usage`). A stream that breaks off (its
    last chunk cut, or no finish reason and no [DONE]) gives the text it brought, with the
    finish reason "cut": the translator refuses it as unfinished, and the page reader reads
    the events it holds whole. A chunk that carries an error object gives that error (read by
    `error_in`), the half answer before it left unread. Raises ValueError for a stream broken
    in the middle."""
    parts: list[str] = []
    finish, usage, done = None, {}, False
    lines = _DATA_LINE.findall(body)
    for number, data in enumerate(lines):
        if data.strip() == b"[DONE]":
            done = True
            break
        try:
            chunk = json.loads(data)
        except ValueError:
            if number < len(lines) - 1:
                raise
            finish = None  # the last chunk was cut: whatever it said is not there
            break
        if not isinstance(chunk, dict):
            raise ValueError("a chunk of the stream is not an object")
        if chunk.get("error") and not chunk.get("choices"):
            return {"error": chunk["error"]}  # the answer broke off in an error: said, not read
        choice = (chunk.get("choices") or [{}])[0]
        piece = (choice.get("delta") or choice.get("message") or {}).get("content")
        if isinstance(piece, str):
            parts.append(piece)
        finish = choice.get("finish_reason") or finish
        if isinstance(chunk.get("usage"), dict):
            usage = chunk["usage"]
    if not parts:
        raise ValueError("the stream holds no text")
    return {
        "choices": [
            {
                "message": {"content": "".join(parts)},
                "finish_reason": finish or ("stop" if done else "cut"),
            }
        ],
        "usage": usage,
    }


def error_in(body: object) -> str | None:
    """The message of an error object sent instead of a completion ({"error": {"message":
    ...}} or {"error": "..."}), at most 200 characters; None for anything else."""
    if not isinstance(body, dict) or "choices" in body or "error" not in body:
        return None
    error = body["error"]
    message = error.get("message") if isinstance(error, dict) else error
    return str(message or "no message")[:200]
