"""``smm-lab datasets``: export a default world as CSV files, or check an export."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``datasets`` subcommand.

    Args:
        sub: The subparsers of ``smm-lab``.
    """
    from .datasets import DEFAULT_SEED, DEFAULT_SIZE

    p = sub.add_parser(
        "datasets",
        help="export a world as CSV files with a manifest and a data dictionary, or check them",
        description=(
            "Write every table of one world as CSV into a folder, with MANIFEST.json (arguments, "
            "versions, checksums) and DATA_DICTIONARY.md. With --check, regenerate in a temporary "
            "folder and compare with the folder's manifest instead."
        ),
    )
    p.add_argument("--out", default="datasets", help="the datasets folder (default: datasets)")
    p.add_argument("--seed", type=int, default=None, help=f"the world's seed (default {DEFAULT_SEED})")
    p.add_argument("--size", type=int, default=None, help=f"number of people (default {DEFAULT_SIZE:,})")
    p.add_argument(
        "--check",
        action="store_true",
        help="regenerate from the manifest's arguments and compare checksums; exit 1 if any file differs",
    )
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Export the datasets, or check them.

    Args:
        args: Parsed arguments.

    Returns:
        0 on success, 1 when ``--check`` finds differences.
    """
    from .datasets import DEFAULT_SEED, DEFAULT_SIZE, SIZE_BUDGET_BYTES, check, export
    from .errors import SandboxInputError

    out = Path(args.out)
    if args.check:
        if args.seed is not None or args.size is not None:
            raise SandboxInputError(
                "--check", "takes the world's seed and size from MANIFEST.json; drop --seed and --size."
            )
        t0 = time.perf_counter()
        result = check(out)
        if result.ok:
            print(
                f"{out}: every file matches MANIFEST.json and regenerates byte for byte "
                f"({time.perf_counter() - t0:.1f} s)."
            )
            return 0
        print(f"smm-lab datasets --check: {len(result.problems)} difference(s) in {out}:", file=sys.stderr)
        for line in result.problems:
            print(f"  {line}", file=sys.stderr)
        if result.version_differences:
            print(
                "Versions differ from the manifest's: " + "; ".join(result.version_differences) + ".",
                file=sys.stderr,
            )
        print(f"To rebuild the files: smm-lab datasets --out {out} (then commit them).", file=sys.stderr)
        return 1

    seed = DEFAULT_SEED if args.seed is None else args.seed
    size = DEFAULT_SIZE if args.size is None else args.size
    t0 = time.perf_counter()
    manifest = export(out, seed=seed, size=size)
    took = time.perf_counter() - t0
    for name, info in manifest["files"].items():
        rows = f"{info['rows']:>9,} rows" if "rows" in info else " " * 14
        print(f"  {name:<22} {rows} {info['bytes']:>11,} bytes")
    total = manifest["total_bytes"]
    count = len(manifest["files"])
    print(f"wrote {count} files and MANIFEST.json to {out}: {total / 1e6:.2f} MB in {took:.1f} s")
    if total > SIZE_BUDGET_BYTES:
        print(
            f"note: {total / 1e6:.1f} MB is over the {SIZE_BUDGET_BYTES / 1e6:.0f} MB meant for the "
            "repository; use a smaller --size before committing.",
            file=sys.stderr,
        )
    return 0
