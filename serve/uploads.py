"""Receiving uploads safely: a size limit while the body arrives, a generated file name, a display name.

The name the browser sends is never used as a path: the file is saved as a random
token plus one of a few known extensions in a private temporary folder, and the
original name is kept (cut to its last part, without control characters) only to
be shown, escaped, on the pages and in the messages.
"""

from __future__ import annotations

import hashlib
import re
import tempfile
from pathlib import Path
from typing import Any, Awaitable, Callable, MutableMapping, Optional

from lakip.ingest.errors import IngestError
from lakip.serve.jobs import Upload, new_token

KNOWN_SUFFIXES = (".pdf", ".docx", ".doc", ".txt")
"""Extensions kept on the saved file (the reader's messages name the type by them); others are dropped."""
FORM_SLACK = 64 * 1024
"""Bytes of multipart framing allowed above the file size limit."""
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
CHUNK = 1 << 20


class TooLarge(Exception):
    """The upload is over the size limit."""


def display_name(raw: Optional[str]) -> str:
    """The file's own name as the user knows it, safe to show: last path part, no control characters."""
    name = _CONTROL.sub("", raw or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    if name in ("", ".", ".."):
        name = "laporan"
    return name[:120]


def suffix_of(name: str) -> str:
    """The saved file's extension: the display name's when it is a known one, else none."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix in KNOWN_SUFFIXES else ""


def limited_receive(receive: Callable[[], Awaitable[MutableMapping[str, Any]]], limit: int
                    ) -> Callable[[], Awaitable[MutableMapping[str, Any]]]:
    """An ASGI receive that raises TooLarge once more than ``limit`` body bytes have arrived."""
    seen = 0

    async def wrapped() -> MutableMapping[str, Any]:
        nonlocal seen
        message = await receive()
        if message.get("type") == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge()
        return message

    return wrapped


async def save(part: Any, limit: int) -> Upload:
    """Save one uploaded file part under a generated name; TooLarge when it is over ``limit`` bytes."""
    name = display_name(getattr(part, "filename", None))
    folder = Path(tempfile.mkdtemp(prefix="lakip-serve-"))
    path = folder / f"{new_token()}{suffix_of(name)}"
    digest, size = hashlib.sha256(), 0
    try:
        with open(path, "wb") as out:
            while True:
                chunk = await part.read(CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > limit:
                    raise TooLarge()
                digest.update(chunk)
                out.write(chunk)
    except BaseException:
        remove(folder)
        raise
    return Upload(path=path, folder=folder, name=name, sha256=digest.hexdigest(), size=size)


def precheck(upload: Upload) -> Optional[IngestError]:
    """The reader's error for a file that is plainly not a report (empty, not a PDF/DOCX), under the user's name."""
    from lakip.ingest.reader import check_file, sniff, unsupported_or_encrypted

    try:
        check_file(upload.path)
        kind = sniff(upload.path)
        if kind not in ("pdf", "docx", "text"):
            raise unsupported_or_encrypted(upload.path, kind)
    except IngestError as exc:
        return IngestError(exc.code, upload.name, exc.detail)
    return None


def remove(folder: Path) -> None:
    """Delete an upload's private folder."""
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
