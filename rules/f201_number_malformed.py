"""F201 number-malformed: a figure that is not a well-formed Indonesian number.

Apa yang diperiksa:
    Setiap angka di sel tabel dan di teks: pemisah ribuan harus setiap tiga
    angka (``2.949.374059`` salah), tanpa spasi di dalam angka
    (``4. 603.119.714``), tanpa campuran titik dan koma yang tidak masuk
    akal, dan tanpa "desimal" yang sebenarnya kelompok ribuan yang kehilangan
    pemisahnya (``Rp. 970.826047,-``: rupiah tidak punya empat desimal).
    Kode rekening/program (``5.1.02.01``), tanggal (``20.01.2025``) dan sel
    di kolom "Kode" bukan angka dan tidak diperiksa, begitu pula nomor
    identitas: NIP dan NI PPPK berkelompok (``19720112 201105 2 038``,
    ``19720112.201105.2.038``), NPWP, nomor telepon, nomor rekening, jam
    (``08.00``), nomor peraturan, halaman dan versi, serta sel di kolom
    NIP/Telp/NPWP/Kode (kata-katanya di ``vocab/identifiers.toml``). Angka
    yang dikelompokkan dengan spasi (``4 760 149 793``) dan tiga desimal
    (``96,445``) bukan salah tulis. Satu temuan per angka yang tercetak sama,
    dengan semua tempatnya.

Mengapa penting:
    Angka yang salah tulis dapat dibaca berbeda oleh pembaca dan oleh aplikasi
    (SAKIP, spreadsheet), dan sering menandai angka yang diketik ulang secara
    manual.

Contoh:
    Tabel 3.8 mencetak realisasi "2.949.374059" (maksudnya 2.949.374.059) dan
    teks menulis "Rp. 4. 603.119.714,-" (maksudnya 4.603.119.714).
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from lakip.values.figures import Figure, format_id, identifier_words, is_identifier
from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts, FigureMention

_COLUMN_LISTS = ("code_words", "nip_labels", "pppk_labels", "phone_words", "npwp_words", "time_words")
"""Lists of vocab/identifiers.toml whose words, in a column header, make the column one of identifiers or times."""
_DATE_LIKE = re.compile(r"^\d{1,2}[./\-]\d{1,2}[./\-](?:\d{2}|\d{4})$")


def _need(facts: Facts) -> Optional[tuple[str, str]]:
    """The rule needs figures (from tables or text)."""
    return None if facts.figures else ("tidak ada angka yang terbaca", "no figures were read")


RULE = Rule(
    code="F201",
    slug="number-malformed",
    severity="warning",
    kriteria=(
        "Pedoman Umum Ejaan Bahasa Indonesia: tanda titik memisahkan bilangan ribuan dan koma menandai "
        "desimal; angka dalam LKjIP ditulis utuh dan konsisten.",
        "Indonesian spelling rules: a full stop separates thousands and a comma marks decimals; figures "
        "in an LKjIP are written whole and consistently.",
    ),
    sebab=(
        "Angka diketik ulang secara manual, bukan disalin dari sumber datanya.",
        "The figure was retyped by hand, not copied from its source.",
    ),
    akibat=(
        "Angka dapat dibaca berbeda oleh pembaca dan aplikasi (e-SAKIP, spreadsheet).",
        "The figure can be read differently by readers and by software (e-SAKIP, spreadsheets).",
    ),
    rekomendasi=(
        "Memperbaiki penulisan angka dan mencocokkannya dengan dokumen sumber.",
        "Correct the figure and check it against its source document.",
    ),
    summary_id="Angka yang tidak ditulis sebagai angka Indonesia yang baku",
    summary_en="A figure that is not a well-formed Indonesian number",
    messages={
        "space-inside": (
            "Angka {subject} memuat spasi di dalamnya; mungkin maksudnya {suggestion}",
            "Figure {subject} has a space inside it; probably {suggestion} was meant",
        ),
        "bad-grouping": (
            "Angka {subject} tidak dikelompokkan per tiga angka; mungkin maksudnya {suggestion}",
            "Figure {subject} is not grouped in threes; probably {suggestion} was meant",
        ),
        "mixed-separators": (
            "Angka {subject} mencampur titik dan koma sebagai pemisah; mungkin maksudnya {suggestion}",
            "Figure {subject} mixes dots and commas as separators; probably {suggestion} was meant",
        ),
    },
    needs=_need,
)


def core_text(text: str) -> str:
    """A figure as printed without 'Rp.', ',-' and surrounding space: the part that is malformed."""
    t = re.sub(r"^\s*(?:Rp\.?|IDR)\s*", "", text.strip(), flags=re.I)
    t = re.sub(r"\s*[,.]\s*-{1,2}\s*$", "", t)
    return re.sub(r"\s+", " ", t).strip()


def is_code(text: str) -> bool:
    """Whether a dotted number is a code or date rather than a quantity ('5.1.02.01', '20.01.2025')."""
    t = core_text(text)
    if _DATE_LIKE.match(t):
        return True
    groups = re.split(r"[.,]\s*", re.sub(r",\d{1,2}$", "", t) if "." in t else t)  # cents are not a code part
    if len(groups) < 3:
        return False
    short = [g for g in groups[1:] if len(g) <= 2]
    return len(short) >= 2 or any(len(g) < 3 and g.startswith("0") for g in groups[1:])


def slip(fig: Figure) -> Optional[tuple[str, float, int]]:
    """(issue, meant value, decimals) of a malformed figure, or None for a well-formed one.

    Besides the parser's slips, an amount with more decimals than money has
    ('Rp. 970.826047,-', 'Rp 4.760,1497') or a dotted figure with four or more
    digits after its only dot ('970.826047') is a thousands group that lost its separator.
    """
    if fig.value is None or is_code(fig.text) or is_identifier(core_text(fig.text)):
        return None
    if fig.is_malformed:
        return fig.issue or "bad-grouping", fig.value, fig.decimals
    core = core_text(fig.text)
    lost_group = re.fullmatch(r"\d{1,3}\.\d{4,}", core) is not None
    if (fig.is_currency and fig.decimals > 2) or lost_group:
        return "bad-grouping", float(re.sub(r"\D", "", core)), 0
    return None


def identifier_column(m: FigureMention) -> bool:
    """Whether a figure is in a column of codes, identifiers or times (Kode Rekening, NIP, Telp, NPWP, Jam)."""
    column = m.source.column or ""
    return m.in_table and bool(column) and any(identifier_words(key).search(column) for key in _COLUMN_LISTS)


def _counts(m: FigureMention) -> Optional[tuple[str, float, int]]:
    """The slip of a figure this rule reports (not a code, not in a code or identifier column), or None."""
    if identifier_column(m):
        return None
    return slip(m.figure)


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per distinct malformed figure, with every place it is printed."""
    groups: dict[str, list[tuple[FigureMention, tuple[str, float, int]]]] = {}
    for m in facts.figures:
        found = _counts(m)
        if found:
            groups.setdefault(core_text(m.figure.text), []).append((m, found))
    for text, items in groups.items():
        issue, meant, decimals = items[0][1]
        value = meant if decimals else int(round(meant))
        items.sort(key=lambda x: (x[0].source.page or 10**6, not x[0].in_table))
        yield RULE.finding(subject=text, values={"text": text, "value": value, "issue": issue},
                           locations=[Location.of(m.source, text=m.figure.text) for m, _ in items],
                           variant=issue if issue in RULE.messages else "bad-grouping",
                           extra={"suggestion": format_id(meant, decimals)})
