"""Plant ONE known error into a clean variant; say what lakip should report.

Each ``plant_*(variant, rng)`` returns ``(text, Expected)``: the variant's text
with one defect, and the rule code that must report it, substrings one of
which the finding's subject must contain, and the key values. Everything else
stays consistent: a changed sub kegiatan amount is restated with its % in the
table and the narrative; realisasi moved above pagu is taken from a sibling
so the kegiatan sum holds. Which row, table or occurrence is hit depends on
``rng``. ``plant(variant, code, seed)`` runs the plant for a code.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Callable, Mapping

from generator import (Indicator, Item, SeedTable, Variant, draw_nip, find_tables, get_cell, money, num, pct, percent,
                       set_cell)
from generator.variants import MONTHS, indicator_rows, unit_family
from lakip.values.terbilang import to_words

ALT_INDICATORS = ("Persentase Pengaduan Masyarakat yang Ditindaklanjuti",
                  "Persentase Layanan Administrasi Selesai Tepat Waktu",
                  "Rasio Sarana Kantor dalam Kondisi Baik", "Indeks Profesionalitas Aparatur Kecamatan")
ODD_UNITS = ("Dokumen", "Orang", "Kegiatan", "Laporan")
BAD_DATES = ((31, "Juni"), (30, "Februari"), (31, "April"), (31, "September"), (31, "November"))


@dataclass(frozen=True)
class Expected:
    """What lakip must report for a plant: code, acceptable subject substrings, key values."""

    code: str
    subjects: tuple[str, ...]
    values: Mapping[str, object] = field(default_factory=dict)
    anywhere: bool = False
    """The subject substring may also appear in a location's text or in a value (figures, dates)."""


def _once(text: str, old: str, new: str) -> str:
    """``text`` with the one occurrence of ``old`` replaced (fails if not exactly one)."""
    assert text.count(old) == 1, f"{text.count(old)} occurrences of {old!r}"
    return text.replace(old, new)


def _nth(text: str, pattern: str, rng: random.Random, make: Callable[[re.Match], str]) -> tuple[str, re.Match]:
    """``text`` with one random match of ``pattern`` rewritten by ``make``."""
    found = list(re.finditer(pattern, text, re.M))
    assert found, f"no match for {pattern!r}"
    m = rng.choice(found)
    return text[:m.start()] + make(m) + text[m.end():], m


def _subs(v: Variant) -> list[tuple[Item, Item]]:
    """(kegiatan, sub kegiatan) pairs."""
    return [(k, s) for p in v.programs for k in p.children for s in k.children]


def _restate(text: str, s: Item, real: int, shown: Decimal | None = None, narrative: bool = True) -> str:
    """A sub kegiatan's realisasi (and %) changed in the realisation table and, if asked, the narrative."""
    new_pct = pct(shown if shown is not None else percent(real, s.pagu))
    row = f"\t{s.name}\t{money(s.pagu)}\t{money(s.realisasi)}\t{pct(s.persen)}"
    text = _once(text, row, f"\t{s.name}\t{money(s.pagu)}\t{money(real)}\t{new_pct}")
    if not narrative:
        return text
    said = f"{s.name} dengan alokasi dana sebesar Rp. {money(s.pagu)},- terealisasi sebesar Rp. "
    return _once(text, f"{said}{money(s.realisasi)},- atau {pct(s.persen)}%", f"{said}{money(real)},- atau {new_pct}%")


def _core(name: str) -> str:
    """The distinctive words of a program name ('Penunjang Urusan')."""
    words = name.split()
    return " ".join(words[1:3]) if words[0].lower() == "program" else " ".join(words[:3])


def _tables(v: Variant, *roles: str) -> tuple[list[str], list[SeedTable]]:
    """The text's lines and its indicator tables having every role (kind or kind:year)."""
    lines = v.text.split("\n")
    return lines, [t for t in find_tables(lines) if indicator_rows(lines, t)
                   and all(_col(t, r, v.year) is not None for r in roles)]


def _col(t: SeedTable, kind: str, year: int) -> int | None:
    """The column of ``kind`` ('name', 'unit', 'target' …) for the report year."""
    roles = t.roles()
    for want in (kind, f"{kind}:{year}", f"{kind}:now"):
        hit = next((c for c, r in roles.items() if r == want), None)
        if hit is not None:
            return hit
    return None


def _edit_indicator(v: Variant, rng: random.Random, kind: str, make, where=lambda t: True, ks=None):
    """Change one indicator cell of ``kind`` in a random table; returns (text, indicator, old, new)."""
    lines, tables = _tables(v, "name", kind)
    t = rng.choice([t for t in tables if where(t)])
    rows = indicator_rows(lines, t)
    k = rng.choice([k for k in rows if ks is None or k in ks])
    c = _col(t, kind, v.year)
    old = get_cell(lines, rows[k], c)
    new = make(v.indicators[k], old)
    set_cell(lines, rows[k], c, new)
    return "\n".join(lines), v.indicators[k], old, new


def _shift(ind: Indicator, value: Decimal, rng: random.Random) -> Decimal:
    """A different value of the indicator's kind (kept within 0..100 for percentages)."""
    step = Decimal(rng.randint(1, 2)) if ind.decimals == 0 else Decimal(rng.randint(50, 500)) / 100
    return value + step if ind.unit != "%" or value + step <= 100 else value - step


def plant_b401(v: Variant, rng: random.Random):
    """A sub kegiatan realisasi lowered (table and narrative agree): its kegiatan no longer sums."""
    k, s = rng.choice([ks for ks in _subs(v) if ks[1].realisasi > 2_000_000])
    d = min(rng.randint(1, 60) * 100_000, s.realisasi // 2)
    return _restate(v.text, s, s.realisasi - d), Expected("B401", (k.name,), {
        "stated": k.realisasi, "computed": k.realisasi - d})


def plant_b402(v: Variant, rng: random.Random):
    """A sub kegiatan % in the realisation table off by 0.5-4 points."""
    _, s = rng.choice(_subs(v))
    d = Decimal(rng.randint(50, 400)) / 100
    wrong = s.persen + d if s.persen + d <= 100 else s.persen - d
    return _restate(v.text, s, s.realisasi, wrong, narrative=False), Expected("B402", (s.name,), {
        "stated": float(wrong), "computed": float(s.persen)})


def plant_b403(v: Variant, rng: random.Random):
    """A sub kegiatan realisasi raised above its pagu, the excess taken from a sibling (kegiatan sum kept)."""
    pairs = [(a, b) for p in v.programs for k in p.children for a in k.children for b in k.children
             if a is not b and b.realisasi > 2 * (a.pagu - a.realisasi) + a.pagu // 10]
    a, b = rng.choice(pairs)
    extra = a.pagu - a.realisasi + max(1000, a.pagu // rng.randint(20, 100) // 1000 * 1000)
    text = _restate(_restate(v.text, a, a.realisasi + extra), b, b.realisasi - extra)
    return text, Expected("B403", (a.name,), {"pagu": a.pagu, "realisasi": a.realisasi + extra})


def plant_b404(v: Variant, rng: random.Random):
    """A program's budget in the Perjanjian Kinerja differs from the realisation table."""
    lines = v.text.split("\n")
    cands = [(t, i) for t in find_tables(lines) if t.col("budget") is not None and not any("%" in lab for lab in t.labels)
             for i in t.body if get_cell(lines, i, t.col("budget"))]
    t, i = rng.choice(cands)
    old = get_cell(lines, i, t.col("budget"))
    p = next(p for p in v.programs if money(p.pagu) == old)
    new = p.pagu + rng.choice((-1, 1)) * rng.randint(1, 90) * 1_000_000
    set_cell(lines, i, t.col("budget"), money(new))
    return "\n".join(lines), Expected("B404", (_core(p.name),), {"amount": p.pagu, "other": new})


def plant_b405(v: Variant, rng: random.Random):
    """An efisiensi off: a unit's sisa amount or efisiensi %, or an indicator's efisiensi %."""
    lines = v.text.split("\n")
    tables = find_tables(lines)
    units = [(t, i) for t in tables for i in t.body if get_cell(lines, i, 1).lower().startswith("jumlah efisiensi")]
    kind = rng.choice(("amount", "percent", "indicator"))
    if kind == "indicator":
        t = next(t for t in tables if t.col("eff") is not None)
        k, i = rng.choice([(k, i) for k, i in indicator_rows(lines, t).items() if get_cell(lines, i, t.col("eff"))])
        c, subject = t.col("eff"), v.indicators[k].name
    else:
        t, i = rng.choice(units)
        c, subject = t.col("budget") + (1 if kind == "amount" else 2), t.caption.split("\n")[-1]
    old = get_cell(lines, i, c)
    if kind == "amount":
        base = int(old.split(",")[0].replace(".", ""))
        new = money(base + rng.choice((-1, 1)) * rng.randint(1, 90) * 10_000) + (",00" if old.endswith(",00") else "")
    else:
        new = num(Decimal(old.replace(",", ".")) + Decimal(rng.randint(10, 300)) / 100)
    set_cell(lines, i, c, new)
    return "\n".join(lines), Expected("B405", (subject, "efisiensi"), {"stated": new, "correct": old})


def plant_b406(v: Variant, rng: random.Random):
    """The total budget in words names another amount."""
    wrong = v.total.pagu + rng.randint(1, 9) * 10 ** rng.randint(3, 8)
    text = _once(v.text, f"(*{to_words(v.total.pagu).title()} Rupiah*)", f"(*{to_words(wrong).title()} Rupiah*)")
    return text, Expected("B406", (money(v.total.pagu), money(wrong)), {"figure": v.total.pagu, "words": wrong},
                          anywhere=True)


def plant_c501(v: Variant, rng: random.Random):
    """A stated number of programs, kegiatan or sub kegiatan one too many (its words follow)."""
    counts = {t.subject: t.value for t in v.truth if t.kind == "count"}
    pattern = r"\b(\d+) \(([a-z ]+)\) (sub kegiatan|kegiatan|program)\b"
    ok = [m for m in re.finditer(pattern, v.text) if counts[m.group(3)] == int(m.group(1))]
    m = rng.choice(ok)
    n = int(m.group(1)) + 1
    text = v.text[:m.start()] + f"{n} ({to_words(n)}) {m.group(3)}" + v.text[m.end():]
    return text, Expected("C501", (m.group(3),), {"stated": n, "counted": n - 1})


def plant_c502(v: Variant, rng: random.Random):
    """A figure and the words beside it disagree: '4 (lima)'."""
    words = r"satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|[a-z]+ belas"
    wrong = {}
    text, m = _nth(v.text, rf"\b(\d{{1,2}}) \((?:{words})\)", rng,
                   lambda m: f"{m.group(1)} ({wrong.setdefault('w', to_words(int(m.group(1)) + rng.randint(1, 2)))})")
    return text, Expected("C502", (wrong["w"],), {"figure": int(m.group(1)), "words": wrong["w"]}, anywhere=True)


def _nip(v: Variant, rng: random.Random, make: Callable[[str], str], code: str):
    """One printed NIP of the camat rewritten by ``make``."""
    text, m = _nth(v.text, r"NIP\. (\d{8} \d{6} \d \d{3})", rng, lambda m: "NIP. " + make(m.group(1)))
    return text, Expected(code, (v.camat.surname, v.camat.given[0]), {"nip": make(m.group(1))})


def plant_n601(v: Variant, rng: random.Random):
    """A NIP with 17 digits (one digit of a group dropped)."""
    g = rng.choice((0, 1, 3))
    cut = lambda nip: " ".join(p[:-1] if j == g else p for j, p in enumerate(nip.split()))
    return _nip(v, rng, cut, "N601")


def plant_n602(v: Variant, rng: random.Random):
    """A NIP whose birth month or TMT month is 13."""
    part = rng.choice((4, 13))
    return _nip(v, rng, lambda nip: nip[:part] + "13" + nip[part + 2:], "N602")


def plant_n603(v: Variant, rng: random.Random):
    """The camat printed with another (valid) NIP in one place."""
    other = draw_nip(rng, v.camat.gender, v.year)
    return _nip(v, rng, lambda nip: other, "N603")


def plant_t301(v: Variant, rng: random.Random):
    """A Perjanjian Kinerja target different from the Renstra/IKU target."""
    text, ind, old, new = _edit_indicator(v, rng, "target", lambda i, o: i.fmt(_shift(i, i.target(v.year), rng)),
                                          where=lambda t: "PERJANJIAN KINERJA" in t.caption.upper())
    return text, Expected("T301", (ind.name,), {"target": old, "other": new})


def plant_t302(v: Variant, rng: random.Random):
    """One sasaran measured by a differently named indicator in one table."""
    text, ind, old, new = _edit_indicator(v, rng, "name", lambda i, o: rng.choice(ALT_INDICATORS),
                                          where=lambda t: t.col("sasaran") is not None, ks=(1, 2, 3, 4))
    return text, Expected("T302", (ind.sasaran, ind.name, new), {"indicator": old, "other": new})


def plant_t303(v: Variant, rng: random.Random):
    """An indicator's unit in one table replaced by an incompatible one."""
    pick = lambda i, o: rng.choice([u for u in ODD_UNITS if unit_family(u) != unit_family(i.unit)])
    text, ind, old, new = _edit_indicator(v, rng, "unit", pick)
    return text, Expected("T303", (ind.name,), {"unit": old, "other": new})


def plant_t304(v: Variant, rng: random.Random):
    """A capaian % that is not realisasi / target × 100."""
    wrong = lambda i, o: pct(i.capaian + rng.choice((-1, 1)) * Decimal(rng.randint(100, 900)) / 100)
    text, ind, old, new = _edit_indicator(v, rng, "cap", wrong)
    return text, Expected("T304", (ind.name,), {"stated": new, "computed": float(ind.capaian)})


def plant_t305(v: Variant, rng: random.Random):
    """A realisasi that differs from the other tables (in a table without capaian)."""
    text, ind, old, new = _edit_indicator(v, rng, "real", lambda i, o: i.fmt(_shift(i, i.realisasi, rng)),
                                          where=lambda t: _col(t, "cap", v.year) is None)
    return text, Expected("T305", (ind.name,), {"realisasi": old, "other": new})


def plant_s101(v: Variant, rng: random.Random):
    """A required chapter heading removed (Ringkasan Eksekutif, Bab I or Bab IV)."""
    which = rng.choice(("RINGKASAN EKSEKUTIF", "BAB I PENDAHULUAN", "BAB IV\n\nP E N U T U P"))
    text = _once(v.text, f"\n{which}\n", "\n\n")
    subjects = {"RINGKASAN EKSEKUTIF": ("Ringkasan Eksekutif",), "BAB I PENDAHULUAN": ("Pendahuluan", "Bab I"),
                "BAB IV\n\nP E N U T U P": ("Penutup", "Bab IV")}[which]
    return text, Expected("S101", subjects, {"heading": which})


def plant_s102(v: Variant, rng: random.Random):
    """A reference in the text to a table number that does not exist."""
    n = len(re.findall(r"^\**Tabel\.?\s*3\.\s?\d+", v.text, re.M)) + rng.randint(2, 5)
    text, _ = _nth(v.text, r"(dapat dilihat pada [Tt]abel )3\.\d+", rng, lambda m: f"{m.group(1)}3.{n}")
    return text, Expected("S102", (f"3.{n}",), {"table": f"3.{n}"}, anywhere=True)


def _amount_cell(v: Variant, rng: random.Random, make: Callable[[str], str], narrative: bool):
    """One amount ≥ 1.000.000, in the budget narrative or in a PK/analysis table, rewritten by ``make``."""
    if narrative:
        pattern = r"(?<=terealisasi sebesar Rp\. )\d{1,3}(?:\.\d{3}){2,}|(?<=dana sebesar Rp\. )\d{1,3}(?:\.\d{3}){2,}"
    else:
        pattern = r"(?<=\t)\d{1,3}(?:\.\d{3}){2,}(?=\t[A-Z]|\tAPBD|$)"
    text, m = _nth(v.text, pattern, rng, lambda m: make(m.group(0)))
    return text, make(m.group(0))


def plant_f201(v: Variant, rng: random.Random):
    """A malformed amount in the narrative: a group separator missing, or a space after one."""
    how = rng.choice(("drop", "space"))
    bad = lambda s: s[::-1].replace(".", "", 1)[::-1] if how == "drop" else s.replace(".", ". ", 1)
    text, shown = _amount_cell(v, rng, bad, narrative=True)
    return text, Expected("F201", (shown,), {"text": shown}, anywhere=True)


def plant_f202(v: Variant, rng: random.Random):
    """An amount printed the English way (3,744,272,913) in a table among Indonesian figures."""
    text, shown = _amount_cell(v, rng, lambda s: s.replace(".", ","), narrative=False)
    return text, Expected("F202", (shown,), {"text": shown}, anywhere=True)


def plant_d701(v: Variant, rng: random.Random):
    """A caption or heading that names another year than the report's."""
    y, wrong = v.year, v.year + rng.choice((-1, 1))
    pattern = (rf"(?<=Realisasi Capaian Indikator Sasaran Tahun ){y}|(?<={v.instansi} Tahun ){y}(?=\n\n)"
               rf"|(?<=Perjanjian Kinerja Pimpinan Perangkat Daerah Tahun ){y}(?=\n)|(?<=RINCIAN LAMPIRAN PERJANJIAN "
               rf"KINERJA TAHUN ){y}")
    text, m = _nth(v.text, pattern, rng, lambda m: str(wrong))
    return text, Expected("D701", (str(wrong),), {"year": wrong, "expected": y}, anywhere=True)


def plant_d702(v: Variant, rng: random.Random):
    """An impossible signing date ('31 Juni')."""
    day, month = rng.choice(BAD_DATES)
    pattern = rf"(?<=, )\d{{1,2}} (?:{'|'.join(MONTHS)}) (\d{{4}})$"
    text, m = _nth(v.text, pattern, rng, lambda m: f"{day} {month} {m.group(1)}")
    return text, Expected("D702", (f"{day} {month}", month), {"date": f"{day} {month} {m.group(1)}"}, anywhere=True)


PLANTS: dict[str, Callable] = {
    "B401": plant_b401, "B402": plant_b402, "B403": plant_b403, "B404": plant_b404, "B405": plant_b405,
    "B406": plant_b406, "C501": plant_c501, "C502": plant_c502, "N601": plant_n601, "N602": plant_n602,
    "N603": plant_n603, "T301": plant_t301, "T302": plant_t302, "T303": plant_t303, "T304": plant_t304,
    "T305": plant_t305, "S101": plant_s101, "S102": plant_s102, "F201": plant_f201, "F202": plant_f202,
    "D701": plant_d701, "D702": plant_d702,
}


def plant(variant: Variant, code: str, seed: int) -> tuple[str, Expected]:
    """The variant's text with the error of rule ``code`` planted (target chosen by ``seed``)."""
    return PLANTS[code](variant, random.Random(seed))
