"""``lakip serve``: the self-check page — upload a report in the browser and see what to fix."""
