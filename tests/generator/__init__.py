"""Test-report generator: what ``variants`` and ``plants`` share.

* Seed-format text: running text, tables as tab-separated lines (a table may
  continue after a page gap of three or more blank lines), light markup
  (``**bold**``, ``*italic*``, ``<i>…</i>``). Figures, tables and cells are read
  and written here on their own: the generator does not use lakip's parsers, so
  it cannot share the bugs of the code it tests.
* Generated officials (``Person``) with valid NIPs.
* The model a variant is generated from: budget ``Item`` trees, ``Indicator``
  values, ``Truth`` records and the ``Variant`` itself.

``variants.make_variant`` builds clean variants; ``plants`` plants one error.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Optional

from lakip.values.terbilang import to_words

MARKUP = re.compile(r"(\*\*\*|\*\*|\*|</?i>|</?b>)")
DECIMAL = re.compile(r"\d,\d|\d\.\d{3}")
TOKEN = re.compile(r"\d+(?:[.,] ?\d+)*")
PAGE_GAP = 3
CENT = Decimal("0.01")


def plain(text: str) -> str:
    """The text without markup, whitespace collapsed."""
    return " ".join(MARKUP.sub("", text).split())


def cells(line: str) -> list[str]:
    """The raw cells of a tab-separated line."""
    return line.split("\t")


def money(value: int) -> str:
    """An amount the Indonesian way: 3.744.272.913."""
    return f"{int(value):,}".replace(",", ".")


def num(value: Decimal, decimals: int = 2) -> str:
    """A decimal figure the Indonesian way: 72,89 (or 3 with no decimals)."""
    return f"{Decimal(value):,.{decimals}f}".replace(",", "_").replace(".", ",").replace("_", ".")


def percent(part: int, whole: int) -> Decimal:
    """part / whole × 100, rounded half up to 2 decimals."""
    return (Decimal(part) * 100 / Decimal(whole)).quantize(CENT, ROUND_HALF_UP)


def pct(value: Decimal) -> str:
    """A percentage as the seed prints it: 100 when whole, else 2 decimals."""
    return "100" if value == 100 else num(value)


def value(token: str) -> Optional[Decimal]:
    """The value of a printed figure (Indonesian, US-style or malformed), or None."""
    s = plain(token).replace(" ", "").rstrip(",-%").removeprefix("Rp.").removeprefix("Rp")
    if not re.fullmatch(r"\d[\d.,]*", s):
        return None
    if re.fullmatch(r"\d{1,3}(,\d{3})+", s):
        return Decimal(s.replace(",", ""))
    head, _, dec = s.partition(",")
    return Decimal(head.replace(".", "") + ("." + dec if dec else ""))


def rewrap(old: str, new: str) -> str:
    """``new`` in the markup that wraps ``old`` (italic tags or asterisks)."""
    if "<i>" in old:
        return f"<i>{new}</i>"
    stars = re.match(r"^\s*(\*+)", old)
    return f"{stars.group(1)}{new}{stars.group(1)}" if stars else new


def header_labels(rows: list[list[str]]) -> tuple[str, ...]:
    """Column labels from header rows; a label spans right over empty cells that have labels below."""
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows
            if not all(re.fullmatch(r"\(?\d{1,2}\)?", plain(c)) for c in r if plain(c))]
    labels: list[list[str]] = [[] for _ in range(width)]
    for r, row in enumerate(rows):
        last = ""
        for c in range(width):
            cell, below = plain(row[c]), any(plain(x[c]) for x in rows[r + 1:])
            last = cell or (last if below else "")
            if last:
                labels[c].append(last)
    return tuple(" ".join(x) for x in labels)


def column_role(label: str) -> Optional[str]:
    """What a column holds, from its label: name, sasaran, unit, target:Y, real:Y, cap:Y, budget, ..."""
    low = label.lower()
    years = re.findall(r"\b20\d\d\b", low)
    year = years[-1] if years else "now"
    checks = (("penyerapan", "absorb"), ("efisiensi", "eff"), ("keuangan", "budget"), ("pagu", "budget"),
              ("anggaran", "budget"))
    for word, role in checks:
        if word in low:
            return role
    if "indikator" in low:
        return None if "program" in low else "name"
    if low.startswith("no"):
        return "no"
    for word, role in (("sasaran", "sasaran"), ("satuan", "unit"), ("target", "target"),
                       ("realisasi", "real"), ("relisasi", "real"), ("capaian", "cap")):
        if word in low:
            return role if role in ("sasaran", "unit") else f"{role}:{year}"
    return None


@dataclass(frozen=True)
class SeedTable:
    """One table of seed text: its caption lines, line indices, header depth and column labels."""

    caption: str
    lines: tuple[int, ...]
    header: int
    labels: tuple[str, ...]

    @property
    def body(self) -> tuple[int, ...]:
        """Line indices of the body rows."""
        return self.lines[self.header:]

    def col(self, role: str) -> Optional[int]:
        """Index of the first column with ``role``."""
        return next((c for c, lab in enumerate(self.labels) if column_role(lab) == role), None)

    def roles(self) -> dict[int, str]:
        """Column index → role, for the columns that have one."""
        found = {c: column_role(lab) for c, lab in enumerate(self.labels)}
        return {c: r for c, r in found.items() if r}


def _continues(first: str, line: str) -> bool:
    """Whether a tab line after a page gap continues the table whose first line is ``first``."""
    width, parts = len(cells(first)), cells(line)
    return len(parts) >= width - 1 and sum(1 for c in parts if c.strip()) <= width


def _caption(lines: list[str], start: int) -> str:
    """Up to three text lines right above a table (stopping at a page gap or another table)."""
    out, blanks, i = [], 0, start - 1
    while i >= 0 and len(out) < 3 and blanks < PAGE_GAP and "\t" not in lines[i]:
        blanks = blanks + 1 if not lines[i].strip() else 0
        if lines[i].strip():
            out.insert(0, plain(lines[i]))
        i -= 1
    return "\n".join(out)


def find_tables(lines: list[str]) -> list[SeedTable]:
    """The tables of seed text (joined across page gaps when the columns fit)."""
    groups: list[list[int]] = []
    blanks = 0
    for i, line in enumerate(lines):
        if not line.strip():
            blanks += 1
            continue
        if "\t" in line:
            prev = groups[-1] if groups else None
            joined = prev and (prev[-1] == i - 1 or (blanks >= PAGE_GAP and prev[-1] == i - blanks - 1
                                                       and _continues(lines[prev[0]], line)))
            if joined:
                prev.append(i)
            else:
                groups.append([i])
        blanks = 0
    tables = []
    for idx in groups:
        rows = [cells(lines[i]) for i in idx]
        header = next((n for n, r in enumerate(rows) if any(DECIMAL.search(plain(c)) for c in r)), len(rows))
        tables.append(SeedTable(_caption(lines, idx[0]), tuple(idx), header, header_labels(rows[:header])))
    return tables


def set_cell(lines: list[str], i: int, c: int, text: str) -> None:
    """Put ``text`` into cell ``c`` of line ``i`` (padding the row), keeping the old cell's markup."""
    parts = cells(lines[i])
    parts += [""] * (c + 1 - len(parts))
    parts[c] = rewrap(parts[c], text) if parts[c].strip() else text
    lines[i] = "\t".join(parts)


def get_cell(lines: list[str], i: int, c: Optional[int]) -> str:
    """The plain text of cell ``c`` of line ``i`` ('' when absent)."""
    parts = cells(lines[i])
    return plain(parts[c]) if c is not None and c < len(parts) else ""


def map_figures(text: str, vmap: dict) -> str:
    """Every figure of ``text`` found in ``vmap`` replaced once by its new form."""
    def sub(m: re.Match) -> str:
        v = value(m.group(0))
        return vmap.get(v, m.group(0)) if v is not None and v >= 1 else m.group(0)
    return TOKEN.sub(sub, text)


def fix_counts(line: str, counts: dict[str, int]) -> str:
    """Stated numbers of programs, kegiatan and sub kegiatan (with their words) set from ``counts``."""
    def sub(m: re.Match) -> str:
        n = counts[m.group(3)]
        return f"{n} ({to_words(n)}) {m.group(3)}" if m.group(2) else f"{n} {m.group(3)}"
    return re.sub(r"\b(\d+)( \([a-z ]+\))? (sub kegiatan|kegiatan|program)\b", sub, line)


def renumber(lines: list[str]) -> None:
    """Captions numbered without gaps per chapter; Bab III sections 1..n; list item k refers to table 3.k."""
    seen: Counter = Counter()
    sections = 0
    for i, ln in enumerate(lines):
        cap = re.match(r"^(\**Tabel\.?\s*)(\d+)(\.\s?)(\d+)(\.?\s*)$", ln.strip())
        ref = re.match(r"^(\s*)(\d+)(\. .*dapat dilihat pada [Tt]abel )(\d+)\.\d+(.*)$", ln)
        if cap:
            seen[cap.group(2)] += 1
            lines[i] = f"{cap.group(1)}{cap.group(2)}{cap.group(3)}{seen[cap.group(2)]}{cap.group(5)}"
        elif ref:
            lines[i] = f"{ref.group(1)}{ref.group(2)}{ref.group(3)}{ref.group(4)}.{ref.group(2)}{ref.group(5)}"
        elif re.match(r"^\d+\. (Perbandingan|Analisis) ", ln):
            sections += 1
            lines[i] = re.sub(r"^\d+", str(sections), ln)


MALE = ("Yohanes", "Petrus", "Fransiskus", "Paulus", "Aloysius", "Bernardus", "Kristoforus", "Yosef",
        "Markus", "Silvester", "Emanuel", "Agustinus", "Hironimus", "Damianus")
FEMALE = ("Maria", "Theresia", "Yuliana", "Fransiska", "Veronika", "Agnes", "Katarina", "Elisabeth",
          "Bernadeta", "Margareta")
MIDDLE = ("Bosco", "Nong", "Goa", "Sani", "Dopo", "Lewuk", "Mere", "Gego", "Kopong", "Rangga", "Sina", "Bura")
SURNAMES = ("Kewa", "Parera", "Da Costa", "Fernandez", "Moa", "Wara", "Mbura", "Ratu", "Laka", "Wangge",
            "Ndona", "Lewar", "Bapa", "Hurit", "Tokan", "Pareira")
DEGREES = ("SE", "S.Sos", "S.STP", "S.IP", "SH", "S.Sos, M.Si", "SE, M.Si", "S.STP, M.AP")


@dataclass(frozen=True)
class Person:
    """A generated official: names, degree, gender digit and NIP (empty for a non-PNS)."""

    given: tuple[str, ...]
    surname: str
    degree: str
    gender: int
    nip: str = ""

    @property
    def full(self) -> str:
        """Full name with degree, as in the Perjanjian Kinerja: 'Yohanes Bosco Kewa, S.Sos'."""
        return f"{' '.join(self.given)} {self.surname}, {self.degree}"

    @property
    def signature(self) -> str:
        """Signature form: first name and surname in capitals, middle names as initials."""
        middle = "".join(f" {g[0]}." for g in self.given[1:])
        return f"{self.given[0].upper()}{middle} {self.surname.upper()}, {self.degree}"


def draw_nip(rng, gender: int, year: int) -> str:
    """A valid NIP: birth 1966-1986, TMT CPNS at age 19-32 and at least two years before ``year``."""
    born = (rng.randint(1966, 1986), rng.randint(1, 12), rng.randint(1, 28))
    tmt = rng.randint(born[0] + 19, min(born[0] + 32, year - 2))
    return f"{born[0]}{born[1]:02d}{born[2]:02d} {tmt}{rng.randint(1, 12):02d} {gender} {rng.randint(1, 40):03d}"


def draw_person(rng, year: int, avoid: tuple[str, ...] = ()) -> Person:
    """A random official of either gender with a valid NIP, surname not in ``avoid``."""
    gender = rng.choice((1, 2))
    first = rng.choice(MALE if gender == 1 else FEMALE)
    given = (first,) + tuple(rng.sample(MIDDLE, rng.randint(1, 2)))
    surname = rng.choice([s for s in SURNAMES if s not in avoid])
    return Person(given, surname, rng.choice(DEGREES), gender, draw_nip(rng, gender, year))


@dataclass(frozen=True)
class Item:
    """A budget line (program, kegiatan or sub kegiatan) with its children."""

    name: str
    pagu: int
    realisasi: int
    children: tuple["Item", ...] = ()
    purpose: str = ""

    @property
    def persen(self) -> Decimal:
        """realisasi / pagu × 100, 2 decimals."""
        return percent(self.realisasi, self.pagu)


def parent(name: str, children: list[Item]) -> Item:
    """A parent line whose amounts are its children's sums."""
    return Item(name, sum(c.pagu for c in children), sum(c.realisasi for c in children), tuple(children))


@dataclass(frozen=True)
class Indicator:
    """One performance indicator with its values for the report year and around it."""

    name: str
    sasaran: str
    unit: str
    decimals: int
    targets: tuple[tuple[int, Decimal], ...]
    realisasi: Decimal
    previous: Decimal
    previous_capaian: Decimal

    def target(self, year: int) -> Decimal:
        """The target for ``year``."""
        return dict(self.targets)[year]

    @property
    def capaian(self) -> Decimal:
        """realisasi / target of the first year × 100, 2 decimals."""
        return (self.realisasi * 100 / self.targets[0][1]).quantize(CENT, ROUND_HALF_UP)

    def fmt(self, v: Decimal) -> str:
        """A value of this indicator as printed."""
        return num(v, self.decimals)


@dataclass(frozen=True)
class Truth:
    """One value the generator set: what kind, about what, which field, the value."""

    kind: str
    subject: str
    field: str
    value: object


@dataclass(frozen=True)
class Variant:
    """A generated report text and the values it was generated from."""

    text: str
    seed: int
    instansi: str
    year: int
    kabupaten: str
    kelurahan: tuple[str, ...]
    camat: Person
    signed: date
    programs: tuple[Item, ...]
    total: Item
    indicators: tuple[Indicator, ...]
    truth: tuple[Truth, ...]


def walk(items: tuple[Item, ...], depth: int = 0):
    """(depth, item) for a budget tree in reading order."""
    for it in items:
        yield depth, it
        yield from walk(it.children, depth + 1)
