"""D701 period-inconsistent: a heading, table or signature names another year than the report's.

Apa yang diperiksa:
    Tahun yang disebut di judul laporan, judul bab/subbab, judul tabel dan
    baris tempat-tanggal tanda tangan, dibandingkan dengan tahun laporan
    (DocFacts.tahun). Yang TIDAK dianggap salah:

    * periode ("Renstra 2024-2026") dan rujukan hukum ("Nomor 53 Tahun 2014",
      "… Tahun 2019 tentang …") — tidak dihitung sebagai tahun (schemas.mentions);
    * judul yang menyebut tahun laporan DAN tahun lain (perbandingan: "Tahun
      2024 dengan Tahun 2023"), atau kata perbandingan/periode (sebelumnya,
      perbandingan, Renstra, RPJMD, jangka menengah, kondisi awal, target akhir);
    * tahun berikutnya untuk rencana atau penerbitan ("Rencana Tindak Lanjut …
      Tahun 2017" dalam laporan 2016; "Disusun 2025": tindak lanjut, mendatang,
      usulan, tahun depan, disusun, diterbitkan);
    * tanda tangan dari tahun sebelum sampai tahun sesudah tahun laporan
      (laporan ditandatangani Januari tahun berikutnya; Perjanjian Kinerja
      ditandatangani akhir tahun sebelumnya atau awal tahun berjalan).
      Laporan yang ditandatangani sebelum periodenya berakhir diperiksa D702.

    Satu temuan per judul yang tercetak sama, dengan semua tempatnya (judul
    halaman yang berulang di setiap halaman menjadi satu temuan).

Mengapa penting:
    Judul "Perjanjian Kinerja Tahun 2023" dalam laporan 2024 hampir selalu
    tanda bagian yang disalin dari laporan tahun lalu tanpa diperbarui — dan
    angkanya mungkin ikut lama.

Contoh:
    Laporan Kinerja Tahun 2024 memuat judul "PERJANJIAN KINERJA TAHUN 2023".
"""

from __future__ import annotations

import re
from typing import Iterator, Optional

from lakip.rules.base import Finding, Location, Rule
from lakip.schemas.facts import Facts, YearMention
from lakip.schemas.mentions import years_in

_OTHER_PERIOD = re.compile(
    r"\b(?:sebelum(?:nya)?|lalu|perbandingan|dibandingkan|banding|renstra|rpjmd?|rpjpd|rpd|jangka\s+menengah|"
    r"jangka\s+panjang|periode|kondisi\s+awal|baseline|tahun\s+dasar|target\s+akhir|akhir\s+periode|proyeksi|tren|"
    r"trend|historis|s\.?\s*/?\s*d\.?|sampai\s+dengan)\b", re.I)


_NEXT_YEAR = re.compile(r"\b(?:tindak\s+lanjut|mendatang|akan\s+datang|usulan|tahun\s+depan|berikutnya|disusun|"
                        r"diterbitkan|dicetak|edisi)\b", re.I)


def _need(facts: Facts) -> Optional[tuple[str, str]]:
    """The rule needs the report's year."""
    if facts.doc.tahun is None:
        return ("tahun laporan tidak dapat ditentukan", "the report's year could not be determined")
    return None


RULE = Rule(
    code="D701",
    slug="period-inconsistent",
    severity="warning",
    kriteria=(
        "PermenPANRB 53/2014: Laporan Kinerja melaporkan kinerja satu tahun anggaran; judul, tabel dan "
        "tanda tangan menyebut tahun laporan itu (atau tahun penandatanganan sesudahnya).",
        "PermenPANRB 53/2014: a Laporan Kinerja reports one budget year; headings, tables and signatures "
        "name that year (or the signing year after it).",
    ),
    sebab=(
        "Bagian disalin dari laporan tahun lain tanpa diperbarui.",
        "A part was copied from another year's report without being updated.",
    ),
    akibat=(
        "Angka di bagian itu mungkin ikut angka tahun lain.",
        "The figures in that part may be another year's.",
    ),
    rekomendasi=(
        "Memperbarui tahun dan memeriksa kembali angka pada bagian tersebut.",
        "Update the year and check that part's figures again.",
    ),
    summary_id="Judul, tabel atau tanda tangan menyebut tahun lain daripada tahun laporan",
    summary_en="A heading, table or signature names another year than the report's",
    messages={
        "heading": (
            "Judul \"{subject}\" menyebut tahun {year}, padahal laporan ini tentang tahun {expected}",
            "Heading \"{subject}\" names the year {year}, but the report covers {expected}",
        ),
        "caption": (
            "Judul tabel \"{subject}\" menyebut tahun {year}, padahal laporan ini tentang tahun {expected}",
            "Table caption \"{subject}\" names the year {year}, but the report covers {expected}",
        ),
        "title": (
            "Judul laporan \"{subject}\" menyebut tahun {year}, padahal isi laporan tentang tahun {expected}",
            "Report title \"{subject}\" names the year {year}, but the report covers {expected}",
        ),
        "signature": (
            "Tanggal tanda tangan \"{subject}\" bertahun {year}, jauh dari tahun laporan {expected}",
            "Signature date \"{subject}\" is in {year}, far from the report's year {expected}",
        ),
    },
    needs=_need,
)


def expected_elsewhere(mention: YearMention, tahun: int) -> bool:
    """Whether a mention may rightly name another year (a comparison, a period, a plan for the next year,
    a nearby signing year)."""
    if mention.context == "signature":
        return tahun - 1 <= mention.year <= tahun + 1
    if mention.year == tahun + 1 and _NEXT_YEAR.search(mention.text):
        return True
    return tahun in years_in(mention.text) or bool(_OTHER_PERIOD.search(mention.text))


def check(facts: Facts) -> Iterator[Finding]:
    """Yield one finding per heading/caption/title/signature text that names another year."""
    tahun = facts.doc.tahun
    if tahun is None:
        return
    groups: dict[tuple[int, str, str], list[YearMention]] = {}
    for m in facts.years:
        if m.year == tahun or expected_elsewhere(m, tahun):
            continue
        text = re.sub(r"\s+", " ", m.text).strip()
        groups.setdefault((m.year, text, m.context), []).append(m)
    for (year, text, context), mentions in groups.items():
        subject = text if len(text) <= 160 else text[:157] + "..."
        yield RULE.finding(subject=subject, values={"year": year, "expected": tahun, "context": context},
                           locations=[Location.of(m.source) for m in mentions],
                           variant=context if context in RULE.messages else "heading",
                           extra={"year": str(year), "expected": str(tahun)})
