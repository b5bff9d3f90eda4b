"""How serious a finding is: the three severities, most serious first, and their rank."""

from __future__ import annotations

SEVERITIES = ("error", "warning", "info")
"""Every severity, most serious first (reports list them in this order)."""

RANK = {"info": 0, "warning": 1, "error": 2}
"""A severity's weight: ``RANK[a] >= RANK[b]`` when a is at least as serious as b (``--fail-on``)."""
