"""Shared fixtures: where the seed report, the samples and the real reports are.

Paths are computed from the repository root (``Path(__file__).resolve().parents[1]``);
the shared folder beside it (``../shared``) holds the seed text and the real PDFs,
which are never copied into the repository. ``samples/`` and ``tests/`` go on
``sys.path`` so tests can ``import build_samples`` and ``import generator``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLES = REPO / "samples"
SEED = SHARED / "seed" / "lakip-kecamatan-alok-barat-2024.txt"

for _path in (SAMPLES, REPO / "tests"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))


def _missing(what: str, path: Path) -> None:
    """Skip a test whose shared input is absent; in CI (env CI set) fail instead."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} missing at {path}: CI must provide it")
    pytest.skip(f"{what} not present at {path} (shared inputs are not in the repository)")


@pytest.fixture(scope="session")
def repo_dir() -> Path:
    """The repository root."""
    return REPO


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared folder beside the repository (seed, real reports, spec)."""
    return SHARED


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The repository's samples folder (build_samples.py and the built sample report)."""
    return SAMPLES


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed report's text export."""
    if not SEED.is_file():
        _missing("the seed report", SEED)
    return SEED


@pytest.fixture(scope="session")
def seed_text(seed_path: Path) -> str:
    """The seed report's text."""
    return seed_path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def real_dir() -> Path:
    """The folder of real published reports (PDF); skipped when absent, a failure under CI."""
    path = SHARED / "real"
    if not path.is_dir() or not any(path.glob("*.pdf")):
        _missing("the real reports folder", path)
    return path
