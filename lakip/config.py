"""Settings of a check run: rule selection, failure threshold, language, overrides.

Settings come from ``[tool.lakip]`` in a ``pyproject.toml`` or from a
``lakip.toml`` beside the report (or in the working folder), and the command
line overrides them.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Mapping, Optional

from lakip import vocab
from lakip.values.severity import RANK

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

_DIRECTIONS = {"up": "higher", "higher": "higher", "naik": "higher", "down": "lower", "lower": "lower", "turun": "lower"}


class ConfigError(Exception):
    """A configuration file that cannot be read or has wrong values."""

    def __init__(self, path: str, detail: str):
        super().__init__(f"{path}: {detail}")
        self.path = path
        self.detail = detail


@dataclass(frozen=True)
class Settings:
    """What to check and how to judge it."""

    select: tuple[str, ...] = ()
    """Codes or family prefixes to run; empty means all."""
    ignore: tuple[str, ...] = ()
    fail_on: str = "error"
    lang: str = "id"
    direction: tuple[tuple[str, str], ...] = ()
    """Indicator name → 'higher' or 'lower' (is better), overriding the words-based guess."""
    vocab: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    """User words added to the layout vocabulary (``lakip.vocab``), as (file, list, words)."""

    def __post_init__(self) -> None:
        if self.fail_on not in RANK:
            raise ValueError(f"fail_on must be one of {sorted(RANK)}")
        if self.lang not in ("id", "en"):
            raise ValueError("lang must be 'id' or 'en'")

    def selects(self, code: str) -> bool:
        """Whether the rule ``code`` runs under this selection."""
        picked = not self.select or any(code.startswith(p) for p in self.select)
        return picked and not any(code.startswith(p) for p in self.ignore)

    @property
    def direction_map(self) -> Mapping[str, str]:
        """The direction overrides as a mapping."""
        return dict(self.direction)


def split_codes(text: Optional[str]) -> tuple[str, ...]:
    """'T,B401, F202' → ('T', 'B401', 'F202')."""
    if not text:
        return ()
    return tuple(c.strip().upper() for c in text.split(",") if c.strip())


def _as_codes(value: object) -> tuple[str, ...]:
    """A list or comma string of codes from a config file."""
    if isinstance(value, str):
        return split_codes(value)
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip().upper() for v in value)
    return ()


def find_config(report: Optional[Path]) -> Optional[Path]:
    """The config file that applies: lakip.toml or pyproject.toml beside the report, else in the cwd."""
    folders = [report.resolve().parent] if report else []
    folders.append(Path.cwd())
    for folder in folders:
        for name in ("lakip.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and _section(candidate) is not None:
                return candidate
    return None


def _section(path: Path) -> Optional[dict]:
    """The lakip section of a config file, or None when it has none."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(str(path), str(exc)) from exc
    if path.name == "pyproject.toml":
        return data.get("tool", {}).get("lakip")
    return data.get("lakip", data)


def load_settings(path: Optional[Path]) -> Settings:
    """Settings from a config file (defaults when ``path`` is None)."""
    if path is None:
        return Settings()
    section = _section(path) or {}
    direction = section.get("direction", {})
    if not isinstance(direction, dict) or any(v not in _DIRECTIONS for v in direction.values()):
        raise ConfigError(str(path), "[direction] maps indicator names to 'up' or 'down'")
    direction = {name: _DIRECTIONS[way] for name, way in direction.items()}
    vocab_section = section.get("vocab", {})
    if not isinstance(vocab_section, dict):
        raise ConfigError(str(path), "[vocab] holds one table per vocabulary file")
    try:
        extension = vocab.parse_extension(vocab_section)
    except vocab.VocabError as exc:
        raise ConfigError(str(path), str(exc)) from exc
    try:
        return Settings(select=_as_codes(section.get("select")), ignore=_as_codes(section.get("ignore")),
                        fail_on=str(section.get("fail-on", section.get("fail_on", "error"))),
                        lang=str(section.get("lang", "id")), direction=tuple(sorted(direction.items())),
                        vocab=extension)
    except ValueError as exc:
        raise ConfigError(str(path), str(exc)) from exc


def with_cli(settings: Settings, select: Optional[str], ignore: Optional[str], fail_on: Optional[str],
             lang: Optional[str]) -> Settings:
    """Settings with the command line's choices taking precedence."""
    return replace(settings,
                   select=split_codes(select) if select else settings.select,
                   ignore=settings.ignore + split_codes(ignore),
                   fail_on=fail_on or settings.fail_on,
                   lang=lang or settings.lang)
