"""The HTML report as a person sees it, opened in headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from lakip.config import Settings
from lakip.pipeline import check_file
from lakip.report import html_report, json_report

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def chromium() -> str:
    """The Chromium binary; CI must have it, elsewhere the test is skipped with the reason."""
    for name in ("chromium", "chromium-browser", "google-chrome"):
        found = shutil.which(name)
        if found:
            return found
    if os.environ.get("CI"):
        pytest.fail("Chromium is not installed; .ci/run installs Debian's chromium")
    pytest.skip("Chromium is not installed (apt-get install chromium)")


def dump_dom(browser: str, page: Path, profile: Path) -> str:
    """The DOM after the page has loaded and its scripts ran."""
    cmd = [browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", "--virtual-time-budget=10000",
           "--dump-dom", page.as_uri()]
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120, check=True).stdout


def test_report_renders_counts_and_loaded_crops(tmp_path):
    browser = chromium()
    result = check_file(SAMPLE_PDF, Settings())
    page = tmp_path / "laporan.html"
    page.write_text(html_report.render(result, "id"), encoding="utf-8")
    dom = dump_dom(browser, page, tmp_path / "profile")
    assert 'data-ready="yes"' in dom
    counts = json_report.summary_counts(result)
    for sev, n in counts.items():
        assert re.search(rf'data-severity="{sev}"><b>{n}</b>', dom)
    loaded = dom.count('data-loaded="yes"')
    assert loaded >= 1, "at least one crop image shows"
    assert 'data-loaded="no"' not in dom
    assert dom.count('class="finding ') == len(result.outcome.findings)
