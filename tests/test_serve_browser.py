"""`lakip serve` as the planning staff use it: Debian's headless Chromium driven by Playwright.

Upload the sample, wait, see the findings and what to fix, open the full report, download the
working paper; drop the DOCX on the page; do it all again without JavaScript; and get a clear
error page for a PNG renamed to .pdf. Screenshots go to the test's folder, and also to
``$LAKIP_SCREENSHOTS`` when set (the README's pictures are taken this way).
"""

from __future__ import annotations

import base64
import io
import os
import shutil
from pathlib import Path

import pytest

import serve_process
from lakip.config import Settings
from lakip.ingest.errors import IngestError
from lakip.pipeline import check_file

pytestmark = pytest.mark.slow

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
SAMPLE_DOCX = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"
CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
WAIT_MS = 180_000


def _needs(what: str) -> None:
    """Skip without a browser stack; in CI (env CI set) fail instead."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} is missing: .ci/run installs it")
    pytest.skip(f"{what} is not installed")


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium (Debian's) under Playwright."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _needs("playwright (pip)")
    if not Path(CHROMIUM).exists():
        _needs("chromium (apt)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real `lakip serve` on a free port, its uploads in a watched temporary folder."""
    temp = tmp_path_factory.mktemp("uploads")
    served = serve_process.start("--timeout", "180", tmpdir=temp)
    try:
        yield served, temp
    finally:
        served.stop()


def shot(page, tmp_path: Path, name: str) -> Path:
    """Save a screenshot in the test folder (and in $LAKIP_SCREENSHOTS when set)."""
    path = tmp_path / name
    page.screenshot(path=str(path))
    extra = os.environ.get("LAKIP_SCREENSHOTS")
    if extra:
        Path(extra).mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, Path(extra) / name)
    assert path.stat().st_size > 10_000
    return path


def png_bytes() -> bytes:
    """A real PNG image."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (60, 40), (30, 120, 200)).save(out, format="PNG")
    return out.getvalue()


def test_upload_wait_findings_download(browser, server, tmp_path):
    from openpyxl import load_workbook

    served, temp = server
    findings = check_file(SAMPLE_PDF, Settings()).outcome.findings
    context = browser.new_context(accept_downloads=True, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    try:
        page.goto(served.url)
        assert "Pemeriksaan mandiri" in page.inner_text("h1")
        page.set_input_files("#berkas", str(SAMPLE_PDF))
        assert page.inner_text("#chosen") == SAMPLE_PDF.name
        shot(page, tmp_path, "serve-upload.png")
        page.click("#submit")
        page.wait_for_selector("#fixes", timeout=WAIT_MS)
        assert page.locator("li.fix").count() == len(findings)
        t301 = next(f for f in findings if f.rule == "T301")
        shown = page.locator("li.fix[data-rule='T301'] .advice").inner_text()
        assert shown.startswith("Ubah ") and " menjadi " in shown and "atau sebaliknya" in shown
        assert all(f"halaman {loc.page}" in shown for loc in t301.locations[-1:])
        report = page.frame_locator("#report")
        report.locator("#verdict").wait_for(timeout=30_000)
        assert report.locator(".finding").count() == len(findings)
        shot(page, tmp_path, "serve-report.png")
        with page.expect_download() as info:
            page.click("#download-xlsx")
        saved = tmp_path / "kertas-kerja.xlsx"
        info.value.save_as(str(saved))
        assert info.value.suggested_filename.endswith("-kertas-kerja.xlsx")
        book = load_workbook(saved)
        assert book["Temuan"].max_row == len(findings) + 1
        assert list(temp.iterdir()) == [], "the upload is gone once checked"
    finally:
        context.close()


def test_png_renamed_pdf_gets_an_error_page(browser, server, tmp_path):
    served, _ = server
    page = browser.new_page()
    try:
        page.goto(served.url)
        page.set_input_files("#berkas", files=[{"name": "gambar.pdf", "mimeType": "application/pdf",
                                                 "buffer": png_bytes()}])
        with page.expect_response(lambda r: r.url.endswith("/periksa")) as response:
            page.click("#submit")
        assert response.value.status == 415
        page.wait_for_selector("#failure")
        assert page.inner_text("#message") == IngestError("not-pdf", "gambar.pdf").message("id")
        shot(page, tmp_path, "serve-error.png")
    finally:
        page.close()


def test_drop_a_docx_on_the_page(browser, server):
    served, _ = server
    findings = check_file(SAMPLE_DOCX, Settings()).outcome.findings
    page = browser.new_page()
    try:
        page.goto(served.url)
        data = base64.b64encode(SAMPLE_DOCX.read_bytes()).decode()
        transfer = page.evaluate_handle(
            """([name, data]) => {
                const bytes = Uint8Array.from(atob(data), c => c.charCodeAt(0));
                const t = new DataTransfer();
                t.items.add(new File([bytes], name, {type: "application/octet-stream"}));
                return t;
            }""", [SAMPLE_DOCX.name, data])
        page.dispatch_event("#drop", "drop", {"dataTransfer": transfer})
        page.wait_for_selector("#fixes", timeout=WAIT_MS)
        assert page.locator("li.fix").count() == len(findings)
        assert SAMPLE_DOCX.name in page.inner_text("#summary")
    finally:
        page.close()


def test_works_without_javascript(browser, server):
    served, _ = server
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(served.url)
        page.set_input_files("#berkas", str(SAMPLE_PDF))
        page.click("#submit")
        page.wait_for_selector("#fixes", timeout=WAIT_MS)
        assert page.locator("li.fix").count() > 0
        assert page.locator("#download-json").get_attribute("href").endswith("/temuan.json")
    finally:
        context.close()
