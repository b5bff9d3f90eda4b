"""Variant LAKIP reports made from the seed text: other places, years, people, budgets, targets.

``make_variant(seed_text, seed)`` rewrites the seed report (seed format: text
with tab-separated tables) into a CLEAN variant that is consistent everywhere:
the budget hierarchy is regenerated (sub kegiatan pagu/realisasi drawn at
random, kegiatan/program/total summed, every % recomputed and rounded half up
to 2 decimals) and written into the realisation table, the Bab I listing, the
narrative, the PK budget tables, the analysis/efficiency tables, the per-unit
tables and the amount in words; indicator targets/realisasi/capaian are drawn
once and written into every indicator table and sentence. A sub kegiatan may
be dropped or added (the stated counts follow).

Seed defects a clean variant fixes (so lakip should report nothing at error
or warning level on it):

1. IKU and PK print the SOP target as 2,15 (Renstra and the capaian tables 1,15):
   every target cell is rewritten from one model value per indicator and year.
2. Sasaran 1's indicator is named "Indeks Kepuasan Masyarakat" in IKU/PK/Rincian PK,
   Tabel 3.2 names indicators after their sasaran ("Tersedianya Sarana dan Prasarana")
   and Tabel 3.5 prefixes "Persentase rekomendasi": a name far from the majority
   name of its row position is replaced by that majority name.
3. "Jumlah Inovasi" is measured in % (and the sasaran 1 index in % in some tables,
   "Indeks" in others): each indicator gets one unit family (majority of the seed;
   a "Jumlah X" indicator counts X, with whole-number targets); cells whose unit is
   of another family are rewritten (%/persen/persentase variants are kept).
4. Tabel 3.7 prints 100 in the Realisasi column and Tabel 3.6 prints the realisasi
   in "Capaian Kinerja %": columns are rewritten by their header's meaning.
5. The kegiatan realisasi 890.150.828 is not the sum of its sub kegiatan and
   63.317.198 does not give the printed 92,54 %: the hierarchy is regenerated.
6. Malformed figures 2.949.374059 and 4. 603.119.714 and the US-style 3,744,272,913
   in the PK budget: every amount is printed anew the Indonesian way.
7. The list in Bab III refers to the missing "tabel 3.4" (and to 3.5 for the
   program analysis), captions skip 3.4, section numbers skip 4: captions are
   renumbered without gaps, list item k refers to table 3.k, sections are 1..n.
8. Bab I lists program 3 "dengan 1 kegiatan" and omits its second kegiatan; the
   Inovasi narrative says "1 (satu) kegiatan" and names two: the listing is
   regenerated and the count follows the kegiatan named.
9. The camat's NIP is 19720121… in three places and 19730121… in the last: one
   valid NIP (birth date, TMT at 19+ and before the report, gender digit) is used.
10. Every realisasi equals its target (T308): realisasi are drawn at or above target.
11. Narrative statements (IKM target/realisasi with "%" on an index, "100%" capaian,
    the 2023→2024 IKM change, the Renstra IKM targets, the average capaian, the
    program ranking by penyerapan) are rewritten from the model values.
12. Tabel 3.5's last row is shifted one column right; Tabel 3.6 leaves the SOP
    row's penyerapan empty (the narrative puts SOP with the program of the row
    above): the row is realigned and the empty cells take the row above's values.
13. The Renstra text says "Sasaran Tersedia Sistem Pelayanan Informasi Publik dengan
    indikator" and names none: the indicator's name is added.
14. The budget narrative letters sub kegiatan "a, c" (no b), has a stray ". " inside a
    sub kegiatan name and spells a kegiatan otherwise than the table: it is regenerated
    from the table's names, keeping each sub kegiatan's "yang digunakan ..." clause.

Kept on purpose (realistic variation a checker must tolerate): spelling variants of a
name across tables ("Kemudahan akses, cepat, ..." / "Kemudahan Akses Cepat, ..."),
%/persen/persentase, "RELISASI" in a header, PK program names that differ slightly
from the table, per-kelurahan tables that reuse the program names with unit amounts,
the unlabelled total row, PK dates inside the report year.

The per-kelurahan tables are regenerated so that their Pemberdayaan rows add up to the
kelurahan kegiatan, with Jumlah and efisiensi rows computed.
"""

from __future__ import annotations

import random
import re
from collections import Counter
from dataclasses import replace
from datetime import date
from decimal import Decimal

from rapidfuzz import fuzz

from generator import (Indicator, Item, Person, SeedTable, Truth, Variant, draw_person, find_tables, fix_counts,
                       get_cell, map_figures, money, num, parent, pct, percent, plain, renumber, set_cell, value,
                       walk)
from lakip.values.terbilang import to_words

KECAMATAN = ("Nita", "Kewapante", "Magepanda", "Talibura", "Waigete", "Kangae", "Koting", "Hewokloang",
             "Nelle", "Doreng", "Mapitara", "Tanawawo", "Waiblama", "Ende Tengah", "Ende Selatan",
             "Larantuka", "Wulanggitang", "Titehena", "Bajawa", "Golewa", "Langke Rembong", "Kota Komba",
             "Nubatukan", "Kota Soe", "Kambera")
KELURAHAN = ("Beru", "Madawat", "Nangalimang", "Kabor", "Wairotang", "Waioti", "Potulando", "Mbongawani",
             "Paupire", "Onekore", "Lokoboko", "Faobata", "Trikora", "Lewoleba", "Sarotari", "Weri",
             "Postoh", "Lokea", "Waibalun", "Ekasapta", "Amagarapati", "Mokantarak", "Puken Tobi", "Watuneso")
KABUPATEN = ("Sikka", "Ende", "Ngada", "Nagekeo", "Flores Timur", "Lembata", "Manggarai Timur", "Alor",
             "Belu", "Malaka", "Sumba Timur")
MONTHS = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")
EXTRA_SUBS = {"administrasi umum": ("Penyediaan Bahan Logistik Kantor", "Fasilitasi Kunjungan Tamu",
                                    "Penatausahaan Arsip Dinamis pada SKPD"),
              "jasa penunjang": ("Penyediaan Jasa Peralatan dan Perlengkapan Kantor",),
              "pemeliharaan barang": ("Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",),
              "perencanaan": ("Penyusunan Dokumen Perencanaan Perangkat Daerah",
                              "Evaluasi Kinerja Perangkat Daerah")}
PERCENT_UNITS = {"%", "persen", "persentase"}


def budget_table(tables: list[SeedTable]) -> SeedTable:
    """The realisation table: the largest table with program, anggaran and % columns."""
    found = [t for t in tables if t.col("budget") is not None and any(lab.strip() == "%" for lab in t.labels)]
    return max(found, key=lambda t: len(t.lines))


def parse_budget(lines: list[str], t: SeedTable) -> tuple[Item, tuple[Item, ...]]:
    """The stated total and program tree of the realisation table (sub kegiatan in reading order)."""
    progs: list[list] = []
    total = None
    for i in t.body:
        parts = [plain(c) for c in lines[i].split("\t") if plain(c)]
        figs = [value(c) for c in parts[-3:]]
        name = next((c for c in parts if re.search(r"[A-Za-z]", c)), None)
        numbered = bool(parts) and re.fullmatch(r"\d+\.?", parts[0]) is not None
        item = Item(name or "", int(figs[0]), int(figs[1]))
        if name is None:
            total = item
        elif name.startswith("Program"):
            progs.append([item, []])
        elif numbered:
            progs[-1][1].append([item, []])
        else:
            progs[-1][1][-1][1].append(item)
    tree = tuple(Item(p.name, p.pagu, p.realisasi, tuple(Item(k.name, k.pagu, k.realisasi, tuple(s))
                                                         for k, s in ks)) for p, ks in progs)
    return total, tree


def purposes(lines: list[str], start: int, end: int) -> list[str]:
    """Per sub kegiatan paragraph of the budget narrative, in order, its 'yang digunakan ...' clause."""
    region = "\n".join(lines[start:end])
    stops = re.compile(r"Sub Kegiatan |➤|\n\s*\d+ (?:\*\*)?Kegiatan")
    out = []
    for m in re.finditer(r"Sub Kegiatan ", region):
        nxt = stops.search(region, m.end())
        seg = region[m.end(): nxt.start() if nxt else len(region)]
        use = re.search(r"yang digunakan.*", seg, re.S)
        text = " ".join(use.group(0).split()) if use else "yang digunakan untuk membiayai kegiatan."
        out.append(re.sub(r"(\s+-)?\s+[a-z]\.?$", "", text))
    return out


def draw_sub(rng: random.Random, name: str, scale: int, purpose: str) -> Item:
    """A sub kegiatan with a pagu near ``scale`` and a realisasi of 80-100 % of it."""
    pagu = max(int(scale * rng.uniform(0.6, 1.5)), 1_000_000)
    pagu -= pagu % 10 if rng.random() < 0.7 else 0
    ratio = 1.0 if rng.random() < 0.25 else rng.uniform(0.85, 0.995)
    return Item(name, pagu, int(pagu * ratio), purpose=purpose)


def regenerate(tree: tuple[Item, ...], rng: random.Random) -> tuple[Item, ...]:
    """New amounts for every sub kegiatan; maybe one sub kegiatan dropped or added; parents summed."""
    kegs = [[p.name, [[k.name, [draw_sub(rng, s.name, s.pagu, s.purpose) for s in k.children]]
                      for k in p.children]] for p in tree]
    flat = [k for p in kegs for k in p[1]]
    choice = rng.random()
    if choice < 1 / 3:
        k = rng.choice([k for k in flat if len(k[1]) > 1])
        k[1].pop(rng.randrange(len(k[1])))
    elif choice < 2 / 3:
        fits = [(k, names) for k in flat for key, names in EXTRA_SUBS.items() if key in k[0].lower()]
        k, names = rng.choice(fits)
        new = rng.choice(names)
        k[1].insert(rng.randint(0, len(k[1])), draw_sub(
            rng, new, rng.randint(5, 60) * 1_000_000, f"yang digunakan untuk membiayai {new.lower()}."))
    return tuple(parent(p, [parent(k, subs) for k, subs in ks]) for p, ks in kegs)


def draw_indicator(rng: random.Random, name: str, sasaran: str, unit: str, year: int) -> Indicator:
    """Targets rising 1 a year from a base fitting the unit, realisasi at or a little above target."""
    count = unit not in ("%", "Indeks")
    base = Decimal(rng.randint(1, 4)) if count else Decimal(rng.randint(5500 if unit == "%" else 6200, 9000)) / 100
    targets = tuple((year + i, base + i) for i in range(3))
    real = base if rng.random() < 0.3 else (base + rng.randint(0, 1) if count else min(
        (base * Decimal(rng.uniform(1.0, 1.06))).quantize(Decimal("0.01")), Decimal(100)))
    prev = max(real - (rng.randint(0, 1) if count else Decimal(rng.randint(50, 300)) / 100), Decimal(0))
    return Indicator(name, sasaran, unit, 0 if count else 2, targets, real, prev,
                     Decimal(rng.randint(9500, 10200)) / 100)


def unit_family(text: str) -> str:
    """'%' for any percent spelling, else the unit in lower case."""
    low = plain(text).lower()
    return "%" if low in PERCENT_UNITS else low


def _norm(text: str) -> str:
    """Lower case letters and digits only, for comparing names."""
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", plain(text).lower()).split())


def indicator_rows(lines: list[str], t: SeedTable) -> dict[int, int]:
    """Indicator position (0 = tujuan indicator, 1.. = sasaran) → line index, for an indicator table."""
    c = t.col("name")
    rows = [i for i in t.body if get_cell(lines, i, c)] if c is not None else []
    first = 1 if len(rows) == 4 else 0
    return {first + n: i for n, i in enumerate(rows)} if len(rows) in (4, 5) else {}


def realign(lines: list[str], t: SeedTable) -> None:
    """Move a row number that slipped right (page-break artefact) back to the 'No' column."""
    if not t.labels or not t.labels[0].lower().startswith("no"):
        return
    for i in t.body:
        parts = lines[i].split("\t")
        j = next((n for n, c in enumerate(parts) if c.strip()), 0)
        if j >= 2 and re.fullmatch(r"\d+\.?", parts[j].strip()) and parts[0] == "":
            parts = [parts[j]] + parts[1:j] + parts[j + 1:]
            lines[i] = "\t".join(parts + [""] * (len(t.labels) - len(parts)))


def seed_indicators(lines, tables, year, rng) -> tuple[Indicator, ...]:
    """One model indicator per row position: majority name and unit family of the seed, fresh values."""
    names: dict[int, list[str]] = {}
    units: dict[int, list[str]] = {}
    sasaran: dict[int, str] = {}
    for t in tables:
        for k, i in indicator_rows(lines, t).items():
            names.setdefault(k, []).append(get_cell(lines, i, t.col("name")))
            unit, sas = get_cell(lines, i, t.col("unit")), get_cell(lines, i, t.col("sasaran"))
            if unit:
                units.setdefault(k, []).append(unit_family(unit))
            if sas and not sasaran.get(k):
                sasaran[k] = sas
    out = []
    for k in sorted(names):
        key = Counter(_norm(n) for n in names[k]).most_common(1)[0][0]
        name = Counter(n for n in names[k] if _norm(n) == key).most_common(1)[0][0]
        fam = Counter(units.get(k, ["%"])).most_common(1)[0][0]
        unit = name.split()[-1].capitalize() if key.startswith("jumlah") else ("%" if fam == "%" else fam.title())
        out.append(draw_indicator(rng, name, sasaran.get(k, "") if k else "", unit, year))
    return tuple(out)


def value_map(old_total: Item, old: tuple[Item, ...], total: Item, new: tuple[Item, ...]) -> dict:
    """Old printed program/total figures (amounts, %, efisiensi %, sisa) → new printed figures."""
    out = {}
    for a, b in zip((old_total,) + old, (total,) + new):
        out[Decimal(a.pagu)], out[Decimal(a.realisasi)] = money(b.pagu), money(b.realisasi)
        out[Decimal(a.pagu - a.realisasi)] = money(b.pagu - b.realisasi)
        out[a.persen], out[100 - a.persen] = pct(b.persen), num(100 - b.persen)
    return out


def fix_indicator_table(lines, t: SeedTable, inds, year, vmap) -> None:
    """Rewrite an indicator table's names, units and figures from the model (budget cells via vmap)."""
    realign(lines, t)
    rows = indicator_rows(lines, t)
    above: dict[int, str] = {}
    for k, i in sorted(rows.items()):
        ind = inds[k]
        for c, role in t.roles().items():
            old = get_cell(lines, i, c)
            kind, _, yr = role.partition(":")
            y = year if yr in ("now", "") else int(yr)
            if role == "name" and not _same_name(old, ind.name):
                set_cell(lines, i, c, ind.name)
            elif role == "unit" and unit_family(old) != unit_family(ind.unit):
                set_cell(lines, i, c, ind.unit.lower() if old.islower() else ind.unit)
            elif kind == "target" and y in dict(ind.targets):
                set_cell(lines, i, c, ind.fmt(ind.target(y)))
            elif kind in ("real", "cap") and y in (year, year - 1):
                now = y == year
                v = (ind.realisasi if now else ind.previous) if kind == "real" else (
                    ind.capaian if now else ind.previous_capaian)
                set_cell(lines, i, c, ind.fmt(v) if kind == "real" else pct(v))
            elif kind in ("budget", "absorb", "eff"):
                new = map_figures(old, vmap) if old else (above.get(c, "") if kind != "budget" else "")
                set_cell(lines, i, c, new) if new else None
                above[c] = new


def _same_name(cell: str, name: str) -> bool:
    """Whether an indicator cell is an acceptable spelling of ``name``."""
    a, b = re.sub(r"^\d+ ", "", _norm(cell)), _norm(name)
    return a == b or a.startswith(b) or fuzz.ratio(a, b) >= 92


def _row(no: str, it: Item, name: str | None = None) -> str:
    """One realisation-table row (the total row has no name)."""
    return f"{no}\t{it.name if name is None else name}\t{money(it.pagu)}\t{money(it.realisasi)}\t{pct(it.persen)}"


def render_table(header: str, total: Item, progs: tuple[Item, ...]) -> list[str]:
    """The realisation table: total row, then program / kegiatan / sub kegiatan rows."""
    out = [header, _row("", total, name="")]
    for a, p in enumerate(progs, 1):
        out.append(_row(f"{a}.", p))
        for b, k in enumerate(p.children, 1):
            out += [_row(str(b), k)] + [_row("", s) for s in k.children]
    return out


def render_listing(progs: tuple[Item, ...]) -> list[str]:
    """The Bab I listing of programs, kegiatan and sub kegiatan with their counts."""
    out = []
    for a, p in enumerate(progs):
        out += [f"{'ABCDEFGH'[a]}. {p.name}, dengan {len(p.children)} kegiatan :", ""]
        for b, k in enumerate(p.children, 1):
            out.append(f"{b}. {k.name}, dengan {len(k.children)} sub kegiatan :")
            out += [f" - {chr(97 + c)}) {s.name};" for c, s in enumerate(k.children)]
        out.append("")
    return out


def _amounts(it: Item) -> str:
    """'dengan alokasi dana sebesar Rp. …,- terealisasi sebesar Rp. …,-'."""
    return f"dengan alokasi dana sebesar Rp. {money(it.pagu)},- terealisasi sebesar Rp. {money(it.realisasi)},-"


def render_narrative(progs: tuple[Item, ...]) -> list[str]:
    """The budget narrative: one paragraph per program, kegiatan and sub kegiatan."""
    out = []
    for p in progs:
        out += [f"➤ **{p.name}**", "", f"{p.name} {_amounts(p)} dengan tingkat pencapaian {pct(p.persen)}%, "
                "rincian kegiatan dan sub kegiatan sebagai berikut :", ""]
        for b, k in enumerate(p.children, 1):
            out += [f"{b} Kegiatan {k.name} {_amounts(k)} dengan tingkat pencapaian {pct(k.persen)}%, rincian "
                    "sub kegiatan sebagai berikut :", ""]
            for c, s in enumerate(k.children):
                out += [f"- {chr(97 + c)}. Sub Kegiatan {s.name} {_amounts(s)} atau {pct(s.persen)}% {s.purpose}", ""]
    return out


def split_amounts(rng: random.Random, it: Item, n: int) -> list[tuple[int, int]]:
    """``it``'s pagu and realisasi split over ``n`` units (each realisasi within its pagu, sums exact)."""
    w = [rng.uniform(0.8, 1.2) for _ in range(n)]
    pagu = [int(it.pagu * x / sum(w)) for x in w]
    pagu[-1] += it.pagu - sum(pagu)
    real = [min(p, int(p * it.realisasi / it.pagu * rng.uniform(0.98, 1.02))) for p in pagu]
    diff = it.realisasi - sum(real)
    for j in range(n):
        step = max(min(diff, pagu[j] - real[j]), -real[j])
        real[j], diff = real[j] + step, diff - step
    return list(zip(pagu, real))


def _best(name: str, items) -> int:
    """Index of the item whose name is most like ``name``."""
    return max(range(len(items)), key=lambda j: fuzz.token_sort_ratio(_norm(name), _norm(items[j].name)))


def fix_unit_table(lines, t: SeedTable, progs, pools: dict, rng: random.Random) -> tuple[int, int]:
    """New program rows, Jumlah and efisiensi rows for one unit (kelurahan) table; returns its totals."""
    cp = t.col("budget")
    tot = [0, 0]
    for i in t.body:
        name = get_cell(lines, i, 1).lower()
        cents = ",00" if any(get_cell(lines, i, c).endswith(",00") for c in (cp, cp + 1)) else ""
        if name.startswith("jumlah efisiensi"):
            set_cell(lines, i, cp + 1, money(tot[0] - tot[1]) + cents)
            set_cell(lines, i, cp + 2, num(100 - percent(tot[1], tot[0])))
            continue
        if name.startswith("jumlah"):
            p, r = tot
        else:
            k = _best(name, progs)
            pagu = rng.randint(6000, 20000) * 10_000
            p, r = pools[k].pop() if pools.get(k) else (pagu, int(pagu * rng.uniform(0.88, 1.0)) // 10 * 10)
            tot = [tot[0] + p, tot[1] + r]
        for c, text in ((cp, money(p) + cents), (cp + 1, money(r) + cents), (cp + 2, pct(percent(r, p)))):
            set_cell(lines, i, c, text)
    return tot[0], tot[1]


def ranking(inds, lines, eff: SeedTable) -> str:
    """Sentences ranking the indicators by penyerapan, from the efficiency table's rows."""
    groups: dict[str, list] = {}
    for k, i in sorted(indicator_rows(lines, eff).items()):
        a, e = get_cell(lines, i, eff.col("absorb")), get_cell(lines, i, eff.col("eff"))
        if k and a:
            groups.setdefault(a, [e, []])[1].append(f"*{inds[k].name}*")
    order = sorted(groups.items(), key=lambda g: -value(g[0]))
    words = ("Penyerapan anggaran tertinggi terdapat pada indikator {n} dengan nilai {a}%",
             "Diurutan kedua penyerapan anggaran tertinggi terdapat pada indikator {n} dengan nilai {a}%",
             "Begitu juga pada urutan ketiga terdapat penyerapan anggaran sebesar {a}% pada indikator {n}",
             "Pada urutan keempat terdapat penyerapan anggaran sebesar {a}% pada indikator {n}")
    return "".join(w.format(n=" dan ".join(g[1][1]), a=g[0]) + f" dengan tingkat efisiensi sebesar {g[1][0]}%. "
                   for w, g in zip(words, order))


def fix_statements(text: str, inds, progs, year: int) -> str:
    """Sentences that restate indicator values or kegiatan counts, rewritten from the model."""
    ikm = inds[0]
    avg = num(sum(i.capaian for i in inds[1:]) / (len(inds) - 1))
    t, r, c = ikm.fmt(ikm.target(year)), ikm.fmt(ikm.realisasi), pct(ikm.capaian)
    change = (f"mengalami penambahan nilai sebesar {ikm.fmt(ikm.realisasi - ikm.previous)} poin yaitu dari "
              f"**{ikm.fmt(ikm.previous)}** menjadi **{r}**, sementara capaian kinerja pada tahun {year - 1} "
              f"sebesar **{pct(ikm.previous_capaian)}%** dan pada tahun {year} sebesar **{c}%**.")
    subs = ((r"(Indeks Kepuasan Masyarakat di Kecamatan )[\d,]+", rf"\g<1>{t}"),
            (r"(dengan tingkat capaian mencapai )[\d,]+", rf"\g<1>{r}"),
            (r"(berhasil mencapai |mencapai angka \*\*)[\d,]+%", rf"\g<1>{avg}%"),
            (r"sebesar [\d,]+%, dengan besaran target sebesar [\d,]+%? dan realisasi sebesar [\d,]+%?",
             f"sebesar {c}%, dengan besaran target sebesar {t} dan realisasi sebesar {r}"),
            (r"mengalami penambahan nilai sebesar .*?\*\*[\d,]+%\*\*\.", change))
    for pat, rep in subs:
        text = re.sub(pat, lambda m, rep=rep: m.expand(rep) if "\\g<" in rep else rep, text)
    renstra = iter(ikm.fmt(ikm.target(y)) for y in (year, year + 1, year + 2))
    text = re.sub(r"^.*\(IKM\).*$", lambda m: re.sub(r"\d+,\d\d", lambda _: next(renstra), m.group(0)),
                  text, count=1, flags=re.M)

    def support(m: re.Match) -> str:
        p = progs[_best(m.group(2), progs)]
        names = " dan ".join(f"*{k.name}*" for k in p.children)
        return f"{m.group(1)}{len(p.children)} ({to_words(len(p.children))}) kegiatan yaitu {names}"
    text = re.sub(r"(\*(Program [^*]+)\* didukung oleh )\d+ \(\w+\) kegiatan yaitu \*[^*]+\*", support, text)

    def indicator(m: re.Match) -> str:
        ind = inds[1 + _best(m.group(1), [Item(i.sasaran, 0, 0) for i in inds[1:]])]
        return f"{m.group(0).rstrip()} {ind.name}."
    return re.sub(r"^Sasaran (.+?) dengan indikator\s*$", indicator, text, flags=re.M)


def rename(text: str, rng: random.Random, camat: Person, atasan: Person) -> tuple[str, dict[str, str]]:
    """Kecamatan, kelurahan, kabupaten and people of the seed replaced by drawn ones."""
    old_kec = Counter(re.findall(r"Kecamatan ([A-Z][a-z]+(?: [A-Z][a-z]+)?)", text)).most_common(1)[0][0]
    old_kel = sorted({k for k, n in Counter(re.findall(r"Kelurahan ([A-Z][a-z]+)\b", text)).items() if n > 1})
    old_kab = re.search(r"KABUPATEN ([A-Z ]+)\n", text).group(1).strip().title()
    places = dict(zip([old_kec, old_kab] + old_kel, [rng.choice([k for k in KECAMATAN if k != old_kec]),
                                                     rng.choice(KABUPATEN)] + rng.sample(KELURAHAN, len(old_kel))))
    for old, new in places.items():
        text = re.sub(rf"\b{old}\b", new, text)
        text = re.sub(rf"\b{old.upper()}\b", new.upper(), text)
    lines = text.split("\n")
    olds = re.findall(r"^Nama\s*:\s*(.+?)\s*$", text, re.M)
    for old, new in zip(olds, (camat, atasan)):
        surname = old.split(",")[0].split()[-1].upper()
        for i, ln in enumerate(lines):
            head = ln.split(",")[0].strip()
            if ln.strip() == f"Nama : {old}":
                lines[i] = f"Nama : {new.full}"
            elif surname in head.split() and head.isupper() and len(head) < 60:
                lines[i] = new.signature
    text = re.sub(r"NIP\.?\s*\d{8}\s?\d{6}\s?\d\s?\d{3}", f"NIP. {camat.nip}", "\n".join(lines))
    return text, places


def redate(text: str, y0: int, year: int, signed: date, pk_date: date) -> str:
    """Years near the seed's shifted to the variant's; the report and PK signing dates replaced."""
    text = re.sub(r"(?<![\d.,])(20\d\d)(?!\d)",
                  lambda m: str(int(m.group(1)) + year - y0) if abs(int(m.group(1)) - y0) <= 2 else m.group(1), text)

    def sub(m: re.Match) -> str:
        d = {year + 1: signed, year: pk_date}.get(int(m.group(3)))
        return f"{d.day} {MONTHS[d.month - 1]} {d.year}" if d else m.group(0)
    return re.sub(rf"\b(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})\b", sub, text)


def with_purposes(tree: tuple[Item, ...], texts: list[str]) -> tuple[Item, ...]:
    """The tree with each sub kegiatan's purpose clause, in reading order."""
    subs = [s for d, s in walk(tree) if d == 2]
    assert len(subs) == len(texts), f"{len(texts)} sub kegiatan paragraphs for {len(subs)} table rows"
    it = iter(texts)
    return tuple(replace(p, children=tuple(replace(k, children=tuple(replace(s, purpose=next(it))
                                                                     for s in k.children)) for k in p.children))
                 for p in tree)


def truth_of(progs, total, inds, camat, signed, units, counts) -> tuple[Truth, ...]:
    """The values a variant was generated from, as a flat list."""
    out = [Truth("count", k, "jumlah", v) for k, v in counts.items()]
    for _, it in walk((total,) + progs):
        out += [Truth("budget", it.name, f, getattr(it, f)) for f in ("pagu", "realisasi", "persen")]
    for ind in inds:
        out += [Truth("indicator", ind.name, f"target {y}", v) for y, v in ind.targets]
        out += [Truth("indicator", ind.name, f, getattr(ind, f)) for f in ("realisasi", "capaian", "unit")]
    out += [Truth("unit", name, f, v) for name, p, r in units for f, v in (("pagu", p), ("realisasi", r))]
    return tuple(out) + (Truth("person", camat.full, "nip", camat.nip), Truth("date", "laporan", "ditandatangani", signed))


def rewrite_tables(lines, tables, bt: SeedTable, inds, progs, vmap, rng) -> list[tuple[str, int, int]]:
    """Indicator, PK/analysis and unit tables rewritten in place; returns each unit's (name, pagu, realisasi)."""
    unit_tabs = [t for t in tables if any(get_cell(lines, i, 1).lower() == "jumlah" for i in t.body)]
    home = next(((j, k) for j, p in enumerate(progs) for k in p.children if k.name.lower().endswith("kelurahan")), None)
    pools = {home[0]: split_amounts(rng, home[1], len(unit_tabs))} if home else {}
    units = []
    for t in tables:
        if t in unit_tabs:
            units.append((t.caption.split("\n")[-1], *fix_unit_table(lines, t, progs, pools, rng)))
        elif indicator_rows(lines, t):
            fix_indicator_table(lines, t, inds, inds[0].targets[0][0], vmap)
        elif t is not bt:
            for i in t.body:
                lines[i] = map_figures(lines[i], vmap)
    for i, ln in enumerate(lines):
        if "\t" not in ln and re.search(r"Rp|fisiensi|enyerapan", ln):
            lines[i] = map_figures(ln, vmap)
    return units


def rewrite_budget_sections(lines: list[str], bt: SeedTable, end: int, progs, total: Item) -> list[str]:
    """The budget narrative, the realisation table and the Bab I listing regenerated (bottom up)."""
    first = next(i for i in range(bt.lines[-1], end) if lines[i].startswith("➤"))
    lines[first:end] = render_narrative(progs) + ["", "", ""]
    lines[bt.lines[0]:bt.lines[-1] + 1] = render_table(lines[bt.lines[0]], total, progs)
    start = next(i for i, ln in enumerate(lines) if re.match(r"^A\. Program ", ln))
    stop = next(i for i in range(start, len(lines)) if re.match(r"^[B-H]\. [A-Z][a-z]+ [A-Z]", lines[i])
                and "Program" not in lines[i])
    lines[start:stop] = render_listing(progs)
    return lines


def rewrite_text(lines: list[str], inds, progs, year: int, counts: dict[str, int]) -> str:
    """Counts, table numbers, the penyerapan ranking, the amount in words and restated values made consistent."""
    lines = [fix_counts(ln, counts) if re.search(r"\d+ (\([a-z ]+\) )?program\b", ln) else ln for ln in lines]
    renumber(lines)
    eff = next(t for t in find_tables(lines) if t.col("absorb") is not None)
    text = re.sub(r"Penyerapan anggaran tertinggi.*?(?=Dari keseluruhan)", ranking(inds, lines, eff),
                  "\n".join(lines), flags=re.S)
    text = re.sub(r"(Rp\.? ?([\d.]+),-\*\* \(\*)[A-Za-z ]+ Rupiah\*\)",
                  lambda m: f"{m.group(1)}{to_words(int(value(m.group(2)))).title()} Rupiah*)", text)
    return fix_statements(text, inds, progs, year)


def make_variant(seed_text: str, seed: int) -> Variant:
    """A clean, consistent variant of the seed report, reproducible from ``seed``."""
    rng = random.Random(seed)
    text = seed_text.replace("\r\n", "\n")
    y0 = int(Counter(re.findall(r"\b20\d\d\b", text)).most_common(1)[0][0])
    year = rng.randint(2021, 2028)
    camat = draw_person(rng, year)
    atasan = draw_person(rng, year, avoid=(camat.surname,))
    signed = date(year + 1, rng.randint(1, 3), rng.randint(1, 28))
    pk_date = date(year, rng.randint(1, 10), rng.randint(1, 28))
    text, places = rename(text, rng, camat, atasan)
    lines = redate(text, y0, year, signed, pk_date).split("\n")
    tables = find_tables(lines)
    bt = budget_table(tables)
    end = next(i for i in range(bt.lines[-1], len(lines)) if re.match(r"^BAB IV\b", lines[i]))
    old_total, old = parse_budget(lines, bt)
    old = with_purposes(old, purposes(lines, bt.lines[-1] + 1, end))
    progs = regenerate(old, rng)
    total = parent("Total", list(progs))
    inds = seed_indicators(lines, tables, year, rng)
    units = rewrite_tables(lines, tables, bt, inds, progs, value_map(old_total, old, total, progs), rng)
    lines = rewrite_budget_sections(lines, bt, end, progs, total)
    counts = {"program": len(progs), "kegiatan": sum(len(p.children) for p in progs),
              "sub kegiatan": sum(len(k.children) for p in progs for k in p.children)}
    text = rewrite_text(lines, inds, progs, year, counts)
    kecamatan, kabupaten, *kelurahan = places.values()
    return Variant(text, seed, f"Kecamatan {kecamatan}", year, kabupaten, tuple(kelurahan), camat, signed, progs,
                   total, inds, truth_of(progs, total, inds, camat, signed, units, counts))
