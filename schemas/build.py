"""Turn an ingested Document into the typed Facts the rules read."""

from __future__ import annotations

from dataclasses import replace

from lakip.ingest.model import Document
from lakip.ingest.ocr import ocr_notes
from lakip.ingest.ocr_confidence import confidence_regions
from lakip.schemas import (
    budget, doctype, document, entities, frames, indicators, mentions, narrative, people, roles,
)
from lakip.schemas.facts import Facts


def build_facts(doc: Document) -> Facts:
    """Every fact of one document: table roles, indicators, budget, narrative, people, dates."""
    infos = roles.classify_tables(doc)
    doc_facts = document.extract_doc_facts(doc)
    ind, ind_failures = indicators.extract_indicators(doc, infos, year=doc_facts.tahun)
    ind, links = entities.link_indicators(ind)
    jenis = doctype.recognise(doc, doc_facts.chapters, infos, ind, doc_facts.tahun)
    doc_facts = replace(doc_facts, jenis=jenis)
    read = budget.read_budget(doc, infos)
    infos, lines, budget_failures = read.tables, read.lines, read.failures
    story = narrative.extract_narrative(doc)
    found = mentions.extract_mentions(doc)
    return Facts(
        path=doc.path, sha256=doc.sha256, pages=doc.n_pages, kind=doc.kind, doc=doc_facts,
        tables=infos, indicators=ind, budget=lines,
        narrative_amounts=story.amounts, counts=story.counts, number_words=story.number_words,
        people=people.extract_people(doc), figures=found.figures, dates=found.dates, years=found.years,
        table_refs=found.table_refs, links=links,
        failures=ind_failures + budget_failures + frames.validate_indicators(ind) + frames.validate_budget(lines),
        pages_without_text=tuple(p.number for p in doc.pages if not p.text_layer and not p.ocr),
        ocr_pages=tuple((p.number, p.ocr_confidence or 0.0) for p in doc.pages if p.ocr),
        ocr_regions=confidence_regions(doc), notes=ocr_notes(doc),
    )
