"""The draft LHR opens in LibreOffice: converted to PDF, its first page renders as a page with text on it."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from click.testing import CliRunner
from PIL import Image

from conftest import REPO
from layouts.render_pdf import docx_to_pdf, soffice
from lakip.cli.main import cli

SAMPLE = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"


def _need(binary, what):
    """Skip when a tool is missing, except under CI."""
    if binary is None:
        if os.environ.get("CI"):
            pytest.fail(f"{what} is required in CI")
        pytest.skip(f"{what} not installed")


@pytest.mark.slow
def test_lhr_renders_in_libreoffice_as_a_page_with_text(tmp_path):
    _need(soffice(), "LibreOffice (soffice)")
    _need(shutil.which("pdftoppm"), "pdftoppm (poppler-utils)")
    lhr = tmp_path / "lhr.docx"
    assert CliRunner().invoke(cli, ["reviu", str(SAMPLE), "--lhr", str(lhr)]).exit_code == 1
    pdfs = docx_to_pdf([lhr], tmp_path / "pdf", timeout=300)
    assert pdfs, "LibreOffice wrote no PDF"
    info = subprocess.run(["pdfinfo", str(pdfs[0])], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages >= 5                                   # front matter, three aspect tables, the statement page
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "1", str(pdfs[0]), str(tmp_path / "p")],
                   check=True, timeout=120)
    png = next(tmp_path.glob("p*.png"))
    image = Image.open(png).convert("L")
    width, height = image.size
    assert height > width                               # a portrait page
    dark = sum(image.histogram()[:128]) / (width * height)
    assert 0.005 < dark < 0.3                           # text on a white page, not blank, not black
    top = image.crop((0, 0, width, height // 4))
    assert top.getextrema()[0] < 100                    # the title block at the top of page 1
