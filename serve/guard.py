"""Every request: refused unless it names this server's host; every response: headers that keep pages private."""

from __future__ import annotations

from typing import Any, Optional

from lakip.serve import pages

HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer"),
           (b"cache-control", b"no-store"), (b"x-frame-options", b"SAMEORIGIN"))
PAGE_CSP = (b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
            b"frame-ancestors 'none'; form-action 'self'; base-uri 'none'")


def host_name(header: str) -> str:
    """The name part of a Host header: 'localhost:8000' → 'localhost', '[::1]:8000' → '::1'."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """ASGI middleware: the Host check (against DNS rebinding) and the security headers."""

    def __init__(self, app: Any, allowed: Optional[frozenset[str]], lang: str = "id"):
        self.app = app
        self.allowed = allowed
        self.lang = lang

    async def __call__(self, scope: dict, receive: Any, send: Any) -> None:
        """Refuse a request for another host; add the headers to every response."""
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = dict(scope.get("headers") or [])
        host = headers.get(b"host", b"").decode("latin-1")
        if self.allowed is not None and host_name(host) not in self.allowed:
            body = pages.render("error.html.j2", self.lang, heading=pages.text(self.lang, "error_title"),
                                message=pages.text(self.lang, "bad_host", host=host or "-"), name="",
                                back="/").encode("utf-8")
            await send({"type": "http.response.start", "status": 400,
                        "headers": [(b"content-type", b"text/html; charset=utf-8"),
                                    (b"content-length", str(len(body)).encode()), *HEADERS]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message: dict) -> None:
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [h for h in HEADERS if h[0] not in present]
                if b"content-security-policy" not in present:
                    extra.append((b"content-security-policy", PAGE_CSP))
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
