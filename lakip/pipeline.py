"""The one pipeline every command runs: read → understand → check."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from lakip import vocab
from lakip.config import Settings
from lakip.ingest.model import Document
from lakip.ingest.reader import open_document
from lakip.rules.runner import Result, run_rules
from lakip.schemas.build import build_facts
from lakip.schemas.facts import Facts


def read(path: str | Path) -> Document:
    """Ingest one file (PDF, DOCX or text export) into a Document; raises IngestError on bad input."""
    return open_document(path)


def understand(doc: Document) -> Facts:
    """The typed facts of a Document."""
    return build_facts(doc)


def check_document(doc: Document, settings: Settings) -> Result:
    """Understand and check an already ingested Document."""
    with vocab.use(settings.vocab):
        facts = replace(understand(doc), direction_overrides=settings.direction)
        return Result(document=doc, facts=facts, outcome=run_rules(facts, settings.selects))


def check_file(path: str | Path, settings: Settings) -> Result:
    """Read, understand and check one file."""
    return check_document(read(path), settings)
