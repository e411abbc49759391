"""Execute every lesson in a fresh kernel; print its wall time and the kernel's peak memory.

Targets (issue: the course in JupyterLab): every lesson under 30 s and under 1 GiB, the memory
of a default JupyterHub user pod. As a baseline, the same run first times a kernel that only
imports the sandbox, so the ratios say what the lesson itself costs.

Usage:
    .venv/bin/python benchmarks/bench_lessons.py [--only 01] [--quick]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from nbformat.v4 import new_code_cell, new_notebook

ROOT = Path(__file__).resolve().parents[1]
TIME_TARGET_S = 30.0
MEMORY_TARGET_MIB = 1024.0
PEAK_CELL = "import resource; print('PEAK_KIB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"


def run(nb: nbformat.NotebookNode, cwd: Path) -> tuple[float, float, int]:
    """Execute ``nb`` with a peak-memory probe appended; return seconds, peak MiB and error count."""
    nb = nbformat.from_dict(nb)
    nb.cells.append(new_code_cell(PEAK_CELL))
    client = NotebookClient(
        nb, timeout=300, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(cwd)}}
    )
    t0 = time.perf_counter()
    client.execute()
    seconds = time.perf_counter() - t0
    errors = sum(
        1 for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.output_type == "error"
    )
    peak = 0.0
    for out in nb.cells[-1].get("outputs", []):
        if out.output_type == "stream" and "PEAK_KIB" in out.text:
            peak = int(out.text.split()[-1]) / 1024
    return seconds, peak, errors


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", help="run only lessons whose folder starts with this, e.g. 01")
    args = parser.parse_args()

    lessons = sorted((ROOT / "course").glob("[0-9][0-9]-*/*-lesson.ipynb"))
    if args.only:
        lessons = [p for p in lessons if p.parent.name.startswith(args.only)]
    if not lessons:
        print("no lessons found")
        return 1

    baseline = new_notebook()
    baseline.cells.append(new_code_cell("import sandbox, pandas, matplotlib.pyplot"))
    base_s, base_mib, _ = run(baseline, ROOT)
    print(f"baseline: a kernel that only imports the sandbox: {base_s:.1f} s, peak {base_mib:.0f} MiB\n")

    header = f"{'lesson':<34}{'time s':>8}{'x base':>8}{'peak MiB':>10}{'x base':>8}  {'errors':>6}  verdict"
    print(header)
    print("-" * len(header))
    misses = 0
    for path in lessons:
        seconds, mib, errors = run(nbformat.read(path, as_version=4), path.parent)
        ok = seconds < TIME_TARGET_S and mib < MEMORY_TARGET_MIB and errors == 0
        misses += not ok
        ratios = f"{seconds / base_s:>8.1f}{mib:>10.0f}{mib / base_mib:>8.1f}"
        print(f"{path.parent.name:<34}{seconds:>8.1f}{ratios}  {errors:>6}  {'PASS' if ok else 'MISS'}")
    met = f"{len(lessons) - misses}/{len(lessons)} lessons meet them"
    print(f"\ntargets: under {TIME_TARGET_S:.0f} s and {MEMORY_TARGET_MIB:.0f} MiB a lesson; {met}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
