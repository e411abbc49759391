"""The world benchmark runs and prints its figures (timings are not asserted: CONVENTIONS.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow  # about 5 s of CPU: it builds worlds in three processes
def test_quick_benchmark_prints_every_figure_with_its_target(tmp_path):
    out = tmp_path / "bench.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_world.py"), "--quick", "--json", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert re.search(r"machine \d+ cores", text)
    expected_rows = {
        "classroom world build": r"[\d.]+ s best, [\d.]+ s median of \d+ \(CPU [\d.]+ s\)\s+< 1 s",
        "50,000-person world build": r"[\d.]+ s best of \d+ \(CPU [\d.]+ s\)\s+< 20 s",
        "50,000-person world peak memory": r"[\d.]+ GB\s+< 3 GB",
        "people table: speed-up vs per-row Faker": r"[\d,]+x\s+>= 50x",
    }
    for label, figure in expected_rows.items():
        line = next((ln for ln in text.splitlines() if ln.startswith(label)), None)
        assert line is not None, f"no '{label}' row in:\n{text}"
        assert re.search(figure, line), line
        assert line.rstrip().endswith("n/a (quick)"), line  # quick runs do not judge targets
    assert re.search(r"people table, sandbox: 50,000 rows .* = [\d,]+ people/s", text)
    assert re.search(r"per-row Faker: 1,000 rows in [\d.]+ s = [\d,]+ people/s; extrapolated", text)
    assert re.search(r"[\d,]+ follows, [\d,]+ influencers", text)

    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["quick"] is True
    assert figures["people"]["people"] == 50_000
    assert figures["million"][0]["follows"] > 50_000
    assert figures["million"][0]["peak_rss_kb"] > 0
    assert figures["baseline"]["rows"] == 1_000
    assert figures["speedup"] > 0
