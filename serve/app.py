"""The self-check web app (Starlette): upload, progress, the report with what to fix, downloads, batches."""

from __future__ import annotations

import contextlib
import re
import time
from pathlib import Path
from typing import Any, Optional
from urllib.parse import quote

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from lakip.serve import pages
from lakip.serve.archive import TOKEN, Archive
from lakip.serve.config import ServeConfig
from lakip.serve.guard import Guard
from lakip.serve.jobs import Board, Job
from lakip.serve.uploads import FORM_SLACK, TooLarge, limited_receive, precheck, remove, save
from lakip.serve.views import batch_rows, result_context, archive_groups

_STATIC = Path(__file__).parent / "static"
MEDIA = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
         "json": "application/json; charset=utf-8", "html": "text/html; charset=utf-8"}
DOWNLOADS = {"kertas-kerja.xlsx": "xlsx", "temuan.json": "json", "laporan.html": "html"}
REPORT_CSP = ("default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
              "frame-ancestors 'self'")
_STATUS_OF_CODE = {"not-pdf": 415, "unsupported": 415, "too-many-pages": 413, "crashed": 500, "not-found": 400}


def error_status(code: Optional[str]) -> int:
    """The HTTP status of a document that could not be checked, by its error code."""
    return _STATUS_OF_CODE.get(code or "", 422)


def create_app(config: ServeConfig) -> Starlette:
    """The app for one server: its limits, its store (if any), its language."""
    archive = Archive(config) if config.inspectorate else None
    board = Board(config, archive)
    lang = config.lang

    def page(template: str, status: int = 200, **context: Any) -> HTMLResponse:
        """A page of this server."""
        return HTMLResponse(pages.render(template, lang, inspectorate=config.inspectorate, **context),
                            status_code=status)

    def failure(message: str, status: int, name: str = "", back: str = "/") -> HTMLResponse:
        """The page saying why an upload was refused or a document could not be checked."""
        return page("error.html.j2", status, heading=pages.text(lang, "error_title"), message=message, name=name,
                    back=back)

    async def home(request: Request) -> HTMLResponse:
        """The upload form."""
        batch = request.query_params.get("kelompok", "")
        privacy = (pages.text(lang, "stored", db=str(config.store)) if config.inspectorate
                   else pages.text(lang, "private", minutes=f"{config.keep_minutes:g}"))
        return page("upload.html.j2", batch=batch if batch.isdigit() else "", privacy=privacy,
                    limits=pages.text(lang, "limits", mb=f"{config.max_mb:g}", pages=config.max_pages,
                                      seconds=f"{config.timeout:g}"))

    async def upload(request: Request) -> Response:
        """Receive one file (several in inspectorate mode), save it safely and queue its check."""
        n_files = config.max_files if config.inspectorate else 1
        body_limit = config.max_bytes * n_files + FORM_SLACK
        declared = request.headers.get("content-length", "")
        too_large = failure(pages.text(lang, "too_large", mb=f"{config.max_mb:g}"), 413)
        if declared.isdigit() and int(declared) > body_limit:
            return too_large
        if board.waiting() >= config.max_waiting:
            return failure(pages.text(lang, "busy"), 503)
        limited = Request(request.scope, limited_receive(request.receive, body_limit))
        saved = []
        try:
            async with limited.form(max_files=n_files, max_fields=8, max_part_size=64 * 1024) as form:
                parts = [p for p in form.getlist("berkas") if not isinstance(p, str) and p.filename]
                for part in parts:
                    saved.append(await save(part, config.max_bytes))
                batch_field = str(form.get("kelompok") or "")
        except TooLarge:
            for u in saved:
                remove(u.folder)
            return too_large
        except HTTPException as exc:
            for u in saved:
                remove(u.folder)
            if "files" in str(exc.detail).lower():
                return failure(pages.text(lang, "too_many_files", n=n_files), 413)
            return failure(pages.text(lang, "bad_form"), 400)
        if not saved:
            return failure(pages.text(lang, "no_file"), 400)
        if not config.inspectorate or archive is None:
            problem = precheck(saved[0])
            if problem is not None:
                remove(saved[0].folder)
                return failure(problem.message(lang), error_status(problem.code), name=saved[0].name)
            return RedirectResponse(f"/hasil/{board.submit(saved[0])}", status_code=303)
        run_id = int(batch_field) if batch_field.isdigit() else 0
        if not run_id or not await run_in_threadpool(archive.has_batch, run_id):
            run_id = await run_in_threadpool(archive.new_batch, len(saved))
        for u in saved:
            board.submit(u, batch=run_id)
        return RedirectResponse(f"/kelompok/{run_id}", status_code=303)

    def job_or_404(request: Request) -> Job:
        """The job a URL names; 404 when the token is unknown or expired."""
        job = board.get(request.path_params["token"])
        if job is None:
            raise HTTPException(404)
        return job

    async def result(request: Request) -> Response:
        """Progress while the check runs; then the findings with what to fix, or why it failed."""
        token = request.path_params["token"]
        job = board.get(token)
        if job is None:
            if archive is not None and archive.report_file(token, "html"):
                return RedirectResponse(f"/hasil/{token}/laporan.html", status_code=303)
            raise HTTPException(404)
        back = f"/?kelompok={job.batch}" if job.batch else "/"
        if not job.ended:
            heading = pages.text(lang, "waiting" if job.state == "waiting" else "checking", name=job.name)
            elapsed = int(max(0.0, time.time() - (job.started or job.created)))
            return page("progress.html.j2", job=job, heading=heading, elapsed=elapsed, timeout=f"{config.timeout:g}",
                        status_url=f"/hasil/{token}/status")
        if job.state == "failed":
            return failure(job.error(lang), error_status(job.result.error_code if job.result else None),
                           name=job.name, back=back)
        return page("result.html.j2", **result_context(job, lang), back=back, base=f"/hasil/{token}")

    async def status(request: Request) -> JSONResponse:
        """Where a check is, for the progress page's script."""
        job = board.get(request.path_params["token"])
        if job is None:
            return JSONResponse({"state": "unknown"}, status_code=404)
        return JSONResponse({"state": job.state, "started": job.started, "finished": job.finished})

    async def download(request: Request) -> Response:
        """One of the user's own reports: the full HTML, the XLSX working paper or the JSON."""
        token, fmt = request.path_params["token"], DOWNLOADS.get(request.path_params["file"])
        if fmt is None or not TOKEN.match(token):
            raise HTTPException(404)
        job = board.get(token)
        data = job.report(fmt) if job is not None else None
        name = job.name if job is not None else "laporan"
        if data is None and archive is not None:
            stored = archive.report_file(token, fmt)
            data = stored.read_bytes() if stored else None
        if data is None:
            raise HTTPException(404)
        if fmt == "html":
            return Response(data, media_type=MEDIA[fmt], headers={"Content-Security-Policy": REPORT_CSP})
        return Response(data, media_type=MEDIA[fmt],
                        headers={"Content-Disposition": attachment(name, request.path_params["file"])})

    async def batch_page(request: Request) -> Response:
        """A batch: every upload with its status and counts, and the cross-report findings."""
        run_id = request.path_params["run_id"]
        if archive is None or not await run_in_threadpool(archive.has_batch, run_id):
            raise HTTPException(404)
        view = await run_in_threadpool(archive.batch, run_id)
        rows, pending = batch_rows(view, board.of_batch(run_id), archive, lang)
        return page("batch.html.j2", heading=pages.text(lang, "batch_title", id=run_id), rows=rows, run_id=run_id,
                    pending=pending, cross=[{"rule": f.rule, "severity": f.severity, "message": f.message(lang)}
                                            for f in view.cross])

    async def archive_page(request: Request) -> Response:
        """Every stored check, per instansi and year."""
        if archive is None:
            raise HTTPException(404)
        return page("archive.html.j2", groups=archive_groups(await run_in_threadpool(archive.by_instansi), archive))

    async def not_found(request: Request, exc: Exception) -> HTMLResponse:
        """A page that does not exist (or a result that expired)."""
        code = getattr(exc, "status_code", 404)
        return page("error.html.j2", code, heading=pages.text(lang, "error_title"),
                    message=pages.text(lang, "not_found"), name="", back="/")

    routes = [Route("/", home), Route("/periksa", upload, methods=["POST"]),
              Route("/hasil/{token}", result), Route("/hasil/{token}/status", status),
              Route("/hasil/{token}/{file}", download), Route("/kelompok/{run_id:int}", batch_page),
              Route("/arsip", archive_page), Mount("/static", StaticFiles(directory=str(_STATIC)), name="static")]
    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette):
        """Wait for the checks under way when the server stops."""
        yield
        await run_in_threadpool(board.close)

    app = Starlette(routes=routes, exception_handlers={404: not_found, 405: not_found},
                    middleware=[Middleware(Guard, allowed=config.allowed_hosts(), lang=lang)], lifespan=lifespan)
    app.state.board = board
    app.state.archive = archive
    return app


def attachment(name: str, suffix: str) -> str:
    """A Content-Disposition naming the download after the user's file (ASCII and UTF-8 forms)."""
    stem = Path(name).stem or "laporan"
    ascii_stem = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._")[:60] or "laporan"
    return f"attachment; filename=\"{ascii_stem}-{suffix}\"; filename*=UTF-8''{quote(f'{stem}-{suffix}')}"
