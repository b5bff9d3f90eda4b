"""Warm the process that forks the per-document workers, so each fork does not import and compile again.

Checking a report imports much on first use (the DOCX and PDF readers, pandera's
checks and what they pull in: scipy, hypothesis) and fills caches (compiled
vocabulary patterns). A worker forked from a cold process pays that in every
document — measured, about 0.8 s of a 1.4 s check of a generated DOCX. Checking
one small text report in the forking process once before the batch (the local
parent, or each dask worker) makes every fork start warm. The caches are keyed
by what they depend on (the vocabulary extension, the entries), so a warm cache
never changes a finding.
"""

from __future__ import annotations

import functools
import tempfile
from pathlib import Path

_TEXT = """LAPORAN KINERJA INSTANSI PEMERINTAH (LKjIP)
KECAMATAN CONTOH TAHUN 2024
BAB I PENDAHULUAN
Kecamatan Contoh melaksanakan 1 (satu) program dengan anggaran Rp 1.000.000,00.
BAB III AKUNTABILITAS KINERJA
Tabel 3.1 Capaian Kinerja Tahun 2024
No\tSasaran\tIndikator Kinerja\tSatuan\tTarget\tRealisasi\tCapaian (%)
1\tMeningkatnya pelayanan\tIndeks Kepuasan Masyarakat\tIndeks\t80,00\t81,00\t101,25
Tabel 3.2 Realisasi Anggaran Tahun 2024
No\tProgram/Kegiatan\tPagu (Rp)\tRealisasi (Rp)\t%
1\tProgram Penunjang Urusan Pemerintahan\t1.000.000,00\t900.000,00\t90,00
\tJumlah\t1.000.000,00\t900.000,00\t90,00
BAB IV PENUTUP
Contoh, 10 Januari 2025
CAMAT CONTOH
NAMA CONTOH, S.Sos
NIP. 19720121 199903 1 007
"""

@functools.cache
def warm_up() -> None:
    """Import the readers and check one small text report in this process (once; never raises)."""
    try:
        import lakip.ingest.docx_reader  # noqa: F401
        import lakip.ingest.pdf_reader  # noqa: F401
        from lakip.config import Settings
        from lakip.pipeline import check_document, read

        with tempfile.TemporaryDirectory(prefix="lakip-warm-") as tmp:
            path = Path(tmp) / "contoh.txt"
            path.write_text(_TEXT, encoding="utf-8")
            check_document(read(path), Settings())
    except Exception:  # a warm-up is only an optimisation
        return
