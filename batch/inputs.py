"""Which files a batch checks: folders (searched recursively), globs and single files."""

from __future__ import annotations

import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

SUFFIXES = (".pdf", ".docx")
"""What a folder or glob contributes; a file named on its own is always taken (and may fail)."""


@dataclass(frozen=True)
class Inputs:
    """The files to check, and the arguments that matched nothing."""

    files: tuple[Path, ...]
    unmatched: tuple[str, ...]


def _in_folder(folder: Path) -> list[Path]:
    """The reports in a folder and its subfolders, skipping hidden folders and Office lock files."""
    found = []
    for root, dirs, names in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names):
            if name.lower().endswith(SUFFIXES) and not name.startswith(("~$", ".")):
                found.append(Path(root) / name)
    return found


def _expand(arg: str) -> list[Path]:
    """One argument as files: a folder's reports, a glob's reports or folders, or the file itself."""
    path = Path(arg)
    if path.is_dir():
        return _in_folder(path)
    if glob.has_magic(arg):
        out: list[Path] = []
        for hit in sorted(glob.glob(arg, recursive=True)):
            p = Path(hit)
            if p.is_dir():
                out.extend(_in_folder(p))
            elif hit.lower().endswith(SUFFIXES):
                out.append(p)
        return out
    return [path] if path.exists() or path.is_symlink() else []


def collect(args: Iterable[str]) -> Inputs:
    """Every file the arguments name, each once (first mention wins), in argument order."""
    seen: set[str] = set()
    files: list[Path] = []
    unmatched: list[str] = []
    for arg in args:
        hits = _expand(arg)
        if not hits:
            unmatched.append(arg)
        for p in hits:
            key = os.path.realpath(p)
            if key not in seen:
                seen.add(key)
                files.append(p)
    return Inputs(tuple(files), tuple(unmatched))
