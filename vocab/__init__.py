"""The layout vocabulary: the words lakip reads a report's layout by, kept as data.

Every word list that decides how a table or a sentence is understood — which
header words name which column, which row words mark a total, which indicator
words mean "lower is better", what the chapters are called — lives in the TOML
files beside this module, one file per subject (``direction.toml``,
``budget.toml``, ``columns.toml`` …), each list documented where it is
declared. Code asks for a list by file, table and key::

    from lakip import vocab
    vocab.words("direction", "lower_better")       # ('angka kematian', 'kasus', …)

Users extend the lists (never shrink them) from their settings, the way they
already set indicator directions::

    [tool.lakip.vocab.direction]
    lower_better = ["angka putus sekolah", "jumlah aduan"]

``use(extension)`` makes such an extension current for one check (a context
variable, so worker threads and processes each have their own); ``words`` then
returns the built-in words followed by the user's.
"""

from __future__ import annotations

import contextlib
import contextvars
import re
import sys
from functools import lru_cache
from importlib import resources
from typing import Iterator, Mapping

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

Extension = tuple[tuple[str, str, tuple[str, ...]], ...]
"""User words as (file, key, words) triples, hashable so compiled patterns can be cached."""

_CURRENT: contextvars.ContextVar[Extension] = contextvars.ContextVar("lakip_vocab", default=())


class VocabError(ValueError):
    """A vocabulary file or user extension that names an unknown list or is not a list of words."""


@lru_cache(maxsize=None)
def _builtin(name: str) -> Mapping[str, tuple[str, ...]]:
    """The built-in lists of one vocabulary file, keyed by list name."""
    try:
        text = resources.files(__name__).joinpath(f"{name}.toml").read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise VocabError(f"no vocabulary file {name!r}") from exc
    data = tomllib.loads(text)
    out: dict[str, tuple[str, ...]] = {}
    for key, value in data.items():
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise VocabError(f"{name}.toml: {key} must be a list of strings")
        out[key] = tuple(value)
    return out


def names() -> tuple[str, ...]:
    """The vocabulary files lakip ships, by name."""
    return tuple(sorted(p.name[:-5] for p in resources.files(__name__).iterdir() if p.name.endswith(".toml")))


def words(name: str, key: str) -> tuple[str, ...]:
    """The words of one list: built-in first, then the current user extension's."""
    return _words(name, key, _CURRENT.get())


def added(name: str, key: str) -> tuple[str, ...]:
    """Only the words the current user extension adds to one list (they take precedence where a
    user's layout redefines what a built-in word means, e.g. a kode rekening depth)."""
    builtin = _builtin(name).get(key, ())
    return tuple(w for n, k, ws in _CURRENT.get() if (n, k) == (name, key) for w in ws if w not in builtin)


@lru_cache(maxsize=512)
def _words(name: str, key: str, extension: Extension) -> tuple[str, ...]:
    """``words`` for one extension (cached)."""
    builtin = _builtin(name)
    if key not in builtin:
        raise VocabError(f"{name}.toml has no list {key!r}")
    extra = tuple(w for n, k, ws in extension if (n, k) == (name, key) for w in ws)
    return builtin[key] + tuple(w for w in extra if w not in builtin[key])


@lru_cache(maxsize=512)
def _pattern(name: str, key: str, extension: Extension, prefix: bool) -> re.Pattern[str]:
    """A compiled alternation of one list's entries (each a regular expression), whole words only."""
    alternation = "|".join(sorted(_words(name, key, extension), key=len, reverse=True))
    return re.compile((r"^(?:" if prefix else r"\b(?:") + alternation + r")\b")


def pattern(name: str, key: str) -> re.Pattern[str]:
    """A regular expression matching any entry of a list as whole words (entries are regular expressions)."""
    return _pattern(name, key, _CURRENT.get(), False)


def prefix_pattern(name: str, key: str) -> re.Pattern[str]:
    """Like :func:`pattern`, anchored at the start of the text."""
    return _pattern(name, key, _CURRENT.get(), True)


def parse_extension(section: Mapping[str, object], where: str = "vocab") -> Extension:
    """A user's ``[vocab.<file>]`` tables as an Extension; raises VocabError on unknown lists or bad values."""
    out: list[tuple[str, str, tuple[str, ...]]] = []
    known = names()
    for name, table in section.items():
        if name not in known:
            raise VocabError(f"[{where}.{name}]: no such vocabulary (known: {', '.join(known)})")
        if not isinstance(table, Mapping):
            raise VocabError(f"[{where}.{name}] must be a table of lists")
        for key, value in table.items():
            if key not in _builtin(name):
                raise VocabError(f"[{where}.{name}] has no list {key!r} (known: {', '.join(_builtin(name))})")
            if isinstance(value, str):
                value = [value]
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise VocabError(f"[{where}.{name}].{key} must be a list of words")
            for v in value:
                try:
                    re.compile(v)
                except re.error as exc:
                    raise VocabError(f"[{where}.{name}].{key}: {v!r} is not a valid pattern ({exc})") from exc
            out.append((name, key, tuple(v.strip().lower() for v in value)))
    return tuple(out)


@contextlib.contextmanager
def use(extension: Extension) -> Iterator[None]:
    """Make a user extension current inside the ``with`` block."""
    token = _CURRENT.set(extension)
    try:
        yield
    finally:
        _CURRENT.reset(token)
