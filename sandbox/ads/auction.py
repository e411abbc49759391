"""The ad auction against competing advertisers, in closed form.

In every auction the ad set's *total value* is ``bid x estimated action rate + ad quality``
(per 1000 impressions, USD) and the best competing value is drawn from the market: a
log-normal around the market's median price for that person (platform, country, age,
gender, day) with a floor price (``RESERVE_PRICE``). The higher value wins; the winner pays
what it needed to beat the runner-up, less its own quality bonus, never more than its bid.

Values are handled *standardised* (divided by the market median ``m`` of the cell), so one
formula serves every cell: ``z = bid x x + qq`` with ``x = 1000 x action rate / m`` and
``qq = quality x QUALITY_WEIGHT``. Because each cell stands for many auctions, the simulator
uses the expected share won and the expected price, then draws the counts.
"""

from __future__ import annotations

import math

import numpy as np

from .. import params as P  # noqa: N812
from .draws import normal_cdf

SIGMA = P.COMPETITION_SPREAD
RHO = P.RESERVE_PRICE
_MEAN_FACTOR = math.exp(SIGMA**2 / 2)
MIN_PRICE = 0.5 * RHO
"""Lowest standardised price a winner ever pays (a strong quality bonus cannot push it lower)."""


def _excess(z: np.ndarray) -> np.ndarray:
    """Return log of the value above the floor, in units of (median - floor)."""
    return np.log(np.maximum(z - RHO, 1e-300) / (1.0 - RHO))


def win_rate(z: np.ndarray) -> np.ndarray:
    """Return the share of auctions won at standardised value ``z``.

    The best competing value is the floor plus a log-normal part whose median puts the
    whole at 1 (the market median): ``RHO + (1 - RHO) x LogNormal(0, SIGMA)``.

    Args:
        z: Total value divided by the market median.

    Returns:
        Probability that the best competing value is lower (0 at or below the floor).
    """
    z = np.asarray(z, dtype=float)
    return np.where(z > RHO, normal_cdf(_excess(z) / SIGMA), 0.0)


def win_and_price(z: np.ndarray, qq: float) -> tuple[np.ndarray, np.ndarray]:
    """Return (share won, expected standardised price per impression won).

    Args:
        z: Standardised total values.
        qq: The ad set's standardised quality bonus (included in ``z``).

    Returns:
        Win probability and the expected price paid per won impression, as a multiple of
        the market median (0 where nothing is won): the runner-up's value less the quality
        bonus, never below ``MIN_PRICE`` and never above the bid.
    """
    z = np.asarray(z, dtype=float)
    lt = _excess(z)
    p = normal_cdf(lt / SIGMA)
    partial = (1.0 - RHO) * _MEAN_FACTOR * normal_cdf((lt - SIGMA**2) / SIGMA)
    won = (z > RHO) & (p > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        runner_up = np.where(won, RHO + partial / np.where(won, p, 1.0), 0.0)
    bid_part = np.maximum(z - qq, 1e-9)  # the winner never pays more than its bid
    price = np.where(won, np.minimum(np.maximum(runner_up - qq, MIN_PRICE), bid_part), 0.0)
    return np.where(won, p, 0.0), price
