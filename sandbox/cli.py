"""``smm-lab``: the command line for learners, instructors and course authors.

Each group of subcommands lives in its own module with a ``register(subparsers)`` function;
add the module's name to ``COMMAND_MODULES`` to make its commands appear.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

COMMAND_MODULES: list[str] = [
    "sandbox.cli_world",
    "sandbox.cli_datasets",
    "sandbox.grading.cli",
]
"""Modules that add subcommands."""


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every registered subcommand.

    Returns:
        The parser.
    """
    parser = argparse.ArgumentParser(
        prog="smm-lab", description="SMM Lab: the simulated social network and its course."
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: Arguments (without the program name); ``sys.argv[1:]`` when None.

    Returns:
        The exit code.
    """
    from .errors import SandboxInputError

    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except SandboxInputError as exc:
        print(f"smm-lab {args.command}: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
