"""The organic engagement model: how a post meets its audience.

For a post by a brand on a platform, the model computes

* follower reach = followers x the platform's organic reach x time-of-day x audience fit x
  format fit x posting-frequency fatigue x trend timing x content quality x luck;
* non-follower reach = follower reach x the platform's discovery rate x hashtags;
* engagement per person reached = the platform's baseline x topic interest x text length x
  rubric x call-to-action x the share of real (non-bot) followers;
* likes, comments, shares, saves, clicks, follows and unfollows from those rates.

Every factor is kept, so that ``explain`` can show a learner exactly why a post did what it
did. Randomness comes from each post's own id (``seeding.uniforms``), never from the order
in which posts are simulated.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import params as P  # noqa: N812
from .platforms import weekly_activity
from .seeding import uniforms
from .taxonomy import INTERESTS
from .trends import trend_factor

PLATFORM_SLUGS = tuple(P.PLATFORMS)


@dataclass
class AudienceProfile:
    """What a brand's followers on one platform are like.

    Attributes:
        interest_share: Share of followers holding each interest (len(INTERESTS),).
        activity: Relative activity by weekday and hour, shape (7, 24), mean 1.
        bot_share: Share of followers that are bots.
        size: Followers in the panel.
        pool: People who could ever follow the account (the platform's users in the world);
            non-follower reach and follows shrink as followers approach it.
    """

    interest_share: np.ndarray
    activity: np.ndarray
    bot_share: float
    size: int
    pool: int = 10**12


def audience_profile(
    slug: str, shifts: np.ndarray, weekend: np.ndarray, interests: np.ndarray, bots: np.ndarray
) -> AudienceProfile:
    """Summarise a group of followers for the model.

    Args:
        slug: Platform slug.
        shifts: Chronotype shift of each follower.
        weekend: Weekend factor of each follower.
        interests: Boolean interest matrix of the followers.
        bots: True for followers that are bots.

    Returns:
        The group's profile.
    """
    p = P.PLATFORMS[slug]
    act = np.zeros((7, 24))
    if shifts.size:
        vals, counts = np.unique(shifts, return_counts=True)
        for v, c in zip(vals, counts, strict=True):
            act += c * weekly_activity(p, float(v))
        act[5:] *= float(np.mean(weekend))
        act /= act.mean()
        share = interests.mean(axis=0)
        bot_share = float(bots.mean())
    else:
        act = weekly_activity(p)
        share = np.full(len(INTERESTS), 0.1)
        bot_share = 0.0
    return AudienceProfile(share, act, bot_share, int(shifts.size))


def _poisson(lam: np.ndarray, u: np.ndarray) -> np.ndarray:
    """Draw Poisson counts by inverting the CDF at ``u`` (normal approximation above 60)."""
    lam = np.maximum(np.asarray(lam, dtype=float), 0.0)
    out = np.zeros(lam.shape, dtype=np.int64)
    small = lam < 60
    if small.any():
        ls, us = lam[small], u[small]
        k = np.zeros(ls.shape, dtype=np.int64)
        pmf = np.exp(-ls)
        cdf = pmf.copy()
        for i in range(1, 200):
            more = us > cdf
            if not more.any():
                break
            k = np.where(more, i, k)
            pmf = pmf * ls / i
            cdf = cdf + pmf
        out[small] = k
    big = ~small
    if big.any():
        z = np.sqrt(2) * _erfinv(2 * u[big] - 1)
        out[big] = np.maximum(0, np.round(lam[big] + np.sqrt(lam[big]) * z)).astype(np.int64)
    return out


def _erfinv(y: np.ndarray) -> np.ndarray:
    """Inverse error function (Giles' single-precision approximation, plenty here)."""
    y = np.clip(y, -0.999999, 0.999999)
    w = -np.log((1.0 - y) * (1.0 + y))
    small = w < 5.0
    ws = w - 2.5
    p1 = 2.81022636e-08
    for c in (
        3.43273939e-07,
        -3.5233877e-06,
        -4.39150654e-06,
        0.00021858087,
        -0.00125372503,
        -0.00417768164,
        0.246640727,
        1.50140941,
    ):
        p1 = c + p1 * ws
    wb = np.sqrt(np.maximum(w, 5.0)) - 3.0
    p2 = -0.000200214257
    for c in (
        0.000100950558,
        0.00134934322,
        -0.00367342844,
        0.00573950773,
        -0.0076224613,
        0.00943887047,
        1.00167406,
        2.83297682,
    ):
        p2 = c + p2 * wb
    return np.where(small, p1, p2) * y


def normal_from_uniform(u: np.ndarray) -> np.ndarray:
    """Turn uniforms in (0, 1) into standard normal draws.

    Args:
        u: Uniform numbers strictly between 0 and 1.

    Returns:
        Standard normal numbers of the same shape.
    """
    return np.sqrt(2) * _erfinv(2 * u - 1)


def simulate_posts(
    posts: pd.DataFrame,
    profiles: dict[tuple[int, str], AudienceProfile],
    quality: dict[int, float],
    trends: pd.DataFrame,
    seed: int,
    namespace: str,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Simulate a batch of posts whose follower counts are known.

    Args:
        posts: One row per post with ``uid``, ``brand_id``, ``platform``, ``time``,
            ``format``, ``rubric``, ``topic``, ``text_length``, ``hashtags``, ``cta``,
            ``trend_id``, ``followers`` and ``posts_that_day`` (posts by the same brand on
            the same platform on that calendar day).
        profiles: Audience profile per ``(brand_id, platform)``.
        quality: Content quality per brand id.
        trends: The world's trends.
        seed: The world's seed.
        namespace: Keeps plan and history randomness apart.

    Returns:
        ``(results, factors)``: per-post outcomes and the factors that produced them, both
        indexed like ``posts``.
    """
    n = len(posts)
    plat = posts["platform"].to_numpy(dtype=object)
    times = pd.DatetimeIndex(posts["time"])
    hour = times.hour.to_numpy()
    wday = times.day_of_week.to_numpy()
    topic_idx = np.array([INTERESTS.index(t) for t in posts["topic"]], dtype=np.int64)
    fmt = posts["format"].to_numpy(dtype=object)
    rubric = posts["rubric"].to_numpy(dtype=object)
    cta = posts["cta"].to_numpy(dtype=object)
    text_len = posts["text_length"].to_numpy(dtype=float)
    tags = posts["hashtags"].to_numpy(dtype=float)
    followers = posts["followers"].to_numpy(dtype=float)
    same_day = posts["posts_that_day"].to_numpy(dtype=float)
    brand = posts["brand_id"].to_numpy()
    u = uniforms(seed, namespace, posts["uid"].to_numpy(), 12)

    def per_platform(attr: str) -> np.ndarray:
        return np.array([getattr(P.PLATFORMS[s], attr) for s in plat], dtype=float)

    organic = per_platform("organic_reach")
    discovery = per_platform("discovery")
    e_base = per_platform("engagement_per_reach")
    imp_per_reach = per_platform("impressions_per_reach")
    click_rate = per_platform("click_rate")
    follow_rate = per_platform("follow_rate")
    unfollow_rate = per_platform("unfollow_rate")
    sustainable = per_platform("sustainable_posts_per_day")
    fatigue_k = per_platform("fatigue")
    show_more = per_platform("show_more_chars")
    best_tags = per_platform("best_hashtags")
    mix = np.array([P.PLATFORMS[s].action_mix for s in plat], dtype=float).reshape(n, 4)

    f_time = np.empty(n)
    interest_share = np.empty(n)
    bot_share = np.empty(n)
    pool = np.empty(n)
    for key in set(zip(brand.tolist(), plat.tolist(), strict=True)):
        sel = (brand == key[0]) & (plat == key[1])
        prof = profiles[key]
        a = prof.activity
        h = hour[sel]
        w = wday[sel]
        # a post lives in the feed for a few hours: weight the next two hours in
        h1 = (h + 1) % 24
        h2 = (h + 2) % 24
        w1 = np.where(h + 1 >= 24, (w + 1) % 7, w)
        w2 = np.where(h + 2 >= 24, (w + 1) % 7, w)
        online = 0.6 * a[w, h] + 0.3 * a[w1, h1] + 0.1 * a[w2, h2]
        f_time[sel] = np.clip(online, 0.02, None) ** P.TIME_OF_DAY_ELASTICITY
        interest_share[sel] = prof.interest_share[topic_idx[sel]]
        bot_share[sel] = prof.bot_share
        pool[sel] = prof.pool
    f_time = np.clip(f_time, P.TIME_OF_DAY_FLOOR, 2.4)
    f_audience = P.AUDIENCE_FIT_FLOOR + P.AUDIENCE_FIT_SLOPE * interest_share
    f_format = np.array([P.PLATFORMS[s].formats[f] for s, f in zip(plat, fmt, strict=True)])
    extra = np.maximum(0.0, same_day - sustainable)
    f_fatigue = 1.0 / (1.0 + fatigue_k * extra)
    f_trend, t_int, t_fresh = trend_factor(
        trends,
        posts["trend_id"].to_numpy(dtype=object),
        plat,
        times,
        P.TREND_JOIN_BOOST,
        topics=posts["topic"].to_numpy(dtype=object),
        off_topic=P.TREND_OFF_TOPIC,
        stale=P.TREND_STALE,
    )
    f_quality = np.array([quality[int(b)] for b in brand], dtype=float)
    z = normal_from_uniform(u[:, 0])
    f_luck = np.exp(P.NOISE_SIGMA * z - 0.5 * P.NOISE_SIGMA**2)

    # hashtags help discovery up to the platform's best count, then look spammy
    with np.errstate(divide="ignore", invalid="ignore"):
        gain = np.where(best_tags > 0, 0.6 * np.minimum(tags, best_tags) / best_tags, 0.0)
    f_hashtags = np.where(tags > P.HASHTAG_SPAM_FROM, 0.6, 1.0 + gain)

    text_heavy = np.isin(plat, ("circles", "linkup", "chirp")) | np.isin(fmt, ("text", "link"))
    over = np.maximum(0.0, text_len - show_more) / np.maximum(show_more, 1.0)
    f_text = np.where(text_heavy, 1.0 - P.TEXT_CUT_PENALTY * np.minimum(1.0, over), 1.0)
    f_text = np.where(text_heavy & (text_len < 40), f_text * 0.85, f_text)

    rub = {k: np.array([P.RUBRIC_EFFECTS[r][k] for r in rubric]) for k in P.RUBRIC_EFFECTS["informative"]}
    ct = {k: np.array([P.CTA_EFFECTS[c][k] for c in cta]) for k in P.CTA_EFFECTS["none"]}

    uncapped = followers * organic * f_time * f_audience * f_format * f_fatigue * f_trend * f_quality * f_luck
    follower_reach_exp = np.minimum(uncapped, followers * 0.95)
    # non-followers: recommendation feeds and shares carry what followers liked, while people who
    # do not follow yet remain (a brand cannot be discovered by more people than there are)
    saturation = np.clip(1.0 - followers / pool, 0.0, 1.0)
    disc_exp = uncapped * discovery * f_hashtags * np.sqrt(f_format) * rub["discovery"] * saturation
    reach_f = np.minimum(_poisson(follower_reach_exp, u[:, 1]), followers.astype(np.int64))
    reach_d = np.minimum(_poisson(disc_exp, u[:, 2]), np.maximum(pool - followers, 0).astype(np.int64))
    reach = reach_f + reach_d
    impressions = reach + _poisson(reach * (imp_per_reach - 1.0), u[:, 3])

    if "bot_share" in posts.columns:  # bots gained during the run (giveaways) dilute the audience
        bot_share = posts["bot_share"].to_numpy(dtype=float)
    real_share = 1.0 - bot_share
    e_rate = e_base * np.sqrt(f_audience) * f_text * rub["engagement"] * ct["engagement"] * real_share
    eng = reach * e_rate
    likes = _poisson(eng * mix[:, 0], u[:, 4])
    comments = _poisson(eng * mix[:, 1] * rub["comments"] * ct["comments"], u[:, 5])
    shares = _poisson(eng * mix[:, 2] * rub["shares"], u[:, 6])
    saves = _poisson(eng * mix[:, 3] * rub["saves"], u[:, 7])
    clicks = _poisson(reach * click_rate * rub["clicks"] * ct["clicks"] * real_share, u[:, 8])
    follows_exp = reach_d * follow_rate * rub["follows"] * ct["follows"] * f_audience * saturation
    follows = _poisson(follows_exp, u[:, 9])
    is_contest = rubric == "contest"
    bot_follows = _poisson(
        np.where(is_contest, follows * P.CONTEST_BOT_SHARE / (1 - P.CONTEST_BOT_SHARE), 0.0), u[:, 10]
    )
    churn = (
        followers
        * unfollow_rate
        * (1 + P.OVERPOSTING_CHURN * extra**1.2)
        * np.where(rubric == "commercial", 1.5, 1.0)
    )
    # nobody unfollows twice: a day's posts together never lose more than the followers there are
    unfollows = np.minimum(
        _poisson(churn, u[:, 11]), (followers // np.maximum(same_day, 1.0)).astype(np.int64)
    )

    engagements = likes + comments + shares + saves
    results = pd.DataFrame(
        {
            "followers": followers.astype(np.int64),
            "reach": reach,
            "reach_followers": reach_f,
            "reach_non_followers": reach_d,
            "impressions": impressions,
            "likes": likes,
            "comments": comments,
            "shares": shares,
            "saves": saves,
            "clicks": clicks,
            "engagements": engagements,
            "follows": follows + bot_follows,
            "bot_follows": bot_follows,
            "unfollows": unfollows,
        },
        index=posts.index,
    )
    with np.errstate(divide="ignore", invalid="ignore"):
        results["er_followers"] = np.where(followers > 0, engagements / followers, 0.0)
        results["er_reach"] = np.where(reach > 0, engagements / np.maximum(reach, 1), 0.0)
    factors = pd.DataFrame(
        {
            "organic_reach": organic,
            "time_of_day": f_time,
            "audience_fit": f_audience,
            "interest_share": interest_share,
            "format_fit": f_format,
            "fatigue": f_fatigue,
            "trend": f_trend,
            "trend_intensity": t_int,
            "trend_freshness": t_fresh,
            "quality": f_quality,
            "luck": f_luck,
            "discovery": discovery,
            "hashtags": f_hashtags,
            "engagement_base": e_base,
            "text_length": f_text,
            "rubric": rub["engagement"],
            "cta": ct["engagement"],
            "real_share": real_share,
            "expected_follower_reach": follower_reach_exp,
        },
        index=posts.index,
    )
    return results, factors
