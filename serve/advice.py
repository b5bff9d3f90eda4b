"""What to change, in the author's words: one sentence per finding built from its values and locations.

A finding says what disagrees ("Target 2024 … berbeda antar tabel"); the person who
wrote the report wants to know what to type where: "Ubah 2,15 menjadi 1,15 pada tabel
“INDIKATOR KINERJA UTAMA …” baris 4, halaman 27, atau sebaliknya …". ``advise`` builds
that sentence for the main rule families, in Bahasa Indonesia or English; any other
finding gets a general sentence naming its places.
"""

from __future__ import annotations

from typing import Any, Callable, Mapping, Sequence

from lakip.rules.base import Finding, Location
from lakip.serve.places import at, join, number, pages, pick, place, places, value_groups

Builder = Callable[[Finding, str], str]

_KIND_WORDS = {"T301": ("target", "target"), "T305": ("realisasi", "realisation")}
_FIELD_WORDS = {"pagu": ("pagu", "budget"), "realisasi": ("realisasi", "realisation"), "sisa": ("sisa", "remainder")}


def _printed(text: str, value: Any, lang: str) -> str:
    """The value as printed in the report when known, else formatted."""
    return text.strip() if text and text.strip() else number(value, lang)


def _other_way(group: tuple[Any, str, list[Location]], to: tuple[Any, str, list[Location]], lang: str) -> str:
    """', atau sebaliknya ubah A menjadi B pada …' for the most-printed value."""
    return pick(lang, f", atau sebaliknya ubah {_printed(group[1], group[0], 'id')} menjadi "
                      f"{_printed(to[1], to[0], 'id')}{at(group[2], 'id', column=False)}",
                f", or the other way round change {_printed(group[1], group[0], 'en')} to "
                f"{_printed(to[1], to[0], 'en')}{at(group[2], 'en', column=False)}")


def _disagreement(f: Finding, lang: str, what_id: str, what_en: str, values: Sequence[Any],
                  counts: Sequence[int], locs: Sequence[Location]) -> str:
    """Make every place print one value: change the rarer to the commoner, or the other way round."""
    if not isinstance(values, (list, tuple)) or not locs:
        return generic(f, lang)
    counts = counts if isinstance(counts, (list, tuple)) else ()
    groups = value_groups(values, counts, locs)
    if len(groups) < 2:
        return generic(f, lang)
    common, rare = groups[0], groups[1:]
    if len(rare) == 1:
        one = rare[0]
        head = pick(lang, f"Ubah {_printed(one[1], one[0], 'id')} menjadi {_printed(common[1], common[0], 'id')}"
                          f"{at(one[2], 'id', column=False)}",
                    f"Change {_printed(one[1], one[0], 'en')} to {_printed(common[1], common[0], 'en')}"
                    f"{at(one[2], 'en', column=False)}")
        tail = pick(lang, f" — mana yang benar tergantung dokumen sumbernya ({what_id}).",
                    f" — which one is right depends on the source document ({what_en}).")
        return head + _other_way(common, one, lang) + tail
    listing = join([f"{_printed(g[1], g[0], lang)}{at(g[2], lang, column=False)}" for g in groups], lang)
    return pick(lang, f"Samakan {what_id}: tertulis {listing}. Pilih angka yang benar dari dokumen sumbernya "
                      "lalu ubah yang lain.",
                f"Make the {what_en} the same everywhere: printed {listing}. Take the right figure from the "
                "source document and change the others.")


def target_or_realisasi(f: Finding, lang: str) -> str:
    """T301/T305: one indicator's target or realisasi for a year differs between tables."""
    v = f.values
    kind = _KIND_WORDS[f.rule]
    year = v.get("year", "")
    return _disagreement(f, lang, f"{kind[0]} {year} indikator {f.subject}", f"{kind[1]} {year} of {f.subject}",
                         v.get("values", ()), v.get("places", ()), f.locations)


def names_or_units(f: Finding, lang: str) -> str:
    """T302/T303: one indicator printed under different names, or in different units."""
    v = f.values
    if f.rule == "T302":
        return _disagreement(f, lang, f"nama indikator {f.subject}", f"the name of the indicator {f.subject}",
                             v.get("names", ()), v.get("places", ()), f.locations)
    return _disagreement(f, lang, f"satuan indikator {f.subject}", f"the unit of {f.subject}",
                         v.get("units", ()), v.get("places", ()), f.locations)


def copied_realisasi(f: Finding, lang: str) -> str:
    """T308: every realisasi equals its target, as if the target was copied."""
    year = f.values.get("year", "")
    return pick(lang, f"Isi realisasi {year} dengan hasil pengukuran yang sebenarnya{at(f.locations, 'id', False)}"
                      "; bila memang sama dengan target, sebutkan dasar pengukurannya dalam analisis.",
                f"Fill in the {year} realisation with what was actually measured{at(f.locations, 'en', False)}"
                "; if it really equals the target, state how it was measured in the analysis.")


def amount_differs(f: Finding, lang: str) -> str:
    """B404: one budget amount printed differently in several places."""
    v = f.values
    rows = v.get("places") or []
    locs = [Location(page=p.get("page"), table=p.get("table"), row=p.get("row"), text=p.get("text")) for p in rows]
    amounts = [p.get("value") for p in rows]
    ordered = list(dict.fromkeys(amounts))
    counts = [amounts.count(a) for a in ordered]
    by_value = [loc for a in ordered for loc, b in zip(locs, amounts) if b == a]
    field = _FIELD_WORDS.get(str(v.get("field")), ("angka", "amount"))
    return _disagreement(f, lang, f"{field[0]} {f.subject}", f"{field[1]} of {f.subject}", ordered, counts,
                         by_value)


def computed(f: Finding, lang: str) -> str:
    """T304/B402/B405: a percentage or amount computed from its row does not match what is printed."""
    v = f.values
    if "stated" not in v or "computed" not in v or not f.locations:
        return generic(f, lang)
    first = f.locations[0]
    stated = _printed(first.text or "", v["stated"], lang)
    right = number(v["computed"], lang)
    how = ""
    if f.rule == "T304" and "target" in v and "realisasi" in v:
        how = pick(lang, f" (dihitung dari realisasi {number(v['realisasi'], 'id')} dan target "
                         f"{number(v['target'], 'id')})",
                   f" (computed from realisation {number(v['realisasi'], 'en')} and target "
                   f"{number(v['target'], 'en')})")
    elif f.rule == "B402" and "pagu" in v and "realisasi" in v:
        how = pick(lang, f" (realisasi {number(v['realisasi'], 'id')} ÷ pagu {number(v['pagu'], 'id')} × 100)",
                   f" (realisation {number(v['realisasi'], 'en')} ÷ budget {number(v['pagu'], 'en')} × 100)")
    text = pick(lang, f"Ubah {stated} menjadi {right}{at([first], 'id')}{how}",
                f"Change {stated} to {right}{at([first], 'en')}{how}")
    cell = v.get("suggested_cell")
    if isinstance(cell, Mapping):
        return text + _suggested(cell, lang, alternative=True)
    return text + pick(lang, ", atau periksa kembali angka-angka yang menjadi dasar perhitungannya.",
                       ", or check again the figures it is computed from.")


def _cell_place(cell: Mapping[str, Any], lang: str) -> str:
    """Where a suggested cell is."""
    return place(Location(page=cell.get("page"), table=cell.get("table"), row=cell.get("row"),
                          column=cell.get("column")), lang)


def _suggested(cell: Mapping[str, Any], lang: str, alternative: bool) -> str:
    """The one cell whose retyping makes both the sum and the percentage right."""
    old, new = number(cell.get("stated"), lang), number(cell.get("suggested"), lang)
    where = _cell_place(cell, lang)
    if alternative:
        return pick(lang, f". Kemungkinan lain yang lebih besar: {old} pada {where} salah ketik — ubah menjadi "
                          f"{new}, maka jumlah dan persentasenya sama-sama benar.",
                    f". A likelier fix: {old} at {where} is a typo — change it to {new} and both the sum and "
                    "the percentage are right.")
    return pick(lang, f"Ubah {old} menjadi {new} pada {where}: dengan angka itu jumlah dan persentasenya "
                      "sama-sama benar.",
                f"Change {old} to {new} at {where}: with that figure both the sum and the percentage are right.")


def sums(f: Finding, lang: str) -> str:
    """B401: a total is not the sum of its rows."""
    v = f.values
    if "stated" not in v or "computed" not in v or not f.locations:
        return generic(f, lang)
    total = f.locations[0]
    field = _FIELD_WORDS.get(str(v.get("field")), ("jumlah", "total"))
    stated, right = _printed(total.text or "", v["stated"], lang), number(v["computed"], lang)
    fix_total = pick(lang, f"ubah {field[0]} {stated} menjadi {right}{at([total], 'id')} (jumlah rinciannya)",
                     f"change the {field[1]} {stated} to {right}{at([total], 'en')} (the sum of its rows)")
    rows = pick(lang, f", atau perbaiki rincian di bawahnya sehingga jumlahnya {stated}.",
                f", or correct the rows below it so that they add up to {stated}.")
    cell = v.get("suggested_cell")
    if isinstance(cell, Mapping):
        return _suggested(cell, lang, alternative=False) + pick(lang, " Bila angka itu sudah benar, ",
                                                                 " If that figure is right, ") + fix_total + rows
    return fix_total[0].upper() + fix_total[1:] + rows


def malformed_number(f: Finding, lang: str) -> str:
    """F201/F202: a figure written wrongly (a space inside, wrong grouping, the English convention)."""
    v = f.values
    if "value" not in v or "text" not in v:
        return generic(f, lang)
    value = v["value"]
    text = str(v["text"])
    decimals = 0 if float(value).is_integer() else 2
    right = number(value, lang, decimals, convention="us" if f.rule == "F202" and v.get("expected") == "us" else "id")
    where = at(f.locations, lang, column=False)
    return pick(lang, f"Tulis {text} sebagai {right}{where}.", f"Write {text} as {right}{where}.")


def nip(f: Finding, lang: str) -> str:
    """N601/N602: a NIP that cannot be right; N603: one person with several NIPs; N604: one NIP, several names."""
    v = f.values
    if f.rule == "N603" and v.get("nips"):
        counts = [sum(1 for loc in f.locations if loc.text == n) for n in v["nips"]]
        if sum(counts) == len(f.locations):
            ordered = sorted(zip(v["nips"], counts), key=lambda p: -p[1])
            locs = [loc for n, _ in ordered for loc in f.locations if loc.text == n]
            return _disagreement(f, lang, f"NIP {f.subject}", f"the NIP of {f.subject}", [n for n, _ in ordered],
                                 [c for _, c in ordered], locs)
        return pick(lang, f"Samakan NIP {f.subject} ({join(list(v['nips']), 'id')}) sesuai SK kepegawaiannya.",
                    f"Make the NIP of {f.subject} ({join(list(v['nips']), 'en')}) the same, as in the personnel "
                    "records.")
    if f.rule == "N604":
        names = join([str(n) for n in v.get("names", ())], lang)
        return pick(lang, f"NIP {v.get('nip', f.subject)} tertulis untuk {names}: samakan nama pemiliknya atau "
                          f"perbaiki NIP yang salah ({pages(f.locations, 'id')}).",
                    f"NIP {v.get('nip', f.subject)} is printed for {names}: write one name for it or correct the "
                    f"wrong NIP ({pages(f.locations, 'en')}).")
    where = pages(f.locations, lang)
    return pick(lang, f"Cocokkan NIP {v.get('nip', '')} milik {f.subject} dengan SK kepegawaiannya dan perbaiki"
                      f"{' pada ' + where if where else ''}.",
                f"Check NIP {v.get('nip', '')} of {f.subject} against the personnel records and correct it"
                f"{' on ' + where if where else ''}.")


def words_and_figure(f: Finding, lang: str) -> str:
    """B406/C502: an amount in words (terbilang) does not say the figure beside it."""
    v = f.values
    if "figure" not in v:
        return generic(f, lang)
    figure = number(v["figure"], lang)
    said = f" ({number(v['words_value'], lang)})" if v.get("words_value") is not None else ""
    where = at(f.locations, lang, column=False)
    return pick(lang, f"Samakan angka {figure} dengan terbilangnya “{v.get('words', '')}”{said}{where}: "
                      "ubah angkanya atau kata-katanya.",
                f"Make the figure {figure} and its words “{v.get('words', '')}”{said} agree{where}: change "
                "the figure or the words.")


def counts(f: Finding, lang: str) -> str:
    """C501: the text states a number of programs/activities that the tables contradict."""
    v = f.values
    if "stated" not in v or "counted" not in v:
        return generic(f, lang)
    noun = str(v.get("noun", ""))
    text_locs = [loc for loc in f.locations if not loc.table] or f.locations[:1]
    table_locs = [loc for loc in f.locations if loc.table]
    head = pick(lang, f"Ubah “{v['stated']} {noun}” menjadi “{v['counted']} {noun}”{at(text_locs, 'id')}",
                f"Change “{v['stated']} {noun}” to “{v['counted']} {noun}”{at(text_locs, 'en')}")
    if table_locs:
        head += pick(lang, f", atau lengkapi/perbaiki tabel{at(table_locs, 'id', column=False)}",
                     f", or complete/correct the table{at(table_locs, 'en', column=False)}")
    return head + "."


def chapter(f: Finding, lang: str) -> str:
    """S101: a chapter of the PermenPANRB 53/2014 format is missing."""
    return pick(lang, f"Tambahkan bagian “{f.subject}” sesuai sistematika PermenPANRB 53/2014, atau beri bagian "
                      "yang sudah ada judul yang sesuai.",
                f"Add the part “{f.subject}” required by PermenPANRB 53/2014, or give the existing part a "
                "heading that names it.")


def table_reference(f: Finding, lang: str) -> str:
    """S102: the text refers to a table number that does not exist, or table numbers skip one."""
    v = f.values
    label = v.get("table", "")
    if v.get("previous"):
        return pick(lang, f"Nomor tabel melompat dari Tabel {v['previous']} ke Tabel {label}"
                          f"{at(f.locations[-1:], 'id', column=False)}: beri nomor ulang tabel-tabelnya atau "
                          "tambahkan tabel yang hilang.",
                    f"Table numbers jump from Tabel {v['previous']} to Tabel {label}"
                    f"{at(f.locations[-1:], 'en', column=False)}: renumber the tables or add the missing one.")
    return pick(lang, f"Teks{at(f.locations, 'id', column=False)} merujuk ke Tabel {label} yang tidak ada: "
                      "perbaiki nomor rujukannya atau beri nomor itu pada tabel yang dimaksud.",
                f"The text{at(f.locations, 'en', column=False)} refers to Tabel {label}, which does not exist: "
                "correct the reference or give the table that number.")


def year_or_date(f: Finding, lang: str) -> str:
    """D701: a year that is not the report's year; D702: a date that cannot be right."""
    v = f.values
    where = at(f.locations, lang, column=False)
    if f.rule == "D701" and "year" in v and "expected" in v:
        return pick(lang, f"Ubah tahun {v['year']} menjadi {v['expected']}{where}, bila yang dimaksud tahun "
                          "laporan ini.",
                    f"Change the year {v['year']} to {v['expected']}{where}, if this report's year is meant.")
    if "signed" in v:
        return pick(lang, f"Perbaiki tanggal penandatanganan{where}: laporan tahun {v.get('tahun')} ditandatangani "
                          f"setelah {v.get('period_end')}.",
                    f"Correct the signing date{where}: the {v.get('tahun')} report is signed after "
                    f"{v.get('period_end')}.")
    return pick(lang, f"Perbaiki tanggal {v.get('date', f.subject)}{where}.",
                f"Correct the date {v.get('date', f.subject)}{where}.")


def generic(f: Finding, lang: str) -> str:
    """Any other finding: look at its places and make them agree."""
    where = places(f.locations, lang)
    if where:
        return pick(lang, f"Periksa dan perbaiki pada {where}.", f"Check and correct at {where}.")
    return pick(lang, "Periksa dan perbaiki bagian laporan yang disebut di atas.",
                "Check and correct the part of the report named above.")


BUILDERS: dict[str, Builder] = {
    "T301": target_or_realisasi, "T305": target_or_realisasi, "T302": names_or_units, "T303": names_or_units,
    "T308": copied_realisasi, "T304": computed, "B402": computed,
    "B405": computed, "B401": sums, "B404": amount_differs, "F201": malformed_number, "F202": malformed_number,
    "N601": nip, "N602": nip, "N603": nip, "N604": nip, "B406": words_and_figure, "C502": words_and_figure,
    "C501": counts, "S101": chapter, "S102": table_reference, "D701": year_or_date, "D702": year_or_date,
}


def advise(f: Finding, lang: str = "id") -> str:
    """The sentence saying what to change for one finding, in ``lang``."""
    build = BUILDERS.get(f.rule, generic)
    try:
        return build(f, lang)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return generic(f, lang)  # a value of an unexpected shape: still say where to look
