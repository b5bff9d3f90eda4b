"""`lakip serve` through Starlette's TestClient: uploads, the findings with what to fix, downloads, limits."""

from __future__ import annotations

import io
import json
import re
import tempfile
import time
from pathlib import Path

import pytest
from markupsafe import escape

pytest.importorskip("starlette")
pytest.importorskip("httpx")

from starlette.testclient import TestClient  # noqa: E402

from lakip.batch.store import Store  # noqa: E402
from lakip.config import Settings  # noqa: E402
from lakip.ingest.errors import IngestError  # noqa: E402
from lakip.pipeline import check_file  # noqa: E402
from lakip.serve.advice import advise  # noqa: E402
from lakip.serve.app import create_app  # noqa: E402
from lakip.serve.config import ServeConfig  # noqa: E402

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.pdf"
SAMPLE_DOCX = REPO / "samples" / "lakip-kecamatan-alok-barat-2024.docx"
SCHEMA = REPO.parent / "shared" / "spec" / "findings.schema.json"
BASE = "http://127.0.0.1:8000"
PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def png_bytes() -> bytes:
    """A real PNG image."""
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 30, 30)).save(out, format="PNG")
    return out.getvalue()


def client_for(config: ServeConfig) -> TestClient:
    """A client of a fresh app, addressed by the host the app is bound to."""
    return TestClient(create_app(config), base_url=BASE)


def wait_for(client: TestClient, location: str, limit: float = 150.0):
    """The result page once the check has ended (the progress page refreshes itself until then)."""
    deadline = time.monotonic() + limit
    while True:
        state = client.get(f"{location}/status").json()["state"]
        if state not in ("waiting", "running") or time.monotonic() > deadline:
            return client.get(location)
        time.sleep(0.3)


def upload(client: TestClient, name: str, data: bytes, media: str = PDF_TYPE):
    """POST one file; the response without following the redirect."""
    return client.post("/periksa", files={"berkas": (name, data, media)}, follow_redirects=False)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """One server (self-check mode) with its temporary folder watched, shared by the tests of this module."""
    temp = tmp_path_factory.mktemp("uploads")
    old = tempfile.tempdir
    tempfile.tempdir = str(temp)
    try:
        with client_for(ServeConfig(timeout=150)) as client:
            yield client, temp
    finally:
        tempfile.tempdir = old


@pytest.fixture(scope="module")
def pdf_result():
    """The sample PDF checked directly, as `lakip check` does."""
    return check_file(SAMPLE_PDF, Settings())


@pytest.fixture(scope="module")
def pdf_location(served):
    """The result address of the sample PDF uploaded once."""
    client, _ = served
    response = upload(client, "lakip-kecamatan-alok-barat-2024.pdf", SAMPLE_PDF.read_bytes())
    assert response.status_code == 303
    location = response.headers["location"]
    assert re.fullmatch(r"/hasil/[A-Za-z0-9_-]{32}", location)
    page = wait_for(client, location)
    assert page.status_code == 200
    return location


def test_upload_page_has_the_form(served):
    client, _ = served
    page = client.get("/")
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.text and 'name="berkas"' in page.text
    assert "Pemeriksaan mandiri" in page.text
    assert page.headers["x-content-type-options"] == "nosniff"


def test_pdf_findings_and_what_to_fix(served, pdf_location, pdf_result):
    client, temp = served
    page = client.get(pdf_location).text
    findings = pdf_result.outcome.findings
    assert page.count('class="fix sev-') == len(findings)
    assert sorted(re.findall(r'data-rule="([A-Z]\d{3})"', page)) == sorted(f.rule for f in findings)
    t301 = next(f for f in findings if f.rule == "T301")
    assert str(escape(advise(t301, "id"))) in page
    counts = {s: sum(1 for f in findings if f.severity == s) for s in ("error", "warning", "info")}
    assert f"{counts['error']} galat, {counts['warning']} peringatan, {counts['info']} info." in page
    assert 'src="' + pdf_location + '/laporan.html"' in page
    assert list(temp.iterdir()) == [], "the upload is deleted once checked"


def test_t301_advice_says_which_value_to_change(pdf_result):
    t301 = next(f for f in pdf_result.outcome.findings if f.rule == "T301")
    values, places = t301.values["values"], t301.values["places"]
    common = values[places.index(max(places))]
    rare = values[places.index(min(places))]
    show = lambda v: f"{v:.2f}".replace(".", ",")  # noqa: E731
    text = advise(t301, "id")
    assert text.startswith(f"Ubah {show(rare)} menjadi {show(common)} pada ")
    rare_pages = {loc.page for loc in t301.locations if loc.text == show(rare)}
    assert all(f"halaman {p}" in text.split(", atau sebaliknya")[0] for p in rare_pages)
    assert f"atau sebaliknya ubah {show(common)} menjadi {show(rare)}" in text
    assert advise(t301, "en").startswith(f"Change {show(rare)} to {show(common)} at ")


def test_html_report_is_the_check_report(served, pdf_location, pdf_result):
    client, _ = served
    html = client.get(f"{pdf_location}/laporan.html")
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    assert html.text.count('class="finding ') == len(pdf_result.outcome.findings)
    assert "lakip-kecamatan-alok-barat-2024.pdf" in html.text
    assert "lakip-serve-" not in html.text, "the server's temporary path is not shown"
    assert "default-src 'none'" in html.headers["content-security-policy"]


def test_xlsx_download_opens(served, pdf_location, pdf_result):
    from openpyxl import load_workbook

    client, _ = served
    response = client.get(f"{pdf_location}/kertas-kerja.xlsx")
    assert response.status_code == 200
    assert "attachment" in response.headers["content-disposition"]
    book = load_workbook(io.BytesIO(response.content))
    sheet = book["Temuan"]
    rules = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert sorted(rules) == sorted(f.rule for f in pdf_result.outcome.findings)


def test_json_download_is_the_contract(served, pdf_location, pdf_result):
    jsonschema = pytest.importorskip("jsonschema")
    client, _ = served
    response = client.get(f"{pdf_location}/temuan.json")
    assert response.status_code == 200
    data = response.json()
    if SCHEMA.is_file():
        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert data["document"]["path"] == "lakip-kecamatan-alok-barat-2024.pdf"
    assert data["document"]["sha256"] == pdf_result.document.sha256
    assert [f["rule"] for f in data["findings"]] == [f.rule for f in pdf_result.outcome.findings]


def test_docx_upload(served):
    client, _ = served
    expected = check_file(SAMPLE_DOCX, Settings()).outcome.findings
    response = upload(client, "draf laporan.docx", SAMPLE_DOCX.read_bytes(), DOCX_TYPE)
    page = wait_for(client, response.headers["location"])
    assert page.status_code == 200
    assert "draf laporan.docx" in page.text
    assert page.text.count('class="fix sev-') == len(expected) > 0
    data = client.get(response.headers["location"] + "/temuan.json").json()
    assert len(data["findings"]) == len(expected)


def test_png_renamed_pdf_is_refused_with_the_cli_message(served):
    client, temp = served
    response = upload(client, "laporan.pdf", png_bytes())
    assert response.status_code == 415
    assert IngestError("not-pdf", "laporan.pdf").message("id").replace("'", "&#39;") in response.text
    assert "Traceback" not in response.text
    assert list(temp.iterdir()) == []


def test_empty_and_word97_files(served):
    client, _ = served
    empty = upload(client, "kosong.pdf", b"")
    assert empty.status_code in (400, 422)
    assert "kosong.pdf" in empty.text
    doc = upload(client, "lama.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert doc.status_code == 415
    assert IngestError("unsupported", "lama.doc", "doc").message("id") in doc.text.replace("&#39;", "'")


def test_oversize_upload_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with client_for(ServeConfig(max_mb=0.05)) as client:
        response = upload(client, "besar.pdf", SAMPLE_PDF.read_bytes())
        assert response.status_code == 413
        assert "terlalu besar" in response.text and "0.05 MB" in response.text
        assert list(tmp_path.iterdir()) == []


def test_path_traversal_name_is_only_shown(served, tmp_path):
    client, temp = served
    target = tmp_path / "dibobol.pdf"
    name = f"../../../..{target}"
    response = upload(client, name, SAMPLE_PDF.read_bytes())
    assert response.status_code == 303
    page = wait_for(client, response.headers["location"])
    assert page.status_code == 200
    assert not target.exists()
    assert "dibobol.pdf" in page.text and "../" not in page.text
    data = client.get(response.headers["location"] + "/temuan.json").json()
    assert data["document"]["path"] == "dibobol.pdf"
    evil = upload(client, "<img src=x onerror=alert(1)>.pdf", png_bytes())
    assert "<img src=x" not in evil.text and "&lt;img src=x onerror=alert(1)&gt;.pdf" in evil.text
    assert list(temp.iterdir()) == []


def test_unknown_ids_are_not_found(served, pdf_location):
    client, _ = served
    token = pdf_location.rsplit("/", 1)[1]
    for url in ("/hasil/" + "A" * 32, "/hasil/" + "A" * 32 + "/kertas-kerja.xlsx", "/hasil/abc/temuan.json",
                f"/hasil/{token}/rahasia.txt", f"/hasil/{token}/..%2F..%2Fetc%2Fpasswd", "/kelompok/1", "/arsip",
                "/static/../app.py"):
        response = client.get(url)
        assert response.status_code == 404, url
    assert client.get("/hasil/" + "A" * 32 + "/status").json() == {"state": "unknown"}


def test_other_host_is_refused(served):
    client, _ = served
    response = client.get("/", headers={"host": "contoh.example:8000"})
    assert response.status_code == 400
    assert "contoh.example" in response.text
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_results_expire(tmp_path, monkeypatch):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with client_for(ServeConfig(keep_minutes=0.01)) as client:
        location = upload(client, "a.docx", SAMPLE_DOCX.read_bytes(), DOCX_TYPE).headers["location"]
        deadline = time.monotonic() + 150
        while client.get(f"{location}/status").json()["state"] in ("waiting", "running"):
            assert time.monotonic() < deadline
            time.sleep(0.2)
        time.sleep(0.8)
        assert client.get(location).status_code == 404
        assert client.get(f"{location}/kertas-kerja.xlsx").status_code == 404
        assert client.app.state.board.jobs == {}
        assert list(tmp_path.iterdir()) == []


def test_page_limit(tmp_path):
    with client_for(ServeConfig(max_pages=10)) as client:
        response = upload(client, "panjang.pdf", SAMPLE_PDF.read_bytes())
        page = wait_for(client, response.headers["location"])
        assert page.status_code == 413
        assert "batasnya 10 halaman" in page.text
        docx = upload(client, "panjang.docx", SAMPLE_DOCX.read_bytes(), DOCX_TYPE)
        assert wait_for(client, docx.headers["location"]).status_code == 413


def test_english_pages():
    with client_for(ServeConfig(lang="en")) as client:
        assert "Choose the report file" in client.get("/").text
        response = upload(client, "image.pdf", png_bytes())
        assert response.status_code == 415
        assert IngestError("not-pdf", "image.pdf").message("en").replace("'", "&#39;") in response.text


def test_inspectorate_batch_is_stored(tmp_path):
    db = tmp_path / "arsip" / "lakip.sqlite"
    with client_for(ServeConfig(store=db, timeout=150)) as client:
        files = [("berkas", ("alok-barat.pdf", SAMPLE_PDF.read_bytes(), PDF_TYPE)),
                 ("berkas", ("alok-barat.docx", SAMPLE_DOCX.read_bytes(), DOCX_TYPE)),
                 ("berkas", ("foto.pdf", png_bytes(), PDF_TYPE))]
        response = client.post("/periksa", files=files, follow_redirects=False)
        assert response.status_code == 303
        location = response.headers["location"]
        run_id = int(location.rsplit("/", 1)[1])
        deadline = time.monotonic() + 200
        while 'http-equiv="refresh"' in (page := client.get(location)).text:
            assert time.monotonic() < deadline
            time.sleep(0.5)
        assert "alok-barat.pdf" in page.text and "foto.pdf" in page.text
        assert "bukan PDF yang sah" in page.text
        store = Store(db)
        try:
            rows = store.run_rows(run_id)
            assert sorted(r.path for r in rows) == ["alok-barat.docx", "alok-barat.pdf", "foto.pdf"]
            ok = [r for r in rows if r.status == "ok"]
            assert len(ok) == 2 and all(r.instansi and r.tahun == 2024 for r in ok)
            expected = len(check_file(SAMPLE_PDF, Settings()).outcome.findings)
            pdf_row = next(r for r in ok if r.path == "alok-barat.pdf")
            assert len(store.findings_of(pdf_row.check_id)) == expected
        finally:
            store.close()
        archive = client.get("/arsip").text
        assert "Kecamatan Alok Barat" in archive and "Tahun 2024" in archive
        link = re.search(r'href="(/hasil/[A-Za-z0-9_-]{32})/laporan.html"', archive).group(1)
        assert client.get(f"{link}/kertas-kerja.xlsx").status_code == 200
        more = client.post("/periksa", data={"kelompok": str(run_id)},
                           files={"berkas": ("lagi.docx", SAMPLE_DOCX.read_bytes(), DOCX_TYPE)},
                           follow_redirects=False)
        assert more.headers["location"] == location
