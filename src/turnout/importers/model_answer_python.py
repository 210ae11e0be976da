"""A chunk of a model's answer written as a Python value rather than JSON, read as data only.

Models that print their answer with Python write `{'city': 'Nantes', 'end': None}`, sometimes
with JSON's words mixed in (`null`, `true`), the prompt's `...` left where a value goes, dates
as `datetime.date(2027, 10, 30)`, and a key twice (`{'city': 'Nantes', 'city': 'Rennes'}`),
which Python would silently settle for the last. Here each object's pairs go to the same hook
JSON's do (`model_answer_json`), so a key given twice is judged alike whichever way it is
written. Only literals are read; nothing is ever run.
"""

import ast
from collections.abc import Callable
from datetime import date, datetime, time

# Names that stand for a value: Python's and JSON's spelling.
_NAMES: dict[str, object] = {"None": None, "True": True, "False": False, "null": None,
                             "true": True, "false": False}  # fmt: skip
# Calls that make a date or a time, as Python prints them: read as ISO text.
_MAKERS: dict[str, Callable[..., date | time]] = {
    "date": date, "datetime.date": date, "time": time, "datetime.time": time,
    "datetime": datetime, "datetime.datetime": datetime,
}  # fmt: skip
# The most nodes of one chunk read: a chunk of more is no answer about one page.
_MOST_NODES = 50_000

PairsHook = Callable[[list[tuple[str, object]]], dict]


class _NotALiteral(ValueError):
    pass


def python_literal(chunk: str, pairs_hook: PairsHook) -> dict | list | None:
    """The dict or list `chunk` writes as a Python literal, its objects made by `pairs_hook`;
    None for anything else (code, a name, a call other than a date's)."""
    try:
        tree = ast.parse(chunk.strip(), mode="eval")
        value = _Literal(pairs_hook).value(tree.body)
    except (SyntaxError, ValueError, TypeError, MemoryError, RecursionError, OverflowError):
        return None
    return value if isinstance(value, dict | list) else None


class _Literal:
    def __init__(self, pairs_hook: PairsHook) -> None:
        self.pairs_hook = pairs_hook
        self.nodes = 0

    def value(self, node: ast.AST) -> object:
        self.nodes += 1
        if self.nodes > _MOST_NODES:
            raise _NotALiteral("too many values")
        if isinstance(node, ast.Constant):
            return "..." if node.value is Ellipsis else node.value  # the prompt's "...", kept
        if isinstance(node, ast.Name) and node.id in _NAMES:
            return _NAMES[node.id]
        if isinstance(node, ast.Dict):
            if any(key is None for key in node.keys):
                raise _NotALiteral("a ** inside a dict")
            pairs = [(self._key(key), self.value(item))
                     for key, item in zip(node.keys, node.values, strict=True)]  # fmt: skip
            return self.pairs_hook(pairs)
        if isinstance(node, ast.List | ast.Tuple | ast.Set):
            return [self.value(item) for item in node.elts]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
            number = self.value(node.operand)
            if isinstance(number, int | float) and not isinstance(number, bool):
                return -number if isinstance(node.op, ast.USub) else number
        if isinstance(node, ast.Call):
            return self._made(node)
        raise _NotALiteral(type(node).__name__)

    def _key(self, node: ast.AST | None) -> str:
        key = self.value(node) if node is not None else None
        if isinstance(key, dict | list):
            raise _NotALiteral("a key that is no text")
        return str(key)

    def _made(self, call: ast.Call) -> str:
        """`datetime.date(2027, 10, 30)` as "2027-10-30"; any other call is code, refused."""
        maker = _MAKERS.get(ast.unparse(call.func)) if len(call.args) <= 7 else None
        arguments = [self.value(a) for a in call.args]
        if maker is None or call.keywords or not all(type(a) is int for a in arguments):
            raise _NotALiteral("a call")
        return maker(*arguments).isoformat()
