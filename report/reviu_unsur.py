"""The 23 unsur of the reviu of a Laporan Kinerja (PermenPANRB 53/2014) and what evidences each.

Three aspects — Format (6 unsur), Mekanisme Penyusunan (7) and Substansi (10) — worded as in the
LHR checklist APIP use (see the reviu criteria in the project's spec). For each unsur: the rules
whose findings are placed under it (``rules``, every rule code exactly once over all unsur), other
rules whose findings also weigh on its status (``related``), the facts of the document that show it
can be checked (``fact``), and how far lakip can verify it from the document alone (``reach``):

- ``pdf``: from the document itself;
- ``partial``: only part of it (internal consistency, heuristics) — the rest is the inspector's;
- ``doc``: needs other documents (SK tim, SOP, surat tugas, LKjIP tahun lalu …);
- ``j``: the inspector's judgement.

An unsur whose reach is ``doc`` or ``j`` is never given a status by lakip: it is left to the inspector.
"""

from __future__ import annotations

from dataclasses import dataclass

FORMAT, MEKANISME, SUBSTANSI = "format", "mekanisme", "substansi"
ASPEK_NAMES = {FORMAT: ("Format", "Format"), MEKANISME: ("Mekanisme Penyusunan", "Preparation process"),
               SUBSTANSI: ("Substansi", "Substance")}
ASPEK_ORDER = (FORMAT, MEKANISME, SUBSTANSI)


@dataclass(frozen=True)
class Unsur:
    """One unsur of the reviu checklist and its evidence."""

    key: str
    aspek: str
    number: int
    text_id: str
    text_en: str
    reach: str
    what_id: str
    what_en: str
    rules: tuple[str, ...] = ()
    related: tuple[str, ...] = ()
    fact: str = ""

    def text(self, lang: str = "id") -> str:
        """The unsur as worded in the checklist (Indonesian) or its English rendering."""
        return self.text_en if lang == "en" else self.text_id

    def what(self, lang: str = "id") -> str:
        """What lakip checks for this unsur, or why it cannot."""
        return self.what_en if lang == "en" else self.what_id


_DOC_ID = "Memerlukan dokumen lain (SK tim penyusun, SOP, surat tugas, notulen); tidak dapat diperiksa dari laporan."
_DOC_EN = "Needs other documents (team decree, SOP, assignment letters, minutes); cannot be checked from the report."
_J_ID = "Memerlukan penilaian pemeriksa; lakip tidak menilainya."
_J_EN = "Needs the inspector's judgement; lakip does not assess it."

UNSUR: tuple[Unsur, ...] = (
    Unsur("F1", FORMAT, 1, "Laporan Kinerja (LKj) telah menampilkan data penting IP",
          "The LKj shows the instansi's key data", "pdf",
          "Identitas instansi dan tahun laporan; Ikhtisar Eksekutif, Bab I–III ada; tahun pada judul, tabel dan "
          "tanda tangan; tanggal penandatanganan.",
          "Instansi and report year identified; Ikhtisar Eksekutif and chapters I–III present; years in headings, "
          "tables and signatures; signing date.",
          rules=("S101", "D701", "D702"), fact="identity"),
    Unsur("F2", FORMAT, 2, "LKj telah menyajikan informasi target kinerja",
          "The LKj presents target information", "pdf",
          "Target setiap indikator tercantum dan sama di semua tabel (Renstra, PK, capaian).",
          "Each indicator's target is printed and equal in every table (Renstra, PK, capaian).",
          rules=("T301",), related=("T306",), fact="targets"),
    Unsur("F3", FORMAT, 3, "LKj telah menyajikan capaian kinerja IP yang memadai",
          "The LKj presents adequate capaian", "pdf",
          "Realisasi dan capaian setiap indikator tercantum; capaian dihitung ulang dari target dan realisasi.",
          "Each indicator's realisasi and capaian are printed; capaian recomputed from target and realisasi.",
          rules=("T304", "T306"), related=("T305", "T308"), fact="realisasi"),
    Unsur("F4", FORMAT, 4, "Telah menyajikan dengan lampiran yang mendukung informasi pada badan laporan",
          "Annexes support the information in the body of the report", "pdf",
          "Lampiran Perjanjian Kinerja ada; rujukan tabel dalam teks menunjuk tabel yang ada.",
          "The Perjanjian Kinerja annex is present; table references in the text point to existing tables.",
          rules=("S102",), fact="pk_table"),
    Unsur("F5", FORMAT, 5, "Telah menyajikan upaya perbaikan ke depan",
          "Future improvement efforts are presented", "partial",
          "Bab IV Penutup ada; isi upaya perbaikan dinilai pemeriksa.",
          "Bab IV Penutup is present; the content of the improvement efforts is for the inspector.",
          fact="chapter:bab4"),
    Unsur("F6", FORMAT, 6, "Telah menyajikan akuntabilitas keuangan",
          "Financial accountability is presented", "pdf",
          "Tabel realisasi anggaran ada; jumlah, persentase, sisa/efisiensi, pagu antar tabel dan terbilang "
          "dihitung ulang.",
          "A budget realisation table is present; sums, percentages, sisa/efisiensi, pagu across tables and amounts "
          "in words recomputed.",
          rules=("B401", "B402", "B403", "B404", "B405", "B406"), fact="budget"),
    Unsur("M1", MEKANISME, 1, "LKj IP disusun oleh unit kerja yang memiliki tugas fungsi untuk itu",
          "The LKj is prepared by the unit charged with it", "doc", _DOC_ID, _DOC_EN),
    Unsur("M2", MEKANISME, 2, "Informasi yang disampaikan dalam LKj telah didukung dengan data yang memadai",
          "The information in the LKj is backed by adequate data", "doc", _DOC_ID, _DOC_EN,
          related=("T308",)),
    Unsur("M3", MEKANISME, 3, "Telah terdapat mekanisme penyampaian data dan informasi dari unit kerja ke unit "
          "penyusun LKj", "There is a procedure for units to deliver data to the LKj team", "doc", _DOC_ID, _DOC_EN),
    Unsur("M4", MEKANISME, 4, "Telah ditetapkan penanggung jawab pengumpulan data/informasi di setiap unit kerja",
          "Each unit has a designated person responsible for data collection", "doc", _DOC_ID, _DOC_EN),
    Unsur("M5", MEKANISME, 5, "Data/informasi kinerja yang disampaikan dalam LKj telah diyakini keandalannya",
          "The performance data in the LKj are reliable", "partial",
          "Konsistensi internal: realisasi antar tabel, penulisan angka, jumlah dalam narasi, angka dan kata, "
          "NIP dan nama penandatangan, tabel yang tidak terbaca. Kebenaran terhadap data dukung perlu diperiksa "
          "pemeriksa.",
          "Internal consistency: realisasi across tables, number formats, counts in the text, numbers and words, "
          "signatories' NIPs and names, unreadable tables. Truth against the evidence is for the inspector.",
          rules=("T305", "T308", "F201", "F202", "C501", "C502", "N601", "N602", "N603", "N604", "S103",
                 "X801", "X802", "X805", "X806")),
    Unsur("M6", MEKANISME, 6, "Analisis/penjelasan dalam LKj telah diketahui oleh unit kerja terkait",
          "The analysis in the LKj is known to the units concerned", "doc", _DOC_ID, _DOC_EN),
    Unsur("M7", MEKANISME, 7, "LKj IP bulanan merupakan gabungan partisipasi dari dibawahnya.",
          "The LKj combines the contributions of the units below", "doc", _DOC_ID, _DOC_EN),
    Unsur("S1", SUBSTANSI, 1, "Tujuan/sasaran dalam LKj telah sesuai dengan tujuan/sasaran dalam perjanjian kinerja",
          "The LKj's goals/sasaran match the Perjanjian Kinerja", "pdf",
          "Sasaran dan indikator Bab III sama dengan Perjanjian Kinerja yang dilampirkan.",
          "The sasaran and indicators of Bab III equal those of the annexed Perjanjian Kinerja.",
          rules=("T302",), related=("T301",), fact="pk_table"),
    Unsur("S2", SUBSTANSI, 2, "Tujuan/sasaran dalam LKj telah selaras dengan rencana strategis",
          "The LKj's goals/sasaran are aligned with the Renstra", "pdf",
          "Tabel target jangka menengah (Renstra) ada dalam laporan; arah target antar tahun.",
          "A medium-term (Renstra) target table is in the report; the targets' direction over the years.",
          rules=("T307", "X804"), fact="renstra_table"),
    Unsur("S3", SUBSTANSI, 3, "Jika butir 1 dan 2 jawabannya tidak, maka terdapat penjelasan yang memadai",
          "If items 1 and 2 are no, an adequate explanation is given", "j", _J_ID, _J_EN),
    Unsur("S4", SUBSTANSI, 4, "Tujuan/sasaran dalam LKj telah sesuai dengan tujuan/sasaran dalam Indikator Kinerja",
          "The LKj's goals/sasaran match the performance indicators", "pdf",
          "Setiap sasaran diukur dengan indikator yang sama di semua tabel.",
          "Each sasaran is measured by the same indicator in every table.",
          related=("T302",), fact="targets"),
    Unsur("S5", SUBSTANSI, 5, "Tujuan/sasaran dalam LKj telah sesuai dengan tujuan/sasaran dalam Indikator Kinerja "
          "Utama", "The LKj's goals/sasaran match the IKU", "pdf",
          "Tabel IKU ada dalam laporan; indikatornya sama dengan tabel capaian.",
          "An IKU table is in the report; its indicators equal the capaian table's.",
          related=("T302",), fact="iku_table"),
    Unsur("S6", SUBSTANSI, 6, "Jika butir 4 dan 5 jawabannya tidak, maka terdapat penjelasan yang memadai",
          "If items 4 and 5 are no, an adequate explanation is given", "j", _J_ID, _J_EN),
    Unsur("S7", SUBSTANSI, 7, "Telah terdapat perbandingan data kinerja dengan tahun lalu, standar nasional dan "
          "sebagainya yang bermanfaat", "Performance is compared with last year, national standards and the like",
          "partial",
          "Realisasi tahun sebelumnya atau target jangka menengah disajikan untuk dibandingkan; kesamaannya "
          "dengan LKjIP tahun lalu hanya diperiksa oleh lakip batch (X803).",
          "Previous years' realisasi or medium-term targets are presented for comparison; their equality with "
          "last year's LKjIP is only checked by lakip batch (X803).",
          rules=("X803",), fact="previous_year"),
    Unsur("S8", SUBSTANSI, 8, "IKU dan IK telah cukup mengukur tujuan/sasaran",
          "The IKU and indicators adequately measure the goals/sasaran", "j", _J_ID, _J_EN, related=("T306",)),
    Unsur("S9", SUBSTANSI, 9, "Jika \"tidak\" telah terdapat penjelasan yang memadai",
          "If \"no\", an adequate explanation is given", "j", _J_ID, _J_EN),
    Unsur("S10", SUBSTANSI, 10, "IKU dan IK telah SMART", "The IKU and indicators are SMART", "partial",
          "Heuristik saja: satuan indikator tetap dan sesuai dengan namanya. Spesifik, relevan dan berjangka "
          "waktu dinilai pemeriksa.",
          "Heuristics only: each indicator has one unit that fits its name. Specific, relevant and time-bound are "
          "for the inspector.",
          rules=("T303", "T309")),
)
"""The 23 unsur in checklist order."""

SECTION_UNSUR = {"bab4": "F5", "pk": "F4"}
"""S101 findings about these chapters are placed under these unsur (the others under F1)."""

CHECKABLE = ("pdf", "partial")


def by_key(key: str) -> Unsur:
    """The unsur with this key (F1 … S10)."""
    for unsur in UNSUR:
        if unsur.key == key:
            return unsur
    raise KeyError(key)
