"""``smm-lab world``: build a world and print what is in it."""

from __future__ import annotations

import argparse
import time


def register(sub: argparse._SubParsersAction) -> None:
    """Add the ``world`` subcommand.

    Args:
        sub: The subparsers of ``smm-lab``.
    """
    p = sub.add_parser("world", help="build a world and print a summary of it")
    p.add_argument("--seed", type=int, default=0, help="the world's seed (default 0)")
    p.add_argument("--niche", default="coffee_shop", help="niche of your brand (default coffee_shop)")
    p.add_argument("--size", type=int, default=20_000, help="number of people (default 20000)")
    p.add_argument("--locale", default="en_US", help="en_US or ru_RU (default en_US)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Build the world and print its summary.

    Args:
        args: Parsed arguments.

    Returns:
        0.
    """
    from .world import World

    t0 = time.perf_counter()
    world = World(seed=args.seed, niche=args.niche, size=args.size, locale=args.locale).build()
    took = time.perf_counter() - t0
    print(world)
    print(f"built in {took:.2f} s")
    print(
        f"people: {len(world.people):,}  follows: {len(world.follows):,}  "
        f"influencers: {len(world.influencers):,}  trends: {len(world.trends)}"
    )
    print(f"posts in history: {len(world.posts):,}  comments: {len(world.comments):,}")
    print("\nbrands:")
    print(world.accounts.to_string(index=False))
    return 0
