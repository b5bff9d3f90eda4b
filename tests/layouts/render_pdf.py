"""PDF routes: DOCX → PDF with LibreOffice (one call for many files), HTML → PDF with Chromium."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path


def soffice() -> str | None:
    """The LibreOffice binary, if installed."""
    return shutil.which("soffice") or shutil.which("libreoffice")


def chromium() -> str | None:
    """The Chromium binary, if installed."""
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def docx_to_pdf(paths: list[Path], outdir: Path, timeout: int = 900) -> list[Path]:
    """Convert many DOCX files in one LibreOffice call with a private profile; the PDFs written."""
    binary = soffice()
    if binary is None:
        raise RuntimeError("LibreOffice (soffice) is not installed")
    outdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        cmd = [binary, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(outdir)] + [str(p) for p in paths]
        subprocess.run(cmd, check=True, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return [outdir / (p.stem + ".pdf") for p in paths if (outdir / (p.stem + ".pdf")).is_file()]


def html_to_pdf(path: Path, pdf: Path, timeout: int = 180) -> Path:
    """Print one HTML file to PDF with headless Chromium (private profile, no header/footer)."""
    binary = chromium()
    if binary is None:
        raise RuntimeError("Chromium is not installed")
    with tempfile.TemporaryDirectory(prefix="chromium-profile-") as profile:
        cmd = [binary, "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={profile}",
               "--no-pdf-header-footer", f"--print-to-pdf={pdf}", Path(path).resolve().as_uri()]
        subprocess.run(cmd, check=True, timeout=timeout, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return pdf
