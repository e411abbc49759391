"""Analysis helpers the lessons and exercises share: small, named, documented."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .taxonomy import INTERESTS


def interest_shares(people: pd.DataFrame) -> pd.Series:
    """Return the share of people holding each interest, largest first.

    Args:
        people: Rows of the people table.

    Returns:
        Share (0..1) per interest.
    """
    if len(people) == 0:
        return pd.Series(0.0, index=list(INTERESTS))
    held = people["interests"].str.split(", ").explode()
    return (
        (held.value_counts() / len(people))
        .reindex(list(INTERESTS), fill_value=0.0)
        .sort_values(ascending=False)
        .astype(np.float64)
    )
