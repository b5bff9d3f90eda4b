"""The test-report generator: clean variants are consistent, plants change exactly what they claim.

The checks read the generated text with ``build_samples.parse_seed`` (the sample
builder's own table reading) and recompute every sum, percentage, count and word
form here, independently of the generator's code. Each oracle is also run on the
seed report itself, whose known defects it must find, so none of them is vacuous.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

import pytest

import build_samples
from generator.plants import PLANTS, plant
from generator.variants import MONTHS, make_variant
from lakip.values.terbilang import to_words

SEEDS = tuple(range(12))
ID_AMOUNT = re.compile(r"\d{1,3}(?:\.\d{3})*(?:,\d+)?")
MALFORMED = re.compile(r"\d\.\d{4}|\d\. \d{3}|\b\d{1,3}(?:,\d{3}){2,}\b")


@pytest.fixture(scope="module")
def variants(seed_text):
    """Clean variants for a dozen seeds."""
    return {s: make_variant(seed_text, s) for s in SEEDS}


def fig(text: str) -> Decimal:
    """A well-formed Indonesian figure's value (fails on anything else)."""
    s = build_samples.plain(text).rstrip("%")
    assert ID_AMOUNT.fullmatch(s), f"not a well-formed Indonesian figure: {text!r}"
    head, _, dec = s.partition(",")
    return Decimal(head.replace(".", "") + ("." + dec if dec else ""))


def pct_of(part: Decimal, whole: Decimal) -> Decimal:
    """part / whole × 100 rounded half up to 2 decimals."""
    return (part * 100 / whole).quantize(Decimal("0.01"), ROUND_HALF_UP)


def tables(text: str) -> list[list[list[str]]]:
    """The tables of seed-format text as rows of plain cells."""
    return [[[build_samples.plain(c) for c in r] for r in b.rows]
            for b in build_samples.parse_seed(text) if b.kind == "table"]


def budget_rows(text: str) -> list[tuple[str, str, Decimal, Decimal, str]]:
    """(level, name, pagu, realisasi, printed %) of the realisation table, total first."""
    cands = [t for t in tables(text) if t[0][1:3] == ["PROGRAM", "ANGGARAN"] and t[0][-1] == "%"]
    out = []
    for row in max(cands, key=len)[1:]:
        no, name, p, r, q = row[0], row[1], row[-3], row[-2], row[-1]
        level = "total" if not name else "program" if name.startswith("Program") else "kegiatan" if no else "sub"
        out.append((level, name, fig(p), fig(r), q))
    return out


LEVELS = ("total", "program", "kegiatan", "sub")


def children(rows, i: int) -> list:
    """The rows one level below row ``i`` up to the next row at its level or above."""
    depth, kids = LEVELS.index(rows[i][0]), []
    for row in rows[i + 1:]:
        d = LEVELS.index(row[0])
        if d <= depth:
            break
        kids += [row] if d == depth + 1 else []
    return kids


def budget_problems(text: str) -> list[str]:
    """Every sum, percentage or realisasi > pagu that does not hold in the realisation table."""
    rows, bad = budget_rows(text), []
    for i, (level, name, p, r, q) in enumerate(rows):
        if fig(q) != pct_of(r, p):
            bad.append(f"% of {name}: {q} vs {pct_of(r, p)}")
        if r > p:
            bad.append(f"realisasi above pagu: {name}")
        kids = children(rows, i)
        if level != "sub" and (sum(k[2] for k in kids), sum(k[3] for k in kids)) != (p, r):
            bad.append(f"sum under {name or 'total'}")
    return bad


def efficiency_problems(text: str) -> list[str]:
    """Efficiency-table rows whose penyerapan is no program's % or whose efisiensi is not 100 - penyerapan."""
    rows = budget_rows(text)
    shares = {q for lv, _, _, _, q in rows if lv in ("total", "program")}
    bad = []
    for t in tables(text):
        if any("Penyerapan" in c for c in t[0]):
            a, e = next(c for c, x in enumerate(t[0]) if "Penyerapan" in x), next(
                c for c, x in enumerate(t[0]) if "Efisiensi" in x)
            bad += [f"efisiensi of {row[2]}" for row in t[1:] if row[a] not in shares or fig(row[e]) != 100 - fig(row[a])]
    return bad


def unit_problems(text: str) -> list[str]:
    """Jumlah and efisiensi rows of the per-unit tables that do not follow from their program rows."""
    bad = []
    for t in tables(text):
        names = [r[1].lower() for r in t]
        if "jumlah" not in names:
            continue
        progs = [(fig(r[2]), fig(r[3])) for r in t[1:] if not r[1].lower().startswith("jumlah")]
        p, r = sum(x[0] for x in progs), sum(x[1] for x in progs)
        total, eff = t[names.index("jumlah")], t[-1]
        if (fig(total[2]), fig(total[3])) != (p, r) or fig(total[4]) != pct_of(r, p):
            bad.append(f"Jumlah of {t[1][1]}")
        if fig(eff[3]) != p - r or fig(eff[4]) != 100 - fig(total[4]):
            bad.append(f"efisiensi of {t[1][1]}")
    return bad


def header_depth(t: list[list[str]]) -> int:
    """Header rows: those before the first row with a decimal figure."""
    return next(i for i, r in enumerate(t) if any(re.search(r"\d,\d", c) for c in r))


def header_labels(t: list[list[str]]) -> list[str]:
    """Lower-case column labels; a top-row label spans right over cells labelled below it."""
    depth, labels = header_depth(t), []
    for c in range(len(t[0])):
        parts = []
        for r in t[:depth]:
            cell = r[c]
            if not cell and r is t[0] and any(x[c] for x in t[1:depth]):
                cell = next((r[j] for j in range(c - 1, -1, -1) if r[j]), "")
            parts.append(cell)
        labels.append(" ".join(parts).lower())
    return labels


def indicator_values(text: str, year: int) -> dict[str, dict[str, set]]:
    """Indicator (first 3 words, lower case) → {'target Y'/'realisasi'/'capaian'/'satuan'/'name': printed values}."""
    out: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for t in tables(text):
        if not any(re.search(r"\d,\d", c) for r in t for c in r) or not any("indikator" in c.lower() for c in t[0]):
            continue
        labels = header_labels(t)
        name_col = next(c for c, lab in enumerate(labels) if "indikator" in lab and "program" not in lab)
        for row in t[header_depth(t):]:
            if not row[name_col]:
                continue
            key = " ".join(re.sub(r"[^\w ]|^\d+ ", " ", row[name_col]).lower().split()[:2])
            for c, lab in enumerate(labels):
                yrs = re.findall(r"20\d\d", lab)
                y = int(yrs[-1]) if yrs else year
                field = ("satuan" if "satuan" in lab else f"target {y}" if "target" in lab
                         else "capaian" if "capaian" in lab and y == year and "keuangan" not in lab
                         else "realisasi" if "realisasi" in lab and y == year and "keuangan" not in lab else None)
                if field and row[c] and (field == "satuan" or re.fullmatch(r"[\d.,]+", row[c])):
                    unit = row[c].lower()
                    out[key][field].add(("%" if unit in ("%", "persen", "persentase") else unit)
                                        if field == "satuan" else row[c])
            out[key]["name"].add(row[name_col].lower())
    return out


def indicator_problems(text: str, year: int) -> list[str]:
    """Indicators with two targets, realisasi or units, or a capaian that is not realisasi/target."""
    bad = []
    for key, vals in indicator_values(text, year).items():
        for field, seen in vals.items():
            if field != "name" and field != "capaian" and len(seen) > 1:
                bad.append(f"{key}: {field} {sorted(seen)}")
        real, target = vals.get("realisasi"), vals.get(f"target {year}")
        if real and target and len(real) == 1 and len(target) == 1:
            want = pct_of(fig(next(iter(real))), fig(next(iter(target))))
            bad += [f"{key}: capaian {c} vs {want}" for c in vals.get("capaian", ()) if abs(fig(c) - want) > Decimal("0.5")
                    or ("," in c and fig(c) != want)]
    return bad


def count_problems(text: str) -> list[str]:
    """Stated counts and number words that disagree with the realisation table or each other."""
    rows = budget_rows(text)
    counts = {"program": sum(r[0] == "program" for r in rows), "kegiatan": sum(r[0] == "kegiatan" for r in rows),
              "sub kegiatan": sum(r[0] == "sub" for r in rows)}
    bad = [m.group(0) for m in re.finditer(r"\b(\d+) \(([a-z ]+)\)", text) if to_words(int(m.group(1))) != m.group(2)]
    for m in re.finditer(r"\b(\d+) \([a-z ]+\) (sub kegiatan|kegiatan|program)\b", text):
        if int(m.group(1)) not in (counts[m.group(2)],) and "yaitu" not in text[m.end():m.end() + 8]:
            bad.append(m.group(0))
    return bad


def test_clean_budget_sums_percentages_and_units(variants):
    """Every level of the realisation table and every unit table adds up; % are correctly rounded."""
    for v in variants.values():
        assert budget_problems(v.text) == [], v.seed
        assert unit_problems(v.text) == [], v.seed
        rows = budget_rows(v.text)
        assert (rows[0][2], rows[0][3]) == (v.total.pagu, v.total.realisasi)


def test_oracles_find_the_seed_defects(seed_text):
    """The same checks on the seed find its known defects (they are not vacuous)."""
    with pytest.raises(AssertionError, match="well-formed"):
        budget_problems(seed_text)
    fixed = seed_text.replace("2.949.374059", "2.949.374.059").replace("4. 603", "4.603")
    assert any("sum under Koordinasi Kegiatan Pemberdayaan Kelurahan" in p for p in budget_problems(fixed))
    assert any("2,15" in p for p in indicator_problems(seed_text, 2024))
    assert any(p.startswith("indeks sarana: satuan") for p in indicator_problems(seed_text, 2024))
    assert efficiency_problems(fixed)
    assert MALFORMED.search(seed_text)
    assert len(set(re.findall(r"NIP\. ([\d ]+\d)", seed_text))) == 2


def test_clean_narrative_amounts_match_the_table(variants):
    """Each program, kegiatan and sub kegiatan paragraph states the table's amounts and %."""
    for v in variants.values():
        table = {name: (p, r, q) for _, name, p, r, q in budget_rows(v.text)}
        said = re.findall(r"(Program .+?|Kegiatan .+?) dengan alokasi dana sebesar Rp\. ([\d.]+),- terealisasi "
                          r"sebesar Rp\. ([\d.]+),- (?:atau|dengan tingkat pencapaian) ([\d,]+)%", v.text)
        assert len(said) == len(table) - 1
        for name, p, r, q in said:
            name = re.sub(r"^Kegiatan ", "", name)
            assert table[name] == (fig(p), fig(r), q), name
        words = re.search(r"\(\*([A-Za-z ]+) Rupiah\*\)", v.text).group(1)
        assert words.lower() == to_words(v.total.pagu)


def test_clean_program_amounts_agree_across_tables(variants):
    """Program amounts in the PK and analysis tables are the realisation table's; penyerapan/efisiensi follow."""
    for v in variants.values():
        known = {x for lv, _, p, r, _ in budget_rows(v.text) if lv == "program" for x in (p, r)}
        for t in tables(v.text):
            if any(r[1].lower() == "jumlah" for r in t) or t[0][1:3] == ["PROGRAM", "ANGGARAN"] and t[0][-1] == "%":
                continue
            for row in t[1:]:
                amounts = {fig(c) for c in row if re.fullmatch(r"\d{1,3}(\.\d{3}){2,}", c)}
                assert amounts <= known, (v.seed, row)
        assert efficiency_problems(v.text) == []


def test_clean_indicators_agree_across_tables(variants):
    """One target per indicator and year, one realisasi, one unit family; capaian = realisasi / target."""
    for v in variants.values():
        assert indicator_problems(v.text, v.year) == [], v.seed
        values = indicator_values(v.text, v.year)
        assert len(values) == 5
        assert any(len(vals["target %d" % v.year]) == 1 and vals["target %d" % v.year] != vals["realisasi"]
                   for vals in values.values()), "every realisasi equals its target (T308)"


def test_clean_counts_words_people_dates_and_references(variants):
    """Counts and number words, the camat's NIP, dates, years and table references are all consistent."""
    for v in variants.values():
        text = v.text
        assert count_problems(text) == [], v.seed
        nips = set(re.findall(r"NIP\. ([\d ]+\d)", text))
        assert nips == {v.camat.nip}
        digits = v.camat.nip.replace(" ", "")
        born = date(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
        assert len(digits) == 18 and 1 <= int(digits[12:14]) <= 12 and digits[14] in "12"
        assert born.year + 18 <= int(digits[8:12]) < v.year
        for d, month, y in re.findall(rf"(\d{{1,2}}) ({'|'.join(MONTHS)}) (\d{{4}})", text):
            date(int(y), MONTHS.index(month) + 1, int(d))
        assert v.signed > date(v.year, 12, 31)
        years = {int(y) for y in re.findall(r"(?<![\d.,])(20\d\d)(?!\d)", text)}
        assert {y for y in years if y > 2019} <= set(range(v.year - 1, v.year + 3))
        captions = re.findall(r"^\**Tabel\.?\s*(\d+)\.\s?(\d+)", text, re.M)
        for chapter in {c for c, _ in captions}:
            assert [int(n) for c, n in captions if c == chapter] == list(range(1, 1 + sum(c == chapter for c, _ in captions)))
        for ch, n in re.findall(r"[Tt]abel (\d+)\.(\d+)", text):
            assert (ch, n) in captions
        assert not MALFORMED.search(text)
        assert "Alok Barat" not in text and "Wailiti" not in text and "SILVA" not in text


def test_bab_i_listing_matches_the_table(variants):
    """Bab I lists every program and kegiatan of the realisation table with the right counts."""
    for v in variants.values():
        listing = re.findall(r"^(?:[A-H]|\d+)\. (.+?), dengan (\d+) (?:kegiatan|sub kegiatan) :", v.text, re.M)
        rows = budget_rows(v.text)
        for name, n in listing:
            i = next(j for j, r in enumerate(rows) if r[1] == name)
            assert len(children(rows, i)) == int(n), name
        assert len(listing) == sum(r[0] in ("program", "kegiatan") for r in rows)


def test_variants_differ_and_are_reproducible(variants, seed_text):
    """Variants differ in place, year, people, budget and row counts; a seed always gives the same text."""
    vs = list(variants.values())
    assert len({v.instansi for v in vs}) > 6 and len({v.year for v in vs}) > 3
    assert len({v.camat.nip for v in vs}) == len(vs) and len({v.total.pagu for v in vs}) == len(vs)
    assert len({sum(r[0] == "sub" for r in budget_rows(v.text)) for v in vs}) >= 2
    assert make_variant(seed_text, 3).text == variants[3].text


def changed(a: str, b: str) -> tuple[list[str], list[str]]:
    """Lines removed from ``a`` and added in ``b``."""
    diff = [d for d in difflib.ndiff(a.split("\n"), b.split("\n")) if d[:2] in ("- ", "+ ")]
    return [d[2:] for d in diff if d[0] == "-"], [d[2:] for d in diff if d[0] == "+"]


SEMANTIC = {
    "B401": lambda v, t, e: any(p.startswith("sum under " + e.subjects[0]) for p in budget_problems(t)),
    "B402": lambda v, t, e: sum(p.startswith("% of") for p in budget_problems(t)) == 1,
    "B403": lambda v, t, e: budget_problems(t) == [f"realisasi above pagu: {e.subjects[0]}"],
    "B405": lambda v, t, e: bool(unit_problems(t) or efficiency_problems(t)),
    "C501": lambda v, t, e: count_problems(t) != [],
    "C502": lambda v, t, e: count_problems(t) != [],
    "N601": lambda v, t, e: any(len(n.replace(" ", "")) == 17 for n in re.findall(r"NIP\. ([\d ]+\d)", t)),
    "N602": lambda v, t, e: any(n[4:6] == "13" or n[13:15] == "13" for n in re.findall(r"NIP\. ([\d ]+\d)", t)),
    "N603": lambda v, t, e: len(set(re.findall(r"NIP\. ([\d ]+\d)", t))) == 2,
    "T301": lambda v, t, e: indicator_problems(t, v.year) != [],
    "T303": lambda v, t, e: any("satuan" in p for p in indicator_problems(t, v.year)),
    "T304": lambda v, t, e: any("capaian" in p for p in indicator_problems(t, v.year)),
    "T305": lambda v, t, e: any("realisasi" in p for p in indicator_problems(t, v.year)),
    "F201": lambda v, t, e: MALFORMED.search(t) is not None,
    "F202": lambda v, t, e: MALFORMED.search(t) is not None,
}


@pytest.mark.parametrize("code", sorted(PLANTS))
def test_plants_change_exactly_what_they_claim(variants, code):
    """A plant changes one or two rows (or one line per place it restates) and nothing else."""
    for s in SEEDS[:6]:
        v = variants[s]
        text, expected = plant(v, code, 1000 + s)
        assert expected.code == code and text != v.text
        assert plant(v, code, 1000 + s)[0] == text, "plants are reproducible"
        removed, added = changed(v.text, text)
        assert 1 <= len(removed) <= 4 and len(added) <= 4, (removed, added)
        if code in SEMANTIC:
            assert SEMANTIC[code](v, text, expected), (code, s, removed, added)
        if code[0] == "B" and code not in ("B401", "B402", "B403"):
            assert budget_problems(text) == [], "only the planted place may change"
        if code[0] in "BFCNSD" and code not in ("C501",):
            assert indicator_problems(text, v.year) == []
