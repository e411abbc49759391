"""Offline datasets: a default world exported as CSV files, with a manifest and a data dictionary.

``smm-lab datasets`` (see ``sandbox.cli_datasets``) writes every table of one world to
``datasets/``: one UTF-8 CSV file per table, ``MANIFEST.json`` (the world's arguments, the
versions used, and each file's rows, bytes, column types and SHA-256) and
``DATA_DICTIONARY.md`` (every column of every file, written from ``sandbox.columns``).
The same arguments and versions give the same bytes, so the manifest's checksums can be
checked by regenerating (``smm-lab datasets --check``).

In a notebook, read a table back with its types::

    from sandbox.datasets import load
    posts = load("posts")
"""

from __future__ import annotations

import hashlib
import json
import platform
import tempfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import pandas as pd

from .columns import TABLES
from .errors import SandboxInputError, check_choice
from .world import World

DEFAULT_SEED = 2026
DEFAULT_SIZE = 5_000
"""5,000 people: the whole follow graph (about 170,000 edges) fits with every other table in
well under 5 MB, so ``follows`` is exported in full rather than subsampled."""

WORLD_DEFAULTS: dict[str, Any] = {
    "niche": "coffee_shop",
    "locale": "en_US",
    "start_date": "2026-03-02",
    "history_days": 90,
    "horizon_days": 56,
    "competitors": 4,
}
"""The other ``World`` arguments of the exported world (``World``'s own defaults)."""

MANIFEST_NAME = "MANIFEST.json"
DICTIONARY_NAME = "DATA_DICTIONARY.md"
SIZE_BUDGET_BYTES = 5_000_000
"""All files of the default export together stay under this size (they are committed)."""

FLOAT_FORMAT = "%.6f"
DATETIME_FORMAT = "%Y-%m-%d %H:%M:%S"
DATE_FORMAT = "%Y-%m-%d"
DATE_ONLY_COLUMNS = frozenset({"date"})
"""Datetime columns with these names hold whole days and are written as ``YYYY-MM-DD``."""

TABLE_DESCRIPTIONS: dict[str, str] = {
    "platforms": "The platform archetypes and the constants of their engagement model.",
    "people": "Everyone in the world, one row per person.",
    "follows": "The complete follow graph: who follows whom on which platform.",
    "influencers": "Influencer accounts in tiers, with fake-follower shares and prices.",
    "brands": "Your brand (brand_id 0) and its competitors.",
    "accounts": "Each brand's account on each platform, with followers on the start date.",
    "brand_followers": "The people following each brand account when the history starts.",
    "trends": "Trends of the whole period (history and plan horizon), with start, peak and end.",
    "posts": "Every brand's public posts before the start date, with their results.",
    "history_daily": "Daily figures per brand account over the history.",
    "comments": "Comments on the history's posts, with ground-truth labels.",
}

_PACKAGES = ("numpy", "pandas", "faker", "pyarrow")


def default_folder() -> Path:
    """Return the ``datasets/`` folder of the repository this package is installed from.

    Returns:
        The path (it may not exist when the package was installed from a wheel).
    """
    return Path(__file__).resolve().parent.parent / "datasets"


def world_arguments(seed: int = DEFAULT_SEED, size: int = DEFAULT_SIZE) -> dict[str, Any]:
    """Return the full ``World`` arguments of an export.

    Args:
        seed: The world's seed.
        size: Number of people.

    Returns:
        Keyword arguments for ``World``.
    """
    return {"seed": int(seed), "size": int(size), **WORLD_DEFAULTS}


def environment_versions() -> dict[str, str]:
    """Return the versions that the exported bytes depend on.

    Returns:
        Python and package versions, by name.
    """
    versions = {"python": platform.python_version()}
    for name in _PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "not installed"
    return versions


def _package_version() -> str:
    try:
        return metadata.version("smm-lab")
    except metadata.PackageNotFoundError:
        from . import __version__

        return __version__


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _column_types(df: pd.DataFrame) -> tuple[dict[str, str], dict[str, list[str]]]:
    types: dict[str, str] = {}
    categories: dict[str, list[str]] = {}
    for col, dtype in df.dtypes.items():
        if isinstance(dtype, pd.CategoricalDtype):
            types[str(col)] = "category"
            categories[str(col)] = [str(c) for c in dtype.categories]
        elif pd.api.types.is_string_dtype(dtype) and not pd.api.types.is_object_dtype(dtype):
            types[str(col)] = "str"
        else:
            types[str(col)] = str(dtype)
    return types, categories


def write_csv(df: pd.DataFrame, path: Path) -> None:
    """Write a table as CSV with the datasets' fixed formatting.

    UTF-8, newline line ends, no index, floats with six decimals, datetimes as
    ``YYYY-MM-DD HH:MM:SS`` (whole-day ``date`` columns as ``YYYY-MM-DD``), booleans as
    ``True``/``False``.

    Args:
        df: The table.
        path: Where to write it.
    """
    out = df.copy()
    for col in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[col].dtype):
            fmt = DATE_FORMAT if col in DATE_ONLY_COLUMNS else DATETIME_FORMAT
            out[col] = out[col].dt.strftime(fmt)
    out.to_csv(path, index=False, float_format=FLOAT_FORMAT, lineterminator="\n", encoding="utf-8")


def _undocumented(table: str, columns: list[str]) -> list[str]:
    described = TABLES.get(table, {})
    return [c for c in columns if c not in described]


def data_dictionary(manifest: dict[str, Any]) -> str:
    """Write ``DATA_DICTIONARY.md`` from ``sandbox.columns.TABLES`` and a manifest's files.

    Args:
        manifest: The manifest (its ``world`` and ``files`` entries are used).

    Returns:
        The Markdown text.

    Raises:
        SandboxInputError: If an exported column has no description in ``sandbox/columns.py``.
    """
    world = manifest["world"]
    args = f"--seed {world['seed']} --size {world['size']}"
    lines = [
        "# SMM Lab offline datasets: data dictionary",
        "",
        "This folder holds one simulated world of the SMM Lab sandbox as CSV files, for working",
        "offline or with tools other than Python. It is generated; do not edit it by hand.",
        "",
        f"- World: `World({', '.join(f'{k}={v!r}' for k, v in world.items())})`, "
        f"{world['size']:,} people. `follows` is the full follow graph of that world (not a sample).",
        "- Format: UTF-8 CSV with a header row and no index; floats with six decimals; datetimes as",
        "  `YYYY-MM-DD HH:MM:SS` (the `date` column of `history_daily` as `YYYY-MM-DD`); booleans as",
        "  `True` / `False`; lists inside a cell are comma-separated text (e.g. `coffee, travel`).",
        "- `MANIFEST.json`: the world's arguments, the Python and package versions used, and each",
        "  file's rows, bytes, column types and SHA-256 checksum.",
        "",
        "## Regenerate and check",
        "",
        "From the repository folder, after `bash scripts/setup.sh --no-lab`:",
        "",
        "```bash",
        f".venv/bin/smm-lab datasets --out datasets {args}   # write every file again",
        ".venv/bin/smm-lab datasets --check   # regenerate in a temporary folder, compare checksums",
        "```",
        "",
        "`--check` exits with status 1 and names every file that differs, for example after the",
        "sandbox's model changed (then regenerate and commit) or after a file was edited by hand.",
        "The same bytes need the versions recorded in the manifest (numpy, pandas, Faker, pyarrow).",
        "",
        "## Load a table in a notebook",
        "",
        "```python",
        "from sandbox.datasets import load",
        "",
        'posts = load("posts")  # the column types below, datetimes parsed, text as "str"',
        "```",
        "",
        "The same tables come from a live world: `World(seed=..., size=...).posts`.",
        "",
        "## Files",
        "",
        "| file | rows | what |",
        "| --- | ---: | --- |",
    ]
    files = manifest["files"]
    for table in TABLES:
        info = files.get(f"{table}.csv")
        if info is not None:
            lines.append(f"| `{table}.csv` | {info['rows']:,} | {TABLE_DESCRIPTIONS.get(table, '')} |")
    for table in TABLES:
        info = files.get(f"{table}.csv")
        if info is None:
            continue
        missing = _undocumented(table, list(info["columns"]))
        if missing:
            raise SandboxInputError(
                "columns",
                f"table {table!r} has columns with no description: {', '.join(missing)}. "
                "Describe them in sandbox/columns.py.",
            )
        lines += [
            "",
            f"## {table}",
            "",
            f"`{table}.csv`: {TABLE_DESCRIPTIONS.get(table, '')} {info['rows']:,} rows.",
            "",
            "| column | type | description |",
            "| --- | --- | --- |",
        ]
        for col, dtype in info["columns"].items():
            text = TABLES[table][col].replace("|", "\\|")
            if dtype == "category":
                dtype = "category (" + ", ".join(info["categories"][col]) + ")"
            lines.append(f"| `{col}` | {dtype} | {text} |")
    return "\n".join(lines) + "\n"


def export(out: str | Path, seed: int = DEFAULT_SEED, size: int = DEFAULT_SIZE) -> dict[str, Any]:
    """Build a world and write all its tables, ``MANIFEST.json`` and ``DATA_DICTIONARY.md``.

    Args:
        out: Folder to write into (created if needed; other files in it are left alone).
        seed: The world's seed.
        size: Number of people.

    Returns:
        The manifest that was written.

    Raises:
        SandboxInputError: For a bad seed or size, or a column without a description.
    """
    args = world_arguments(seed, size)
    world = World(**args).build()
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    files: dict[str, Any] = {}
    for table in TABLES:
        df = getattr(world, table)
        missing = _undocumented(table, [str(c) for c in df.columns])
        if missing:
            raise SandboxInputError(
                "columns",
                f"table {table!r} has columns with no description: {', '.join(missing)}. "
                "Describe them in sandbox/columns.py.",
            )
        path = folder / f"{table}.csv"
        write_csv(df, path)
        types, categories = _column_types(df)
        info: dict[str, Any] = {
            "table": table,
            "rows": len(df),
            "bytes": path.stat().st_size,
            "sha256": _sha256(path),
            "columns": types,
        }
        if categories:
            info["categories"] = categories
        files[path.name] = info
    manifest: dict[str, Any] = {
        "name": "SMM Lab offline datasets",
        "command": f"smm-lab datasets --out {folder.name} --seed {args['seed']} --size {args['size']}",
        "package": {"name": "smm-lab", "version": _package_version()},
        "versions": environment_versions(),
        "world": args,
        "follows": "complete follow graph of the world (not subsampled)",
        "format": {
            "encoding": "utf-8",
            "header": True,
            "index": False,
            "line_terminator": "\\n",
            "float_format": FLOAT_FORMAT,
            "datetime_format": DATETIME_FORMAT,
            "date_format": DATE_FORMAT + " (columns: " + ", ".join(sorted(DATE_ONLY_COLUMNS)) + ")",
        },
        "files": files,
    }
    dictionary = folder / DICTIONARY_NAME
    dictionary.write_text(data_dictionary(manifest), encoding="utf-8", newline="\n")
    files[DICTIONARY_NAME] = {"bytes": dictionary.stat().st_size, "sha256": _sha256(dictionary)}
    manifest["total_bytes"] = sum(f["bytes"] for f in files.values())
    text = json.dumps(manifest, indent=2, ensure_ascii=False) + "\n"
    (folder / MANIFEST_NAME).write_text(text, encoding="utf-8", newline="\n")
    return manifest


def read_manifest(folder: str | Path | None = None) -> dict[str, Any]:
    """Read a datasets folder's ``MANIFEST.json``.

    Args:
        folder: The datasets folder; the repository's ``datasets/`` when None.

    Returns:
        The manifest.

    Raises:
        SandboxInputError: If the folder has no manifest.
    """
    path = Path(folder) if folder is not None else default_folder()
    manifest = path / MANIFEST_NAME
    if not manifest.is_file():
        raise SandboxInputError(
            "folder",
            f"no {MANIFEST_NAME} in {path}. Generate the datasets with "
            f"`smm-lab datasets --out {path}`, or pass the folder that holds them.",
        )
    return json.loads(manifest.read_text(encoding="utf-8"))


@dataclass
class CheckResult:
    """What ``check`` found.

    Attributes:
        problems: One line per file that differs, naming it and saying how.
        manifest_versions: Versions recorded in the manifest.
        current_versions: Versions in this environment.
    """

    problems: list[str]
    manifest_versions: dict[str, str]
    current_versions: dict[str, str]

    @property
    def ok(self) -> bool:
        """True when every file matches the manifest."""
        return not self.problems

    @property
    def version_differences(self) -> list[str]:
        """Versions that differ between the manifest and this environment."""
        return [
            f"{k} {self.manifest_versions.get(k)} in the manifest, {v} here"
            for k, v in self.current_versions.items()
            if self.manifest_versions.get(k) != v and k != "python"
        ]


def check(folder: str | Path | None = None) -> CheckResult:
    """Compare a datasets folder with its manifest, and regenerate it to compare again.

    Two things can differ: a file in the folder (edited, truncated or missing), and a file
    regenerated now from the manifest's world arguments (the sandbox or a package changed).

    Args:
        folder: The datasets folder; the repository's ``datasets/`` when None.

    Returns:
        A ``CheckResult``; ``ok`` is True when nothing differs.
    """
    path = Path(folder) if folder is not None else default_folder()
    manifest = read_manifest(path)
    expected = manifest["files"]
    problems: list[str] = []
    for name, info in expected.items():
        file = path / name
        if not file.is_file():
            problems.append(f"{name}: missing from {path}")
        elif _sha256(file) != info["sha256"]:
            problems.append(f"{name}: the file in {path} does not match the manifest's checksum (edited?)")
    world = manifest["world"]
    with tempfile.TemporaryDirectory(prefix="smm-lab-datasets-") as tmp:
        fresh = export(tmp, seed=world["seed"], size=world["size"])
    for name, info in expected.items():
        new = fresh["files"].get(name)
        if new is None:
            problems.append(f"{name}: no longer produced by `smm-lab datasets`")
        elif new["sha256"] != info["sha256"]:
            rows = f" (rows: {info['rows']:,} in the manifest, {new['rows']:,} now)" if "rows" in info else ""
            problems.append(f"{name}: regenerating it gives different content{rows}")
    for name in fresh["files"]:
        if name not in expected:
            problems.append(f"{name}: produced now but not listed in the manifest")
    return CheckResult(problems, manifest.get("versions", {}), environment_versions())


def load(table: str, folder: str | Path | None = None) -> pd.DataFrame:
    """Read one exported table with its column types (text as ``"str"``, datetimes parsed).

    Args:
        table: A table name: one of ``sandbox.columns.TABLES`` (``"people"``, ``"posts"``, ...).
        folder: The datasets folder; the repository's ``datasets/`` when None.

    Returns:
        The table as a DataFrame, with the same columns and dtypes as the world's table.

    Raises:
        SandboxInputError: For an unknown table name or a folder without the datasets.

    Example:
        >>> from sandbox.datasets import load
        >>> load("brands")["is_you"].sum()
        np.int64(1)
    """
    check_choice("table", table, TABLES)
    path = Path(folder) if folder is not None else default_folder()
    manifest = read_manifest(path)
    info = manifest["files"].get(f"{table}.csv")
    file = path / f"{table}.csv"
    if info is None or not file.is_file():
        raise SandboxInputError(
            "table",
            f"{table!r} is not in {path}. Regenerate the datasets with `smm-lab datasets --out {path}`.",
        )
    types: dict[str, str] = info["columns"]
    read_as: dict[str, Any] = {}
    for col, dtype in types.items():
        read_as[col] = "str" if dtype in ("str", "category") or dtype.startswith("datetime") else dtype
    floats = [c for c, t in types.items() if t.startswith("float")]
    df = pd.read_csv(
        file,
        dtype=read_as,
        encoding="utf-8",
        keep_default_na=False,
        na_values={c: [""] for c in floats},
    )
    for col, dtype in types.items():
        if dtype.startswith("datetime"):
            df[col] = pd.to_datetime(df[col], format="ISO8601").astype(dtype)
        elif dtype == "category":
            df[col] = df[col].astype(pd.CategoricalDtype(info["categories"][col]))
    return df
