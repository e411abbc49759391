"""Random counts drawn from given uniform numbers (so each draw is keyed by its own id).

The ads simulator never asks a generator for "the next number": every cell of every day gets
its uniforms from ``sandbox.seeding.uniforms`` keyed by the ad set, the day and the cell, and
these functions turn them into Poisson and binomial counts by inverting the distribution.
The same uniform with a larger mean never gives a smaller count, which keeps comparisons
between two runs (a bigger budget, a higher bid cap) monotone cell by cell.
"""

from __future__ import annotations

import numpy as np

_SQRT2 = np.sqrt(2.0)


def normal_cdf(x: np.ndarray) -> np.ndarray:
    """Return the standard normal CDF (Abramowitz-Stegun 7.1.26, error below 1.5e-7).

    Args:
        x: Points.

    Returns:
        Phi(x), same shape.
    """
    x = np.asarray(x, dtype=float)
    z = np.abs(x) / _SQRT2
    t = 1.0 / (1.0 + 0.3275911 * z)
    poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))))
    erf = 1.0 - poly * np.exp(-z * z)
    return 0.5 * (1.0 + np.sign(x) * erf)


def normal_ppf(u: np.ndarray) -> np.ndarray:
    """Return standard normal quantiles (Acklam's rational approximation, error below 1.2e-9).

    Args:
        u: Probabilities strictly between 0 and 1.

    Returns:
        The quantiles.
    """
    u = np.clip(np.asarray(u, dtype=float), 1e-300, 1 - 1e-16)
    a = (-3.969683028665376e01, 2.209460984245205e02, -2.759285104469687e02, 1.383577518672690e02)
    a5, a6 = -3.066479806614716e01, 2.506628277459239e00
    b = (-5.447609879822406e01, 1.615858368580409e02, -1.556989798598866e02, 6.680131188771972e01)
    b5 = -1.328068155288572e01
    c = (-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e00, -2.549732539343734e00)
    c5, c6 = 4.374664141464968e00, 2.938163982698783e00
    d = (7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e00, 3.754408661907416e00)
    out = np.empty_like(u)
    lo = u < 0.02425
    hi = u > 1 - 0.02425
    mid = ~(lo | hi)
    q = u[mid] - 0.5
    r = q * q
    num = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a5) * r + a6) * q
    den = ((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b5) * r + 1
    out[mid] = num / den
    for sel, sign, p in ((lo, 1.0, u[lo]), (hi, -1.0, 1 - u[hi])):
        q = np.sqrt(-2 * np.log(p))
        num = ((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c5) * q + c6
        den = (((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1
        out[sel] = sign * num / den
    return out


def poisson(lam: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Draw Poisson counts by inverting the CDF at ``u`` (normal approximation from a mean of 40).

    Args:
        lam: Means (non-negative).
        u: One uniform in (0, 1) per mean.

    Returns:
        Counts (int64).
    """
    lam = np.maximum(np.asarray(lam, dtype=float), 0.0)
    u = np.asarray(u, dtype=float)
    out = np.zeros(lam.shape, dtype=np.int64)
    small = lam < 40
    p0 = np.exp(-lam)
    idx = np.flatnonzero(small & (u > p0))
    if idx.size:
        lm, uu = lam[idx], u[idx]
        pmf = p0[idx]
        cdf = pmf.copy()
        k = 0
        while idx.size and k < 400:
            k += 1
            out[idx] = k
            pmf = pmf * lm / k
            cdf = cdf + pmf
            more = uu > cdf
            idx, lm, uu, pmf, cdf = idx[more], lm[more], uu[more], pmf[more], cdf[more]
    big = np.flatnonzero(~small)
    if big.size:
        z = normal_ppf(u[big])
        out[big] = np.maximum(0, np.floor(lam[big] + np.sqrt(lam[big]) * z + 0.5)).astype(np.int64)
    return out


def binomial(n: np.ndarray, p: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Draw binomial counts by inverting the CDF at ``u`` (normal approximation for large n·p).

    Args:
        n: Trials (non-negative integers).
        p: Success probabilities (clipped to [0, 1]).
        u: One uniform in (0, 1) per draw.

    Returns:
        Counts between 0 and n (int64).
    """
    n = np.asarray(n, dtype=np.int64)
    p = np.clip(np.asarray(p, dtype=float), 0.0, 1.0)
    u = np.asarray(u, dtype=float)
    out = np.zeros(n.shape, dtype=np.int64)
    full = p >= 1.0
    out[full] = n[full]
    mean = n * p
    small = (~full) & (n > 0) & ((mean < 30) | (n - mean < 30))
    with np.errstate(divide="ignore"):
        p0 = np.where(small, np.exp(n * np.log1p(-np.minimum(p, 1 - 1e-12))), 1.0)
    idx = np.flatnonzero(small & (u > p0))
    if idx.size:
        nn, pp, uu = n[idx], p[idx], u[idx]
        ratio = pp / (1.0 - pp)
        pmf = p0[idx]
        cdf = pmf.copy()
        k = 0
        while idx.size:
            k += 1
            out[idx] = k
            pmf = pmf * (nn - k + 1) / k * ratio
            cdf = cdf + pmf
            more = (uu > cdf) & (nn > k)
            idx, nn, uu, pmf, cdf, ratio = idx[more], nn[more], uu[more], pmf[more], cdf[more], ratio[more]
    big = np.flatnonzero((~full) & (~small) & (n > 0))
    if big.size:
        m = mean[big]
        sd = np.sqrt(m * (1 - p[big]))
        draw = np.floor(m + sd * normal_ppf(u[big]) + 0.5)
        out[big] = np.clip(draw, 0, n[big]).astype(np.int64)
    return out


def geometric_days(mean_days: float | np.ndarray, u: np.ndarray, max_days: int = 28) -> np.ndarray:
    """Return whole-day delays with the given mean (floor of an exponential), capped.

    Args:
        mean_days: Mean delay in days.
        u: Uniforms.
        max_days: Longest delay.

    Returns:
        Delays in days (int64).
    """
    lam = np.asarray(mean_days, dtype=float) + 0.5
    return np.minimum(np.floor(-np.log(np.asarray(u, dtype=float)) * lam), max_days).astype(np.int64)
