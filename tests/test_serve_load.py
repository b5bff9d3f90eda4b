"""Several uploads at once to a real `lakip serve`: every result is kept, and the limits hold."""

from __future__ import annotations

import json
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

pytest.importorskip("uvicorn")

import serve_process  # noqa: E402
from lakip.config import Settings  # noqa: E402
from lakip.pipeline import check_file  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLES = {"pdf": REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf",
           "docx": REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"}
MEDIA = {"pdf": "application/pdf",
         "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"}
JOBS = 2
TIMEOUT = 150


def test_six_concurrent_uploads_are_all_kept(tmp_path):
    expected = {kind: len(check_file(path, Settings()).outcome.findings) for kind, path in SAMPLES.items()}
    served = serve_process.start("--jobs", str(JOBS), "--timeout", str(TIMEOUT), tmpdir=tmp_path)
    kinds = ["pdf", "docx"] * 3
    try:
        def send(i: int) -> tuple[int, str]:
            kind = kinds[i]
            status, location, _ = serve_process.post_file(served.url, f"laporan-{i}.{kind}",
                                                          SAMPLES[kind].read_bytes(), MEDIA[kind])
            return status, location

        start = time.monotonic()
        with ThreadPoolExecutor(len(kinds)) as pool:
            sent = list(pool.map(send, range(len(kinds))))
        assert [s for s, _ in sent] == [303] * len(kinds)
        assert len({loc for _, loc in sent}) == len(kinds), "every upload has its own result"
        while any(serve_process.state(served.url, loc) in ("waiting", "running") for _, loc in sent):
            assert time.monotonic() - start < TIMEOUT * len(kinds) / JOBS
            time.sleep(0.3)
        for i, (_, location) in enumerate(sent):
            status, body = serve_process.get(served.url.rstrip("/") + location + "/temuan.json")
            assert status == 200
            data = json.loads(body)
            assert data["document"]["path"] == f"laporan-{i}.{kinds[i]}"
            assert len(data["findings"]) == expected[kinds[i]]
            status, xlsx = serve_process.get(served.url.rstrip("/") + location + "/kertas-kerja.xlsx")
            assert status == 200 and xlsx[:2] == b"PK"
        statuses = [serve_process.status(served.url, loc) for _, loc in sent]
        spans = [(st["started"], st["finished"]) for st in statuses]
        assert all(b - a <= TIMEOUT for a, b in spans), "every check within the time limit"
        assert serve_process.most_at_once(spans) <= JOBS, "no more checks at once than --jobs"
        assert list(tmp_path.iterdir()) == [], "no upload is left on disk"
    finally:
        served.stop()
