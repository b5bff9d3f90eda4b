"""Facts and passages as compressed JSON for the database, and back into typed values.

``report.document_export.facts_to_json`` gives the JSON form of a Facts; this
module stores it zlib-compressed and rebuilds the frozen dataclasses from it
(``facts_from_json``), guided by the dataclasses' own field types. The cross
rules need only some of the facts: ``keep`` decodes just those collections and
leaves the others empty, which keeps a large batch in memory.
"""

from __future__ import annotations

import dataclasses
import json
import sys
import typing
import zlib
from datetime import date
from functools import lru_cache
from typing import Any, Iterable, Optional

from lakip.rules.corpus import Passage
from lakip.report.document_export import facts_to_json
from lakip.schemas.facts import Facts

FORMAT = 1
"""Version of the stored forms; bump when Facts change shape incompatibly."""
CROSS_FIELDS = ("tables", "indicators", "people")
"""The collections of Facts the cross-report rules read."""


def pack(data: Any) -> bytes:
    """JSON data as compressed bytes."""
    return zlib.compress(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), 6)


def unpack(blob: bytes) -> Any:
    """Compressed bytes back into JSON data."""
    return json.loads(zlib.decompress(blob).decode("utf-8"))


def pack_facts(facts: Facts) -> bytes:
    """A Facts value as compressed JSON."""
    return pack(facts_to_json(facts))


def pack_passages(passages: Iterable[Passage]) -> bytes:
    """Passages as compressed JSON rows [page, text, table, row]."""
    return pack([[p.page, p.text, p.table, p.row] for p in passages])


def unpack_passages(blob: Optional[bytes]) -> tuple[Passage, ...]:
    """Passages back from their compressed rows."""
    if not blob:
        return ()
    return tuple(Passage(page, text, table, row) for page, text, table, row in unpack(blob))


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, Any]:
    """The resolved field types of a dataclass."""
    return typing.get_type_hints(cls, vars(sys.modules[cls.__module__]))


def _decode(tp: Any, value: Any) -> Any:
    """A JSON value as the type ``tp`` (dataclasses, tuples, Optionals, dates, plain values)."""
    if value is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin is typing.Union or type(tp).__name__ == "UnionType":
        inner = [a for a in args if a is not type(None)]
        return _decode(inner[0], value) if len(inner) == 1 else value
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v) for v in value)
        return tuple(_decode(a, v) for a, v in zip(args, value))
    if origin in (dict, typing.Mapping) or tp is dict:
        return dict(value)
    if isinstance(tp, type) and dataclasses.is_dataclass(tp):
        return _build(tp, value)
    if tp is date:
        return date.fromisoformat(value)
    if tp is float and isinstance(value, int):
        return float(value)
    return value


def _build(cls: type, data: dict[str, Any], keep: Optional[Iterable[str]] = None) -> Any:
    """One dataclass from its JSON object; fields outside ``keep`` (when given) take their defaults."""
    hints = _hints(cls)
    kept = set(keep) if keep is not None else None
    kwargs = {}
    for f in dataclasses.fields(cls):
        if f.name not in data or (kept is not None and f.name not in kept and _has_default(f)):
            continue
        kwargs[f.name] = _decode(hints[f.name], data[f.name])
    return cls(**kwargs)


def _has_default(f: dataclasses.Field) -> bool:
    """Whether a field can be left out."""
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


def facts_from_json(data: dict[str, Any], keep: Optional[Iterable[str]] = None) -> Facts:
    """A Facts value from ``facts_to_json`` output; with ``keep``, only those collections are decoded."""
    return _build(Facts, data, keep)


def unpack_facts(blob: bytes, keep: Optional[Iterable[str]] = None) -> Facts:
    """A Facts value from its compressed JSON."""
    return facts_from_json(unpack(blob), keep)
