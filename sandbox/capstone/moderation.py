"""A simple moderation triage: hide comments with links or with words you choose.

The capstone's moderation part is a rule a community manager can write down and a tool can
apply to every new comment: hide anything with a link (spam nearly always carries one), and
hide comments containing words you picked after reading what spam and toxic comments look
like in ``world.comments``. How good the rule is shows in two numbers measured against the
comments' true labels: precision (of what you hid, the share that really was spam or toxic)
and recall (of all spam and toxic comments, the share you hid). What hiding then does to the
campaign (readers who stay, real people's comments removed by mistake) comes from module 08's
community model, ``sandbox.community``; ``engine.moderation_outcome`` puts the two together.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import SandboxInputError

HIDE_LABELS: tuple[str, ...] = ("spam", "toxic")
"""Comment labels that should be hidden."""

LINK_PATTERN = re.compile(
    r"(?:https?://|www\.|\b[\w-]+\.(?:com|ly|co|io|net|org|me|ru|info|link|xyz)/)", re.IGNORECASE
)
"""What counts as a link in a comment (``bit.ly/...``, ``https://...``, ``www....``)."""


@dataclass(frozen=True)
class ModerationRules:
    """Which comments to hide.

    Attributes:
        hide_words: Words or phrases; a comment containing any of them (upper or lower case
            alike) is hidden.
        hide_links: Hide every comment with a link in it.

    Raises:
        SandboxInputError: If ``hide_words`` is not a list of texts or ``hide_links`` not
            True/False.
    """

    hide_words: tuple[str, ...] = ()
    hide_links: bool = True

    def __post_init__(self) -> None:
        words: Any = self.hide_words
        if isinstance(words, str):
            words = (words,)
        if not isinstance(words, Iterable):
            raise SandboxInputError("hide_words", f"must be a list of words, got {type(words).__name__}.")
        words = tuple(words)
        for w in words:
            if not isinstance(w, str) or not w.strip():
                raise SandboxInputError(
                    "hide_words", f"every entry must be a non-empty text like 'free', got {w!r}."
                )
        object.__setattr__(self, "hide_words", tuple(w.strip() for w in words))
        if not isinstance(self.hide_links, bool | np.bool_):
            raise SandboxInputError("hide_links", f"must be True or False, got {self.hide_links!r}.")

    def hides(self, texts: pd.Series | Iterable[str]) -> pd.Series:
        """Return, for each comment text, whether the rules hide it.

        Args:
            texts: Comment texts (e.g. ``world.comments["text"]``).

        Returns:
            A boolean Series aligned with ``texts``.
        """
        s = texts if isinstance(texts, pd.Series) else pd.Series(list(texts), dtype="str")
        s = s.astype("str")
        hidden = pd.Series(False, index=s.index)
        if self.hide_links:
            hidden |= s.str.contains(LINK_PATTERN, regex=True)
        if self.hide_words:
            pattern = "|".join(re.escape(w) for w in self.hide_words)
            hidden |= s.str.contains(pattern, case=False, regex=True)
        return hidden.astype(bool)

    def triage(self, comments: pd.DataFrame) -> pd.DataFrame:
        """Return the comments with a ``hide`` column saying what the rules do with each.

        Args:
            comments: A comments table with a ``text`` column.

        Returns:
            A copy of ``comments`` with ``hide`` (True/False).
        """
        if "text" not in comments.columns:
            raise SandboxInputError("comments", "needs a 'text' column (use world.comments).")
        out = comments.copy()
        out["hide"] = self.hides(out["text"]).to_numpy()
        return out


def moderation_quality(comments: pd.DataFrame, rules: ModerationRules) -> dict[str, float]:
    """Measure moderation rules against the comments' true labels.

    Args:
        comments: Comments with ``text`` and ``label`` (``world.comments`` or a plan's
            ``result.comments``).
        rules: The rules.

    Returns:
        ``comments``, ``to_hide`` (spam and toxic), ``hidden``, ``hidden_right``,
        ``precision`` (hidden_right / hidden) and ``recall`` (hidden_right / to_hide); a ratio
        whose denominator is 0 is NaN.
    """
    if not isinstance(rules, ModerationRules):
        raise SandboxInputError("moderation", f"must be ModerationRules(...), got {type(rules).__name__}.")
    for col in ("text", "label"):
        if col not in comments.columns:
            raise SandboxInputError("comments", f"needs a {col!r} column (use world.comments).")
    hidden = rules.hides(comments["text"]).to_numpy()
    bad = comments["label"].isin(HIDE_LABELS).to_numpy()
    n_hidden, n_bad, right = int(hidden.sum()), int(bad.sum()), int((hidden & bad).sum())
    return {
        "comments": len(comments),
        "to_hide": n_bad,
        "hidden": n_hidden,
        "hidden_right": right,
        "precision": right / n_hidden if n_hidden else float("nan"),
        "recall": right / n_bad if n_bad else float("nan"),
    }
