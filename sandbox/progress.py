"""Progress bars for anything a user waits on for more than a couple of seconds.

``tqdm.auto`` draws a widget bar in JupyterLab and a text bar in a terminal.
"""

from __future__ import annotations

from typing import Any

from tqdm.auto import tqdm

BIG_WORLD = 200_000
"""Worlds with at least this many people show a progress bar while they build."""

LONG_PLAN_POSTS = 1_000
"""Plans with at least this many posts show a progress bar while they run."""


def progress(total: int, desc: str, enabled: bool | None, auto: bool) -> Any:
    """Return a progress bar (a no-op one when disabled).

    Args:
        total: Number of steps.
        desc: What is being done, shown before the bar.
        enabled: True or False to force, None to decide automatically.
        auto: The automatic decision (e.g. "the world is big").

    Returns:
        A tqdm bar; call ``update(n)``, ``set_postfix_str(text)`` and ``close()``.
    """
    show = auto if enabled is None else bool(enabled)
    return tqdm(total=total, desc=desc, disable=not show, leave=False)
