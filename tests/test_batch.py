"""lakip batch end to end: generated variants with planted cross-report errors, poisoned files, a real PDF.

The corpus (``build_corpus``) is nine DOCX reports of seven kecamatan made from
the seed by the variant generator: two kecamatan have reports of two
consecutive years (one pair clean, one with last year's realisasi restated
wrongly and a Renstra target changed), and the others carry one planted
cross-report error each (a camat's name with another NIP, a NIP of another
camat, a kelurahan of another kecamatan named, a paragraph copied between two
kecamatan). ``benchmarks/bench_batch.py`` uses the same builder for its larger
corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import shutil
import subprocess
import tempfile
import time
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import build_samples
from generator import CENT, Indicator, find_tables
from generator.variants import fix_indicator_table, fix_statements, indicator_rows, make_variant, redate
from lakip.batch import pool
from lakip.batch.inputs import collect
from lakip.batch.runner import BatchOptions, engine_id, run_batch
from lakip.batch.worker import Task, WorkResult, check_task
from lakip.cli.main import cli
from lakip.config import Settings
from lakip.schemas.names import same_person

COPIED = ("Rendahnya partisipasi masyarakat dalam musyawarah perencanaan pembangunan tingkat kelurahan disebabkan "
          "oleh jadwal kegiatan yang bertepatan dengan musim tanam, sehingga sebagian besar warga petani tidak dapat "
          "hadir; ke depan jadwal musyawarah akan disesuaikan dengan kalender pertanian setempat dan undangan "
          "disampaikan paling lambat tujuh hari sebelumnya melalui ketua rukun tetangga serta media sosial.")
_SYLLABLES = (("Wolo", "Nanga", "Lewo", "Kota", "Nele", "Bola", "Lela", "Ili", "Wai", "Koting"),
              ("mude", "rang", "baru", "lere", "tobi", "sape", "leku", "wutun", "kobe", "dora", "lima", "watu"))


@dataclass(frozen=True)
class Plant:
    """A cross-report error planted in the corpus: its rule, subject and the files involved."""

    rule: str
    subject: str
    files: tuple[str, ...]


def clean_variants(seed_text: str, n: int) -> list:
    """``n`` variants with distinct kecamatan and camat names (seeds taken in order)."""
    out = []
    for seed in range(1000):
        v = make_variant(seed_text, seed)
        if all(v.instansi != w.instansi and same_person(v.camat.full, w.camat.full) < 0.8 for w in out):
            out.append(v)
        if len(out) == n:
            return out
    raise RuntimeError("not enough distinct variants")


def own_kelurahan(text: str, olds: tuple[str, ...], news: list[str]) -> str:
    """The text with its kelurahan renamed (kelurahan names unique in the batch, as in a real kabupaten)."""
    for old, new in zip(olds, news):
        text = re.sub(rf"\b{old}\b", new, text)
        text = re.sub(rf"\b{old.upper()}\b", new.upper(), text)
    return text


def successor(v, text: str, rng: random.Random, prev_shift: tuple[int, Decimal] | None = None,
              target_shift: tuple[int, Decimal] | None = None) -> tuple[str, list[Indicator]]:
    """Next year's report of the same kecamatan: its Renstra targets and last year's realisasi continue ``v``."""
    year = v.year + 1
    inds = []
    for k, ind in enumerate(v.indicators):
        t = dict(ind.targets)
        later = t[year + 1] + (target_shift[1] if target_shift and target_shift[0] == k else 0)
        targets = ((year, t[year]), (year + 1, later), (year + 2, t[year + 1] + (t[year + 1] - t[year])))
        real = t[year] + rng.randint(0, 1) if ind.decimals == 0 else min(
            (t[year] * Decimal(rng.uniform(1.0, 1.05))).quantize(CENT), Decimal(100))
        prev = ind.realisasi + (prev_shift[1] if prev_shift and prev_shift[0] == k else 0)
        inds.append(Indicator(ind.name, ind.sasaran, ind.unit, ind.decimals, targets, real, prev, ind.capaian))
    lines = redate(text, v.year, year, date(year + 1, 2, 10), date(year, 2, 3)).split("\n")
    for table in find_tables(lines):
        if indicator_rows(lines, table):
            fix_indicator_table(lines, table, inds, year, {})
    return fix_statements("\n".join(lines), inds, v.programs, year), inds


def before_bab4(text: str, paragraph: str) -> str:
    """The text with a paragraph added at the end of Bab III."""
    lines = text.split("\n")
    at = max(i for i, ln in enumerate(lines) if re.match(r"^BAB IV\b", ln))
    return "\n".join(lines[:at] + [paragraph, ""] + lines[at:])


def corpus_texts(seed_text: str, n_clean: int = 0, seed: int = 7) -> tuple[dict[str, str], list[Plant]]:
    """Report texts by file name and the cross-report errors planted in them."""
    rng = random.Random(seed)
    vs = clean_variants(seed_text, 7 + n_clean)
    names = [a + b for a in _SYLLABLES[0] for b in _SYLLABLES[1]]
    rng.shuffle(names)
    texts = {}
    for i, v in enumerate(vs):
        texts[i] = own_kelurahan(v.text, v.kelurahan, names[4 * i: 4 * i + 4])
    slug = {i: re.sub(r"\W+", "-", v.instansi.lower().replace("kecamatan ", "")) for i, v in enumerate(vs)}
    a1, a2, c, d, e, f, g = vs[:7]
    files = {f"{slug[i]}-{v.year}.docx": texts[i] for i, v in enumerate(vs)}
    b1, inds1 = successor(a1, texts[0], rng, prev_shift=(2, Decimal("-1.25")), target_shift=(1, Decimal("0.40")))
    b2, _ = successor(a2, texts[1], rng)
    files[f"{slug[0]}-{a1.year + 1}.docx"] = b1
    files[f"{slug[1]}-{a2.year + 1}.docx"] = b2
    name = lambda i, v: f"{slug[i]}-{v.year}.docx"  # noqa: E731
    files[name(2, c)] = texts[2].replace(c.camat.full, a2.camat.full).replace(c.camat.signature, a2.camat.signature)
    files[name(3, d)] = texts[3].replace(d.camat.nip, e.camat.nip)
    g_kel = names[4 * 6]
    files[name(5, f)] = before_bab4(texts[5], f"Pemasangan lampu jalan pada Kelurahan {g_kel} telah selesai "
                                              "dilaksanakan pada triwulan keempat.")
    files[name(4, e)] = before_bab4(texts[4], COPIED)
    files[name(6, g)] = before_bab4(texts[6], COPIED)
    plants = [Plant("X803", inds1[2].name, (name(0, a1), f"{slug[0]}-{a1.year + 1}.docx")),
              Plant("X804", inds1[1].name, (name(0, a1), f"{slug[0]}-{a1.year + 1}.docx")),
              Plant("X801", a2.camat.full, (name(1, a2), f"{slug[1]}-{a2.year + 1}.docx", name(2, c))),
              Plant("X802", e.camat.nip, (name(3, d), name(4, e))),
              Plant("X805", f"Kelurahan {g_kel}", (name(5, f), name(6, g))),
              Plant("X806", COPIED[:40], (name(4, e), name(6, g)))]
    return files, plants


def _build(item: tuple[str, str, str]) -> str:
    """Build one DOCX (run in a worker process)."""
    text, folder, name = item
    return str(build_samples.build_docx(text, Path(folder) / name))


def build_corpus(seed_text: str, folder: Path, n_clean: int = 0, jobs: int = 2) -> list[Plant]:
    """Write the corpus as DOCX files into ``folder``; returns the planted cross-report errors."""
    folder.mkdir(parents=True, exist_ok=True)
    files, plants = corpus_texts(seed_text, n_clean)
    with ProcessPoolExecutor(jobs) as ex:
        list(ex.map(_build, [(text, str(folder), name) for name, text in files.items()]))
    return plants


def cached_corpus(seed_text: str, cache: Path, n_clean: int = 0) -> tuple[Path, list[Plant]]:
    """The corpus built once per content (a hash of the generated texts) under ``cache``."""
    files, plants = corpus_texts(seed_text, n_clean)
    digest = hashlib.sha256(json.dumps(sorted(files.items())).encode()).hexdigest()[:16]
    folder = cache / f"corpus-{digest}"
    if not folder.is_dir() or sorted(p.name for p in folder.glob("*.docx")) != sorted(files):
        work = Path(tempfile.mkdtemp(dir=cache))
        build_corpus(seed_text, work, n_clean)
        shutil.rmtree(folder, ignore_errors=True)
        work.rename(folder)
    return folder, plants


def poison(folder: Path, pdf_source: Path) -> dict[str, str]:
    """Bad files: not a PDF, encrypted, truncated; returns file name → expected error code."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bukan-pdf.pdf").write_text("ini bukan PDF\n", encoding="utf-8")
    (folder / "terpotong.pdf").write_bytes(pdf_source.read_bytes()[:30000])
    locked = folder / "terkunci.pdf"
    if shutil.which("qpdf"):
        subprocess.run(["qpdf", "--encrypt", "sandi", "pemilik", "256", "--", str(pdf_source), str(locked)],
                       check=True)
    else:
        pikepdf = pytest.importorskip("pikepdf", reason="needs qpdf or pikepdf to encrypt a PDF")
        with pikepdf.open(pdf_source) as pdf:
            pdf.save(locked, encryption=pikepdf.Encryption(user="sandi", owner="pemilik", R=6))
    return {"bukan-pdf.pdf": "not-pdf", "terkunci.pdf": "encrypted", "terpotong.pdf": "damaged"}


def options(files, out: Path, **kw) -> BatchOptions:
    """Batch options with default settings for every file."""
    settings = kw.pop("settings", Settings())
    return BatchOptions(files=tuple(files), out_dir=out, db_path=out / "lakip.sqlite", settings=settings,
                        settings_for=lambda p: settings, **kw)


@pytest.fixture(scope="module")
def corpus(request, tmp_path_factory, seed_text, real_dir, samples_dir):
    """The corpus folder, planted errors, poisoned files, and the first batch run over all of it."""
    root = tmp_path_factory.mktemp("batch")
    cache = getattr(request.config, "cache", None)   # absent under -p no:cacheprovider
    cache_dir = cache.mkdir("lakip-batch") if cache is not None else tmp_path_factory.mktemp("lakip-batch")
    docx, plants = cached_corpus(seed_text, cache_dir)
    bad = poison(root / "in" / "rusak", samples_dir / "lakip-kecamatan-alok-barat-2024.pdf")
    real = real_dir / "tangsel2023_kewilayahan2_kecamatan_realisasi_triwulan.pdf"
    files = collect([str(docx), str(root / "in"), str(real)]).files
    engine = engine_id()
    start = time.perf_counter()
    first = run_batch(options(files, root / "out", jobs=2, timeout=120, engine=engine))
    return {"root": root, "plants": plants, "bad": bad, "real": real, "files": files, "engine": engine,
            "first": first, "seconds": time.perf_counter() - start}


def test_poisoned_files_are_reported_and_the_rest_checked(corpus):
    """Every poisoned file is a failed row with its error code; every other file is checked."""
    rows = {Path(r.path).name: r for r in corpus["first"].summary.rows}
    assert len(rows) == len(corpus["files"]) == 9 + 3 + 1
    for name, code in corpus["bad"].items():
        assert rows[name].status == "failed" and rows[name].error_code == code, rows[name]
        assert rows[name].error_id and rows[name].error_en
    ok = [r for n, r in rows.items() if n not in corpus["bad"]]
    assert all(r.status == "ok" and r.pages for r in ok)
    assert {r.instansi for r in ok if r.path.endswith(".docx")} and len({r.tahun for r in ok if r.tahun}) >= 2


def names_plant(f, plant: Plant) -> bool:
    """Whether a finding is about a planted error's subject (its text, or the same person's name)."""
    texts = [f.subject, json.dumps(f.values, ensure_ascii=False)] + [loc.text or "" for loc in f.locations]
    want = plant.subject.casefold()[:30]
    return any(want in x.casefold() for x in texts) or same_person(plant.subject, f.subject) >= 0.85


def test_planted_cross_report_errors_are_found_and_nothing_else(corpus):
    """Each planted X error is found with its subject and both documents; clean pairs give nothing."""
    found = corpus["first"].summary.cross.findings
    for plant in corpus["plants"]:
        hits = [f for f in found if f.rule == plant.rule and names_plant(f, plant)]
        assert hits, (plant, [(f.rule, f.subject) for f in found])
        docs = {Path(loc.document).name for f in hits for loc in f.locations}
        assert set(plant.files) <= docs, (plant, docs)
    assert sorted({f.rule for f in found}) == sorted({p.rule for p in corpus["plants"]}), \
        [(f.rule, f.subject, f.message_id) for f in found]
    assert len(found) == len(corpus["plants"]), [(f.rule, f.subject) for f in found]


def test_cross_report_json_follows_the_contract(corpus, shared_dir):
    """cross-report.json: contract findings whose locations name more than one document."""
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared_dir / "spec" / "findings.schema.json").read_text(encoding="utf-8"))
    data = json.loads((corpus["root"] / "out" / "cross-report.json").read_text(encoding="utf-8"))
    assert len(data["findings"]) == len(corpus["plants"])
    for f in data["findings"]:
        jsonschema.validate(f, schema["properties"]["findings"]["items"])
        assert all(loc.get("document") for loc in f["locations"])
        assert len({loc["document"] for loc in f["locations"]}) >= 2
    for report in (corpus["root"] / "out" / "reports").glob("*.json"):
        jsonschema.validate(json.loads(report.read_text(encoding="utf-8")), schema)


@pytest.mark.parametrize("which", ["docx", "pdf"])
def test_batch_report_is_the_check_report(corpus, which, tmp_path):
    """A batch's per-document JSON and HTML reports are byte for byte what lakip check writes."""
    s = corpus["first"].summary
    row = next(r for r in s.rows if r.status == "ok" and r.path.endswith(f".{which}"))
    for fmt in ("json", "html"):
        out = tmp_path / f"check.{fmt}"
        res = CliRunner().invoke(cli, ["check", row.path, "--format", fmt, "--out", str(out)])
        assert res.exit_code in (0, 1), res.output
        assert out.read_bytes() == Path(row.reports[fmt]).read_bytes(), (row.path, fmt)


def test_summaries_rank_link_and_list_failures(corpus):
    """summary.html ranks every report by errors and links it; summary.xlsx has a row per report and finding."""
    s = corpus["first"].summary
    out = corpus["root"] / "out"
    html = (out / "summary.html").read_text(encoding="utf-8")
    errors = [int(m) for m in re.findall(r'data-errors="(\d+)"', html)]
    assert len(errors) == 10 and errors == sorted(errors, reverse=True)
    for link in re.findall(r'<a href="(reports/[^"]+)"', html):
        assert (out / link).is_file()
    assert html.count('data-status="failed"') == 3 and "Temuan lintas laporan" in html
    wb = load_workbook(out / "summary.xlsx")
    reports, findings = wb.worksheets[0], wb.worksheets[1]
    assert reports.max_row - 1 == 13
    n_doc = sum(len(v) for v in s.findings.values())
    assert findings.max_row - 1 == n_doc + len(s.cross.findings)


def test_rerun_reuses_unchanged_files_and_rechecks_changed_ones(corpus, tmp_path):
    """A rerun checks nothing (every stored check is reused); a changed file alone is checked again."""
    root = corpus["root"]
    again = run_batch(options(corpus["files"], root / "out", jobs=2, timeout=120, engine=corpus["engine"]))
    assert again.checked == 0 and again.reused == len(corpus["files"])
    assert [f.rule for f in again.summary.cross.findings] == [f.rule for f in corpus["first"].summary.cross.findings]
    changed = next(p for p in corpus["files"] if p.suffix == ".docx")
    copy = tmp_path / changed.name
    copy.write_bytes(changed.read_bytes())
    files = [copy if p == changed else p for p in corpus["files"]]
    third = run_batch(options(files, root / "out", jobs=2, timeout=120, engine=corpus["engine"]))
    assert third.checked == 1 and third.reused == len(files) - 1


def endless_pdf(path: Path, chars: int = 400_000) -> Path:
    """A valid one-page PDF with so many tiny text objects that reading it takes far too long."""
    ops = "\n".join(f"BT /F1 2 Tf {(i * 3) % 590} {(i // 190) % 840} Td (x) Tj ET" for i in range(chars))
    stream = zlib.compress(ops.encode())
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            b" /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for i, obj in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1) + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def _slow_or_broken(task: Task) -> WorkResult:
    """A work function for pool tests: sleeps, crashes, runs out of memory, or checks normally."""
    name = Path(task.path).name
    if name.startswith("lambat"):
        time.sleep(60)
    if name.startswith("mogok"):
        os._exit(3)
    if name.startswith("rakus"):
        bytearray(4 * 1024 ** 3)
    return check_task(task)


def test_timeout_crash_and_memory_cost_only_their_document(corpus, tmp_path):
    """Hanging, crashing, memory-hungry and endless documents are killed or reported; the others finish."""
    good = next(p for p in corpus["files"] if p.suffix == ".docx")
    names = ["lambat.docx", "mogok.docx", "rakus.docx"]
    for n in names:
        (tmp_path / n).write_bytes(good.read_bytes())
    names.append(endless_pdf(tmp_path / "tak-berujung.pdf").name)
    tasks = [Task(str(tmp_path / n), Settings(), str(tmp_path / n) + ".out", ("json",), memory_mb=512)
             for n in names] + [Task(str(good), Settings(), str(tmp_path / "good"), ("json",), memory_mb=512)]
    start = time.perf_counter()
    results = {Path(t.path).name: r for t, r in pool.run_tasks(tasks, jobs=5, timeout=5, work=_slow_or_broken)}
    assert time.perf_counter() - start < 20
    assert results["lambat.docx"].status == "timeout"
    assert results["mogok.docx"].status == "crashed" and "3" in results["mogok.docx"].error_en
    assert results["rakus.docx"].status == "memory"
    assert results["tak-berujung.pdf"].status in ("timeout", "memory"), results["tak-berujung.pdf"]
    assert results[good.name].status == "ok" and results[good.name].findings is not None


def test_interrupted_batch_resumes_where_it_stopped(corpus, tmp_path):
    """An interruption keeps finished documents; the same command then checks only the rest."""
    files = [p for p in corpus["files"] if p.name in corpus["bad"]] + [corpus["files"][0]]
    seen = []

    def stop_after_two(done, total, path, status):
        """Interrupt the batch after two documents."""
        seen.append(path)
        if len(seen) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_batch(options(files, tmp_path / "out", jobs=1, engine=corpus["engine"]), progress=stop_after_two)
    assert len(seen) == 2
    resumed = run_batch(options(files, tmp_path / "out", jobs=2, engine=corpus["engine"]))
    assert resumed.reused == 2 and resumed.checked == 2
    assert [r.status for r in resumed.summary.rows].count("failed") == 3


def test_cli_exit_codes_and_usage_errors(corpus, tmp_path):
    """Exit 2 for nothing to check or an unknown rule; 1 with failed documents; 0 for a clean report."""
    runner = CliRunner()
    empty = tmp_path / "kosong"
    empty.mkdir()
    assert runner.invoke(cli, ["batch", str(empty), "--out", str(tmp_path / "o1")]).exit_code == 2
    good = [p for p in corpus["files"] if p.suffix == ".docx"][1]
    assert runner.invoke(cli, ["batch", str(good), "--out", str(tmp_path / "o2"), "--select", "Z9"]).exit_code == 2
    bad = corpus["root"] / "in" / "rusak" / "bukan-pdf.pdf"
    res = runner.invoke(cli, ["batch", str(bad), "--out", str(tmp_path / "o3"), "--lang", "en"])
    assert res.exit_code == 1 and "not a valid PDF" in res.output
    res = runner.invoke(cli, ["batch", str(good), "--out", str(tmp_path / "o4"), "--select", "T,B", "-j", "1"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "o4" / "summary.html").is_file() and (tmp_path / "o4" / "lakip.sqlite").is_file()


def test_collect_folders_globs_and_files(tmp_path):
    """Folders give their PDF/DOCX files recursively, globs expand, a file is taken once, misses are listed."""
    (tmp_path / "a" / "b").mkdir(parents=True)
    for name in ("a/x.pdf", "a/b/y.docx", "a/b/z.txt", "a/~$lock.docx"):
        (tmp_path / name).write_bytes(b"x")
    got = collect([str(tmp_path / "a"), str(tmp_path / "a" / "*.pdf"), str(tmp_path / "a/b/z.txt"),
                   str(tmp_path / "nope*.pdf")])
    assert [p.name for p in got.files] == ["x.pdf", "y.docx", "z.txt"]
    assert got.unmatched == (str(tmp_path / "nope*.pdf"),)
