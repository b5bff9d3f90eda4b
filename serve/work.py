"""What the checking process does with one upload: refuse it when it has too many pages, else check it."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from lakip.batch.worker import STATUS_FAILED, Task, WorkResult, check_task, failure

TOO_MANY_PAGES = "too-many-pages"


def page_count(path: Path) -> Optional[int]:
    """The pages of a PDF (counted without reading it), or of a DOCX as read; None when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(1024)
        if b"%PDF" in head:
            import pypdfium2 as pdfium

            pdf = pdfium.PdfDocument(str(path))
            try:
                return len(pdf)
            finally:
                pdf.close()
        from lakip.pipeline import read

        return read(path).n_pages  # a DOCX's own page count is often stale; its page breaks are not
    except Exception:  # a damaged file is for the reader to explain, with its own message
        return None


def check_upload(task: Task, max_pages: int) -> WorkResult:
    """Check an uploaded report as ``lakip check`` does, unless it has more than ``max_pages`` pages."""
    pages = page_count(Path(task.path))
    if pages is not None and pages > max_pages:
        return failure(task.path, STATUS_FAILED, TOO_MANY_PAGES,
                       f"Dokumen ini {pages} halaman; batasnya {max_pages} halaman per dokumen.",
                       f"This document has {pages} pages; the limit is {max_pages} pages per document.")
    return check_task(task)
