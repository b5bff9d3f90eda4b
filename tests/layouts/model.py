"""The report model: one consistent LKjIP drawn at random (frozen dataclasses)."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field
from decimal import Decimal

from . import names
from .numfmt import half_up

Value = Decimal
Target = "Decimal | tuple[Decimal, Decimal]"


@dataclass(frozen=True)
class Person:
    """A signatory as printed: name, NIP (or NI PPPK), position and rank."""
    name: str
    nip: str | None
    jabatan: str
    pangkat: str | None = None
    pppk: bool = False
    alt_nip: str | None = None      # printed in the PK signature instead of ``nip`` (a planted error)
    alt_name: str | None = None     # printed in the PK signature instead of ``name`` (a planted error)


@dataclass(frozen=True)
class Indicator:
    """One performance indicator with its targets per Renstra year and its realisasi."""
    key: str
    name: str
    unit: str
    direction: str                  # 'up' (higher is better) or 'down'
    decimals: int
    targets: tuple                  # ((year, Decimal | (lo, hi)), ...)
    realisasi: Value | None
    realisasi_prev: Value
    target_prev: Value
    capaian_override: Value | None = None

    def target(self, year: int):
        """The target of ``year`` (Decimal, a (lo, hi) range, or None)."""
        return dict(self.targets).get(year)


@dataclass(frozen=True)
class Sasaran:
    """A strategic objective and its indicators."""
    key: str
    name: str
    indicators: tuple[Indicator, ...]


@dataclass(frozen=True)
class BudgetNode:
    """A budget line (total, program, kegiatan, sub) with stored amounts; parents are sums unless planted."""
    name: str
    level: str
    code: str
    pagu: int
    realisasi: int
    children: tuple["BudgetNode", ...] = ()
    pct_override: Value | None = None
    sasaran_key: str | None = None


@dataclass(frozen=True)
class Overrides:
    """Stated facts that a planted error makes disagree with the tables (None: state the truth)."""
    counts: tuple = ()              # ((noun, stated number), ...)
    count_words: tuple = ()         # ((noun, number whose words are printed), ...)
    terbilang_amount: int | None = None
    efisiensi_amount: int | None = None
    table_year: int | None = None   # year printed in the budget table's caption
    malformed_amount: bool = False  # the total realisasi in the summary printed malformed
    us_amount: bool = False         # one PK program amount printed the US way


@dataclass(frozen=True)
class Report:
    """Everything a report states."""
    kind: str
    instansi: str
    head_title: str
    pemda: str
    kepala_daerah: str
    town: str
    year: int
    period: tuple[int, int]
    tujuan: str
    sasaran: tuple[Sasaran, ...]
    budget: BudgetNode
    kepala: Person
    atasan: Person
    pppk: Person | None
    sign_date: dt.date
    pk_date: dt.date
    overrides: Overrides = field(default_factory=Overrides)

    @property
    def indicators(self) -> tuple[Indicator, ...]:
        """All indicators in order."""
        return tuple(i for s in self.sasaran for i in s.indicators)

    @property
    def years(self) -> tuple[int, ...]:
        """The Renstra years."""
        return tuple(range(self.period[0], self.period[1] + 1))


def nodes(node: BudgetNode, level: str) -> list[BudgetNode]:
    """All nodes of ``level`` under ``node`` in document order."""
    found = [node] if node.level == level else []
    for child in node.children:
        found += nodes(child, level)
    return found


def make_nip(rng: random.Random, report_date: dt.date) -> str:
    """A valid 18-digit NIP: birth date, TMT CPNS at 19–30 and before the report, gender, sequence."""
    birth = dt.date(report_date.year - rng.randint(30, 56), rng.randint(1, 12), rng.randint(1, 28))
    tmt_year = min(birth.year + rng.randint(19, 30), report_date.year - 2)
    return f"{birth:%Y%m%d}{tmt_year}{rng.randint(1, 12):02d}{rng.randint(1, 2)}{rng.randint(1, 999):03d}"


def make_name(rng: random.Random) -> str:
    """A made-up name with optional academic titles."""
    middle = rng.choice(names.MIDDLE) + " " if rng.random() < 0.5 else ""
    return f"{rng.choice(names.FRONT_TITLES)}{rng.choice(names.FIRST)} {middle}{rng.choice(names.LAST)}{rng.choice(names.BACK_TITLES)}"


def _value(rng: random.Random, low: float, high: float, decimals: int) -> Decimal:
    """A value in [low, high] with ``decimals`` places."""
    return half_up(rng.uniform(low, high), decimals)


def make_indicator(rng: random.Random, key: str, spec: tuple, years: tuple[int, ...], year: int) -> Indicator:
    """An indicator whose targets move in its direction and whose realisasi is near the target."""
    name, unit, direction, low, high, decimals = spec
    step = Decimal(str((high - low) / 12)) * (1 if direction == "up" else -1)
    if decimals == 0:
        step = Decimal(max(1, round(abs(step)))) * (1 if direction == "up" else -1)
    base = _value(rng, low + (high - low) * 0.3, low + (high - low) * 0.6, decimals)
    first, ranged = years[0], unit == "%" and direction == "down" and rng.random() < 0.4
    targets = []
    for y in years:
        t = half_up(base + step * (y - first), decimals)
        if decimals == 0:
            t = max(t, Decimal(1))
        if ranged and y > year:
            spread = half_up(abs(step) * 2 + Decimal("0.3"), decimals)
            targets.append((y, (t, t + spread)))
        else:
            targets.append((y, t))
    tgt = dict(targets)[year]
    cap = Decimal(100) if unit == "%" else None
    real = _near(rng, tgt, decimals, cap)
    prev_t = dict(targets)[year - 1]
    prev_r = _near(rng, prev_t, decimals, cap)
    return Indicator(key, name, unit, direction, decimals, tuple(targets), real, prev_r, prev_t)


def _near(rng: random.Random, target: Decimal, decimals: int, cap: Decimal | None) -> Decimal:
    """A realisasi within ±12 % of ``target`` that is never exactly the target, positive, capped."""
    for _ in range(50):
        value = half_up(float(target) * rng.uniform(0.88, 1.12), decimals)
        if cap is not None:
            value = min(value, cap)
        if value != target and value > 0:
            return value
    return target + Decimal(1).scaleb(-decimals)


def _split(rng: random.Random, count: int) -> list[int]:
    """``count`` sub kegiatan pagu values (rounded to 10 rupiah, 5 million to 2 billion)."""
    return [rng.randrange(500_000, 200_000_000) * 10 if rng.random() < 0.9 else rng.randrange(2, 40) * 50_000_000
            for _ in range(count)]


def _real(rng: random.Random, pagu: int) -> int:
    """A realisasi at most ``pagu``: sometimes all of it, usually 60–99.9 %."""
    return pagu if rng.random() < 0.15 else int(pagu * rng.uniform(0.6, 0.999))


def sum_node(name: str, level: str, code: str, children: tuple[BudgetNode, ...], sasaran_key=None) -> BudgetNode:
    """A parent whose amounts are exactly the sums of ``children``."""
    return BudgetNode(name, level, code, sum(c.pagu for c in children), sum(c.realisasi for c in children),
                      children, None, sasaran_key)


def make_budget(rng: random.Random, sasaran: tuple[Sasaran, ...], size: str) -> BudgetNode:
    """The program → kegiatan → sub kegiatan tree with exact sums."""
    n_prog = rng.randint(2, 4)
    programs = sorted(rng.sample(names.PROGRAMS, n_prog), key=lambda name: "Penunjang" not in name)
    keg_objects = rng.sample(names.KEG_OBJECTS, len(names.KEG_OBJECTS))
    sub_pairs = [(v, o) for o in rng.sample(names.SUB_OBJECTS, len(names.SUB_OBJECTS)) for v in rng.sample(names.SUB_VERBS, 3)]
    sub_pairs = sub_pairs[::3] + [p for i, p in enumerate(sub_pairs) if i % 3]
    max_sub = 5 if size == "normal" else 8
    progs = []
    for p, pname in enumerate(programs, 1):
        kegs = []
        for k in range(1, rng.randint(1, 5 if size == "normal" else 4) + 1):
            verb, obj = rng.choice(names.KEG_VERBS), keg_objects.pop()
            n_sub = rng.randint(1, max_sub) if size == "normal" else rng.randint(5, max_sub)
            subs = tuple(BudgetNode(f"{v} {o}", "sub", f"{k:02d}.{s:04d}", pg, _real(rng, pg))
                         for s, ((v, o), pg) in enumerate(zip([sub_pairs.pop(0) for _ in range(n_sub)], _split(rng, n_sub)), 1))
            kegs.append(sum_node(f"{verb} {obj}", "kegiatan", f"2.{k:02d}", subs))
        progs.append(sum_node(pname, "program", f"{p:02d}", tuple(kegs), sasaran[(p - 1) % len(sasaran)].key))
    return sum_node("Jumlah", "total", "", tuple(progs))


def make_model(seed: int, size: str = "normal") -> Report:
    """A complete, internally consistent report drawn from ``seed``."""
    rng = random.Random(seed)
    year = rng.randint(2019, 2026)
    start = rng.choice([year - 2, year - 1, year - 3])
    period = (start, start + rng.choice([4, 5]))
    kind = rng.choice(["kecamatan", "kecamatan", "dinas", "badan"])
    kab, region = rng.randrange(len(names.KABUPATEN)), rng.choice(names.REGIONS)
    pemda = "Pemerintah " + names.KABUPATEN[kab]
    kota = names.KABUPATEN[kab].startswith("Kota")
    daerah = names.KABUPATEN[kab].split(" ", 1)[1]
    if kind == "kecamatan":
        instansi, head = f"Kecamatan {region}", f"Camat {region}"
    else:
        pool = [d for d in names.DINAS if d.startswith("Badan" if kind == "badan" else ("Dinas", "Inspektorat"))]
        instansi = rng.choice(pool)
        head = "Kepala " + instansi if not instansi.startswith("Inspektorat") else "Inspektur Daerah"
    specs = rng.sample(names.INDICATORS, len(names.INDICATORS))
    sas_names = rng.sample(names.SASARAN, rng.randint(3, 8) if len(names.SASARAN) >= 8 else 3)
    years = tuple(range(period[0], period[1] + 1))
    sasaran = []
    for s, sname in enumerate(sas_names, 1):
        inds = tuple(make_indicator(rng, f"{s}.{i}", specs.pop(), years, year) for i in range(1, rng.choice([1, 1, 2]) + 1))
        sasaran.append(Sasaran(str(s), sname, inds))
    sasaran = tuple(sasaran)
    sign = dt.date(year + 1, rng.randint(1, 3), rng.randint(2, 27))
    kepala = Person(make_name(rng), make_nip(rng, sign), head, rng.choice(names.PANGKAT))
    bupati_title = ("Wali Kota " if kota else "Bupati ") + daerah
    if rng.random() < 0.3:
        atasan = Person(make_name(rng), make_nip(rng, sign), "Penjabat " + bupati_title, "Pembina Utama Madya")
    else:
        atasan = Person(make_name(rng), None, bupati_title)
    pppk = Person(make_name(rng), make_nip(rng, sign), "Analis Kebijakan Ahli Pertama", None, True) if rng.random() < 0.4 else None
    return Report(kind, instansi, head, pemda, bupati_title, names.TOWNS[kab], year, period,
                  rng.choice(names.TUJUAN), sasaran, make_budget(rng, sasaran, size), kepala, atasan, pppk,
                  sign, dt.date(year, rng.randint(1, 2), rng.randint(2, 27)))
