"""Execute notebooks in a fresh kernel and collect what a reviewer checks."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class RunReport:
    path: Path
    seconds: float
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    images: int = 0
    widgets: int = 0
    notebook: nbformat.NotebookNode | None = None
    cell_seconds: dict[int, float] = field(default_factory=dict)

    def slowest(self, n: int = 3) -> str:
        """The ``n`` slowest cells, for a failure message (``cell 12: 4.1 s``)."""
        top = sorted(self.cell_seconds.items(), key=lambda kv: -kv[1])[:n]
        return ", ".join(f"cell {i}: {s:.1f} s" for i, s in top) or "no timing recorded"


def run_notebook(path: Path, timeout: int = 120) -> RunReport:
    """Run ``path`` top to bottom in a fresh python3 kernel with its folder as working directory."""
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        allow_errors=True,
        record_timing=True,
        resources={"metadata": {"path": str(path.parent)}},
    )
    t0 = time.perf_counter()
    client.execute()
    took = time.perf_counter() - t0
    report = RunReport(path=path, seconds=took, notebook=nb)
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        timing = cell.metadata.pop("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            start = datetime.fromisoformat(timing["iopub.execute_input"].replace("Z", "+00:00"))
            end = datetime.fromisoformat(timing["shell.execute_reply"].replace("Z", "+00:00"))
            report.cell_seconds[i] = (end - start).total_seconds()
        for out in cell.get("outputs", []):
            if out.output_type == "error":
                report.errors.append(f"cell {i}: {out.ename}: {out.evalue}")
            elif out.output_type == "stream" and out.name == "stderr":
                text = out.text
                if "Warning" in text or "warning" in text:
                    report.warnings.append(f"cell {i}: {text.strip()[:300]}")
            elif out.output_type in ("display_data", "execute_result"):
                data = out.get("data", {})
                if "image/png" in data or "image/svg+xml" in data:
                    report.images += 1
                if "application/vnd.jupyter.widget-view+json" in data:
                    report.widgets += 1
    return report
