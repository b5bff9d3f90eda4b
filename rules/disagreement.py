"""What T301 and T305 share: the values one indicator prints for one year, grouped, and their finding.

Values that are the same within their printed rounding form one group; more than
one group for an indicator entity and year is a disagreement, reported once with
every place that printed each value.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Sequence

from lakip.values.figures import Figure, format_en
from lakip.rules import arith
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import Facts, IndicatorFact
from lakip.schemas.names import indicator_similarity


def interval(fig: Figure) -> arith.Interval | None:
    """The range a printed value or range stands for."""
    if fig.value is not None:
        return arith.of(fig)
    if fig.kind == "range" and fig.low is not None and fig.high is not None:
        half = 0.5 * 10.0 ** (-fig.decimals)
        return arith.Interval(fig.low - half, fig.high + half)
    return None


def value_groups(facts: Sequence[IndicatorFact]) -> list[list[IndicatorFact]]:
    """Facts grouped by the value they print (values within rounding of each other are one group)."""
    groups: list[list[IndicatorFact]] = []
    for f in facts:
        iv = interval(f.figure)
        if iv is None:
            continue
        for g in groups:
            other = interval(g[0].figure)
            if other is not None and other.meets_openly(iv) and (f.figure.kind == "range") == (g[0].figure.kind == "range"):
                g.append(f)
                break
        else:
            groups.append([f])
    return groups


def plain_value(fig: Figure) -> float | list[float | None]:
    """A figure as a plain JSON number (a range as [low, high])."""
    if fig.value is not None:
        return fig.value
    return [fig.low, fig.high]


def _where(group: Sequence[IndicatorFact]) -> str:
    """The tables a group of facts was printed in ('Tabel 2.1, Tabel 3.3')."""
    names: list[str] = []
    for f in group:
        n = f.source.table or f.source.table_id or "?"
        if n not in names:
            names.append(n)
    return ", ".join(names)


def _english(fig: Figure) -> str:
    """A printed figure in English notation."""
    if fig.value is not None:
        return format_en(fig.value, fig.decimals)
    return f"{format_en(fig.low or 0, fig.decimals)}-{format_en(fig.high or 0, fig.decimals)}"


def describe_groups(groups: Sequence[Sequence[IndicatorFact]]) -> tuple[str, str]:
    """'1,15 (Tabel 2.1, …); 2,15 (…)' in Bahasa Indonesia and English."""
    ordered = sorted(groups, key=len, reverse=True)
    idn = "; ".join(f"{g[0].figure.text.strip()} ({_where(g)})" for g in ordered)
    en = "; ".join(f"{_english(g[0].figure)} ({_where(g)})" for g in ordered)
    return idn, en


def _same(a: IndicatorFact, b: IndicatorFact) -> bool:
    """Whether two facts print the same value within rounding."""
    x, y = interval(a.figure), interval(b.figure)
    return x is not None and y is not None and x.meets_openly(y)


def _years_by_table(items: Sequence[IndicatorFact]) -> dict[str, dict[int, list[IndicatorFact]]]:
    """table → year → the facts that table prints for it."""
    out: dict[str, dict[int, list[IndicatorFact]]] = {}
    for f in items:
        if f.year is not None:
            out.setdefault(f.source.table_id or "?", {}).setdefault(f.year, []).append(f)
    return out


def _agree(a: dict[int, list[IndicatorFact]], b: dict[int, list[IndicatorFact]], shift: int) -> tuple[int, int]:
    """(years that agree, years compared) between table a's year y and table b's year y + shift."""
    pairs = [(a[y][0], b[y + shift][0]) for y in a if y + shift in b]
    return sum(1 for x, y in pairs if _same(x, y)), len(pairs)


def misread_tables(items: Sequence[IndicatorFact]) -> set[str]:
    """Tables whose year columns were misread for one indicator, to be left out of its comparisons.

    A row that prints several different values for one year (a second header line of years read as one
    year), or a table whose every value equals another table's value for the year before or after (year
    columns shifted by one) tells how the table was read, not what the report says."""
    tables = _years_by_table(items)
    bad = {t for t, years in tables.items() if any(len(value_groups(fs)) > 1 and len({f.source.row for f in fs}) == 1
                                                   for fs in years.values())}
    names = sorted(tables)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            same, compared = _agree(tables[a], tables[b], 0)
            if compared == 0 or same == compared:
                continue
            for shift in (-1, 1):
                hit, n = _agree(tables[a], tables[b], shift)
                if n >= 2 and hit == n:
                    bad |= {a, b}
    return bad


def shifted_tables(items: Sequence[IndicatorFact]) -> set[str]:
    """Tables whose year columns are shifted by one for all their indicators together: over every indicator
    two tables share, the values agree year for year only when one table's years are moved by one (at least
    twice, and never at the same years). The table with more years (where year columns are misread) is out."""
    by: dict[str, dict[str, dict[int, IndicatorFact]]] = {}
    for f in items:
        if f.key and f.year is not None:
            by.setdefault(f.source.table_id or "?", {}).setdefault(f.key, {}).setdefault(f.year, f)
    years = {t: {y for e in ents.values() for y in e} for t, ents in by.items()}
    out: set[str] = set()
    names = sorted(by)
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            common = set(by[a]) & set(by[b])
            tally = {s: [0, 0] for s in (0, -1, 1)}
            for e in common:
                for s in tally:
                    for y, f in by[a][e].items():
                        g = by[b][e].get(y + s)
                        if g is not None:
                            tally[s][0] += _same(f, g)
                            tally[s][1] += 1
            if any(hit >= 2 and hit == n and tally[0][0] == 0 and tally[0][1] for s, (hit, n) in tally.items() if s):
                out |= {a} if len(years[a]) > len(years[b]) else {b} if len(years[b]) > len(years[a]) else {a, b}
    return out


def mismatches(facts: Facts, kind: str
               ) -> Iterator[tuple[str, int, list[list[IndicatorFact]], list[IndicatorFact]]]:
    """(subject, year, value groups, the entity's values of that kind) for every entity and year whose values
    of a kind disagree
    (tables whose years were misread left out, see :func:`shifted_tables` and :func:`misread_tables`)."""
    shifted = shifted_tables([f for f in facts.indicators if f.kind == kind])
    for _, group in by_entity(facts.indicators).items():
        of_kind = [f for f in group if f.kind == kind and f.year is not None]
        skip = misread_tables(of_kind) | shifted
        by_year: dict[int, list[IndicatorFact]] = {}
        for f in of_kind:
            if f.year is not None and (f.source.table_id or "?") not in skip:
                by_year.setdefault(f.year, []).append(f)
        for year, items in sorted(by_year.items()):
            groups = value_groups(items)
            if len(groups) > 1:
                yield display_name(group), year, groups, of_kind


LINK_SURE = 0.9
"""A row joined to its indicator by a name only this similar (or less) makes a disagreement a warning."""
_UNSURE_NOTE = (" (nama indikator di {table} hanya mirip, skor {score}: pastikan indikatornya sama)",
                " (the indicator's name in {table} is only similar, score {score}: make sure it is the same one)")


def weakest_link(facts: Facts, items: Sequence[IndicatorFact]) -> tuple[float, str]:
    """The lowest score with which the rows of these facts were joined to their indicator, and its table."""
    scores = {(ln.source.table_id, ln.source.row): ln.score for ln in facts.links if ln.kind == "indicator"}
    weakest = (1.0, "")
    for f in items:
        score = scores.get((f.source.table_id, f.source.row), 1.0)
        if score < weakest[0]:
            weakest = (score, f.source.table or f.source.table_id or "?")
    return weakest


NAMES_APART = 0.85
"""Value groups whose indicator names are all less similar than this are about different indicators."""


def different_indicators(groups: Sequence[Sequence[IndicatorFact]]) -> bool:
    """Whether two groups of values belong to different indicators: two rows of one table (a table lists an
    indicator once), or names that cannot be one indicator (rows joined by their sasaran alone, a merged
    sasaran cell read beside another row — the names then differ, which T302 reports)."""
    rows = [{(f.source.table_id, f.source.row) for f in g} for g in groups]
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            tables_a, tables_b = {t for t, _ in a}, {t for t, _ in b}
            if any(x not in b and y not in a and x[0] == y[0] for x in a for y in b) and tables_a & tables_b:
                return True  # two rows of one table: a table lists an indicator once
    names = [{f.indikator for f in g if f.indikator} for g in groups]
    for i, names_a in enumerate(names):
        for names_b in names[i + 1:]:
            if names_a and names_b and max(indicator_similarity(x, y) for x in names_a for y in names_b) < NAMES_APART:
                return True
    return False


def ever_agree(values: Sequence[IndicatorFact], facts: Facts) -> bool:
    """Whether every row joined to the indicator by a merely similar name prints, for some year, the same
    value as a row joined surely: evidence that the two are one indicator."""
    scores = {(ln.source.table_id, ln.source.row): ln.score for ln in facts.links if ln.kind == "indicator"}
    weak = [f for f in values if scores.get((f.source.table_id, f.source.row), 1.0) < LINK_SURE]
    sure = [f for f in values if f not in weak]
    rows = {(f.source.table_id, f.source.row) for f in weak}
    return all(any(_same(f, g) for f in weak if (f.source.table_id, f.source.row) == row for g in sure
                   if g.year == f.year) for row in rows)


def findings(rule: Rule, facts: Facts, kind: str) -> Iterator[Finding]:
    """One finding of ``rule`` per indicator entity and year whose values of ``kind`` disagree; a warning,
    saying why, when a row was joined to the indicator by a name that is only similar; none when the
    values stand under names of different indicators."""
    for subject, year, groups, values in mismatches(facts, kind):
        if different_indicators(groups):
            continue
        idn, en = describe_groups(groups)
        ordered = sorted(groups, key=len, reverse=True)
        score, table = weakest_link(facts, [f for g in ordered for f in g])
        unsure = score < LINK_SURE
        if unsure and not ever_agree(values, facts):
            continue  # a row joined by a similar name whose values never match: another indicator
        found = rule.finding(
            subject=subject,
            values={"year": year, "values": [plain_value(g[0].figure) for g in ordered],
                    "places": [len(g) for g in ordered], **({"link_score": score} if unsure else {})},
            locations=[Location.of(f.source) for g in ordered for f in g],
            extra={"year": str(year), "places_id": idn, "places_en": en},
            severity="warning" if unsure and rule.severity == "error" else None,
        )
        if unsure:
            score_id = f"{score:.2f}".replace(".", ",")
            found = replace(found, message_id=found.message_id + _UNSURE_NOTE[0].format(table=table, score=score_id),
                            message_en=found.message_en + _UNSURE_NOTE[1].format(table=table, score=f"{score:.2f}"))
        yield found
