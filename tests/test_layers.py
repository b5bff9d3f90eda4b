"""The layer order of lakip's packages, enforced: a module imports only from its own layer or below.

Data flows one way (file → Document → Facts → Findings → report); each package sits on a layer and
never imports a package above it, at module level or inside a function. ``LAYERS`` is the one
statement of that order; README's "Layout" section draws it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

LAYERS: tuple[tuple[str, ...], ...] = (
    ("lakip.cli",),
    ("lakip.serve",),
    ("lakip.batch",),
    ("lakip.pipeline", "lakip.report"),
    ("lakip.rules",),
    ("lakip.schemas",),
    ("lakip.ingest",),
    ("lakip.config",),
    ("lakip.values",),
    ("lakip.vocab", "lakip.i18n", "lakip"),
)
"""Highest first. Packages on one line are independent of each other (neither imports the other)."""

FOLDERS = {"lakip.cli": "lakip/cli", "lakip.serve": "serve", "lakip.batch": "batch", "lakip.report": "report",
           "lakip.rules": "rules", "lakip.schemas": "schemas", "lakip.ingest": "ingest", "lakip.values": "values",
           "lakip.vocab": "vocab"}
MODULES = {"lakip.pipeline": "lakip/pipeline.py", "lakip.config": "lakip/config.py", "lakip.i18n": "lakip/i18n.py",
           "lakip": "lakip/__init__.py"}


def layer_of(module: str) -> tuple[int, str]:
    """(layer index, package) of a lakip module name; the most specific package wins."""
    best = None
    for i, names in enumerate(LAYERS):
        for name in names:
            if module == name or module.startswith(name + "."):
                if best is None or len(name) > len(best[1]):
                    best = (i, name)
    assert best is not None, module
    return best


def sources() -> list[tuple[str, Path]]:
    """(package, file) of every module of lakip."""
    out = [(pkg, path) for pkg, folder in FOLDERS.items() for path in sorted((ROOT / folder).rglob("*.py"))]
    return out + [(pkg, ROOT / rel) for pkg, rel in MODULES.items()]


def imports_of(path: Path) -> list[tuple[int, str]]:
    """(line, module) of every lakip import in a file, wherever it is (functions included)."""
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names if a.name.split(".")[0] == "lakip"]
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "lakip":
            if node.module == "lakip":  # from lakip import vocab / __version__
                out += [(node.lineno, f"lakip.{a.name}" if a.name in ("vocab", "i18n", "config") else "lakip")
                        for a in node.names]
            else:
                out.append((node.lineno, node.module))
    return out


def violations() -> list[str]:
    """Every import of a package from a higher layer or from an independent sibling."""
    found = []
    for pkg, path in sources():
        mine, _ = layer_of(pkg)
        for line, module in imports_of(path):
            theirs, target = layer_of(module)
            if theirs < mine or (theirs == mine and target != pkg and pkg != "lakip"):
                found.append(f"{path.relative_to(ROOT)}:{line} ({pkg}) imports {module} ({target})")
    return found


def test_every_package_imports_only_from_its_layer_or_below() -> None:
    assert violations() == []


@pytest.mark.parametrize("module,layer", [("lakip.rules.base", "lakip.rules"), ("lakip.values.nip", "lakip.values"),
                                          ("lakip.pipeline", "lakip.pipeline"), ("lakip", "lakip")])
def test_modules_are_placed_on_their_package_layer(module: str, layer: str) -> None:
    assert layer_of(module)[1] == layer


def test_a_higher_import_is_caught(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from lakip.batch.store import Store\n", encoding="utf-8")
    assert imports_of(bad) == [(2, "lakip.batch.store")]
    assert layer_of("lakip.batch.store")[0] < layer_of("lakip.rules.x801_person_nip_differs")[0]
