"""The world benchmark runs and prints its figures (timings are not asserted: CONVENTIONS.md)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from sandbox.graph import _median_of_counts, _search_cdf, _sorted_unique
from sandbox.people import take_str

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
        "people table: speed-up vs per-row Faker": r"[\d,]+x \(CPU time: [\d,]+x\)\s+>= 50x",
    }
    for label, figure in expected_rows.items():
        line = next((ln for ln in text.splitlines() if ln.startswith(label)), None)
        assert line is not None, f"no '{label}' row in:\n{text}"
        assert re.search(figure, line), line
        assert line.rstrip().endswith("n/a (quick)"), line  # quick runs do not judge targets
    assert re.search(r"people table, sandbox: 50,000 rows .* s CPU = [\d,]+ people/s", text)
    assert re.search(r"per-row Faker: 1,000 rows in [\d.]+ s wall / [\d.]+ s CPU = [\d,]+ people/s", text)
    assert re.search(r"extrapolated to 50,000 rows: [\d,]+ s", text)
    assert re.search(r"[\d,]+ follows, [\d,]+ influencers", text)

    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["quick"] is True
    assert figures["people"]["people"] == 50_000
    assert figures["million"][0]["follows"] > 50_000
    assert figures["million"][0]["peak_rss_kb"] > 0
    assert figures["baseline_runs"][0]["rows"] == 1_000
    assert figures["speedup"] > 0 and figures["speedup_cpu"] > 0


# --- the speed-ups the benchmark drove must not change any result ---------------------------------
def test_guide_table_cdf_search_equals_searchsorted():
    rng = np.random.default_rng(7)
    for case in range(400):
        m = int(rng.integers(1, 80))
        weights = rng.pareto(1.15, m) + 1.0
        if case % 3 == 0:
            weights[rng.random(m) < 0.3] = 0.0  # flat steps in the CDF
        if weights.sum() == 0:
            continue
        cdf = np.cumsum(weights)
        cdf /= cdf[-1]
        g = 4 * m
        edges = np.arange(g + 1) / g  # draws on and just below every bucket edge
        u = np.concatenate(
            [rng.random(3000), np.minimum(edges, np.nextafter(1.0, 0)), np.nextafter(edges, 0)]
        )
        u = np.clip(u, 0.0, np.nextafter(1.0, 0))
        assert np.array_equal(_search_cdf(cdf, u), np.searchsorted(cdf, u, side="right")), case
    big = np.cumsum(rng.pareto(1.15, 50_000) + 1.0)
    big /= big[-1]
    u = rng.random(200_000)  # several chunks
    assert np.array_equal(_search_cdf(big, u), np.searchsorted(big, u, side="right"))


def test_sort_based_unique_equals_np_unique():
    rng = np.random.default_rng(8)
    for size in (0, 1, 2, 1000, 100_000):
        keys = rng.integers(0, max(1, size // 3), size).astype(np.int64)
        assert np.array_equal(_sorted_unique(keys.copy()), np.unique(keys))


def test_median_from_counts_equals_groupby_median():
    rng = np.random.default_rng(9)
    for _ in range(200):
        k, n = int(rng.integers(1, 30)), int(rng.integers(0, 300))
        group, age = rng.integers(0, k, n), rng.integers(13, 66, n)
        expected = pd.Series(age).groupby(group).median().reindex(range(k)).to_numpy()
        hist = np.bincount(group * 66 + age, minlength=k * 66).reshape(k, 66)
        assert np.array_equal(_median_of_counts(hist), expected, equal_nan=True)


def test_arrow_take_gives_the_same_str_array_as_object_conversion():
    pool = ["Ann Lee", "Élodie Ng", "", "李雷", "O'Brien, Pat"]
    codes = np.random.default_rng(10).integers(0, len(pool), 1000)
    expected = pd.array(np.array(pool, dtype=object)[codes], dtype="str")
    pd.testing.assert_extension_array_equal(take_str(pool, codes), expected)
