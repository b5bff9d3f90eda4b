"""How the self-check server runs: where it listens, its limits, the store, the language."""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lakip.config import Settings

LOOPBACK_NAMES = frozenset({"127.0.0.1", "localhost", "::1"})


@dataclass(frozen=True)
class ServeConfig:
    """The server's address, limits and checking settings."""

    host: str = "127.0.0.1"
    port: int = 8000
    max_mb: float = 25.0
    """Largest upload, in megabytes."""
    max_pages: int = 300
    """Most pages of one document."""
    timeout: float = 180.0
    """Seconds one document may take to be checked."""
    store: Optional[Path] = None
    """The SQLite store of ``lakip batch``; when set, results are kept (inspectorate mode)."""
    lang: str = "id"
    jobs: int = 2
    """Documents checked at the same time (each in its own process)."""
    keep_minutes: float = 60.0
    """How long a result stays downloadable when nothing is stored."""
    memory_mb: int = 3072
    """Extra address space a checking process may use."""
    max_waiting: int = 40
    """Uploads waiting for their turn before new ones are refused."""
    max_files: int = 20
    """Files in one upload (inspectorate mode; the self-check takes one)."""
    settings: Settings = field(default_factory=Settings)

    @property
    def max_bytes(self) -> int:
        """The upload limit in bytes."""
        return int(self.max_mb * 1024 * 1024)

    @property
    def inspectorate(self) -> bool:
        """Whether uploads form batches kept in the store."""
        return self.store is not None

    def allowed_hosts(self) -> Optional[frozenset[str]]:
        """Host names a request may name: the bound host (all loopback names for loopback); None = any."""
        host = self.host.strip("[]").lower()
        if host in LOOPBACK_NAMES:
            return LOOPBACK_NAMES
        try:
            if ipaddress.ip_address(host).is_unspecified:
                return None  # listening on every interface: the machine is reached by any of its names
        except ValueError:
            pass
        return frozenset({host})

    def address(self, port: Optional[int] = None) -> str:
        """The address to open in the browser."""
        host = self.host
        try:
            ip = ipaddress.ip_address(host.strip("[]"))
            if ip.is_unspecified:
                host = "127.0.0.1"
            elif ip.version == 6:
                host = f"[{ip}]"
        except ValueError:
            pass
        return f"http://{host}:{port if port is not None else self.port}/"
