"""T304 capaian-miscalculated: a stated capaian (%) differs from realisasi/target x 100.

Apa yang diperiksa:
    Setiap capaian (%) yang tercetak dihitung ulang dari target dan realisasi
    indikator yang sama pada tahun yang sama: realisasi / target × 100, atau
    (2 × target − realisasi) / target × 100 untuk indikator yang makin rendah
    makin baik (lihat ``rules/direction.py``). Target dan realisasi diambil
    dari baris yang sama; bila baris itu tidak memuatnya (misalnya tabel
    efisiensi yang hanya mencantumkan capaian), dari tabel lain untuk
    indikator dan tahun yang sama. Selisih dalam batas pembulatan (atau
    pemotongan) angka yang tercetak tidak dilaporkan.

    Target berupa rentang ("5-6%"): dipakai batas yang paling berat — batas
    atas untuk indikator makin tinggi makin baik, batas bawah untuk yang makin
    rendah makin baik — seperti pada LKIP yang menghitung realisasi 11,45
    terhadap target 5-6 % sebagai 190,83 %.

    Capaian tahun lain (tahun lalu pada tabel perbandingan) tanpa target pada
    barisnya sendiri tidak dihitung ulang: capaian itu diukur terhadap target
    PK tahun itu, yang belum tentu tercantum dalam laporan ini.

    Konvensi yang diterima: realisasi / target × 100; untuk indikator yang
    makin rendah makin baik (2 × target − realisasi) / target × 100 atau
    target / realisasi × 100. Kata-kata nama indikator hanya menebak arahnya,
    jadi capaian yang cocok dengan salah satu konvensi itu tidak dilaporkan;
    hanya arah yang ditetapkan pengguna (``[tool.lakip.direction]``) membatasi
    konvensinya. Laporan yang memakai dua konvensi "makin rendah makin baik"
    yang berbeda untuk indikator-indikatornya diberi satu catatan (info).

    Bila realisasi (atau target) baris itu berbeda dengan yang tercetak di
    tempat lain dan capaian cocok dengan angka tempat lain, yang salah adalah
    realisasi/targetnya (T305/T301), bukan capaiannya: tidak dilaporkan di sini.

Mengapa penting:
    Capaian adalah angka yang dibaca pimpinan dan penilai; capaian yang tidak
    sesuai dengan target dan realisasinya menyesatkan.

Contoh:
    Tabel 3.6 mencantumkan "Capaian Kinerja %" 1,30 untuk ``Indeks sarana
    prasarana`` padahal target 1,30 dan realisasi 1,30 memberi capaian 100.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from itertools import product
from typing import Mapping, Iterator, Optional, Sequence

from lakip.values.figures import Figure, format_en
from lakip.rules import arith, needs
from lakip.rules.base import Finding, Location, Rule
from lakip.rules.direction import HIGHER, LOWER, configured_direction, direction_of
from lakip.schemas.entities import by_entity, display_name
from lakip.schemas.facts import KIND_CAPAIAN, KIND_REALISASI, KIND_TARGET, Facts, IndicatorFact

RULE = Rule(
    code="T304",
    slug="capaian-miscalculated",
    severity="error",
    kriteria=(
        "Capaian kinerja = realisasi ÷ target × 100 % (untuk indikator yang makin kecil makin baik: "
        "target ÷ realisasi atau rumus yang ditetapkan), dihitung dari target dan realisasi dalam laporan "
        "sendiri.",
        "Capaian = realisasi ÷ target × 100 % (for lower-is-better indicators: target ÷ realisasi or the "
        "defined formula), computed from the report's own target and realisasi.",
    ),
    sebab=(
        "Angka capaian diketik ulang, bukan dihitung dari target dan realisasi (kolom capaian terisi "
        "angka lain).",
        "The capaian was retyped, not computed from target and realisasi (the capaian column holds "
        "another figure).",
    ),
    akibat=(
        "Capaian yang dibaca pimpinan dan evaluator tidak benar; kesimpulan keberhasilan kinerja "
        "menyesatkan.",
        "The capaian leaders and evaluators read is wrong; conclusions on performance are misleading.",
    ),
    rekomendasi=(
        "Menghitung ulang capaian dari target dan realisasi, dan memperbaiki tabel serta narasi yang "
        "mengutipnya.",
        "Recompute the capaian from target and realisasi and correct the table and the text that quotes "
        "it.",
    ),
    summary_id="Capaian (%) tidak sesuai dengan realisasi dibanding target",
    summary_en="A stated capaian (%) differs from realisasi/target x 100",
    messages={
        "default": (
            "Capaian {year} indikator {subject} tercetak {stated_id}, padahal realisasi {realisasi_id} "
            "terhadap target {target_id} memberi {computed}",
            "The {year} capaian of indicator {subject} is printed as {stated_en}, but realisasi {realisasi_en} "
            "against target {target_en} gives {computed}",
        ),
        "table": (
            "Pada {subject}, capaian {year} pada {rows} dari {checked} baris tidak sesuai dengan target dan "
            "realisasi barisnya sendiri: kolom tabel ini mungkin terbaca bergeser, atau tabel memakai rumus lain; "
            "periksa tabel ini secara manual",
            "In {subject}, the {year} capaian of {rows} of {checked} rows does not follow from its own row's target "
            "and realisasi: the columns may have been read shifted, or the table uses another formula; check it "
            "by hand",
        ),
        "mixed": (
            "Laporan memakai lebih dari satu rumus capaian untuk indikator yang makin rendah makin baik: "
            "{conventions}",
            "The report uses more than one capaian formula for lower-is-better indicators: {conventions}",
        ),
        "elsewhere": (
            "Capaian {year} indikator {subject} tercetak {stated_id}, padahal realisasi {realisasi_id} "
            "terhadap target {target_id} yang tercantum di tabel lain memberi {computed}",
            "The {year} capaian of indicator {subject} is printed as {stated_en}, but realisasi {realisasi_en} "
            "against target {target_en} printed in other tables gives {computed}",
        ),
    },
    needs=needs.indicators(),
)


def target_bound(fig: Figure, direction: str) -> Optional[arith.Interval]:
    """The target as an interval; a range target by its strictest bound."""
    if fig.value is not None:
        return arith.of(fig)
    if fig.kind == "range" and fig.low is not None and fig.high is not None:
        bound = fig.low if direction == LOWER else fig.high
        half = 0.5 * 10.0 ** (-fig.decimals)
        return arith.Interval(bound - half, bound + half)
    return None


RATIO = "R/T"
MIRROR = "(2T-R)/T"
INVERSE = "T/R"
CONVENTIONS = {HIGHER: (RATIO,), LOWER: (MIRROR, INVERSE)}
"""The capaian formulas accepted for each direction (as the conventions are written in messages)."""


def expected(target: Figure, realisasi: Figure, direction: str, convention: Optional[str] = None
             ) -> Optional[arith.Interval]:
    """The range of capaian the printed target and realisasi allow under one convention
    (the direction's first when none is named).

    Whole numbers on both sides (counts: 3 inovasi of 3) are taken as exact;
    figures with decimals stand for their rounding range.
    """
    convention = convention or CONVENTIONS[LOWER if direction == LOWER else HIGHER][0]
    t = target_bound(target, direction)
    r = arith.of(realisasi)
    if (t is not None and r is not None and target.value is not None and realisasi.value is not None
            and target.decimals == 0 and realisasi.decimals == 0):
        t, r = arith.Interval.exact(target.value), arith.Interval.exact(realisasi.value)
    if t is None or r is None or t.low <= 0:
        return None
    if convention == RATIO:
        return arith.ratio_percent(r, t)
    if convention == INVERSE:
        return arith.ratio_percent(t, r) if r.low > 0 else None
    corners = [(2 * tv - rv) / tv * 100 for tv in (t.low, t.high) for rv in (r.low, r.high)]
    return arith.Interval(min(corners), max(corners))


def point(target: Figure, realisasi: Figure, direction: str) -> Optional[float]:
    """The capaian the printed figures give, as a single number (for the message)."""
    t = target.value
    if t is None and target.kind == "range":
        t = target.low if direction == LOWER else target.high
    r = realisasi.value
    if t is None or r is None or t <= 0:
        return None
    return (2 * t - r) / t * 100 if direction == LOWER else r / t * 100


def explaining(cap: Figure, targets: Sequence[Figure], reals: Sequence[Figure], directions: Sequence[str]
               ) -> Optional[str]:
    """The first convention of the given directions under which the printed capaian fits some pairing of
    the targets and realisasi, or None."""
    for direction in directions:
        for convention in CONVENTIONS[direction]:
            for t, r in product(targets, reals):
                iv = expected(t, r, direction, convention)
                if iv is not None and arith.percent_consistent(cap, iv):
                    return convention
    return None


def _modal(facts: Sequence[IndicatorFact]) -> IndicatorFact:
    """The fact whose value is printed most often."""
    counts = Counter(f.figure.value if f.figure.value is not None else (f.figure.low, f.figure.high) for f in facts)
    return max(facts, key=lambda f: counts[f.figure.value if f.figure.value is not None else (f.figure.low, f.figure.high)])


def _usable(facts: Sequence[IndicatorFact]) -> list[IndicatorFact]:
    """Facts with a value or a range."""
    return [f for f in facts if f.figure.value is not None or f.figure.kind == "range"]


def _plain(fig: Figure) -> float | list[float]:
    """A figure as a JSON number, a range as [low, high]."""
    return fig.value if fig.value is not None else [fig.low or 0.0, fig.high or 0.0]


def _printed(name: str, fig: Figure) -> dict[str, str]:
    """A figure for the messages: as printed (Bahasa Indonesia) and in English notation."""
    if fig.value is not None:
        en = format_en(fig.value, fig.decimals)
    else:
        en = f"{format_en(fig.low or 0.0, fig.decimals)}-{format_en(fig.high or 0.0, fig.decimals)}"
    return {f"{name}_id": fig.text.strip(), f"{name}_en": en}


def _finding(subject: str, cap: IndicatorFact, t: IndicatorFact, r: IndicatorFact, direction: str,
             variant: str, extra_locs: Sequence[IndicatorFact] = ()) -> Optional[Finding]:
    """The finding for one capaian computed from target t and realisasi r."""
    value = point(t.figure, r.figure, direction)
    if value is None:
        return None
    computed = round(value, 2)
    locs = [cap, t, r] if variant == "default" else [cap, *extra_locs, t, r]
    seen, locations = set(), []
    for f in locs:
        key = (f.source.table_id, f.source.row, f.source.column)
        if key not in seen:
            seen.add(key)
            locations.append(Location.of(f.source))
    return RULE.finding(
        subject=subject, variant=variant,
        values={"year": cap.year, "stated": cap.figure.value, "computed": computed,
                "target": _plain(t.figure), "realisasi": _plain(r.figure), "direction": direction},
        locations=locations,
        extra={"year": str(cap.year),
               **_printed("stated", cap.figure), **_printed("target", t.figure), **_printed("realisasi", r.figure)},
    )


def _check_entity(group: list[IndicatorFact], overrides: Mapping[str, str], used: dict[str, list[IndicatorFact]],
                  checked: Counter, report_year: Optional[int] = None) -> Iterator[Finding]:
    """Findings for the capaian of one indicator entity; the lower-is-better conventions it uses go in ``used``,
    the capaian checked against their own row's target and realisasi are counted per table in ``checked``."""
    subject = display_name(group)
    direction = direction_of(subject, overrides)
    configured = configured_direction(subject, overrides)
    other_way = None if configured else (HIGHER if direction == LOWER else LOWER)
    cross: dict[int, list[IndicatorFact]] = {}
    for cap in group:
        if cap.kind != KIND_CAPAIAN or cap.figure.value is None or cap.year is None:
            continue
        same_year = [f for f in group if f.year == cap.year]
        row = [f for f in same_year if (f.source.table_id, f.source.row) == (cap.source.table_id, cap.source.row)]
        row_t = _usable([f for f in row if f.kind == KIND_TARGET])
        row_r = _usable([f for f in row if f.kind == KIND_REALISASI])
        other_t = _usable([f for f in same_year if f.kind == KIND_TARGET and f not in row_t])
        other_r = _usable([f for f in same_year if f.kind == KIND_REALISASI and f not in row_r])
        targets, reals = row_t or other_t, row_r or other_r
        if not targets or not reals:
            continue
        if not row_t and report_year is not None and cap.year != report_year:
            continue  # another year's capaian was measured against that year's own PK target, not printed here
        figs_t, figs_r = [f.figure for f in targets], [f.figure for f in reals]
        if row_t and row_r:
            checked[(cap.source.table or cap.source.table_id or "?", cap.year)] += 1
        convention = explaining(cap.figure, figs_t, figs_r, (direction,)) or (
            other_way and explaining(cap.figure, [_modal(targets).figure], [_modal(reals).figure], (other_way,)))
        if convention:
            if convention in CONVENTIONS[LOWER] and explaining(cap.figure, figs_t, figs_r, (HIGHER,)) is None:
                used.setdefault(convention, []).append(replace(cap, indikator=subject))
            continue
        if row_t and row_r:
            alt_t = figs_t + [f.figure for f in other_t]
            alt_r = figs_r + [f.figure for f in other_r]
            if explaining(cap.figure, alt_t, alt_r, (direction,)):
                continue  # the row's target/realisasi is the odd one out (T301/T305)
            found = _finding(subject, cap, row_t[0], row_r[0], direction, "default")
            if found:
                yield found
        else:
            cross.setdefault(cap.year, []).append(cap)
    for year, caps in sorted(cross.items()):
        t = _modal(_usable([f for f in group if f.year == year and f.kind == KIND_TARGET]))
        r = _modal(_usable([f for f in group if f.year == year and f.kind == KIND_REALISASI]))
        found = _finding(subject, caps[0], t, r, direction, "elsewhere", caps[1:])
        if found:
            yield found


def _mixed(used: Mapping[str, list[IndicatorFact]], facts: Facts) -> Iterator[Finding]:
    """One note when lower-is-better indicators are computed by different conventions in one report."""
    if len(used) < 2:
        return
    names = {conv: sorted({c.indikator for c in caps}) for conv, caps in sorted(used.items())}
    parts = "; ".join(f"{conv}: {', '.join(ns)}" for conv, ns in names.items())
    yield RULE.finding(subject=facts.doc.instansi or facts.path, variant="mixed", severity="info",
                       values={"conventions": names},
                       locations=[Location.of(caps[0].source) for caps in used.values()],
                       extra={"conventions": parts})


def _row_local(found: Finding) -> Optional[tuple[str, int]]:
    """(table, year) of a finding that compares a capaian with its own row's target and realisasi, else None."""
    tables = {loc.table for loc in found.locations}
    if len(tables) == 1 and len(found.locations) >= 2 and found.locations[0].table:
        return found.locations[0].table, found.values["year"]
    return None


def _doubtful(found: Sequence[Finding], checked: Counter) -> set[tuple[str, int]]:
    """(table, year) where most capaian checked against their own row disagree with it (at least two): the
    columns of that table were not understood (a two-level header read one column off), or the table uses a
    formula lakip does not know — one warning for the table, not an error per row."""
    failed = Counter(k for k in (_row_local(f) for f in found) if k)
    return {k for k, n in failed.items() if n >= 2 and 2 * n > checked[k]}


def check(facts: Facts) -> Iterator[Finding]:
    """Yield a finding for each capaian that no accepted convention gives from its target and realisasi."""
    used: dict[str, list[IndicatorFact]] = {}
    checked: Counter = Counter()
    found: list[Finding] = []
    for _, group in by_entity(facts.indicators).items():
        found += _check_entity(group, dict(facts.direction_overrides), used, checked,
                               facts.doc.tahun or facts.realisasi_year())
    doubtful = _doubtful(found, checked)
    for f in found:
        if _row_local(f) not in doubtful:
            yield f
    for table, year in sorted(doubtful):
        rows = [f for f in found if _row_local(f) == (table, year)]
        n = checked[(table, year)]
        yield RULE.finding(subject=table, variant="table", severity="warning",
                           values={"table": table, "year": year, "rows": len(rows), "checked": n},
                           locations=[f.locations[0] for f in rows], extra={"year": str(year)})
    yield from _mixed(used, facts)
