"""Sentences of the report in several wordings, and the signature blocks."""

from __future__ import annotations

import datetime as dt

from .doc import Para
from .layout import Layout
from .model import BudgetNode, Indicator, Person, Report
from .numfmt import group, rupiah_words, words
from .values import ind_value, node_pct, percent, prose_money, prose_pct

MONTHS = ("", "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
          "Oktober", "November", "Desember")


def tanggal(day: dt.date) -> str:
    """``20 Januari 2025``."""
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def nip_text(nip: str, spaced: bool) -> str:
    """A NIP as printed: ``19720121 199903 1 007`` or unspaced."""
    return f"{nip[:8]} {nip[8:14]} {nip[14]} {nip[15:]}" if spaced and len(nip) == 18 else nip


def count(n: int, noun: str, model: Report) -> str:
    """``3 (tiga) program``, with a planted stated number or planted words when present."""
    stated = dict(model.overrides.counts).get(noun, n)
    spoken = dict(model.overrides.count_words).get(noun, stated)
    return f"{stated} ({words(spoken)}) {noun}"


def signature(person: Person, place_date: str, title: str, layout: Layout, alt: bool = False) -> list[Para]:
    """A signature block: place and date, position, name, rank, NIP (or NI PPPK)."""
    name = (person.alt_name if alt and person.alt_name else person.name)
    nip = person.alt_nip if alt and person.alt_nip else person.nip
    lines = [Para(place_date, "sign")] if place_date else []
    lines += [Para(title + ",", "sign"), Para("", "sign"),
              Para(name.upper() if layout.name_upper_in_signature else name, "sign", bold=True)]
    if person.pangkat:
        lines.append(Para(person.pangkat, "sign"))
    if nip:
        lines.append(Para(("NI PPPK. " if person.pppk else "NIP. ") + nip_text(nip, layout.nip_spaced), "sign"))
    return lines


def funding(model: Report, layout: Layout, programs: int, kegiatan: int, subs: int) -> str:
    """The summary sentence on counts, pagu, realisasi and penyerapan."""
    b = model.budget
    counts = f"{count(programs, 'program', model)}, {count(kegiatan, 'kegiatan', model)} dan {count(subs, 'sub kegiatan', model)}"
    pagu, real, p = prose_money(b.pagu, layout), prose_money(b.realisasi, layout), prose_pct(node_pct(b))
    if model.overrides.malformed_amount:
        real = real.replace(group(b.realisasi), group(b.realisasi).replace(".", ". ", 1))
    return (
        f"Sumber dana yang tersedia pada tahun {model.year} untuk menyelenggarakan {counts} sebesar {pagu} dengan realisasi sebesar {real} atau {p}.",
        f"Pada tahun anggaran {model.year}, {model.instansi} melaksanakan {counts} dengan pagu anggaran {pagu}, terealisasi {real} ({p}).",
        f"Untuk {counts}, {model.instansi} memperoleh alokasi anggaran {pagu}; realisasinya mencapai {real} atau {p} dari pagu.",
    )[layout.prose % 3]


def targets_sentence(model: Report, layout: Layout) -> str:
    """How many sasaran and indicators the report measures."""
    s, i = len(model.sasaran), len(model.indicators)
    return (
        f"{model.instansi} menetapkan {count(s, 'sasaran strategis', model)} yang diukur dengan {count(i, 'indikator kinerja', model)}.",
        f"Kinerja {model.instansi} tahun {model.year} diukur melalui {count(s, 'sasaran strategis', model)} dan {count(i, 'indikator kinerja', model)}.",
        f"Terdapat {count(s, 'sasaran strategis', model)} dengan {count(i, 'indikator kinerja', model)} yang ditetapkan dalam Renstra.",
    )[layout.prose % 3]


def total_words(model: Report, layout: Layout) -> str:
    """The budget with its amount in words."""
    b = model.budget
    spoken = model.overrides.terbilang_amount or b.pagu
    return (
        f"Dalam melaksanakan program dan kegiatan tahun {model.year}, {model.instansi} didukung anggaran sebesar {prose_money(b.pagu, layout)} ({rupiah_words(spoken)}).",
        f"Anggaran {model.instansi} tahun {model.year} berjumlah {prose_money(b.pagu, layout)} (terbilang: {rupiah_words(spoken)}).",
        f"Pagu anggaran tahun {model.year} adalah {prose_money(b.pagu, layout)} ({rupiah_words(spoken)}) sesuai DPA.",
    )[layout.prose % 3]


def efisiensi_sentence(model: Report, layout: Layout) -> str:
    """The efisiensi statement: pagu − realisasi and 100 − penyerapan."""
    b = model.budget
    sisa = model.overrides.efisiensi_amount or (b.pagu - b.realisasi)
    eff = prose_pct(100 - node_pct(b))
    return (
        f"Dari alokasi {prose_money(b.pagu, layout)} yang diserap sebesar {prose_money(b.realisasi, layout)}, terdapat efisiensi sebesar {eff} yaitu sebesar {prose_money(sisa, layout)}.",
        f"Efisiensi anggaran tahun {model.year} sebesar {prose_money(sisa, layout)} atau {eff} dari pagu {prose_money(b.pagu, layout)} (realisasi {prose_money(b.realisasi, layout)}).",
        f"Sisa anggaran (efisiensi) sebesar {prose_money(sisa, layout)} atau {eff}, dengan realisasi {prose_money(b.realisasi, layout)} dari pagu {prose_money(b.pagu, layout)}.",
    )[layout.prose % 3]


def node_sentence(node: BudgetNode, layout: Layout, prefix: str) -> str:
    """A program/kegiatan/sub kegiatan with its pagu, realisasi and %."""
    pagu, real, p = prose_money(node.pagu, layout), prose_money(node.realisasi, layout), prose_pct(node_pct(node))
    return (
        f"{prefix}{node.name} dengan alokasi dana sebesar {pagu} terealisasi sebesar {real} atau {p}.",
        f"{prefix}{node.name} dialokasikan anggaran {pagu} dengan realisasi {real} ({p}).",
        f"{prefix}{node.name}: pagu {pagu}, realisasi {real}, tingkat penyerapan {p}.",
    )[layout.prose % 3]


def indicator_sentence(model: Report, layout: Layout, ind: Indicator, cap) -> str:
    """One indicator's target, realisasi and capaian in words."""
    t, r = ind_value(ind, ind.target(model.year)), ind_value(ind, ind.realisasi)
    c = prose_pct(cap) if cap is not None else "-"
    unit = "" if ind.unit == "%" else f" {ind.unit}"
    pct_sign = "%" if ind.unit == "%" else ""
    return (
        f"Indikator {ind.name} dengan target {t}{pct_sign}{unit} terealisasi {r}{pct_sign}{unit}, sehingga capaian kinerjanya {c}.",
        f"Pada indikator {ind.name}, realisasi tahun {model.year} sebesar {r}{pct_sign}{unit} dari target {t}{pct_sign}{unit} atau capaian {c}.",
        f"{ind.name}: target {t}{pct_sign}{unit}, realisasi {r}{pct_sign}{unit}, capaian {c}.",
    )[layout.prose % 3]


def see_table(label: str | None, what: str, layout: Layout) -> str:
    """A sentence pointing at a table (by number when captions are numbered)."""
    where = f"pada {label}" if label else "pada tabel berikut"
    return (f"{what} dapat dilihat {where}.", f"Rincian {what.lower()} disajikan {where}.",
            f"{what} ditunjukkan {where}.")[layout.prose % 3]


def percent_in_text(value, layout: Layout) -> str:
    """A percentage for inline use that follows the layout's table style."""
    return percent(value, layout)
