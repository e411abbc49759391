"""The committed offline datasets: reproducible, small, documented, loadable, checkable."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
from pathlib import Path

import pandas as pd
import pytest

from sandbox import SandboxInputError, World
from sandbox.columns import TABLES
from sandbox.datasets import (
    DICTIONARY_NAME,
    MANIFEST_NAME,
    SIZE_BUDGET_BYTES,
    default_folder,
    export,
    load,
)

ROOT = Path(__file__).resolve().parent.parent
DATASETS = ROOT / "datasets"
SMM_LAB = ROOT / ".venv" / "bin" / "smm-lab"
CSV_FILES = [f"{t}.csv" for t in TABLES]


def _manifest() -> dict:
    return json.loads((DATASETS / MANIFEST_NAME).read_text(encoding="utf-8"))


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _smm_lab(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [str(SMM_LAB), "datasets", *args], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def test_committed_folder_holds_every_table_the_manifest_and_the_dictionary():
    assert default_folder() == DATASETS
    names = {p.name for p in DATASETS.iterdir()}
    assert set(CSV_FILES) | {MANIFEST_NAME, DICTIONARY_NAME} <= names
    manifest = _manifest()
    assert set(manifest["files"]) == set(CSV_FILES) | {DICTIONARY_NAME}
    for key in ("python", "numpy", "pandas", "faker"):
        assert manifest["versions"][key]
    assert manifest["package"]["version"]
    assert manifest["world"]["seed"] == 2026
    for name, info in manifest["files"].items():
        path = DATASETS / name
        assert info["bytes"] == path.stat().st_size, name
        assert info["sha256"] == _sha256(path), f"{name} does not match MANIFEST.json"
        if name.endswith(".csv"):
            with path.open(encoding="utf-8") as f:
                rows = sum(1 for _ in f) - 1  # no text cell holds a line break
            assert info["rows"] == rows, name


def test_regenerating_with_the_command_reproduces_the_manifest_checksums(tmp_path):
    out = tmp_path / "tmp"
    run = _smm_lab("--out", str(out))
    assert run.returncode == 0, run.stderr
    assert "MANIFEST.json" in run.stdout
    committed = _manifest()
    fresh = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert fresh["world"] == committed["world"]
    differing = [
        name
        for name, info in committed["files"].items()
        if _sha256(out / name) != info["sha256"] or fresh["files"][name]["sha256"] != info["sha256"]
    ]
    assert not differing, (
        f"regenerated files differ from datasets/MANIFEST.json: {differing}. If the sandbox changed on "
        "purpose, run `.venv/bin/smm-lab datasets` and commit datasets/."
    )


def test_all_files_together_stay_under_five_megabytes():
    total = sum(p.stat().st_size for p in DATASETS.rglob("*") if p.is_file())
    assert total < SIZE_BUDGET_BYTES == 5_000_000, f"datasets/ holds {total:,} bytes"


def test_dictionary_describes_every_column_of_every_file_with_its_type():
    text = (DATASETS / DICTIONARY_NAME).read_text(encoding="utf-8")
    assert "smm-lab datasets --check" in text and "smm-lab datasets --out datasets" in text
    sections = dict(re.findall(r"^## (\w+)\n(.*?)(?=^## |\Z)", text, flags=re.S | re.M))
    manifest = _manifest()
    for name in CSV_FILES:
        table = name.removesuffix(".csv")
        assert table in sections, f"no section for {table} in {DICTIONARY_NAME}"
        rows = dict(re.findall(r"^\| `([^`]+)` \| ([^|]+) \| .+ \|$", sections[table], flags=re.M))
        header = pd.read_csv(DATASETS / name, nrows=0).columns.tolist()
        assert list(rows) == header, f"{table}: dictionary rows differ from the file's columns"
        for col in header:
            assert rows[col].startswith(manifest["files"][name]["columns"][col]), (table, col)
            assert TABLES[table][col].replace("|", "\\|") in sections[table], (table, col)


@pytest.fixture(scope="module")
def fresh_export(tmp_path_factory) -> tuple[Path, World]:
    """The committed datasets' world, exported now (so a stale commit fails one test, not all)."""
    args = _manifest()["world"]
    folder = tmp_path_factory.mktemp("datasets")
    export(folder, seed=args["seed"], size=args["size"])
    return folder, World(**args).build()


@pytest.mark.parametrize("table", list(TABLES))
def test_load_gives_the_worlds_table_with_its_dtypes(table, fresh_export):
    folder, world = fresh_export
    loaded = load(table, folder=folder)
    expected = getattr(world, table).reset_index(drop=True)
    assert loaded.dtypes.to_dict() == expected.dtypes.to_dict()
    # floats are written with six decimals; everything else is exact
    pd.testing.assert_frame_equal(loaded, expected, check_exact=False, rtol=0, atol=1e-6)


def test_load_reads_text_as_str_and_parses_datetimes():
    posts = load("posts")
    assert posts["brand"].dtype == "str"
    assert pd.api.types.is_datetime64_any_dtype(posts["time"])
    assert (posts["trend_id"] == "").any()  # an empty cell is the empty text, not missing


def test_load_names_the_allowed_tables_for_an_unknown_one():
    with pytest.raises(SandboxInputError, match=r"table: unknown value 'post'.*'posts'"):
        load("post")


def test_load_says_how_to_generate_a_missing_folder(tmp_path):
    with pytest.raises(SandboxInputError, match="smm-lab datasets --out"):
        load("posts", folder=tmp_path)


def test_check_passes_on_the_committed_folder_and_fails_naming_a_tampered_file(tmp_path):
    ok = _smm_lab("--check")
    assert ok.returncode == 0, ok.stderr
    copy = tmp_path / "datasets"
    shutil.copytree(DATASETS, copy)
    path = copy / "posts.csv"
    path.write_text(path.read_text(encoding="utf-8").replace(",pixa,", ",loop,", 1), encoding="utf-8")
    bad = _smm_lab("--check", "--out", str(copy))
    assert bad.returncode == 1
    assert "posts.csv" in bad.stderr
    assert "people.csv" not in bad.stderr
    assert "smm-lab datasets --out" in bad.stderr


def test_check_refuses_a_seed_because_the_manifest_holds_it():
    run = _smm_lab("--check", "--seed", "3")
    assert run.returncode == 2
    assert "--check" in run.stderr and "MANIFEST.json" in run.stderr
